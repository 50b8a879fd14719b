package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs the recognizers' spans and types with rules that hold for news text in general:
 * <ul>
 *   <li>"Russia's Defence Ministry": a country (or a place named elsewhere in the text) in the possessive before
 *       an organisation is two entities;</li>
 *   <li>"Hezbollah Hassan Nasrallah": a person span that starts with an organisation or country named elsewhere
 *       in the text (or a country) is split into that name and the person;</li>
 *   <li>"Israel tensions", "Georgian Dream party": lower-case words at the end of a place or organisation span
 *       are not part of the name, geographic nouns aside ("the Crimean peninsula");</li>
 *   <li>"Bank of England": a place after "Institution of" is the end of an organisation's name;</li>
 *   <li>"Presidency of Defense Industries", "Self-Defense Forces": an institution's word before "of", a capitalised word
 *       hyphened to the start, belong to the name; a place span holding an institution's noun ("Auckland City
 *       Hospital") is an organisation; an organisation right before "Minister" is a portfolio, not an entity;</li>
 *   <li>a country ("DPRK", "the US", "UK") is a LOCATION wherever it appears, and a country name the recognizers
 *       missed is added, unless the same word is also a person's surname in the text ("Michael Jordan").</li>
 * </ul>
 */
final class SpanRepair {

    private static final Pattern POSSESSIVE = Pattern.compile("(.+?)['’]s (\\p{Lu}.*)");
    private static final Set<String> INSTITUTIONS = Set.of(
            "Bank",
            "University",
            "Ministry",
            "Department",
            "Institute",
            "Council",
            "Court",
            "Museum",
            "Commission",
            "Office",
            "Church",
            "Embassy",
            "Consulate",
            "Parliament",
            "Assembly",
            "Academy",
            "College",
            "School",
            "Republic",
            "Kingdom",
            "Federation",
            "Union",
            "League",
            "Association",
            "Agency",
            "Authority",
            "Presidency",
            "Directorate",
            "Secretariat",
            "Bureau",
            "Administration",
            "Chamber",
            "Confederation",
            "Organization",
            "Organisation",
            "Foundation",
            "Centre",
            "Center");
    private static final Set<String> STATES = Set.of("Republic", "Kingdom", "Federation");
    /** Lower-case words that do end a place's name ("the Crimean peninsula", "the Amazon basin"). */
    private static final Set<String> GEOGRAPHIC_NOUNS = Set.of(
            "peninsula",
            "river",
            "sea",
            "island",
            "islands",
            "mountains",
            "valley",
            "region",
            "strait",
            "bay",
            "gulf",
            "desert",
            "coast",
            "basin",
            "delta",
            "lake",
            "canal",
            "plateau",
            "highlands");

    private static final Pattern WORD = Pattern.compile("\\p{Lu}[\\p{L}.'’-]*");
    private static final Set<String> ORGANIZATION_NOUNS = Set.of(
            "Hospital",
            "University",
            "Forces",
            "Ministry",
            "Agency",
            "Authority",
            "Commission",
            "Institute",
            "Police",
            "Army",
            "Navy",
            "Corporation",
            "Party");
    private static final Pattern PORTFOLIO_HEAD = Pattern.compile(" Ministers?\\b");

    private final Countries countries = Countries.standard();

    List<Mention> repair(String text, List<Mention> recognized) {
        List<Mention> mentions = new ArrayList<>();
        Map<String, EntityType> names = new HashMap<>();
        Set<String> surnames = new HashSet<>();
        for (Mention m : recognized) {
            if (m.type() != EntityType.PERSON) {
                names.putIfAbsent(m.surface(), m.type());
            } else if (m.surface().contains(" ")) {
                surnames.add(m.surface().substring(m.surface().lastIndexOf(' ') + 1));
            }
        }
        for (Mention m : recognized) {
            for (Mention part : split(text, m, names)) {
                Mention trimmed = trimTail(text, part);
                if (trimmed != null && !isPortfolio(text, trimmed)) {
                    Mention extended = extendOverHyphen(text, extendInstitution(text, trimmed), names);
                    mentions.add(retype(institutionNotPlace(extended), surnames));
                }
            }
        }
        addMissedCountries(text, mentions, surnames);
        mentions.sort(Comparator.comparingInt(Mention::start));
        return removeOverlaps(mentions);
    }

