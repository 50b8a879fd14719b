package io.newsgraph.article.service;

import io.newsgraph.article.repository.StoredCredit;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * Wire metadata read from an article's text beside title, author and source; each part nullable.
 *
 * @param datelineText     the dateline as printed ("KYIV, March 3 (Reuters) -")
 * @param datelineMonthDay the day the dateline names
 * @param datelineDate     that day with its year (printed, or resolved against the publication or byline date)
 * @param agency           canonical news agency the copy credits
 * @param bylineDate       date of a dated byline ("Updated: 2025-03-03 10:17")
 * @param credits          contribution credits from the footers
 */
public record WireMetadata(
        String datelineText,
        MonthDay datelineMonthDay,
        LocalDate datelineDate,
        String agency,
        LocalDate bylineDate,
        List<StoredCredit> credits) {

    public static final WireMetadata NONE = new WireMetadata(null, null, null, null, null, List.of());

    public WireMetadata {
        credits = credits == null ? List.of() : List.copyOf(credits);
    }
}
