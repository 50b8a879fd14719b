package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dictionary recognizer for names the CRF model misses, splits or mistypes: news outlets,
 * multi-word organisations, seas and regions, plus government-body patterns such as
 * "Russia's Ministry of Defense". Data files live under {@code gazetteer/}.
 *
 * <p>Matching is longest-first at word boundaries, case-insensitive except for all-capital
 * variants ("AP", "WHO") which must match exactly, and a match must start with a capital letter.
 */
public final class GazetteerRecognizer implements EntityRecognizer {

    private static final List<String> NAME_FILES =
            List.of("gazetteer/news-outlets.tsv", "gazetteer/organizations.tsv", "gazetteer/locations.tsv");
    private static final String INSTITUTION_FILE = "gazetteer/institutions.tsv";
    /** " of Defense", " for Foreign Affairs", " of the Interior": up to four capitalised words joined by "and". */
    private static final Pattern OF_TAIL =
            Pattern.compile(" (?:of|for) (?:the )?\\p{Lu}\\p{L}+(?:(?: and| &)? \\p{Lu}\\p{L}+){0,3}");
    /** The capitalised portfolio word before a suffix head ("Foreign" Ministry), not a determiner. */
    private static final Pattern PORTFOLIO =
            Pattern.compile("(?<![\\p{L}'])(?!(?:The|A|An|This|That|Its|His|Her|Their|Our)\\b)(\\p{Lu}\\p{L}+) $");
    /** "Russia's " right before the body's name; one word, so a preceding capitalised word is not swallowed. */
    private static final Pattern POSSESSOR = Pattern.compile("(?<![\\p{L}])(\\p{Lu}\\p{L}+'s )$");

    /** One dictionary name: a surface variant and the canonical name it stands for. */
    record Entry(String variant, String canonical, EntityType type) {
        boolean exactCase() {
            return variant.equals(variant.toUpperCase(Locale.ROOT));
        }
    }

    private final Map<String, List<Entry>> entriesByFirstWord;
    private final Map<String, Entry> entriesByVariant;
    private final List<String> ofHeads;
    private final List<String> suffixHeads;

    private GazetteerRecognizer(List<Entry> entries, List<String> ofHeads, List<String> suffixHeads) {
        Map<String, List<Entry>> byFirstWord = new HashMap<>();
        Map<String, Entry> byVariant = new HashMap<>();
        for (Entry entry : entries) {
            byFirstWord
                    .computeIfAbsent(firstWordKey(entry.variant()), k -> new ArrayList<>())
                    .add(entry);
            byVariant.putIfAbsent(entry.variant().toLowerCase(Locale.ROOT), entry);
        }
        byFirstWord
                .values()
                .forEach(list -> list.sort(
                        Comparator.comparingInt((Entry e) -> e.variant().length())
                                .reversed()));
        this.entriesByFirstWord = Map.copyOf(byFirstWord);
        this.entriesByVariant = Map.copyOf(byVariant);
        this.ofHeads = List.copyOf(ofHeads);
        this.suffixHeads = List.copyOf(suffixHeads);
    }

    /** Loads the gazetteer files shipped with this package. */
    public static GazetteerRecognizer loadDefault() {
        List<Entry> entries = new ArrayList<>();
        for (String file : NAME_FILES) {
            EntityType type = file.contains("locations") ? EntityType.LOCATION : EntityType.ORGANIZATION;
            for (String[] row : Resources.rows(file)) {
                String canonical = row[0];
                entries.add(new Entry(canonical, canonical, type));
                if (row.length > 1) {
                    for (String variant : row[1].split("\\|")) {
                        entries.add(new Entry(variant.strip(), canonical, type));
                    }
                }
            }
        }
        List<String> ofHeads = new ArrayList<>();
        List<String> suffixHeads = new ArrayList<>();
        for (String[] row : Resources.rows(INSTITUTION_FILE)) {
            (row.length > 1 && row[1].equals("SUFFIX") ? suffixHeads : ofHeads).add(row[0]);
        }
        return new GazetteerRecognizer(entries, ofHeads, suffixHeads);
    }

    /** The dictionary entry for a name variant, ignoring case. */
    Optional<Entry> lookup(String name) {
        return Optional.ofNullable(entriesByVariant.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Exposes the dictionary as aliases, so "New York Times" canonicalises to "The New York Times". */
    public AliasTable aliases() {
        return (name, type) -> lookup(name).filter(e -> e.type() == type).map(Entry::canonical);
    }

    @Override
    public List<Mention> recognize(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isUpperCase(text.charAt(i)) || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            Entry match = longestMatchAt(text, i);
            if (match != null) {
                int end = i + match.variant().length();
                mentions.add(new Mention(i, end, match.type(), text.substring(i, end)));
                i = end;
            } else {
                i++;
            }
        }
        addInstitutions(text, mentions);
        mentions.sort(Comparator.comparingInt(Mention::start));
        return List.copyOf(mentions);
    }

    private Entry longestMatchAt(String text, int at) {
        int wordEnd = at;
        while (wordEnd < text.length() && Character.isLetterOrDigit(text.charAt(wordEnd))) {
            wordEnd++;
        }
        List<Entry> candidates =
                entriesByFirstWord.get(text.substring(at, wordEnd).toLowerCase(Locale.ROOT));
        if (candidates == null) {
            return null;
        }
        for (Entry entry : candidates) {
            String v = entry.variant();
            int end = at + v.length();
            if (end > text.length()) {
                continue;
            }
            boolean boundary = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (boundary && text.regionMatches(!entry.exactCase(), at, v, 0, v.length())) {
                return entry;
            }
        }
        return null;
    }

    /**
     * "[Possessor's] Ministry of Defense" and "[Possessor's] Defense Ministry". Anchored on occurrences
     * of the head words, so texts without them cost one substring search per head.
     */
    private void addInstitutions(String text, List<Mention> mentions) {
        for (String head : ofHeads) {
            for (int i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
                Matcher tail = OF_TAIL.matcher(text).region(i + head.length(), text.length());
                if (isWordStart(text, i) && tail.lookingAt()) {
                    addInstitution(text, mentions, i, tail.end());
                }
            }
        }
        for (String head : suffixHeads) {
            for (int i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
                int end = i + head.length();
                Matcher portfolio = PORTFOLIO.matcher(text.substring(Math.max(0, i - 30), i));
                if (isWordStart(text, i)
                        && (end == text.length() || !Character.isLetter(text.charAt(end)))
                        && portfolio.find()) {
                    addInstitution(text, mentions, i - portfolio.group(1).length() - 1, end);
                }
            }
        }
    }

    private static void addInstitution(String text, List<Mention> mentions, int start, int end) {
        Matcher possessor = POSSESSOR.matcher(text.substring(Math.max(0, start - 40), start));
        if (possessor.find()) {
            start -= possessor.group(1).length();
        }
        Mention candidate = new Mention(start, end, EntityType.ORGANIZATION, text.substring(start, end));
        if (mentions.stream().noneMatch(candidate::overlaps)) {
            mentions.add(candidate);
        }
    }

    private static boolean isWordStart(String text, int i) {
        return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
    }

    private static String firstWordKey(String variant) {
        int end = 0;
        while (end < variant.length() && Character.isLetterOrDigit(variant.charAt(end))) {
            end++;
        }
        return variant.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
