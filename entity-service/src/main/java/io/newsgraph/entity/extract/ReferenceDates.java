package io.newsgraph.entity.extract;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses an article's reference date, in this order of trust: its publication time; a dated dateline (a
 * dateline without a year takes the year that puts it nearest to the latest full date of the captions, byline
 * or body); the latest full date of a photo caption; an "Updated:" byline; the latest explicit full date of
 * the body. With none of them the reference is null and relative dates stay unresolved.
 */
final class ReferenceDates {

    private static final String MONTHS = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b" + MONTHS + "\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2}) " + MONTHS + "\\.?,? (\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    private ReferenceDates() {}

    static ReferenceDate choose(ExtractionInput input, WireMarkup.Markup markup, String text) {
        if (input.publishedAt() != null) {
            return new ReferenceDate(
                    LocalDate.ofInstant(input.publishedAt(), ZoneOffset.UTC), ReferenceDate.Source.PUBLISHED_AT);
        }
        LocalDate caption = null;
        for (String c : input.captions()) {
            caption = later(caption, latestFullDate(c));
        }
        LocalDate byline = input.bylineDate() != null ? input.bylineDate() : markup.bylineDate();
        LocalDate body = latestFullDate(text);
        WireMarkup.Dateline dateline = WireMarkup.dateline(input.datelineText());
        if (dateline == null) {
            dateline = markup.dateline();
        }
        if (dateline != null && dateline.dated()) {
            LocalDate anchor = caption != null ? caption : byline != null ? byline : body;
            LocalDate value = datelineDate(dateline, anchor);
            if (value != null) {
                return new ReferenceDate(value, ReferenceDate.Source.DATELINE);
            }
        }
        if (caption != null) {
            return new ReferenceDate(caption, ReferenceDate.Source.CAPTION);
        }
        if (byline != null) {
            return new ReferenceDate(byline, ReferenceDate.Source.BYLINE);
        }
        return body == null ? null : new ReferenceDate(body, ReferenceDate.Source.BODY);
    }

    private static LocalDate datelineDate(WireMarkup.Dateline d, LocalDate anchor) {
        try {
            if (d.year() != null) {
                return LocalDate.of(d.year(), d.month(), d.day());
            }
            if (anchor == null) {
                return null;
            }
            MonthDay monthDay = MonthDay.of(d.month(), d.day());
            LocalDate best = null;
            for (int year = anchor.getYear() - 1; year <= anchor.getYear() + 1; year++) {
                LocalDate candidate = monthDay.atYear(year);
                if (best == null
                        || Math.abs(candidate.toEpochDay() - anchor.toEpochDay())
                                < Math.abs(best.toEpochDay() - anchor.toEpochDay())) {
                    best = candidate;
                }
            }
            return best;
        } catch (RuntimeException e) {
            return null; // February 30 and the like
        }
    }

    /** The latest full date (month, day and year) written in {@code text}, or null. */
    static LocalDate latestFullDate(String text) {
        if (text == null) {
            return null;
        }
        LocalDate latest = null;
        for (Matcher m = MONTH_DAY_YEAR.matcher(text); m.find(); ) {
            latest = later(latest, date(m.group(3), DateExtractor.monthNumber(m.group(1)), m.group(2)));
        }
        for (Matcher m = DAY_MONTH_YEAR.matcher(text); m.find(); ) {
            latest = later(latest, date(m.group(3), DateExtractor.monthNumber(m.group(2)), m.group(1)));
        }
        for (Matcher m = ISO.matcher(text); m.find(); ) {
            latest = later(latest, WireMarkup.safeDate(m.group(1), m.group(2), m.group(3)));
        }
        return latest;
    }

    private static LocalDate date(String year, int month, String day) {
        return month == 0 ? null : WireMarkup.safeDate(year, String.valueOf(month), day);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }
}
