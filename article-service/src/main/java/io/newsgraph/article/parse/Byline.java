package io.newsgraph.article.parse;

import java.time.LocalDate;

/**
 * Who wrote an article, where it was filed from, which outlet/agency supplied it and the date the byline
 * carries ("Updated: 2025-03-03 10:17"); each part nullable.
 */
public record Byline(String author, String place, String source, LocalDate date) {

    public static final Byline NONE = new Byline(null, null, null, null);

    public Byline {
        author = Texts.nullIfBlank(author);
        place = Texts.nullIfBlank(place);
        source = Texts.nullIfBlank(source);
    }

    public Byline(String author, String place, String source) {
        this(author, place, source, null);
    }
}