    private List<Mention> split(String text, Mention m, Map<String, EntityType> names) {
        Matcher possessive = POSSESSIVE.matcher(m.surface());
        if (m.type() != EntityType.PERSON && possessive.matches()) {
            String owner = possessive.group(1);
            boolean place = countries.find(owner) != null || names.containsKey(owner);
            if (place) {
                int restStart = m.start() + possessive.start(2);
                EntityType ownerType = countries.find(owner) != null ? EntityType.LOCATION : names.get(owner);
                return List.of(
                        new Mention(m.start(), m.start() + owner.length(), ownerType, owner),
                        new Mention(restStart, m.end(), EntityType.ORGANIZATION, text.substring(restStart, m.end())));
            }
        }
        if (m.type() == EntityType.PERSON) {
            String[] words = m.surface().split(" ");
            for (int k = Math.min(words.length - 2, 3); k >= 1; k--) {
                String head = String.join(" ", Arrays.copyOf(words, k));
                boolean known = countries.find(head) != null || names.containsKey(head);
                if (known) {
                    int restStart = m.start() + head.length() + 1;
                    EntityType headType = countries.find(head) != null ? EntityType.LOCATION : names.get(head);
                    return List.of(
                            new Mention(m.start(), m.start() + head.length(), headType, head),
                            new Mention(restStart, m.end(), EntityType.PERSON, text.substring(restStart, m.end())));
                }
            }
        }
        return List.of(m);
    }

    private static Mention trimTail(String text, Mention m) {
        if (m.type() == EntityType.PERSON) {
            return m;
        }
        String s = m.surface();
        int end = s.length();
        while (true) {
            int space = s.lastIndexOf(' ', end - 1);
            if (space < 0
                    || !Character.isLowerCase(s.charAt(space + 1))
                    || GEOGRAPHIC_NOUNS.contains(s.substring(space + 1, end))) {
                break;
            }
            end = space;
        }
        return end == s.length() ? m : new Mention(m.start(), m.start() + end, m.type(), s.substring(0, end));
    }

