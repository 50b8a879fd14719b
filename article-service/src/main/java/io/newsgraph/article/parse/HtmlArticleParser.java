package io.newsgraph.article.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Extracts metadata and the article body from a news web page. Metadata is read before any
 * boilerplate is removed, because page headers often hold the title and byline. Never throws.
 */
public final class HtmlArticleParser {

    private static final String BOILERPLATE_TAGS =
            "script, style, noscript, nav, header, footer, aside, form, iframe, button";

    private static final Pattern BOILERPLATE_CLASS = Pattern.compile(
            "share|social|related|comment|newsletter|advert|promo|cookie|subscribe|breadcrumb|menu",
            Pattern.CASE_INSENSITIVE);

    /** Containers holding the article itself; never removed even if their class looks like boilerplate. */
    private static final String ARTICLE_SELECTOR = "article, [itemprop=articleBody]";

    private static final Set<String> BLOCK_TAGS = Set.of("p", "h2", "h3", "h4", "blockquote", "li");
    private static final String CREDIT_SELECTOR = ".credit, .photo-credit";
    private static final int MAX_BYLINE_ELEMENT_LENGTH = 150;

    public ParsedArticle parse(String html, String baseUri) {
        String base = baseUri == null ? "" : baseUri;
        try {
            return parseDocument(Jsoup.parse(html == null ? "" : html, base), base);
        } catch (RuntimeException e) {
            // Contract: malformed input yields an empty article rather than an exception.
            return new BodyCollector().build(null, Byline.NONE, null, null, null);
        }
    }

    private ParsedArticle parseDocument(Document doc, String baseUri) {
        JsonNode ld = JsonLd.findArticle(doc);
        String siteName =
                firstNonNull(meta(doc, "og:site_name"), ld == null ? null : first(JsonLd.names(ld, "publisher")));
        String title = stripSiteSuffix(title(doc, ld), siteName);
        Byline byline = byline(doc, ld, siteName);
        Instant publishedAt = publishedAt(doc, ld);
        String language = language(doc);
        String url = url(doc, baseUri);

        removeBoilerplate(doc);
        BodyCollector collector = new BodyCollector();
        Element container = container(doc);
        if (container != null) {
            collectBlocks(container, collector);
        }
        return collector.build(title, byline, publishedAt, language, url);
    }

    // ---- metadata ----------------------------------------------------------------------------

    private static String title(Document doc, JsonNode ld) {
        return firstNonNull(
                meta(doc, "og:title"),
                ld == null ? null : normalized(JsonLd.text(ld, "headline")),
                elementText(doc.selectFirst("h1")),
                normalized(doc.title()));
    }

    /** "Headline - Site" / "Headline | Site" → "Headline", only when "Site" is the declared site name. */
    private static String stripSiteSuffix(String title, String siteName) {
        if (title == null || siteName == null) {
            return title;
        }
        for (String separator : List.of(" - ", " | ", " – ", " — ")) {
            String suffix = separator + siteName;
            if (title.endsWith(suffix) && title.length() > suffix.length()) {
                return title.substring(0, title.length() - suffix.length()).strip();
            }
        }
        return title;
    }

    private static Byline byline(Document doc, JsonNode ld, String siteName) {
        Byline fromElement = bylineElement(doc);
        String author = firstNonNull(
                ld == null ? null : joinNames(JsonLd.names(ld, "author")),
                meta(doc, "author"),
                notUrl(meta(doc, "article:author")),
                elementText(doc.selectFirst("[rel=author]")),
                fromElement.author());
        return new Byline(author, fromElement.place(), siteName);
    }

    /** A ".byline" element parsed like a wire byline ("By Jane Doe in Berlin"). */
    private static Byline bylineElement(Document doc) {
        String text = elementText(doc.selectFirst(".byline"));
        if (text == null || text.length() > MAX_BYLINE_ELEMENT_LENGTH) {
            return Byline.NONE;
        }
        Byline parsed = Bylines.parseLine(text, true);
        return parsed != null ? parsed : Byline.NONE;
    }

    private static Instant publishedAt(Document doc, JsonNode ld) {
        Element time = doc.selectFirst("time[datetime]");
        return firstNonNull(
                Dates.parse(meta(doc, "article:published_time")),
                ld == null ? null : Dates.parse(JsonLd.text(ld, "datePublished")),
                time == null ? null : Dates.parse(time.attr("datetime")));
    }

