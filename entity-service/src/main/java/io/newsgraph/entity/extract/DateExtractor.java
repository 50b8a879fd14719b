package io.newsgraph.entity.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds explicit and relative time expressions and resolves them against the publication date
 * (taken in UTC). Resolution rules:
 * <ul>
 *   <li>weekday names: the most recent such day on or before publication, unless the clause is
 *       future tense ("will meet on Monday", "expected to", "might", reported "would reopen on Tuesday", a call
 *       or forecast for a day: "urged ... to gather on Monday"), then the first such day on or
 *       after publication; the clause is read from the last reporting verb before the expression;</li>
 *   <li>month and day without a year ("April 20"): the occurrence nearest to publication;</li>
 *   <li>weeks start on Sunday (US newsroom convention): "last week" is the week before the one
 *       containing publication, resolved to its Sunday;</li>
 *   <li>"a day earlier/later" counts from the nearest earlier day-precise date in the text;
 *       unresolved when there is none;</li>
 *   <li>without a publication date only expressions carrying their own year resolve.</li>
 * </ul>
 */
final class DateExtractor {

    static final String DAY = "DAY";
    static final String WEEK = "WEEK";
    static final String MONTH = "MONTH";
    static final String YEAR = "YEAR";

    private static final String MONTHS =
            "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                    + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final String WEEKDAYS = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final String COUNT = "(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d+)";

