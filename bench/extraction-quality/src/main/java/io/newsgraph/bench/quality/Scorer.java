package io.newsgraph.bench.quality;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.article.parse.Caption;
import io.newsgraph.entity.extract.Analysis;
import io.newsgraph.entity.extract.DateResult;
import io.newsgraph.entity.extract.EntityResult;
import io.newsgraph.entity.extract.Mention;
import io.newsgraph.entity.extract.MentionResult;
import io.newsgraph.entity.extract.Place;
import io.newsgraph.entity.extract.QuoteKind;
import io.newsgraph.entity.extract.QuoteResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares one article's analysis (and its parsed metadata) with its gold. Matching rules, kind by kind:
 * <ul>
 *   <li>entities: the sets of distinct (surface, type) pairs of the body, surfaces compared case-insensitively
 *       without a leading "the" or a trailing possessive;</li>
 *   <li>quotes: a prediction matches a gold quote when one's text contains the other's; DIRECT and PARTIAL
 *       quotes are scored for detection, every gold quote (INDIRECT too) for attribution: the speaker's
 *       canonical name or one of its aliases equals the gold speaker, or both are unnamed;</li>
 *   <li>dates: the n-th gold date with a surface is matched to the n-th prediction containing that surface and
 *       counts when the resolved day equals the gold value (null: left unresolved);</li>
 *   <li>places: each gold LOCATION with a place annotation against the place of the entity predicted for its surface;
 *       a link is right when its country matches and its GeoNames id equals the gold id (a gold country or region
 *       without an id wants a link without one); precision over the links made, recall over the gold places;</li>
 *   <li>metadata: title, author, source, dateline place, photo credits, publishedAt, each right or wrong.</li>
 * </ul>
 */
final class Scorer {

    static final List<String> KINDS = List.of(
            "entities",
            "entities.crf",
            "entities.canonical",
            "quotes",
            "quotes.kind",
            "attribution",
            "attribution.onBehalfOf",
            "dates",
            "referenceDate",
            "places",
            "metadata");

    private Scorer() {}

    static Map<String, Counts> score(DevArticle article, Analysis analysis, List<Mention> crf) {
        Gold gold = article.gold();
        Map<String, Counts> scores = new LinkedHashMap<>();
        Map<String, String> goldEntities = new HashMap<>();
        for (Gold.Entity e : gold.entities()) {
            goldEntities.put(entityKey(e.surface(), e.type()), e.canonical());
        }
        Map<String, EntityResult> predicted = new HashMap<>();
        for (EntityResult e : analysis.entities()) {
            for (MentionResult m : e.mentions()) {
                predicted.putIfAbsent(entityKey(m.surface(), e.type().name()), e);
            }
        }
        scores.put("entities", overlap(goldEntities.keySet(), predicted.keySet()));
        Set<String> crfKeys = new HashSet<>();
        crf.forEach(m -> crfKeys.add(entityKey(m.surface(), m.type().name())));
        scores.put("entities.crf", overlap(goldEntities.keySet(), crfKeys));
        int canonical = 0;
        int matched = 0;
        for (var g : goldEntities.entrySet()) {
            EntityResult p = predicted.get(g.getKey());
            if (p != null) {
                matched++;
                canonical += norm(p.canonicalName()).equals(norm(g.getValue())) ? 1 : 0;
            }
        }
        scores.put("entities.canonical", new Counts(canonical, matched, matched));
        scores.put("places", scorePlaces(gold, predicted));
        scoreQuotes(gold, analysis, scores);
        scores.put("dates", scoreDates(gold.dates(), analysis.dates()));
        scores.put("referenceDate", scoreReference(gold.referenceDate(), References.of(article, analysis)));
        scores.put("metadata", scoreMetadata(gold.metadata(), article));
        return scores;
    }

    private static Counts scorePlaces(Gold gold, Map<String, EntityResult> predicted) {
        int correct = 0;
        int links = 0;
        int goldPlaces = 0;
        for (Gold.Entity g : gold.entities()) {
            if (g.place() == null) {
                continue;
            }
            EntityResult p = predicted.get(entityKey(g.surface(), g.type()));
            Place link = p == null ? null : p.place();
            goldPlaces += g.place().isObject() ? 1 : 0;
            if (link != null) {
                links++;
                correct += placeMatches(g.place(), link) ? 1 : 0;
            }
        }
        return new Counts(correct, links, goldPlaces);
    }

