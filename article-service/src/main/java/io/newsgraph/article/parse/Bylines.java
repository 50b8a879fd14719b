package io.newsgraph.article.parse;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses byline lines ("By NAME", "作者:…来源:…", "Source: X", "NAME in CITY"). */
final class Bylines {

    /** Bylines are short; longer lines are body text and are not examined at all. */
    private static final int MAX_LINE = 150;

    private static final String CN_AUTHOR = "作者:";
    private static final String CN_SOURCE = "来源:";
    private static final List<String> CN_MARKERS = List.of(CN_AUTHOR, CN_SOURCE, "编辑:");

    private static final Pattern BY = Pattern.compile("(?i:by)\\s+(\\S.*)");
    private static final Pattern SOURCE = Pattern.compile("(?i:source)\\s*(?::|-|–|—)\\s*(\\S.{0,99})");
    private static final Pattern DOMAIN = Pattern.compile("[\\w-]+(?:\\.[\\w-]+)+");
    /** "Jane Doe Political correspondent", "John Roe Economics editor": the Guardian's name and desk, no "By". */
    private static final Pattern STAFF_ROLE =
            Pattern.compile("(\\p{Lu}[\\p{L}'’.-]*(?: \\p{Lu}[\\p{L}'’.-]*){1,3}) (?:\\p{Lu}\\p{Ll}+ ){1,3}?"
                    + "(?:correspondent|editor|reporter|writer|columnist|commentator)(?: at large)?");

    /** Lower-case words allowed inside personal and place names. */
    private static final Set<String> NAME_PARTICLES = Set.of(
            "and", "&", "de", "da", "di", "du", "del", "van", "von", "der", "den", "la", "le", "bin", "al", "el", "y",
            "of", "upon", "am");

    /**
     * "Updated: 2025-03-03 10:17", "Published: March 3, 2025", "Last updated 2025-03-03", "Published On 4 Dec 2025":
     * the rest must be a date.
     */
    private static final Pattern DATED = Pattern.compile(
            "(?i:(?:last\\s+)?(?:updated|published|posted|modified|date)(?:\\s+on)?)\\s*(?::|-|–)?\\s*(\\S.{0,60})");
    /** A date, optionally with a time and zone: "2025-03-03 10:17", "March 3, 2025", "2025-03-03T10:17:00Z". */
    private static final Pattern DATE_ONLY =
            Pattern.compile("(?:(?:19|20)\\d{2}-\\d{2}-\\d{2}|\\d{1,2}\\.\\d{1,2}\\.(?:19|20)\\d{2}|"
                    + WireDates.MONTH_DAY
                    + ")"
                    + "(?:[\\s,T]+[\\d:.+-]{1,14}(?:\\s*(?i:a\\.?m\\.?|p\\.?m\\.?))?)?(?:\\s*\\(?[A-Z]{1,5}\\)?)?");

    /** Last words that mark an outlet name rather than a person ("Washington Post", "Kyodo News"). */
    private static final Set<String> OUTLET_WORDS = Set.of(
            "news",
            "daily",
            "times",
            "post",
            "press",
            "agency",
            "service",
            "wire",
            "journal",
            "herald",
            "tribune",
            "telegraph",
            "guardian",
            "network");

    private Bylines() {}

