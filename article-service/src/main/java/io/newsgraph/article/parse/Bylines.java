package io.newsgraph.article.parse;

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

    /** Lower-case words allowed inside personal and place names. */
    private static final Set<String> NAME_PARTICLES = Set.of(
            "and", "&", "de", "da", "di", "du", "del", "van", "von", "der", "den", "la", "le", "bin", "al", "el", "y",
            "of", "upon", "am");

    /** Outlet names that commonly close a byline ("By Jane Doe, Reuters") or fill a dateline. */
    static final Set<String> KNOWN_AGENCIES = Set.of(
            "reuters", "ap", "associated press", "the associated press", "afp", "agence france-presse", "xinhua",
            "bloomberg", "dpa", "kyodo", "kyodo news", "yonhap", "tass", "efe", "ansa", "upi", "pa", "cnn", "bbc",
            "china daily", "agencies", "anadolu", "interfax", "ria novosti", "pti", "ians", "aap");

    /** Last words that mark an outlet name rather than a person ("Washington Post", "Kyodo News"). */
    private static final Set<String> OUTLET_WORDS = Set.of(
            "news", "daily", "times", "post", "press", "agency", "service", "wire", "journal", "herald", "tribune",
            "telegraph", "guardian", "network");

    private Bylines() {
    }

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
        Matcher by = BY.matcher(s);
        if (by.matches()) {
            return parseBy(by.group(1));
        }
        Matcher source = SOURCE.matcher(s);
        if (source.matches()) {
            return new Byline(null, null, source.group(1));
        }
        return allowNameInPlace ? parseNameInPlace(s) : null;
    }

    /** Field-wise merge: values already in {@code primary} win. */
    static Byline merge(Byline primary, Byline secondary) {
        return new Byline(
                primary.author() != null ? primary.author() : secondary.author(),
                primary.place() != null ? primary.place() : secondary.place(),
                primary.source() != null ? primary.source() : secondary.source());
    }

    static boolean isKnownAgency(String name) {
        return KNOWN_AGENCIES.contains(name.strip().toLowerCase(Locale.ROOT));
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

    /** "Jane Doe and John Roe, Reuters" / "Jane Doe in Berlin". */
    private static Byline parseBy(String rest) {
        String names = rest;
        String source = null;
        int comma = rest.lastIndexOf(',');
        if (comma > 0 && isOutlet(rest.substring(comma + 1))) {
            source = rest.substring(comma + 1).strip();
            names = rest.substring(0, comma);
        }
        String[] authorAndPlace = splitPlace(names);
        if (!looksLikeNames(authorAndPlace[0], 12) || !looksLikePlace(authorAndPlace[1])) {
            return null;
        }
        return new Byline(authorAndPlace[0], authorAndPlace[1], source);
    }

    private static Byline parseNameInPlace(String line) {
        String[] authorAndPlace = splitPlace(line);
        if (authorAndPlace[1] == null || authorAndPlace[0].split(" ").length < 2
                || !looksLikeNames(authorAndPlace[0], 6) || !looksLikePlace(authorAndPlace[1])) {
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
        return new String[] {value.substring(0, in).strip(), value.substring(in + 4).strip()};
    }

    private static boolean isOutlet(String candidate) {
        String s = candidate.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return false;
        }
        String lastWord = s.substring(s.lastIndexOf(' ') + 1);
        return KNOWN_AGENCIES.contains(s) || DOMAIN.matcher(s).matches() || OUTLET_WORDS.contains(lastWord);
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