    static boolean placeMatches(JsonNode gold, Place link) {
        if (gold == null
                || !gold.isObject()
                || link == null
                || !gold.path("country").asText().equals(link.countryCode())) {
            return false;
        }
        return gold.hasNonNull("geonamesId")
                ? link.geonamesId() != null && gold.get("geonamesId").asLong() == link.geonamesId()
                : link.geonamesId() == null;
    }

    private static Counts overlap(Set<String> gold, Set<String> predicted) {
        int correct = (int) predicted.stream().filter(gold::contains).count();
        return new Counts(correct, predicted.size(), gold.size());
    }

    private static void scoreQuotes(Gold gold, Analysis analysis, Map<String, Counts> scores) {
        Map<String, EntityResult> byKey = new HashMap<>();
        analysis.entities().forEach(e -> byKey.put(e.key(), e));
        List<QuoteResult> marked = analysis.quotes().stream()
                .filter(q -> q.kind() != QuoteKind.INDIRECT)
                .toList();
        Set<QuoteResult> used = new HashSet<>();
        int detected = 0;
        int goldMarked = 0;
        int attributed = 0;
        int matchedAll = 0;
        int kindRight = 0;
        int behalfGold = 0;
        int behalfRight = 0;
        for (Gold.Quote g : gold.quotes()) {
            boolean isMarked = !"INDIRECT".equals(g.kind());
            goldMarked += isMarked ? 1 : 0;
            QuoteResult p = match(g, analysis.quotes(), used, isMarked);
            if (g.onBehalfOf() != null) {
                behalfGold++;
            }
            if (p == null) {
                continue;
            }
            used.add(p);
            matchedAll++;
            if (isMarked && p.kind() != QuoteKind.INDIRECT) {
                detected++;
            }
            kindRight += g.kind().equals(kindName(p.kind())) ? 1 : 0;
            if (speakerMatches(g.speaker(), p.speakerKey(), byKey)) {
                attributed++;
            }
            if (g.onBehalfOf() != null && speakerMatches(g.onBehalfOf(), Quotes.onBehalfOf(p), byKey)) {
                behalfRight++;
            }
        }
        scores.put("quotes", new Counts(detected, marked.size(), goldMarked));
        scores.put("quotes.kind", new Counts(kindRight, matchedAll, matchedAll));
        scores.put(
                "attribution", new Counts(attributed, matchedAll, gold.quotes().size()));
        scores.put("attribution.onBehalfOf", new Counts(behalfRight, behalfGold, behalfGold));
    }

    /** Gold quotes in marks look among quotes in marks first, reported speech among reported speech first. */
    static QuoteResult match(Gold.Quote g, List<QuoteResult> quotes, Set<QuoteResult> used, boolean marked) {
        String text = norm(g.text());
        QuoteResult fallback = null;
        for (QuoteResult q : quotes) {
            String p = norm(q.text());
            if (used.contains(q) || p.length() < 3 || !(p.contains(text) || text.contains(p))) {
                continue;
            }
            if ((q.kind() != QuoteKind.INDIRECT) == marked) {
                return q;
            }
            if (fallback == null) {
                fallback = q;
            }
        }
        return fallback;
    }

    static String kindName(QuoteKind kind) {
        return kind.name();
    }

    static boolean speakerMatches(String gold, String key, Map<String, EntityResult> byKey) {
        if (gold == null) {
            return key == null;
        }
        EntityResult e = key == null ? null : byKey.get(key);
        if (e == null) {
            return false;
        }
        String g = norm(gold);
        return norm(e.canonicalName()).equals(g) || e.aliases().stream().anyMatch(a -> norm(a).equals(g));
    }