    /**
     * The byline this line is, or {@code null} when it is not one. A recognised byline carrying no
     * usable fields (e.g. an editor-only "编辑:" line) yields {@link Byline#NONE}.
     *
     * @param allowNameInPlace whether the weak "NAME in CITY" form is accepted; it is ambiguous
     *                         with headlines such as "Xi Jinping in Moscow", so callers only allow
     *                         it below an identified title
     */
    static Byline parseLine(String line, boolean allowNameInPlace) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > MAX_LINE) {
            return null;
        }
        if (CN_MARKERS.stream().anyMatch(s::contains)) {
            return parseChinese(s);
        }
        if (s.contains("|")) {
            // "Ayse Demir - Anadolu Agency | 26.11.2025 - Updated: 26.11.2025": dashes part segments too
            return parseSegments(s.split("\\s*\\|\\s*|\\s+[-–—]\\s+"));
        }
        Byline dated = datedLine(s);
        if (dated != null) {
            return dated;
        }
        Matcher by = BY.matcher(s);
        if (by.matches()) {
            return parseBy(by.group(1));
        }
        Matcher source = SOURCE.matcher(s);
        if (source.matches()) {
            return new Byline(null, null, source.group(1));
        }
        Matcher staff = STAFF_ROLE.matcher(s);
        if (staff.matches()
                && looksLikeNames(staff.group(1), 4)
                && staff.group(1).contains(" ")) {
            return new Byline(staff.group(1).strip(), null, null);
        }
        return allowNameInPlace ? parseNameInPlace(s) : null;
    }

    /** Field-wise merge: values already in {@code primary} win. */
    static Byline merge(Byline primary, Byline secondary) {
        return new Byline(
                primary.author() != null ? primary.author() : secondary.author(),
                primary.place() != null ? primary.place() : secondary.place(),
                primary.source() != null ? primary.source() : secondary.source(),
                primary.date() != null ? primary.date() : secondary.date());
    }

    /**
     * {@code By Jane Doe | China Daily | Updated: 2025-03-03 10:17}: every segment must be a byline, an outlet,
     * or a date; one unknown segment and the line is not a byline.
     */
    private static Byline parseSegments(String[] segments) {
        Byline byline = Byline.NONE;
        String bareName = null;
        int used = 0;
        for (String segment : segments) {
            if (segment.isBlank()) {
                continue;
            }
            Byline part = segmentByline(segment.strip());
            if (part == null && bareName == null && looksLikeNames(segment.strip(), 4)) {
                bareName = segment.strip(); // "Jane Doe | Reuters": a name without "By", if an outlet is named too
                continue;
            }
            if (part == null) {
                return null;
            }
            byline = merge(byline, part);
            used++;
        }
        if (bareName != null) {
            if (byline.source() == null) {
                return null;
            }
            byline = merge(byline, new Byline(bareName, null, null));
        }
        return used == 0 ? null : byline;
    }

    /** "Updated: 2025-03-03 10:17" → a byline holding only that date; null when the line is anything else. */
    private static Byline datedLine(String line) {
        Matcher dated = DATED.matcher(line);
        String value = dated.matches() ? dated.group(1).strip() : line;
        LocalDate date = DATE_ONLY.matcher(value).matches() ? WireDates.findFullDate(value) : null;
        return date == null ? null : new Byline(null, null, null, date);
    }

    private static Byline segmentByline(String segment) {
        Byline dated = datedLine(segment);
        if (dated != null) {
            return dated;
        }
        Matcher by = BY.matcher(segment);
        if (by.matches()) {
            return parseBy(by.group(1));
        }
        if (isOutlet(segment)) {
            return new Byline(null, null, segment);
        }
        return null;
    }

    /** {@code 作者:HENG WEILI in New York来源:chinadaily.com.cn}: markers may touch the preceding value. */
    private static Byline parseChinese(String line) {
        String[] authorAndPlace = splitPlace(chineseValue(line, CN_AUTHOR));
        return new Byline(authorAndPlace[0], authorAndPlace[1], chineseValue(line, CN_SOURCE));
    }

    private static String chineseValue(String line, String marker) {
        int at = line.indexOf(marker);
        if (at < 0) {
            return null;
        }
        int start = at + marker.length();
        int end = line.length();
        for (String other : CN_MARKERS) {
            int next = line.indexOf(other, start);
            if (next >= 0 && next < end) {
                end = next;
            }
        }
        return Texts.nullIfBlank(line.substring(start, end));
    }

    /** "Jane Doe and John Roe, Reuters" / "JANE DOE Associated Press" / "Jane Doe in Berlin" / "Reuters". */
    private static Byline parseBy(String rest) {
        if (Agencies.isKnown(rest)) {
            return new Byline(null, null, rest.strip());
        }
        String names = rest;
        String source = null;
        int comma = rest.lastIndexOf(',');
        String[] parts = rest.split(",");
        if (parts.length == 3 && isOutlet(parts[1]) && looksLikePlace(parts[2].strip())) {
            // "Jane Doe, BBC News, Nairobi": the BBC's order
            String[] authorAndPlace = splitPlace(parts[0]);
            return looksLikeNames(authorAndPlace[0], 12)
                    ? new Byline(authorAndPlace[0], parts[2].strip(), parts[1].strip())
                    : null;
        }
        if (comma > 0 && isOutlet(rest.substring(comma + 1))) {
            source = rest.substring(comma + 1).strip();
            names = rest.substring(0, comma);
        } else {
            String[] split = trailingOutlet(rest);
            if (split != null) {
                names = split[0];
                source = split[1];
            }
        }
        String[] authorAndPlace = splitPlace(names);
        if (!looksLikeNames(authorAndPlace[0], 12) || !looksLikePlace(authorAndPlace[1])) {
            return null;
        }
        return new Byline(authorAndPlace[0], authorAndPlace[1], source);
    }

    private static Byline parseNameInPlace(String line) {
        String[] authorAndPlace = splitPlace(line);
        if (authorAndPlace[1] == null
                || authorAndPlace[0].split(" ").length < 2
                || !looksLikeNames(authorAndPlace[0], 6)
                || !looksLikePlace(authorAndPlace[1])) {
            return null;
        }
        return new Byline(authorAndPlace[0], authorAndPlace[1], null);
    }

    /** Splits "NAME in PLACE" at the first " in "; place is null when absent. */
    private static String[] splitPlace(String value) {
        if (value == null) {
            return new String[] {null, null};
        }
        int in = value.indexOf(" in ");
        if (in <= 0) {
            return new String[] {value.strip(), null};
        }
        return new String[] {
            value.substring(0, in).strip(), value.substring(in + 4).strip()
        };
    }

    static boolean isOutlet(String candidate) {
        String s = candidate.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return false;
        }
        String lastWord = s.substring(s.lastIndexOf(' ') + 1);
        return Agencies.isKnown(s) || DOMAIN.matcher(s).matches() || OUTLET_WORDS.contains(lastWord);
    }

    /**
     * "JANE DOE Associated Press" → {"JANE DOE", "Associated Press"}: the AP prints its name after the authors
     * without a comma. Only names of two or more words count, so a surname such as "Reuter" is never cut.
     */
    private static String[] trailingOutlet(String rest) {
        String[] words = rest.strip().split("\\s+");
        for (int n = Math.min(4, words.length - 1); n >= 2; n--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length));
            if (Agencies.isKnown(tail)) {
                return new String[] {String.join(" ", java.util.Arrays.copyOfRange(words, 0, words.length - n)), tail};
            }
        }
        return null;
    }

    /** Capitalised name tokens (any script casing kept), joined by particles such as "and". */
    private static boolean looksLikeNames(String s, int maxTokens) {
        if (s == null || s.isEmpty() || s.length() > 100) {
            return false;
        }
        String[] tokens = s.split("[\\s,]+");
        if (tokens.length > maxTokens) {
            return false;
        }
        for (String token : tokens) {
            if (!token.isEmpty() && !isCapitalised(token) && !NAME_PARTICLES.contains(token)) {
                return false;
            }
        }
        return s.chars().noneMatch(Character::isDigit);
    }

    private static boolean looksLikePlace(String place) {
        return place == null || (place.length() <= 60 && looksLikeNames(place, 6));
    }

    private static boolean isCapitalised(String token) {
        return Character.isUpperCase(token.codePointAt(0));
    }
}