    private static final Set<String> PERIOD_OPENERS = Set.of("last", "next", "this", "past", "tonight", "tomorrow");
    private static final List<String> MONTH_PREFIXES =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final Pattern MONTH_WORD = Pattern.compile(MONTHS + "\\.?");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern MONTH_DAY =
            Pattern.compile("\\b(" + MONTHS + ")\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4})\\b)?");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2}) (" + MONTHS + ")\\b(?:,? (\\d{4})\\b)?");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b(" + MONTHS + ")\\.? (\\d{4})\\b");
    private static final Pattern WEEKDAY =
            Pattern.compile("\\b(?:(last|next|this) )?(" + WEEKDAYS + ")\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE_PERIOD =
            Pattern.compile("\\b(last|next|this|past) (week|month|year)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEICTIC =
            Pattern.compile("\\b(today|yesterday|tomorrow|tonight)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern OFFSET = Pattern.compile(
            "\\b(" + COUNT + ") (day|week|month|year)s? (ago|earlier|later|before)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_NUMBER =
            Pattern.compile("\\b(?:(?:pre|post|mid)-)?((?:1[89]|20)\\d{2})\\b(?![,.]\\d)(?!-\\d)");
    private static final Pattern FUTURE = Pattern.compile(
            "\\b(?:will|won't|shall|would|going to|expected to|set to|due to|scheduled|plans? to|planning to|might|may|to be held|upcoming|next"
                    + "|urge[sd]?|call(?:s|ed)? on|forecasts?)\\b|'ll\\b");
    private static final Pattern YEAR_PREPOSITION =
            Pattern.compile("\\b(?:in|since|by|until|from|of|before|after|early|late)\\s+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEXT_WORD = Pattern.compile("\\G\\s+([a-z][a-z-]*)");
    private static final Map<String, Integer> COUNT_WORDS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10));

    private final Lexicon lexicon;

    DateExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** 1..12 for a month name or abbreviation, 0 otherwise. */
    static int monthNumber(String word) {
        if (word.length() < 3 || !Character.isUpperCase(word.charAt(0))) {
            return 0;
        }
        int index = MONTH_PREFIXES.indexOf(word.substring(0, 3).toLowerCase(Locale.ROOT));
        return index < 0 || !MONTH_WORD.matcher(word).matches() ? 0 : index + 1;
    }

    List<DateResult> extract(Segmentation segmentation, LocalDate published) {
        String text = segmentation.text();
        List<DateResult> found = new ArrayList<>();
        Anchored anchored = new Anchored(text, found);
        // Every expression starts at a token; trying the patterns only at plausible first tokens keeps
        // this stage linear and far cheaper than nine unanchored regex scans.
        for (Token token : segmentation.tokens()) {
            String word = token.text();
            int at = token.start();
            if (Character.isDigit(word.charAt(0))) {
                anchored.tryAt(ISO, at, m -> new Resolution(safeDate(num(m, 1), num(m, 2), num(m, 3)), DAY));
                anchored.tryAt(
                        DAY_MONTH, at, m -> dayOfMonth(monthNumber(m.group(2)), num(m, 1), m.group(3), published));
                anchored.tryAt(OFFSET, at, m -> new Resolution(null, m.group(2).toUpperCase(Locale.ROOT)));
                anchored.tryAt(
                        YEAR_NUMBER,
                        at,
                        m -> isYear(text, m) ? new Resolution(LocalDate.of(num(m, 1), 1, 1), YEAR) : null);
                continue;
            }
            if (monthNumber(word) > 0) {
                anchored.tryAt(
                        MONTH_DAY, at, m -> dayOfMonth(monthNumber(m.group(1)), num(m, 2), m.group(3), published));
                anchored.tryAt(
                        MONTH_YEAR,
                        at,
                        m -> new Resolution(LocalDate.of(num(m, 2), monthNumber(m.group(1)), 1), MONTH));
            }
            String lower = Lexicon.lower(word);
            if (PERIOD_OPENERS.contains(lower) || lower.endsWith("day")) {
                anchored.tryAt(WEEKDAY, at, m -> weekday(segmentation, m, published));
                anchored.tryAt(RELATIVE_PERIOD, at, m -> period(m.group(1), m.group(2), published));
                anchored.tryAt(DEICTIC, at, m -> deictic(m.group(1), published));
            }
            if (COUNT_WORDS.containsKey(lower)) {
                anchored.tryAt(OFFSET, at, m -> new Resolution(null, m.group(2).toUpperCase(Locale.ROOT)));
            }
            if (lower.startsWith("pre-") || lower.startsWith("post-") || lower.startsWith("mid-")) {
                anchored.tryAt(
                        YEAR_NUMBER,
                        at,
                        m -> isYear(text, m) ? new Resolution(LocalDate.of(num(m, 1), 1, 1), YEAR) : null);
            }
        }
        List<DateResult> dates = withoutOverlaps(found);
        return resolveOffsets(text, dates, published);
    }

    private record Resolution(LocalDate date, String granularity) {}

    private interface Resolver {
        Resolution resolve(Matcher m);
    }

    /** Runs patterns anchored at a given offset, with the whole text visible to look-behind and \\b. */
    private static final class Anchored {
        private final String text;
        private final List<DateResult> found;

        Anchored(String text, List<DateResult> found) {
            this.text = text;
            this.found = found;
        }

        void tryAt(Pattern pattern, int at, Resolver resolver) {
            Matcher m = pattern.matcher(text)
                    .region(at, text.length())
                    .useTransparentBounds(true)
                    .useAnchoringBounds(false);
            if (m.lookingAt()) {
                Resolution r = resolver.resolve(m);
                if (r != null) {
                    found.add(new DateResult(m.start(), m.end(), m.group(), r.date(), r.granularity()));
                }
            }
        }
    }

    private static Resolution dayOfMonth(int month, int day, String year, LocalDate published) {
        if (day < 1 || day > 31) {
            return null;
        }
        if (year != null) {
            return new Resolution(safeDate(Integer.parseInt(year), month, day), DAY);
        }
        if (published == null) {
            return new Resolution(null, DAY);
        }
        LocalDate best = null;
        for (int y = published.getYear() - 1; y <= published.getYear() + 1; y++) {
            LocalDate candidate = safeDate(y, month, day);
            if (candidate != null
                    && (best == null
                            || Math.abs(ChronoUnit.DAYS.between(published, candidate))
                                    < Math.abs(ChronoUnit.DAYS.between(published, best)))) {
                best = candidate;
            }
        }
        return new Resolution(best, DAY);
    }

    private Resolution weekday(Segmentation segmentation, Matcher m, LocalDate published) {
        if (published == null) {
            return new Resolution(null, DAY);
        }
        DayOfWeek day = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        String modifier = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
        boolean future =
                modifier.equals("next") || (!modifier.equals("last") && isFutureClause(segmentation, m.start()));
        LocalDate date = future
                ? published.with(TemporalAdjusters.nextOrSame(day))
                : published.with(TemporalAdjusters.previousOrSame(day));
        return new Resolution(date, DAY);
    }

    /**
     * Future markers from the last reporting verb (or the sentence start) to the expression; the verb itself
     * counts, since a call ("urged ... to gather on Monday") points forward.
     */
    private boolean isFutureClause(Segmentation segmentation, int at) {
        int from = segmentation.sentenceAt(at).start();
        for (Token t : segmentation.tokensIn(from, at)) {
            if (lexicon.isReportingVerb(t.text())) {
                from = t.start();
            }
        }
        return FUTURE.matcher(segmentation.text().substring(from, at)).find();
    }

    private static Resolution period(String which, String unit, LocalDate published) {
        String granularity = unit.toUpperCase(Locale.ROOT);
        if (published == null) {
            return new Resolution(null, granularity);
        }
        int shift = switch (which.toLowerCase(Locale.ROOT)) {
            case "last", "past" -> -1;
            case "next" -> 1;
            default -> 0;
        };
        LocalDate date = switch (granularity) {
            case WEEK ->
                published
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))
                        .plusWeeks(shift);
            case MONTH -> published.withDayOfMonth(1).plusMonths(shift);
            default -> published.withDayOfYear(1).plusYears(shift);
        };
        return new Resolution(date, granularity);
    }

    private static Resolution deictic(String word, LocalDate published) {
        if (published == null) {
            return new Resolution(null, DAY);
        }
        int shift = switch (word.toLowerCase(Locale.ROOT)) {
            case "yesterday" -> -1;
            case "tomorrow" -> 1;
            default -> 0;
        };
        return new Resolution(published.plusDays(shift), DAY);
    }

    /** A bare four-digit number is a year unless it counts something ("2000 troops"); "pre-2014" always is. */
    private static boolean isYear(String text, Matcher m) {
        if (m.start() > 0 && "$€£".indexOf(text.charAt(m.start() - 1)) >= 0) {
            return false;
        }
        if (m.group().indexOf('-') > 0
                || YEAR_PREPOSITION
                        .matcher(text.substring(Math.max(0, m.start() - 8), m.start()))
                        .find()) {
            return true;
        }
        Matcher next = NEXT_WORD.matcher(text);
        if (next.find(m.end())) {
            String word = next.group(1);
            return !(word.endsWith("s") && !word.endsWith("ss"));
        }
        return true;
    }

    /** "a day earlier" etc.: anchored on the nearest preceding day-precise date, or publication for "ago". */
    private static List<DateResult> resolveOffsets(String text, List<DateResult> dates, LocalDate published) {
        List<DateResult> resolved = new ArrayList<>(dates.size());
        for (DateResult d : dates) {
            Matcher m = OFFSET.matcher(d.surface());
            if (!m.matches()) {
                resolved.add(d);
                continue;
            }
            String direction = m.group(3).toLowerCase(Locale.ROOT);
            LocalDate anchor = direction.equals("ago") ? published : lastDayPrecise(resolved);
            LocalDate date = null;
            if (anchor != null) {
                int amount = count(m.group(1));
                ChronoUnit unit = ChronoUnit.valueOf(m.group(2).toUpperCase(Locale.ROOT) + "S");
                date = direction.equals("later") ? anchor.plus(amount, unit) : anchor.minus(amount, unit);
            }
            resolved.add(new DateResult(d.start(), d.end(), d.surface(), date, d.granularity()));
        }
        return List.copyOf(resolved);
    }

    private static LocalDate lastDayPrecise(List<DateResult> earlier) {
        if (earlier.isEmpty()) {
            return null;
        }
        DateResult last = earlier.get(earlier.size() - 1);
        return DAY.equals(last.granularity()) ? last.resolved() : null;
    }

    private static int count(String word) {
        Integer n = COUNT_WORDS.get(word.toLowerCase(Locale.ROOT));
        return n != null ? n : Integer.parseInt(word);
    }

    private static List<DateResult> withoutOverlaps(List<DateResult> found) {
        found.sort(
                Comparator.comparingInt((DateResult d) -> d.start() - d.end()).thenComparingInt(DateResult::start));
        List<DateResult> kept = new ArrayList<>();
        for (DateResult d : found) {
            if (kept.stream().noneMatch(k -> k.start() < d.end() && d.start() < k.end())) {
                kept.add(d);
            }
        }
        kept.sort(Comparator.comparingInt(DateResult::start));
        return kept;
    }

    private static LocalDate safeDate(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
