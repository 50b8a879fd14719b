package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Groups raw mentions into one {@link Entity} per real-world thing within an article:
 * cleans surfaces (leading "the", possessive 's, titles before person names), drops mentions that are
 * only nationality adjectives or title words, applies the alias table, and links partial names to
 * the full name used elsewhere in the article ("Witkoff" → "Steve Witkoff", "Times" → "The New York Times").
 */
final class EntityCanonicalizer {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Honorifics before a name; Malaysia's ("Datuk Seri", "Dato'", "Tan Sri") included, "Tan" only before "Sri". */
    private static final Set<String> HONORIFICS =
            Set.of("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "datuk", "dato", "datin", "seri");

    private final AliasTable aliases;
    private final Lexicon lexicon;

    EntityCanonicalizer(AliasTable aliases, Lexicon lexicon) {
        this.aliases = Objects.requireNonNull(aliases, "aliases");
        this.lexicon = lexicon;
    }

    /** A cleaned mention and the name it contributes ("Times" for the surface "the Times"). */
    private record Named(Mention mention, String name, String[] words) {}

    EntityIndex canonicalize(String text, List<Mention> mentions) {
        return canonicalize(text, mentions, Map.of());
    }

    /** {@code fullNames}: short names the text defines ("WFP" → "the World Food Programme", see ShortNames). */
    EntityIndex canonicalize(String text, List<Mention> mentions, Map<String, String> fullNames) {
        List<Named> named = new ArrayList<>();
        for (Mention m : mentions) {
            Named n = clean(text, m);
            if (n != null) {
                named.add(n);
            }
        }
        List<String[]> fullPersonNames = new ArrayList<>();
        for (Named n : named) {
            if (n.mention().type() == EntityType.PERSON && n.words().length >= 2) {
                fullPersonNames.add(n.words());
            }
        }
        Map<String, Entity> byKey = new LinkedHashMap<>();
        Map<String, Entity> personBySurname = new HashMap<>();
        for (Named n : sortedFullNamesFirst(named)) {
            String fullName = fullNames.get(n.name());
            Named asResolved = fullName == null ? n : new Named(n.mention(), withoutArticle(fullName), new String[0]);
            Entity entity = resolve(asResolved, fullPersonNames, byKey, personBySurname);
            entity.addMention(n.mention(), n.name());
        }
        List<Entity> entities = new ArrayList<>(byKey.values());
        entities.forEach(e -> e.mentions().sort(Comparator.comparingInt(Mention::start)));
        entities.sort(Comparator.comparingInt(Entity::firstOffset));
        return new EntityIndex(entities);
    }

    /** Multi-word names are resolved before single words, so "Putin" can join "Vladimir Putin" seen later. */
    private static List<Named> sortedFullNamesFirst(List<Named> named) {
        List<Named> sorted = new ArrayList<>(named);
        sorted.sort(Comparator.comparingInt((Named n) -> n.words().length >= 2 ? 0 : 1)
                .thenComparingInt(n -> n.mention().start()));
        return sorted;
    }

    private Entity resolve(
            Named n, List<String[]> fullPersonNames, Map<String, Entity> byKey, Map<String, Entity> personBySurname) {
        EntityType type = n.mention().type();
        String name = n.name();
        if (n.words().length == 1) {
            String[] person = uniquePersonWithName(name, type, fullPersonNames);
            if (person != null) {
                return byKey.computeIfAbsent(
                        key(EntityType.PERSON, canonical(String.join(" ", person), EntityType.PERSON)),
                        k -> new Entity(canonical(String.join(" ", person), EntityType.PERSON), EntityType.PERSON));
            }
            Entity suffixOwner = organizationEndingWith(name, type, byKey);
            if (suffixOwner != null) {
                return suffixOwner;
            }
        }
        if (type == EntityType.PERSON && n.words().length >= 2) {
            // "Mohamad Faizal" after "Mohamad Faizal Rahman": Malay, Arabic and Spanish names are shortened at the end
            String[] longer = uniqueLongerName(n.words(), fullPersonNames);
            String[] words = longer != null ? longer : n.words();
            String firstLast = lower(words[0] + " " + words[words.length - 1]);
            Entity same = personBySurname.get(firstLast);
            if (same != null) {
                return same;
            }
            String canonical = canonical(longer != null ? String.join(" ", longer) : name, type);
            Entity entity = byKey.computeIfAbsent(key(type, canonical), k -> new Entity(canonical, type));
            personBySurname.put(firstLast, entity);
            return entity;
        }
        String canonical = canonical(name, type);
        return byKey.computeIfAbsent(key(type, canonical), k -> new Entity(canonical, type));
    }

    /**
     * The full name whose last word is {@code word}, if exactly one matches; any type qualifies because
     * the CRF model sometimes tags a lone surname as a place or organisation. A first-name match
     * ("Steve") is accepted only for mentions already tagged PERSON.
     */
    private static String[] uniquePersonWithName(String word, EntityType type, List<String[]> fullNames) {
        String[] bySurname = unique(word, fullNames, true);
        return bySurname != null || type != EntityType.PERSON ? bySurname : unique(word, fullNames, false);
    }

    /** The one longer full name that starts with all of {@code words}, or null. */
    private static String[] uniqueLongerName(String[] words, List<String[]> fullNames) {
        String[] found = null;
        for (String[] full : fullNames) {
            if (full.length > words.length && Arrays.equals(Arrays.copyOf(full, words.length), words)) {
                if (found != null && !Arrays.equals(found, full)) {
                    return null;
                }
                found = full;
            }
        }
        return found;
    }

    private static String[] unique(String word, List<String[]> fullNames, boolean surname) {
        String[] found = null;
        for (String[] full : fullNames) {
            String candidate = surname ? full[full.length - 1] : full[0];
            // "Al-Mansouri" at a sentence's start is "Khalid al-Mansouri"
            if (candidate.equals(word) || surname && candidate.equalsIgnoreCase(word)) {
                if (found != null && !String.join(" ", found).equals(String.join(" ", full))) {
                    return null;
                }
                found = full;
            }
        }
        return found;
    }

    /** "Times" joins "The New York Times" when that is the only organisation ending in that word. */
    private static Entity organizationEndingWith(String word, EntityType type, Map<String, Entity> byKey) {
        if (type != EntityType.ORGANIZATION) {
            return null;
        }
        Entity found = null;
        for (Entity e : byKey.values()) {
            if (e.type() == type
                    && e.canonicalName().contains(" ")
                    && e.lastWord().equals(word)) {
                if (found != null) {
                    return null;
                }
                found = e;
            }
        }
        return found;
    }

    private String canonical(String name, EntityType type) {
        return aliases.canonicalFor(name, type).orElse(name);
    }

    private Named clean(String text, Mention m) {
        int start = m.start();
        int end = m.end();
        if (text.startsWith("'s", end - 2)) {
            end -= 2;
        } else if (text.charAt(end - 1) == '\'') {
            end -= 1;
        }
        List<Token> words = TextSegmenter.tokenize(text.substring(start, end));
        int first = 0;
        if (m.type() == EntityType.PERSON) {
            while (first < words.size() - 1
                    && (isTitleLike(words.get(first))
                            || isTanSri(words, first)
                            || words.get(first).text().equals("'"))) {
                first += isTanSri(words, first) ? 2 : 1;
            }
        }
        boolean meaningful = false;
        for (int i = first; i < words.size(); i++) {
            Token w = words.get(i);
            if (w.isWord() && w.isCapitalized() && !lexicon.isDemonym(w.text()) && !lexicon.isTitleWord(w.text())) {
                meaningful = true;
            }
            if (!w.isWord() && !w.text().equals(".") && !w.text().equals("-")) {
                meaningful |= Character.isDigit(w.text().charAt(0));
            }
        }
        if (!meaningful || (lexicon.isDemonym(text.substring(start, end)))) {
            return null;
        }
        start += first == 0 ? 0 : words.get(first).start();
        String name =
                withoutArticle(WHITESPACE.matcher(text.substring(start, end)).replaceAll(" "));
        if (m.type() == EntityType.LOCATION && name.length() >= 4 && name.equals(name.toUpperCase(Locale.ROOT))) {
            name = titleCase(name); // datelines: "BERLIN, May 6 (Reuters)"
        }
        Mention cleaned = new Mention(start, end, m.type(), text.substring(start, end));
        String[] nameWords = name.split(" ");
        return new Named(cleaned, name, nameWords);
    }

    private static String withoutArticle(String name) {
        return name.startsWith("The ") || name.startsWith("the ") ? name.substring(4) : name;
    }

    private static String titleCase(String upper) {
        StringBuilder sb = new StringBuilder(upper.length());
        boolean startOfWord = true;
        for (char c : upper.toCharArray()) {
            sb.append(startOfWord ? c : Character.toLowerCase(c));
            startOfWord = !Character.isLetter(c);
        }
        return sb.toString();
    }

    private static boolean isTanSri(List<Token> words, int i) {
        return i + 2 < words.size()
                && words.get(i).text().equals("Tan")
                && words.get(i + 1).text().equals("Sri");
    }

    private boolean isTitleLike(Token word) {
        String w = word.text();
        return HONORIFICS.contains(lower(w)) || lexicon.isTitleWord(w) || lexicon.isDemonym(w);
    }

    private static String key(EntityType type, String canonical) {
        return type + ":" + canonical;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
