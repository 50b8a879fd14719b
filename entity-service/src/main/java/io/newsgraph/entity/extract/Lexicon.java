package io.newsgraph.entity.extract;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Closed word lists shared by the rule-based stages (titles, demonyms, reporting verbs,
 * abbreviations). Immutable once loaded; {@link #standard()} is loaded once per JVM.
 */
final class Lexicon {

    private static final class Holder {
        private static final Lexicon STANDARD = load();
    }

    private static final Set<String> DETERMINERS = Set.of(
            "a", "an", "the", "some", "several", "many", "two", "three", "four", "five", "other", "one", "another",
            "both", "few", "most", "all", "his", "her", "their", "its", "our", "this", "that");
    /**
     * Verbs that report speech only with a "that" clause: "alleged that farmers ...", "revealed that ..."; without
     * it they take objects or infinitives ("revealed a plan", "maintained the road") and report nothing.
     */
    private static final Set<String> THAT_CLAUSE_VERBS = Set.of(
            "alleged",
            "alleges",
            "reiterated",
            "reiterates",
            "revealed",
            "reveals",
            "disclosed",
            "discloses",
            "maintained",
            "maintains",
            "conceded",
            "concedes",
            "complained",
            "complains",
            "indicated",
            "indicates",
            "observed",
            "assured",
            "estimated",
            "estimates",
            "signalled",
            "signaled",
            "hinted");
    /** Pronouns that can stand for a person speaker; "it" and "we" too often refer to a country or group. */
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it");

    private static final Set<String> UNNAMED_SPEAKER_HEADS = Set.of(
            "official",
            "source",
            "person",
            "people",
            "resident",
            "witness",
            "diplomat",
            "officer",
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "analyst",
            "expert",
            "statement",
            "aide",
            // institutions that speak as a body ("the ministry said"); resolved to a named one when the text has it
            "ministry",
            "department",
            "agency",
            "authority",
            "government",
            "company",
            "bank",
            "union",
            "office",
            "council",
            "army",
            "military",
            "committee",
            "embassy",
            "police",
            "commission",
            "institute");

    private final Set<String> titleHeads;
    private final Set<String> titleModifiers;
    private final Map<String, String> demonyms;
    private final Set<String> reportingVerbs;
    private final Set<String> abbreviations;

    private Lexicon(
            Set<String> titleHeads,
            Set<String> titleModifiers,
            Map<String, String> demonyms,
            Set<String> reportingVerbs,
            Set<String> abbreviations) {
        this.titleHeads = Set.copyOf(titleHeads);
        this.titleModifiers = Set.copyOf(titleModifiers);
        this.demonyms = Map.copyOf(demonyms);
        this.reportingVerbs = Set.copyOf(reportingVerbs);
        this.abbreviations = Set.copyOf(abbreviations);
    }

    static Lexicon standard() {
        return Holder.STANDARD;
    }

    private static Lexicon load() {
        Set<String> heads = new HashSet<>();
        Set<String> modifiers = new HashSet<>();
        for (String[] row : Resources.rows("lexicon/titles.tsv")) {
            String word = lower(row[0]);
            if (row.length > 1 && row[1].equals("HEAD")) {
                heads.add(word);
            } else {
                modifiers.add(word);
            }
        }
        Map<String, String> demonyms = new HashMap<>();
        for (String[] row : Resources.rows("lexicon/demonyms.tsv")) {
            demonyms.put(row[0], row.length > 1 ? row[1] : row[0]);
        }
        Set<String> verbs = new HashSet<>();
        Resources.lines("lexicon/reporting-verbs.txt").forEach(v -> verbs.add(lower(v)));
        Set<String> abbreviations = new HashSet<>(Resources.lines("lexicon/abbreviations.txt"));
        return new Lexicon(heads, modifiers, demonyms, verbs, abbreviations);
    }

    static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    /** A noun that can end a title; plural forms ("officials") count. */
    boolean isTitleHead(String word) {
        String w = lower(word);
        int hyphen = w.indexOf('-');
        if (hyphen > 0 && !titleHeads.contains(w)) {
            return isTitleHead(w.substring(0, hyphen)) || isTitleHead(w.substring(hyphen + 1));
        }
        return titleHeads.contains(w)
                || (w.length() > 3 && w.endsWith("s") && titleHeads.contains(w.substring(0, w.length() - 1)));
    }

    boolean isTitleModifier(String word) {
        return titleModifiers.contains(lower(word));
    }

    boolean isTitleWord(String word) {
        return isTitleHead(word) || isTitleModifier(word);
    }

    /** Exact-case demonym ("Ukrainian", "Saudi"); multi-word demonyms are matched word by word by callers. */
    boolean isDemonym(String word) {
        return demonyms.containsKey(word);
    }

    boolean isReportingVerb(String word) {
        return reportingVerbs.contains(lower(word));
    }

    /** A month's or weekday's name, in any case ("Monday", "MAY"): capitalised, yet no name of an entity. */
    static boolean isMonthOrWeekday(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return Arrays.stream(Month.values()).anyMatch(m -> m.name().equals(upper))
                || Arrays.stream(DayOfWeek.values()).anyMatch(d -> d.name().equals(upper));
    }

    /** A verb that reports speech only when a "that" clause follows it. */
    boolean isThatClauseVerb(String word) {
        return THAT_CLAUSE_VERBS.contains(lower(word));
    }

    /** Token before a final period that does not end a sentence ("Mr", "U.S", "Jan"). */
    boolean isAbbreviation(String tokenWithoutFinalPeriod) {
        return abbreviations.contains(tokenWithoutFinalPeriod);
    }

    boolean isDeterminer(String word) {
        return DETERMINERS.contains(lower(word));
    }

    boolean isPronoun(String word) {
        return PRONOUNS.contains(lower(word));
    }

    /** Head nouns that make "a senior official" or "two sources" a speaker description. */
    boolean isSpeakerNoun(String word) {
        String w = lower(word);
        String singular = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
        return UNNAMED_SPEAKER_HEADS.contains(w) || UNNAMED_SPEAKER_HEADS.contains(singular) || isTitleHead(w);
    }
}
