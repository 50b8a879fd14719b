package io.newsgraph.entity.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GeoNames populated places by name (geonames/places.tsv, generated at build time from the GeoNames dump on npm:
 * see entity-service's pom and src/build/GeonamesGazetteer.java). A name finds the places that bear it as their own
 * name; the places that bear it as another name (exonyms and transliterations: "Kiev", "Geneva" for Genève) join them
 * unless a place of note (a capital, a first-level seat or {@value #NOTABLE_POPULATION}+ people) already bears it as its
 * own: "Victoria" is a city in British Columbia and in Hong Kong, not also the old name of Hong Kong itself.
 */
final class PlaceGazetteer {

    static final String RESOURCE = "geonames/places.tsv";
    static final long NOTABLE_POPULATION = 100_000;
    static final String REGION = "ADM1";

    /** One gazetteer entry. */
    record Candidate(
            long geonamesId,
            String name,
            String countryCode,
            double latitude,
            double longitude,
            long population,
            String featureCode) {

        /** A region is linked to its country alone: the source of regions has no GeoNames ids. */
        Place place() {
            return region() ? Place.country(countryCode) : new Place(geonamesId, countryCode, latitude, longitude);
        }

        boolean notable() {
            return population >= NOTABLE_POPULATION || featureCode.equals("PPLC") || featureCode.equals("PPLA");
        }

        /** A first-level division: a state, province, prefecture or county ("Bihar", "Henan", "Turkana"). */
        boolean region() {
            return featureCode.equals(REGION);
        }
    }

    private static final class Holder {
        static final PlaceGazetteer STANDARD = new PlaceGazetteer(Resources.rows(RESOURCE));
    }

    private final Map<String, List<Candidate>> byName = new HashMap<>();
    private final Map<String, List<Candidate>> byOtherName = new HashMap<>();

    PlaceGazetteer(List<String[]> rows) {
        for (String[] row : rows) {
            Candidate c = new Candidate(
                    Long.parseLong(row[0]),
                    row[1],
                    row[2],
                    Double.parseDouble(row[3]),
                    Double.parseDouble(row[4]),
                    Long.parseLong(row[5]),
                    row[6]);
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

    /**
     * Places with this name as their own, joined by those with it as another name unless a notable place owns it. A
     * region of that name shuts out every other place unless a capital or a city of {@value #NOTABLE_POPULATION}+
     * people has its name too (then the linker weighs them, a region counting no population): "Bihar" is the state, not
     * Bihar Sharif, "Marsabit" the county, not its small seat, "Osaka" the city of 2.7 million.
     */
    List<Candidate> find(String name) {
        String k = key(name);
        List<Candidate> own = byName.getOrDefault(k, List.of());
        List<Candidate> regions = own.stream().filter(Candidate::region).toList();
        if (!regions.isEmpty()) {
            boolean majorCity = own.stream()
                    .anyMatch(c -> !c.region()
                            && (c.population() >= NOTABLE_POPULATION
                                    || c.featureCode().equals("PPLC")));
            return majorCity ? own : regions;
        }
        List<Candidate> other = byOtherName.getOrDefault(k, List.of());
        if (other.isEmpty() || own.stream().anyMatch(Candidate::notable)) {
            return own;
        }
        List<Candidate> all = new ArrayList<>(own);
        other.stream().filter(c -> !all.contains(c)).forEach(all::add);
        return all;
    }

    /** Case, accents, punctuation and spacing folded; a leading "the" dropped on both sides ("the Hague", "The Hague"). */
    static String key(String name) {
        // One pass instead of regular expressions: the gazetteer folds ~130,000 names when it loads.
        String decomposed = Normalizer.isNormalized(name, Normalizer.Form.NFKD)
                ? name
                : Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char ch = decomposed.charAt(i);
            int type = Character.getType(ch);
            if (type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(ch)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append(Character.toLowerCase(ch));
                space = false;
            } else {
                space = true;
            }
        }
        String folded = out.toString();
        return folded.startsWith("the ") ? folded.substring(4) : folded;
    }
}
