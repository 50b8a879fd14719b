package io.newsgraph.article.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as wire copy prints them: "March 3", "Sept. 3", "3 March", "MAR 3", "March 3, 2025", "2025-03-03". */
public final class WireDates {

    /** English month names and the abbreviations agencies use (AP: "Sept."; others "Sep"). */
    static final String MONTH = "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

    /** Month and day either way round, optionally with a year: groups month, day (or day2, month2), year. */
    static final String MONTH_DAY = "(?:(?<month>" + MONTH + ")\\s+(?<day>\\d{1,2})(?!\\d)"
            + "|(?<day2>\\d{1,2})\\s+(?<month2>" + MONTH + "))(?:,?\\s+(?<year>(?:19|20)\\d{2}))?";

    private static final Pattern ISO = Pattern.compile("((?:19|20)\\d{2})-(\\d{2})-(\\d{2})");
    /** "26.11.2025": day, month, year with dots, as Turkish, German and Russian outlets date their bylines. */
    static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d{2})\\b");

    private static final Pattern WRITTEN = Pattern.compile("(?<![\\p{L}\\d])" + MONTH_DAY);

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));

    /** A month and day, with the year when printed. */
    record WireDate(MonthDay monthDay, Integer year) {

        LocalDate date() {
            return year == null ? null : monthDay.atYear(year);
        }
    }

    private WireDates() {}

    /** The date a {@link #MONTH_DAY} match names, or null when it is no calendar day (e.g. "Feb 30"). */
    static WireDate of(Matcher m) {
        boolean monthFirst = m.group("month") != null;
        String month = monthFirst ? m.group("month") : m.group("month2");
        String day = monthFirst ? m.group("day") : m.group("day2");
        String year = m.group("year");
        try {
            MonthDay monthDay =
                    MonthDay.of(MONTHS.get(month.substring(0, 3).toLowerCase(Locale.ROOT)), Integer.parseInt(day));
            if (year != null) {
                monthDay.atYear(Integer.parseInt(year)); // Feb 29 of a common year is no date
            }
            return new WireDate(monthDay, year == null ? null : Integer.valueOf(year));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The first full date (ISO or written with a year) in a short text such as "Updated: 2025-03-03 10:17". */
    static LocalDate findFullDate(String text) {
        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            try {
                return LocalDate.of(
                        Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            } catch (DateTimeException e) {
                return null;
            }
        }
        Matcher dotted = DOTTED.matcher(text);
        if (dotted.find()) {
            try {
                return LocalDate.of(
                        Integer.parseInt(dotted.group(3)),
                        Integer.parseInt(dotted.group(2)),
                        Integer.parseInt(dotted.group(1)));
            } catch (DateTimeException e) {
                return null;
            }
        }
        Matcher written = WRITTEN.matcher(text);
        while (written.find()) {
            WireDate date = of(written);
            if (date != null && date.year() != null) {
                return date.date();
            }
        }
        return null;
    }

    /**
     * The year that puts a month-day closest to, and not more than two days after, the reference date: a dateline
     * names the day the story was filed, so it never lies far after publication.
     */
    public static LocalDate resolve(MonthDay monthDay, LocalDate reference) {
        if (monthDay == null || reference == null) {
            return null;
        }
        for (int year = reference.getYear() + 1; year >= reference.getYear() - 1; year--) {
            if (!monthDay.isValidYear(year)) {
                continue;
            }
            LocalDate candidate = monthDay.atYear(year);
            if (!candidate.isAfter(reference.plusDays(2))) {
                return candidate;
            }
        }
        return null;
    }
}