    /**
     * "Bank of England", "Presidency of Defense Industries": extends a place or organisation backwards over
     * "Capitalised Institution of" into an organisation.
     */
    private static Mention extendInstitution(String text, Mention m) {
        if (m.type() == EntityType.PERSON || m.start() < 4 || !text.startsWith(" of ", m.start() - 4)) {
            return m;
        }
        int p = m.start() - 4;
        int start = -1;
        String institution = null;
        while (p > 0) {
            int wordStart = p;
            while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
                wordStart--;
            }
            String word = text.substring(wordStart, p);
            if (!WORD.matcher(word).matches() || word.equals("The")) {
                break;
            }
            if (institution == null) {
                if (!INSTITUTIONS.contains(word)) {
                    return m;
                }
                institution = word;
            }
            start = wordStart;
            p = wordStart - 1;
            if (p < 0 || text.charAt(p) != ' ') {
                break;
            }
        }
        if (start < 0) {
            return m;
        }
        EntityType type = STATES.contains(institution) ? EntityType.LOCATION : EntityType.ORGANIZATION;
        return new Mention(start, m.end(), type, text.substring(start, m.end()));
    }

    /**
     * "Self-Defense Forces", "Anti-Corruption Bureau": a capitalised word hyphened to an organisation's span is part of
     * it, unless that word is a name of its own ("Ukraine-Russia talks", "US-China Business Council": two names).
     */
    private Mention extendOverHyphen(String text, Mention m, Map<String, EntityType> names) {
        int hyphen = m.start() - 1;
        if (m.type() != EntityType.ORGANIZATION
                || hyphen < 1
                || text.charAt(hyphen) != '-'
                || !Character.isLetter(text.charAt(hyphen - 1))) {
            return m;
        }
        int start = hyphen;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, hyphen);
        if (!Character.isUpperCase(text.charAt(start))
                || start > 0 && !Character.isWhitespace(text.charAt(start - 1))
                || countries.find(word) != null
                || names.containsKey(word)) {
            return m;
        }
        return new Mention(start, m.end(), m.type(), text.substring(start, m.end()));
    }

    /** "Auckland City Hospital", "U.S. Forces Korea": a place's span holding an institution's noun is an organisation. */
    private static Mention institutionNotPlace(Mention m) {
        if (m.type() != EntityType.LOCATION) {
            return m;
        }
        for (String word : m.surface().split(" ")) {
            if (ORGANIZATION_NOUNS.contains(word)) {
                return new Mention(m.start(), m.end(), EntityType.ORGANIZATION, m.surface());
            }
        }
        return m;
    }

    /**
     * "Union Food and Public Distribution Minister X", "Labor and Welfare Minister X": words tagged as an organisation
     * right before "Minister" name a portfolio, part of the person's title.
     */
    private static boolean isPortfolio(String text, Mention m) {
        return m.type() == EntityType.ORGANIZATION
                && PORTFOLIO_HEAD.matcher(text).region(m.end(), text.length()).lookingAt();
    }

    private Mention retype(Mention m, Set<String> surnames) {
        if (m.type() == EntityType.LOCATION || countries.find(m.surface()) == null) {
            return m;
        }
        if (m.type() == EntityType.PERSON && surnames.contains(m.surface())) {
            return m;
        }
        return new Mention(m.start(), m.end(), EntityType.LOCATION, m.surface());
    }

    /** Capitalised country names and short forms no recognizer tagged, at word boundaries. */
    private void addMissedCountries(String text, List<Mention> mentions, Set<String> surnames) {
        Matcher words = WORD.matcher(text);
        int from = 0;
        while (words.find(from)) {
            int start = words.start();
            from = words.end();
            if (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
                continue;
            }
            // longest country name starting here (up to the lexicon's longest, in words)
            int end = -1;
            int p = start;
            for (int w = 0; w < countries.longestWords() && p < text.length(); w++) {
                int wordEnd = p;
                while (wordEnd < text.length()
                        && !Character.isWhitespace(text.charAt(wordEnd))
                        && ",;:()\"".indexOf(text.charAt(wordEnd)) < 0) {
                    wordEnd++;
                }
                String candidate = trimPunctuation(text.substring(start, wordEnd));
                if (countries.find(candidate) != null) {
                    end = start + candidate.length();
                }
                if (wordEnd >= text.length() || text.charAt(wordEnd) != ' ') {
                    break;
                }
                p = wordEnd + 1;
            }
            if (end < 0) {
                continue;
            }
            String surface = text.substring(start, end);
            Mention candidate = new Mention(start, end, EntityType.LOCATION, surface);
            if (!surnames.contains(surface) && mentions.stream().noneMatch(candidate::overlaps)) {
                mentions.add(candidate);
            }
            from = end;
        }
    }

    /** "U.S." keeps its final dot when that is the name's; a sentence's full stop after "Chad." does not belong to it. */
    private String trimPunctuation(String s) {
        String t = s.endsWith("'s") || s.endsWith("’s") ? s.substring(0, s.length() - 2) : s;
        if (countries.find(t) == null && t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static List<Mention> removeOverlaps(List<Mention> sorted) {
        List<Mention> kept = new ArrayList<>();
        for (Mention m : sorted) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).overlaps(m)) {
                kept.add(m);
            } else if (m.length() > kept.get(kept.size() - 1).length()) {
                kept.set(kept.size() - 1, m);
            }
        }
        return kept;
    }
}
