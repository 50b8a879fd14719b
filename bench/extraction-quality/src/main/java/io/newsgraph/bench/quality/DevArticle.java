package io.newsgraph.bench.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.article.parse.Caption;
import io.newsgraph.article.parse.HtmlArticleParser;
import io.newsgraph.article.parse.ParsedArticle;
import io.newsgraph.article.parse.PublicationTime;
import io.newsgraph.article.parse.WireCopyParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One dev-set article: its raw input parsed the way article-service's ingest does (ArticleDrafts: text →
 * WireCopyParser.parse, HTML → HtmlArticleParser, JSON → fields over WireCopyParser.parseBody), and its gold.
 */
record DevArticle(
        String name,
        Gold gold,
        String title,
        String author,
        String source,
        String place,
        List<Caption> captions,
        Instant metaPublishedAt,
        String body,
        Instant publishedAt,
        String datelineText,
        LocalDate bylineDate) {

    static final ObjectMapper JSON = new ObjectMapper();

    static List<DevArticle> loadAll(Path devset) {
        try (Stream<Path> files = Files.list(devset.resolve("articles"))) {
            List<DevArticle> all = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                all.add(load(devset, file));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DevArticle load(Path devset, Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.lastIndexOf('.'));
        Gold gold =
                JSON.readValue(devset.resolve("gold").resolve(name + ".json").toFile(), Gold.class);
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        Instant given = gold.input() == null || gold.input().publishedAt() == null
                ? null
                : Instant.parse(gold.input().publishedAt());
        if (fileName.endsWith(".html")) {
            return of(name, gold, new HtmlArticleParser().parse(raw, null), null, null, null, given);
        }
        if (fileName.endsWith(".json")) {
            JsonNode node = JSON.readTree(raw);
            ParsedArticle parsed =
                    new WireCopyParser().parseBody(node.path("body").asText(""));
            Instant published = node.hasNonNull("publishedAt")
                    ? Instant.parse(node.get("publishedAt").asText())
                    : given;
            DevArticle a =
                    of(name, gold, parsed, text(node, "title"), text(node, "author"), text(node, "source"), published);
            return new DevArticle(
                    a.name(),
                    gold,
                    a.title(),
                    a.author(),
                    a.source(),
                    a.place(),
                    a.captions(),
                    node.hasNonNull("publishedAt") ? published : a.metaPublishedAt(),
                    a.body(),
                    a.publishedAt(),
                    a.datelineText(),
                    a.bylineDate());
        }
        return of(name, gold, new WireCopyParser().parse(raw), null, null, null, given);
    }

    private static DevArticle of(
            String name, Gold gold, ParsedArticle parsed, String title, String author, String source, Instant given) {
        // Metadata: the publication time the content states (ArticleDrafts without a client's value); entity-service
        // gets the stored time only when it is a stated one (ArticleVersion.statedPublishedAt).
        Instant published = PublicationTime.of(given, parsed).stated();
        return new DevArticle(
                name,
                gold,
                title != null ? title : parsed.title(),
                author != null ? author : parsed.byline().author(),
                source != null ? source : parsed.byline().source(),
                parsed.byline().place(),
                parsed.captions(),
                PublicationTime.of(null, parsed).value(),
                parsed.body(),
                published,
                parsed.dateline() == null ? null : parsed.dateline().text(),
                parsed.byline().date());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
