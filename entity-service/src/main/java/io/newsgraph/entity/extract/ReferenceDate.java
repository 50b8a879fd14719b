package io.newsgraph.entity.extract;

import java.time.LocalDate;

/**
 * The day relative dates of an article are resolved against, and where it comes from.
 *
 * @param source PUBLISHED_AT (the article's publication time), DATELINE ("KYIV, March 3 (Reuters) -"),
 *               CAPTION (a dated photo caption), BYLINE (an "Updated: 2025-03-03" byline) or BODY (the latest
 *               explicit full date in the text)
 */
public record ReferenceDate(LocalDate value, Source source) {

    public enum Source {
        PUBLISHED_AT,
        DATELINE,
        CAPTION,
        BYLINE,
        BODY
    }
}
