package io.newsgraph.entity.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire-copy markup that is not prose of the story, found in a body: the dateline at its start
 * ("KYIV, March 3 (Reuters) -", "BEIJING, May 12 (Xinhua) --", "OSLO (AP) —"), byline paragraphs ("By NAME |
 * Outlet | Updated: 2025-03-03"), caption paragraphs that end with a photo credit, and agency tags at the end
 * ("(Xinhua)", "Enditem", "Reporting by ...; Editing by ..."). Extraction blanks these spans out (offsets stay),
 * so a credit, an agency or a dateline city is never an entity, speaker or date of the story.
 */
final class WireMarkup {

    private static final String MONTHS =
            "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                    + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    /** CITY[, Region][, Month D[, YYYY]] [(Agency)] dash; the conditions on case live in {@link #dateline}. */
    private static final Pattern DATELINE = Pattern.compile(
            "\\s*(?<place>\\p{Lu}[\\p{L}\\p{M}.'’ -]{1,40}?)(?:,\\s*(?<region>\\p{Lu}[\\p{L}\\p{M}.' -]{1,30}?))?"
                    + "(?:,\\s*(?<month>" + MONTHS + ")\\.?\\s+(?<day>\\d{1,2})(?:,\\s*(?<year>\\d{4}))?)?"
                    + "\\s*(?:\\((?<agency>[^()\\n]{1,40})\\))?\\s*(?<dash>--?|[–—])(?:\\s+|$)");

    private static final Pattern BYLINE = Pattern.compile(
            "(?:By|BY)\\s+\\p{Lu}[^\\n]{0,160}|[^\\n]{0,80}\\bUpdated:?\\s+[^\\n]{4,40}|作者[:：][^\\n]{1,80}");
    private static final Pattern UPDATED = Pattern.compile("\\bUpdated:?\\s+(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern CREDIT = Pattern.compile(
            "(?:\\[\\s*(?:Photos?|Images?|Pictures?)\\b[^\\]\\n]{0,120}]|\\(\\s*(?:\\p{Lu}+ )?Photos?\\b[^)\\n]{0,80}\\)"
                    + "|\\b(?:Photos?|Images?): [^.\\n]{1,80}|\\bvia (?:REUTERS|Reuters|AFP|AP|Getty Images)"
                    + "|\\b\\p{Lu}{2,}/\\p{Lu}[\\p{L}.' -]{1,40})\\s*$");
    private static final Pattern TRAILER_LINE =
            Pattern.compile("(?:(?:Additional )?[Rr]eporting|Writing|Editing|Compiled|Edited|Translated) by\\b[^\\n]*");
    private static final Pattern TRAILER_TAG =
            Pattern.compile("\\s*(?:\\((?:\\p{Lu}[\\p{L}.&' -]{1,30})\\)|Enditem|ENDITEM)\\s*$");
    private static final int HEADER_PARAGRAPHS = 3;
    private static final int MAX_CAPTION_LENGTH = 400;
    private static final int MAX_BYLINE_WORDS = 16;

    /** A dateline: the place, the agency, and whatever of the date it gives (month and day, maybe a year). */
    record Dateline(int start, int end, String place, String agency, int month, int day, Integer year) {

        boolean dated() {
            return month > 0;
        }
    }

    /** Spans to blank out, the dateline (or null) and the date of an "Updated:" byline (or null). */
    record Markup(List<int[]> spans, Dateline dateline, LocalDate bylineDate) {

        String blank(String text) {
            if (spans.isEmpty()) {
                return text;
            }
            char[] chars = text.toCharArray();
            for (int[] span : spans) {
                for (int i = span[0]; i < span[1]; i++) {
                    if (chars[i] != '\n') {
                        chars[i] = ' ';
                    }
                }
            }
            return new String(chars);
        }
    }

    private WireMarkup() {}

    /** The dateline a text (a body, or a feed item's dateline string) starts with, or null. */
    static Dateline dateline(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DATELINE.matcher(text);
        if (!m.lookingAt()) {
            return null;
        }
        String place = m.group("place").strip();
        boolean upper = place.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        boolean agency = m.group("agency") != null;
        boolean longDash = !m.group("dash").equals("-");
        boolean dated = m.group("month") != null;
        // A plain "City - text" is too common in prose: it takes an agency, an upper-case city with a long
        // dash, or a date; a title-case place only with an agency or a date (at most four words).
        if (!(agency || upper && longDash || dated) || !upper && place.split(" ").length > 4) {
            return null;
        }
        int month = dated ? DateExtractor.monthNumber(m.group("month")) : 0;
        int day = dated ? Integer.parseInt(m.group("day")) : 0;
        Integer year = m.group("year") == null ? null : Integer.valueOf(m.group("year"));
        String full = m.group("region") == null
                ? place
                : place + ", " + m.group("region").strip();
        return new Dateline(
                m.start("place"), m.end(), full, agency ? m.group("agency").strip() : null, month, day, year);
    }

    static Markup find(String text) {
        List<int[]> spans = new ArrayList<>();
        List<int[]> paragraphs = paragraphs(text);
        LocalDate bylineDate = null;
        Dateline dateline = null;
        boolean bodySeen = false;
        for (int p = 0; p < paragraphs.size(); p++) {
            int start = paragraphs.get(p)[0];
            int end = paragraphs.get(p)[1];
            String paragraph = text.substring(start, end);
            if (p < HEADER_PARAGRAPHS && isByline(paragraph)) {
                spans.add(new int[] {start, end});
                Matcher u = UPDATED.matcher(paragraph);
                if (u.find() && bylineDate == null) {
                    bylineDate = safeDate(u.group(1), u.group(2), u.group(3));
                }
                continue;
            }
            if (paragraph.length() <= MAX_CAPTION_LENGTH
                    && CREDIT.matcher(paragraph).find()) {
                spans.add(new int[] {start, end});
                continue;
            }
            if (!bodySeen) {
                bodySeen = true;
                Dateline d = dateline(paragraph);
                if (d != null) {
                    dateline = new Dateline(
                            start + d.start(), start + d.end(), d.place(), d.agency(), d.month(), d.day(), d.year());
                    spans.add(new int[] {start, start + d.end()});
                }
            }
        }
        for (int p = paragraphs.size() - 1; p >= 0 && p >= paragraphs.size() - 2; p--) {
            int start = paragraphs.get(p)[0];
            int end = paragraphs.get(p)[1];
            String paragraph = text.substring(start, end);
            if (TRAILER_LINE.matcher(paragraph).matches()) {
                spans.add(new int[] {start, end});
                continue;
            }
            Matcher tag = TRAILER_TAG.matcher(paragraph);
            if (tag.find()) {
                spans.add(new int[] {start + tag.start(), end});
            }
            break;
        }
        return new Markup(spans, dateline, bylineDate);
    }

    private static boolean isByline(String paragraph) {
        return BYLINE.matcher(paragraph).matches() && paragraph.split("\\s+").length <= MAX_BYLINE_WORDS;
    }

    /** [start, end) of every paragraph (blank-line or line separated), blank ones skipped. */
    private static List<int[]> paragraphs(String text) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int next = text.indexOf('\n', i);
            int end = next < 0 ? text.length() : next;
            if (!text.substring(i, end).isBlank()) {
                int s = i;
                while (Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
                int e = end;
                while (Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
                out.add(new int[] {s, e});
            }
            i = end + 1;
        }
        return out;
    }

    static LocalDate safeDate(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
