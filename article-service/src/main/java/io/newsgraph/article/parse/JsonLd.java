package io.newsgraph.article.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the schema.org article object in a page's JSON-LD blocks. */
final class JsonLd {

    /** Publishers' JSON-LD is often sloppy (raw newlines, trailing commas); accept it. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    /** Bounds the walk through nested arrays and {@code @graph} lists. */
    private static final int MAX_DEPTH = 4;

    private JsonLd() {}

    /** The first Article/NewsArticle-like node in the document, or {@code null}. */
    static JsonNode findArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode article = findArticle(read(script.data()), 0);
            if (article != null) {
                return article;
            }
        }
        return null;
    }

    /** Text of a plain string field, or {@code null}. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Texts.nullIfBlank(value.asText()) : null;
    }

    /**
     * Names held by a field that may be a string, an object with "name", or an array of either
     * (the shapes used for {@code author} and {@code publisher}).
     */
    static List<String> names(JsonNode node, String field) {
        List<String> names = new ArrayList<>();
        JsonNode value = node.get(field);
        if (value == null) {
            return names;
        }
        for (JsonNode item : value.isArray() ? value : List.of(value)) {
            String name = item.isTextual() ? item.asText() : text(item, "name");
            if (name != null && !name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static JsonNode findArticle(JsonNode node, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                JsonNode found = findArticle(item, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (isArticleType(node.get("@type"))) {
            return node;
        }
        return findArticle(node.get("@graph"), depth + 1);
    }

    /** "Article" or any "...NewsArticle" (NewsArticle, ReportageNewsArticle, AnalysisNewsArticle…). */
    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        for (JsonNode t : type.isArray() ? type : List.of(type)) {
            String name = t.asText("");
            if (name.equals("Article") || name.endsWith("NewsArticle")) {
                return true;
            }
        }
        return false;
    }
}