    private static Counts scoreDates(List<Gold.DateGold> gold, List<DateResult> predicted) {
        Set<DateResult> used = new HashSet<>();
        int correct = 0;
        int matched = 0;
        for (Gold.DateGold g : gold) {
            String surface = norm(g.surface());
            DateResult found = null;
            for (DateResult d : predicted) {
                if (!used.contains(d) && containsWords(norm(d.surface()), surface)) {
                    found = d;
                    break;
                }
            }
            if (found == null) {
                continue;
            }
            used.add(found);
            matched++;
            String value = found.resolved() == null ? null : found.resolved().toString();
            correct += Objects.equals(value, g.value()) ? 1 : 0;
        }
        return new Counts(correct, matched, gold.size());
    }

    private static boolean containsWords(String text, String words) {
        return (" " + text + " ").contains(" " + words + " ");
    }

    private static Counts scoreReference(Gold.ReferenceDate gold, References.Reference predicted) {
        boolean right = gold == null
                ? predicted == null
                : predicted != null
                        && gold.value().equals(predicted.value())
                        && gold.source().equals(predicted.source());
        return new Counts(right ? 1 : 0, 1, 1);
    }

    private static Counts scoreMetadata(Gold.Metadata gold, DevArticle a) {
        int right = 0;
        right += field(gold.title(), a.title()) ? 1 : 0;
        right += field(gold.author(), a.author()) ? 1 : 0;
        right += field(gold.source(), a.source()) ? 1 : 0;
        right += field(gold.place(), a.place()) ? 1 : 0;
        right += credits(gold.photoCredits(), a.captions()) ? 1 : 0;
        right += published(gold.publishedAt(), a.metaPublishedAt()) ? 1 : 0;
        return new Counts(right, 6, 6);
    }

    static List<String> metadataMisses(DevArticle a) {
        Gold.Metadata gold = a.gold().metadata();
        List<String> misses = new ArrayList<>();
        if (!field(gold.title(), a.title())) misses.add("title=" + a.title());
        if (!field(gold.author(), a.author())) misses.add("author=" + a.author());
        if (!field(gold.source(), a.source())) misses.add("source=" + a.source());
        if (!field(gold.place(), a.place())) misses.add("place=" + a.place());
        if (!credits(gold.photoCredits(), a.captions()))
            misses.add("credits=" + a.captions().stream().map(Caption::credit).toList());
        if (!published(gold.publishedAt(), a.metaPublishedAt())) misses.add("publishedAt=" + a.metaPublishedAt());
        return misses;
    }

    private static boolean field(JsonNode gold, String value) {
        if (gold == null || gold.isNull()) {
            return value == null;
        }
        if (value == null) {
            return false;
        }
        if (gold.isArray()) {
            for (JsonNode alternative : gold) {
                if (norm(alternative.asText()).equals(norm(value))) {
                    return true;
                }
            }
            return false;
        }
        return norm(gold.asText()).equals(norm(value));
    }

    private static boolean credits(List<String> gold, List<Caption> captions) {
        List<String> credits = captions.stream()
                .map(Caption::credit)
                .filter(Objects::nonNull)
                .map(Scorer::norm)
                .toList();
        List<String> expected =
                gold == null ? List.of() : gold.stream().map(Scorer::norm).toList();
        if (credits.size() != expected.size()) {
            return false;
        }
        return expected.stream().allMatch(g -> credits.stream().anyMatch(c -> c.contains(g) || g.contains(c)));
    }

    private static boolean published(String gold, Instant value) {
        if (gold == null) {
            return value == null;
        }
        if (value == null) {
            return false;
        }
        return gold.contains("T")
                ? Instant.parse(gold).equals(value)
                : LocalDate.parse(gold).equals(LocalDate.ofInstant(value, ZoneOffset.UTC));
    }

    static String entityKey(String surface, String type) {
        return norm(surface) + "|" + type;
    }

    /** Lower case, straight quotes, single spaces; no leading "the", trailing possessive or edge punctuation. */
    static String norm(String s) {
        if (s == null) {
            return "";
        }
        String n = s.replace('’', '\'')
                .replace('“', '"')
                .replace('”', '"')
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
        n = n.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
        if (n.startsWith("the ")) {
            n = n.substring(4);
        }
        if (n.endsWith("'s")) {
            n = n.substring(0, n.length() - 2);
        }
        return n;
    }
}
