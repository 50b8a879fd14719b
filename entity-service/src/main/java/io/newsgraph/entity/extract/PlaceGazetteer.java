package io.newsgraph.entity.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GeoNames populated places by name (geonames/places.tsv, generated at build time from the GeoNames dump on npm:
 * see entity-service's pom and src/build/GeonamesGazetteer.java). A place's own name ranks above its other names
 * (exonyms and transliterations such as "Kiev"), so that another town's alternate name never makes a well-known
 * name ambiguous.
 */
final class PlaceGazetteer {

    static final String RESOURCE = "geonames/places.tsv";

    /** One gazetteer entry. */
    record Candidate(long geonamesId, String name, String countryCode, double latitude, double longitude, long population,
                     String featureCode) {

        Place place() {
            return new Place(geonamesId, countryCode, latitude, longitude);
        }
    }

    private static final class Holder {
        static final PlaceGazetteer STANDARD = new PlaceGazetteer(Resources.rows(RESOURCE));
    }

    private final Map<String, List<Candidate>> byName = new HashMap<>();
    private final Map<String, List<Candidate>> byOtherName = new HashMap<>();

    PlaceGazetteer(List<String[]> rows) {
        for (String[] row : rows) {
            Candidate c = new Candidate(Long.parseLong(row[0]), row[1], row[2], Double.parseDouble(row[3]), Double.parseDouble(row[4]),
                    Long.parseLong(row[5]), row[6]);
            String own = key(c.name());
            byName.computeIfAbsent(own, k -> new ArrayList<>(1)).add(c);
            if (row.length > 7) {
                for (String other : row[7].split("\\|")) {
                    String k = key(other);
                    if (!k.isEmpty() && !k.equals(own)) {
                        List<Candidate> list = byOtherName.computeIfAbsent(k, x -> new ArrayList<>(1));
                        if (!list.contains(c)) {
                            list.add(c);
                        }
                    }
                }
            }
        }
    }

    static PlaceGazetteer standard() {
        return Holder.STANDARD;
    }

    /** Places with this name; places known by it only as another name when none has it as its own. */
    List<Candidate> find(String name) {
        String k = key(name);
        List<Candidate> own = byName.get(k);
        if (own != null) {
            return own;
        }
        return byOtherName.getOrDefault(k, List.of());
    }

    /** Case, accents, punctuation and spacing folded; a leading "the" dropped on both sides ("the Hague", "The Hague"). */
    static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return folded.startsWith("the ") ? folded.substring(4) : folded;
    }
}
