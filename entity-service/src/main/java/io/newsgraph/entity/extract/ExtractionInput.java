package io.newsgraph.entity.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One article to analyse. All result offsets refer to {@code body}; the title only feeds salience.
 *
 * @param publishedAt  anchor for relative dates; when null a reference date is inferred from the dateline,
 *                     captions, byline or body ({@link ReferenceDate}), else relative dates stay unresolved
 * @param datelineText the article's dateline as it appeared ("KYIV, March 3 (Reuters) -") when the parser took it
 *                     out of the body; null when none (a dateline still at the start of the body is found there)
 * @param captions     texts of the article's photo captions (they may carry the date a photo was taken)
 * @param bylineDate   the date of an "Updated: ..." byline, when the parser found one
 */
public record ExtractionInput(
        String title,
        String body,
        Instant publishedAt,
        String datelineText,
        List<String> captions,
        LocalDate bylineDate) {

    public ExtractionInput {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        captions = captions == null ? List.of() : List.copyOf(captions);
    }

    public ExtractionInput(String title, String body, Instant publishedAt) {
        this(title, body, publishedAt, null, List.of(), null);
    }
}
