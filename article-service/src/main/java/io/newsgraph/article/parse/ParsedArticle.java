package io.newsgraph.article.parse;

import java.time.Instant;
import java.util.List;

/**
 * Structured result of parsing one article.
 *
 * <p>{@link #body()} is the paragraphs joined by {@code "\n\n"}; other services compute character
 * offsets into it, so it must stay deterministic. Metadata found in the text (dateline, bylines, captions,
 * credit footers, agency tags) is not part of the paragraphs. Nullable fields are {@code null} when absent
 * (blank strings are turned into {@code null}); lists are immutable and never {@code null}.
 *
 * @param dateline the wire dateline that opened the body, or null
 * @param credits  the contributions named in credit footers ("Reporting by ...; Editing by ...")
 * @param agency   the canonical news agency the copy credits (dateline, agency tag or byline), or null
 */
public record ParsedArticle(
        String title,
        Byline byline,
        Dateline dateline,
        List<String> paragraphs,
        List<Caption> captions,
        List<String> footers,
        List<Credit> credits,
        String agency,
        Instant publishedAt,
        String language,
        String url) {

    public ParsedArticle {
        title = Texts.nullIfBlank(title);
        byline = byline == null ? Byline.NONE : byline;
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        captions = captions == null ? List.of() : List.copyOf(captions);
        footers = footers == null ? List.of() : List.copyOf(footers);
        credits = credits == null ? List.of() : List.copyOf(credits);
        agency = Texts.nullIfBlank(agency);
        language = Texts.nullIfBlank(language);
        url = Texts.nullIfBlank(url);
    }

    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
