package io.newsgraph.article.parse;

import java.time.Instant;
import java.util.List;

/**
 * Structured result of parsing one article.
 *
 * <p>{@link #body()} is the paragraphs joined by {@code "\n\n"}; other services compute character
 * offsets into it, so it must stay deterministic. Nullable fields are {@code null} when absent
 * (blank strings are turned into {@code null}); lists are immutable and never {@code null}.
 */
public record ParsedArticle(String title, Byline byline, List<String> paragraphs, List<Caption> captions,
                            List<String> footers, Instant publishedAt, String language, String url) {

    public ParsedArticle {
        title = Texts.nullIfBlank(title);
        byline = byline == null ? Byline.NONE : byline;
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        captions = captions == null ? List.of() : List.copyOf(captions);
        footers = footers == null ? List.of() : List.copyOf(footers);
        language = Texts.nullIfBlank(language);
        url = Texts.nullIfBlank(url);
    }

    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