    /** Primary subtag of {@code <html lang>}: "en-US" → "en". */
    private static String language(Document doc) {
        Element html = doc.selectFirst("html");
        String lang = html == null ? "" : html.attr("lang").strip();
        int dash = lang.indexOf('-') >= 0 ? lang.indexOf('-') : lang.indexOf('_');
        String primary = dash >= 0 ? lang.substring(0, dash) : lang;
        return Texts.nullIfBlank(primary.toLowerCase(Locale.ROOT));
    }

    /** Canonical link, then og:url, then the address the page was fetched from. */
    private static String url(Document doc, String baseUri) {
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        return firstNonNull(
                canonical == null ? null : Texts.nullIfBlank(canonical.absUrl("href")),
                meta(doc, "og:url"),
                baseUri.startsWith("http://") || baseUri.startsWith("https://") ? baseUri : null);
    }

    private static String meta(Document doc, String key) {
        Element meta = doc.selectFirst("meta[property=\"" + key + "\"][content], meta[name=\"" + key + "\"][content]");
        return meta == null ? null : normalized(meta.attr("content"));
    }

    // ---- body --------------------------------------------------------------------------------

    private static void removeBoilerplate(Document doc) {
        doc.select(BOILERPLATE_TAGS).remove();
        for (Element el : doc.getAllElements()) {
            if (el.parent() != null && looksLikeBoilerplate(el)) {
                el.remove();
            }
        }
    }

    private static boolean looksLikeBoilerplate(Element el) {
        String marker = el.className() + " " + el.id();
        return !marker.isBlank()
                && BOILERPLATE_CLASS.matcher(marker).find()
                && !el.nameIs("body")
                && !el.nameIs("main")
                && el.selectFirst(ARTICLE_SELECTOR) == null;
    }

    /** articleBody, else the {@code <article>} with most paragraph text, else the densest {@code <p>} parent. */
    private static Element container(Document doc) {
        Element body = doc.selectFirst("[itemprop=articleBody]");
        if (body != null) {
            return body;
        }
        Elements articles = doc.select("article");
        if (!articles.isEmpty()) {
            return articles.stream()
                    .max(Comparator.comparingInt(a -> a.select("p").text().length()))
                    .orElseThrow();
        }
        return densestParagraphParent(doc);
    }

    private static Element densestParagraphParent(Document doc) {
        Element best = null;
        int bestLength = 0;
        for (Element el : doc.getAllElements()) {
            int length = 0;
            for (Element child : el.children()) {
                length += child.nameIs("p") ? child.text().length() : 0;
            }
            if (length > bestLength) {
                best = el;
                bestLength = length;
            }
        }
        return best;
    }

    /** Walks the container in document order; block elements are taken whole so nested blocks are not repeated. */
    private static void collectBlocks(Element container, BodyCollector collector) {
        NodeFilter filter = (node, depth) -> {
            if (node == container || !(node instanceof Element el)) {
                return NodeFilter.FilterResult.CONTINUE;
            }
            if (el.nameIs("figure")) {
                Element caption = el.selectFirst("figcaption, .caption, .wp-caption-text");
                if (caption != null) {
                    collector.addCaption(caption(caption));
                }
                return NodeFilter.FilterResult.SKIP_ENTIRELY;
            }
            if (el.nameIs("figcaption")) {
                collector.addCaption(caption(el));
                return NodeFilter.FilterResult.SKIP_ENTIRELY;
            }
            if (BLOCK_TAGS.contains(el.normalName())) {
                collector.add(TextNormalizer.normalize(el.text()));
                return NodeFilter.FilterResult.SKIP_ENTIRELY;
            }
            return NodeFilter.FilterResult.CONTINUE;
        };
        NodeTraversor.filter(filter, container);
    }

    /** Credit from a ".credit"/".photo-credit" child, else from the caption text itself. */
    private static Caption caption(Element captionElement) {
        Element creditElement = captionElement.selectFirst(CREDIT_SELECTOR);
        if (creditElement == null) {
            return Captions.fromCaptionText(TextNormalizer.normalize(captionElement.text()));
        }
        Element withoutCredit = captionElement.clone();
        withoutCredit.select(CREDIT_SELECTOR).remove();
        return new Caption(
                TextNormalizer.normalize(withoutCredit.text()),
                Captions.cleanCredit(TextNormalizer.normalize(creditElement.text())));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String elementText(Element el) {
        return el == null ? null : normalized(el.text());
    }

    private static String normalized(String text) {
        return text == null ? null : Texts.nullIfBlank(TextNormalizer.normalize(text));
    }

    private static String notUrl(String value) {
        return value != null && value.contains("://") ? null : value;
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    /** "A" / "A and B" / "A, B and C". */
    private static String joinNames(List<String> names) {
        if (names.size() <= 1) {
            return first(names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
