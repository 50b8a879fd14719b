package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links LOCATION entities to places (docs/decisions.md "Place linking"). A country name (any form {@link Countries}
 * knows: "the US", "DPRK") links to its country. Any other name links to the GeoNames place of that name
 * ({@link PlaceGazetteer}); when several places have it:
 * <ol>
 *   <li>only those in the article's countries count: countries the article mentions as LOCATION entities and the
 *       country of its dateline (named in it, "GAZA, Palestinian Territories", or the country of the dateline city);</li>
 *   <li>among what is left (all of them when none is in those countries), the most populous wins only when it has
 *       at least {@link #DOMINANCE} times the population of the next ("Paris" is Paris, France, not Paris, Texas;
 *       "Geneva" is Genève, not Geneva, New York; "Victoria" stays open between Hong Kong and British Columbia);</li>
 *   <li>otherwise the entity stays unlinked: no link is better than a wrong one.</li>
 * </ol>
 * A first-level division ("Bihar", "Queensland") links to its country alone, as does a name with a division's word
 * around a place ("Henan Province", "State of Mexico") and a nation of the UK ("Wales"); continents and regions of
 * several countries ("Asia", "the Gulf") never link. PERSON and ORGANIZATION entities are never linked, whatever
 * their name.
 */
final class PlaceLinker {

    static final double DOMINANCE = 5.0;
    /**
     * "Henan Province", "Guangxi Zhuang Autonomous Region", "State of Mexico": a division named after a place, in that
     * place's country.
     */
    private static final Pattern DIVISION = Pattern.compile("(?<name>.+?) (?:Autonomous )?(?:Province|County|State"
            + "|Prefecture|Region|Area|District|Governorate|Oblast|Okrug|Krai|Ward|Territory|Municipality)"
            + "|(?:State|Province|Region|Prefecture) of (?<of>.+)");
    /** The nations of the United Kingdom, which is the country. */
    private static final Set<String> UK_NATIONS = Set.of("england", "scotland", "wales", "northern ireland");
    /** Continents and regions of several countries: never one place, whatever a gazetteer calls so ("Asia", Philippines). */
    private static final Set<String> SUPRANATIONAL = Set.of(
            "asia",
            "europe",
            "africa",
            "america",
            "americas",
            "north america",
            "south america",
            "latin america",
            "central america",
            "middle east",
            "near east",
            "far east",
            "oceania",
            "antarctica",
            "arctic",
            "gulf",
            "persian gulf",
            "caribbean",
            "balkans",
            "baltics",
            "scandinavia",
            "sahel",
            "horn of africa",
            "southeast asia",
            "south asia",
            "east asia",
            "central asia",
            "west africa",
            "east africa",
            "north africa",
            "southern africa",
            "pacific",
            "atlantic",
            "mediterranean",
            "eurasia",
            "indo pacific",
            "levant",
            "maghreb");

    private final PlaceGazetteer gazetteer;
    private final Countries countries;

    PlaceLinker(PlaceGazetteer gazetteer, Countries countries) {
        this.gazetteer = gazetteer;
        this.countries = countries;
    }

    static PlaceLinker standard() {
        return new PlaceLinker(PlaceGazetteer.standard(), Countries.standard());
    }

    /**
     * The entities with their places.
     *
     * @param dateline the dateline's place as written ("KYIV", "GAZA CITY, Gaza"), null when the article has none
     */
    List<EntityResult> link(List<EntityResult> entities, String dateline) {
        Set<String> context = new LinkedHashSet<>();
        for (EntityResult e : entities) {
            Countries.Country c = e.type() == EntityType.LOCATION ? countries.find(e.canonicalName()) : null;
            if (c != null) {
                context.add(c.code());
            }
        }
        if (dateline != null && !dateline.isBlank()) {
            String[] parts = dateline.split(",");
            for (int i = 1; i < parts.length; i++) {
                Countries.Country c = countries.find(titleCase(parts[i].strip()));
                if (c != null) {
                    context.add(c.code());
                }
            }
            Place city = place(titleCase(parts[0].strip()), context);
            if (city != null) {
                context.add(city.countryCode());
            }
        }
        // The countries of the places that link on their own join the context once: "Punjab and Haryana" is in India
        // because Haryana is, though the article never names the country.
        List<Place> places = new ArrayList<>(entities.size());
        Set<String> widened = new LinkedHashSet<>(context);
        for (EntityResult e : entities) {
            Place place = e.type() == EntityType.LOCATION ? place(e.canonicalName(), widened) : null;
            places.add(place);
            if (place != null) {
                widened.add(place.countryCode());
            }
        }
        boolean relink = widened.size() > context.size();
        List<EntityResult> linked = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            EntityResult e = entities.get(i);
            // linked again only when the context grew on the way: otherwise the first pass's place is the answer
            Place place = relink && e.type() == EntityType.LOCATION ? place(e.canonicalName(), widened) : places.get(i);
            linked.add(e.type() == EntityType.LOCATION ? e.withPlace(place) : e);
        }
        return linked;
    }

    /** The place a LOCATION name denotes in an article about {@code context} countries, or null. */
    Place place(String name, Set<String> context) {
        Countries.Country country = countries.find(name);
        if (country != null) {
            return Place.country(country.code());
        }
        String key = PlaceGazetteer.key(name);
        if (SUPRANATIONAL.contains(key)) {
            return null;
        }
        if (UK_NATIONS.contains(key)) {
            return Place.country("GB");
        }
        List<PlaceGazetteer.Candidate> candidates = gazetteer.find(name);
        Matcher division = DIVISION.matcher(name);
        if (candidates.isEmpty() && division.matches()) {
            String named = division.group("name") != null ? division.group("name") : division.group("of");
            Place place = place(named, context);
            if (place == null && named.contains(" ")) {
                place = place(named.substring(0, named.indexOf(' ')), context); // "Guangxi Zhuang" → Guangxi
            }
            return place == null ? null : Place.country(place.countryCode());
        }
        if (candidates.size() == 1) {
            return candidates.get(0).place();
        }
        List<PlaceGazetteer.Candidate> inContext = candidates.stream()
                .filter(c -> context.contains(c.countryCode()))
                .toList();
        PlaceGazetteer.Candidate chosen = dominant(inContext.isEmpty() ? candidates : inContext);
        return chosen == null ? null : chosen.place();
    }

    private static PlaceGazetteer.Candidate dominant(List<PlaceGazetteer.Candidate> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        List<PlaceGazetteer.Candidate> sorted = candidates.stream()
                .sorted(Comparator.comparingLong(PlaceGazetteer.Candidate::population)
                        .reversed())
                .toList();
        long first = sorted.get(0).population();
        long second = sorted.get(1).population();
        return first > 0 && first >= DOMINANCE * second ? sorted.get(0) : null;
    }

    /** Datelines write places in capitals ("KYIV", "NEW YORK"); {@link Countries} wants them as names are written. */
    private static String titleCase(String s) {
        if (s.isEmpty() || !s.equals(s.toUpperCase(Locale.ROOT)) || s.length() <= 3) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (char ch : s.toCharArray()) {
            out.append(start ? ch : Character.toLowerCase(ch));
            start = !Character.isLetter(ch) && ch != '\'';
        }
        return out.toString();
    }
}
