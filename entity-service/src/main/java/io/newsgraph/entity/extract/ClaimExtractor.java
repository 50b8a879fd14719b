package io.newsgraph.entity.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numeric claims: a number (digits or a count word), its hedge ("almost", "more than"), and the noun
 * phrase it counts. Numbers that are part of a date, a year, an identifier ("F-16", "G7") or a
 * clock time are skipped. The claimant is the speaker of the quotation or reported clause that
 * contains the number.
 */
final class ClaimExtractor {

    private static final Pattern NUMBER =
            Pattern.compile("(?<currency>[$€£])?(?<digits>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
                    + "(?:\\s?(?<scale>thousand|million|billion|trillion|bn)\\b)?"
                    + "(?<percent>\\s?%|\\s(?:percent|per cent)\\b)?");
    private static final Pattern QUALIFIER = Pattern.compile(
            "\\b(almost|nearly|about|around|approximately|roughly|some|over|under|more than|less than|fewer than|at least"
                    + "|at most|up to|as many as|close to|just over|just under|upwards of)\\s+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HYPHEN_UNIT = Pattern.compile("\\G-([a-z]+)\\b");
    private static final Pattern UNIT_WORD = Pattern.compile("\\G\\s+([A-Za-z][A-Za-z-]*)");
    private static final Set<String> UNIT_STOPS = Set.of(
            "of",
            "in",
            "on",
            "at",
            "to",
            "for",
            "and",
            "or",
            "but",
            "were",
            "was",
            "is",
            "are",
            "be",
            "been",
            "have",
            "has",
            "had",
            "the",
            "a",
            "an",
            "than",
            "per",
            "from",
            "by",
            "with",
            "that",
            "which",
            "who",
            "it",
            "its",
            "as",
            "into",
            "over",
            "under",
            "after",
            "before",
            "since",
            "during",
            "will",
            "would",
            "could",
            "can",
            "this",
            "these",
            "those",
            "said",
            "says",
            "more",
            "less",
            "times",
            "overnight",
            "each",
            "ago",
            "earlier",
            "later");
    private static final Map<String, Integer> SCALES =
            Map.of("thousand", 3, "million", 6, "billion", 9, "bn", 9, "trillion", 12);
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("fifteen", 15),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60),
            Map.entry("seventy", 70),
            Map.entry("eighty", 80),
            Map.entry("ninety", 90),
            Map.entry("dozen", 12));
    private static final Map<String, String> CURRENCIES = Map.of("$", "USD", "€", "EUR", "£", "GBP");
    private static final int MAX_UNIT_WORDS = 4;

    List<ClaimResult> extract(Segmentation segmentation, List<DateResult> dates, List<QuoteResult> quotes) {
        String text = segmentation.text();
        List<ClaimResult> claims = new ArrayList<>();
        Matcher number = NUMBER.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int consumed = 0;
        for (Token token : segmentation.tokens()) {
            String word = token.text();
            if (token.start() < consumed) {
                continue;
            }
            char first = word.charAt(0);
            if (Character.isDigit(first) || CURRENCIES.containsKey(word)) {
                if (number.region(token.start(), text.length()).lookingAt()
                        && !insideDate(number.start(), number.end(), dates)
                        && !isIdentifierOrTime(text, number.start(), number.end())) {
                    consumed = number.end();
                    addIfPresent(claims, numeric(text, number, quotes));
                }
            } else {
                Integer value = WORDS.get(Lexicon.lower(word));
                if (value != null) {
                    addIfPresent(claims, counted(text, token, value, quotes));
                }
            }
        }
        return List.copyOf(claims);
    }

    private static void addIfPresent(List<ClaimResult> claims, ClaimResult claim) {
        if (claim != null) {
            claims.add(claim);
        }
    }

    /** "four regions", "five-year": count words need a plural noun or a hyphenated unit. */
    private ClaimResult counted(String text, Token word, int value, List<QuoteResult> quotes) {
        if (word.isCapitalized() && !isSentenceStart(text, word.start())) {
            return null;
        }
        int[] unitEnd = new int[] {word.end()};
        String unit = unitAfter(text, word.end(), unitEnd);
        boolean hyphenated = word.end() < text.length() && text.charAt(word.end()) == '-';
        if (unit == null || !(hyphenated || isPlural(unit))) {
            return null; // a bare count word ("the two met") is not a claim
        }
        return build(text, word.start(), word.start(), unitEnd[0], BigDecimal.valueOf(value), unit, quotes);
    }

    private ClaimResult numeric(String text, Matcher m, List<QuoteResult> quotes) {
        BigDecimal value = new BigDecimal(m.group("digits").replace(",", ""));
        String scale = m.group("scale");
        if (scale != null) {
            value = value.scaleByPowerOfTen(SCALES.get(scale.toLowerCase(Locale.ROOT)));
        }
        int[] unitEnd = new int[] {m.end()};
        String unit;
        if (m.group("percent") != null) {
            unit = "percent";
        } else if (m.group("currency") != null) {
            unit = CURRENCIES.get(m.group("currency"));
        } else {
            unit = unitAfter(text, m.end(), unitEnd);
        }
        return build(text, m.start(), m.start(), unitEnd[0], plain(value), unit, quotes);
    }

    /** Adds the hedge before the number and the claimant of the surrounding quotation. */
    private static ClaimResult build(
            String text, int start, int numberStart, int end, BigDecimal value, String unit, List<QuoteResult> quotes) {
        String qualifier = null;
        Matcher q = QUALIFIER.matcher(text.substring(Math.max(0, start - 30), start));
        if (q.find()) {
            qualifier = q.group(1).toLowerCase(Locale.ROOT);
            start -= q.group().length();
        }
        QuoteResult source = containing(numberStart, quotes);
        return new ClaimResult(
                start,
                end,
                text.substring(start, end),
                value,
                qualifier,
                unit,
                source == null ? null : source.speakerKey(),
                source != null && source.kind() != QuoteKind.INDIRECT);
    }

    /** The counted noun phrase: up to the first plural noun within a few words, else a hyphenated unit or one word. */
    private static String unitAfter(String text, int from, int[] end) {
        Matcher hyphen = HYPHEN_UNIT.matcher(text);
        if (hyphen.find(from)) {
            end[0] = hyphen.end();
            return hyphen.group(1);
        }
        List<String> words = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        Matcher w = UNIT_WORD.matcher(text);
        int at = from;
        while (words.size() < MAX_UNIT_WORDS
                && w.find(at)
                && !UNIT_STOPS.contains(w.group(1).toLowerCase(Locale.ROOT))) {
            words.add(w.group(1));
            ends.add(w.end());
            at = w.end();
        }
        for (int i = 0; i < words.size(); i++) {
            if (isPlural(words.get(i))) {
                end[0] = ends.get(i);
                return String.join(" ", words.subList(0, i + 1));
            }
        }
        if (words.isEmpty()
                || !Character.isLowerCase(words.get(0).charAt(0))
                || words.get(0).endsWith("ed")) {
            return null; // "30 recalled": a verb, not a unit
        }
        end[0] = ends.get(0);
        return words.get(0);
    }

    private static boolean isPlural(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us");
    }

    private static QuoteResult containing(int offset, List<QuoteResult> quotes) {
        QuoteResult reported = null;
        for (QuoteResult q : quotes) {
            if (offset >= q.start() && offset < q.end()) {
                if (q.kind() != QuoteKind.INDIRECT) {
                    return q;
                }
                reported = q;
            }
        }
        return reported;
    }

    private static boolean insideDate(int start, int end, List<DateResult> dates) {
        for (DateResult d : dates) {
            if (start < d.end() && d.start() < end) {
                return true;
            }
        }
        return false;
    }

    /** "F-16", "G7", "COVID-19", "10:30", "3rd". */
    private static boolean isIdentifierOrTime(String text, int s, int e) {
        char before = s > 0 ? text.charAt(s - 1) : ' ';
        char beforeHyphen = s > 1 ? text.charAt(s - 2) : ' ';
        if (Character.isLetterOrDigit(before)
                || (before == '-' && Character.isLetter(beforeHyphen))
                || (before == ':' && Character.isDigit(beforeHyphen))) {
            return true;
        }
        char after = e < text.length() ? text.charAt(e) : ' ';
        return Character.isLetter(after)
                || (after == ':' && e + 1 < text.length() && Character.isDigit(text.charAt(e + 1)));
    }

    private static boolean isSentenceStart(String text, int at) {
        int p = at;
        while (p > 0 && Character.isWhitespace(text.charAt(p - 1))) {
            p--;
        }
        return p == 0 || ".!?\"".indexOf(text.charAt(p - 1)) >= 0;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
