package io.newsgraph.article.parse;

import java.time.MonthDay;

/**
 * A wire dateline as found at the start of the body, e.g. {@code KYIV, March 3 (Reuters) -}.
 *
 * @param text     the dateline exactly as it appeared, separator included
 * @param place    city, with the region or country when printed ("KYIV, Ukraine")
 * @param monthDay the day it names, or null when it names none ("WASHINGTON (AP) —")
 * @param year     the year when printed (rare), else null
 * @param agency   the canonical agency it credits, or null
 */
public record Dateline(String text, String place, MonthDay monthDay, Integer year, String agency) {

    public Dateline {
        text = Texts.nullIfBlank(text);
        place = Texts.nullIfBlank(place);
        agency = Texts.nullIfBlank(agency);
    }
}
