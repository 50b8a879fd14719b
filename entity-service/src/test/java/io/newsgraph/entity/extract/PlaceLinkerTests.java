package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One test per linking rule, against the GeoNames gazetteer the build generates (geonames/places.tsv). */
class PlaceLinkerTests {

    private final PlaceLinker linker = PlaceLinker.standard();

    @Test
    void anExactNameLinksToItsOnlyPlaceWithIdCountryAndCoordinates() {
        Place kharkiv = link(null, location("Kharkiv")).get("Kharkiv");
        assertEquals(706483L, kharkiv.geonamesId());
        assertEquals("UA", kharkiv.countryCode());
        assertEquals(49.98, kharkiv.latitude(), 0.01);
        assertEquals(36.25, kharkiv.longitude(), 0.01);
    }

    @Test
    void namesAreComparedWithoutCaseAccentsOrALeadingThe() {
        assertEquals(3405870L, link(null, location("Belem")).get("Belem").geonamesId()); // Belém, Brazil
        assertEquals(
                2747373L, link(null, location("the Hague")).get("the Hague").geonamesId());
    }

    @Test
    void anotherNameOfAPlaceCountsOnlyWhereNoPlaceOfNoteOwnsTheName() {
        // Hong Kong's old name "Victoria" does not join the cities of British Columbia and Hong Kong called so.
        assertTrue(PlaceGazetteer.standard().find("Victoria").stream()
                .noneMatch(c -> c.name().equals("Hong Kong")));
        // "Geneva" is only another name of Genève, and the own name of a small town in New York State.
        assertTrue(PlaceGazetteer.standard().find("Geneva").stream().anyMatch(c -> c.geonamesId() == 2660646L));
    }

    @Test
    void anotherNameOfAPlaceLinksToIt() {
        assertEquals(703448L, link(null, location("Kiev")).get("Kiev").geonamesId()); // GeoNames: Kyiv
        assertEquals(
                2925533L, link(null, location("Frankfurt")).get("Frankfurt").geonamesId()); // Frankfurt am Main
    }

    @Test
    void aCountryInAnyOfItsFormsLinksToItsCodeOnly() {
        Map<String, Place> places = link(null, location("Ukraine"), location("the US"), location("DPRK"));
        assertEquals(Place.country("UA"), places.get("Ukraine"));
        assertEquals(Place.country("US"), places.get("the US"));
        assertEquals(Place.country("KP"), places.get("DPRK"));
    }

    @Test
    void anAmbiguousNameIsResolvedByACountryTheArticleMentions() {
        assertEquals(
                "US",
                link(null, location("Birmingham"), location("United States"))
                        .get("Birmingham")
                        .countryCode());
        assertEquals(
                2655603L,
                link(null, location("Birmingham"), location("Britain"))
                        .get("Birmingham")
                        .geonamesId());
    }

    @Test
    void anAmbiguousNameIsResolvedByTheDateline() {
        assertEquals(
                6174041L, link("OTTAWA", location("Victoria")).get("Victoria").geonamesId()); // British Columbia
        assertEquals(
                1931681L,
                link("HONG KONG", location("Victoria")).get("Victoria").geonamesId());
        assertEquals(
                "CA",
                link("SPRINGFIELD, Canada", location("Victoria"))
                        .get("Victoria")
                        .countryCode());
    }

    @Test
    void aPlaceThatDwarfsEveryOtherOfItsNameWinsWithoutContext() {
        assertEquals(2988507L, link(null, location("Paris")).get("Paris").geonamesId()); // not Paris, Texas
        assertEquals("CL", link(null, location("Santiago")).get("Santiago").countryCode());
        assertEquals(
                2660646L,
                link(null, location("Geneva")).get("Geneva").geonamesId()); // GeoNames: Genève; Geneva, NY is smaller
    }

    @Test
    void anAmbiguousNameWithoutDecidingContextStaysUnlinked() {
        assertNull(link(null, location("Victoria")).get("Victoria")); // Hong Kong, British Columbia, Seychelles ...
        // The context names a country where several Springfields are, none dominant.
        assertNull(
                link(null, location("Springfield"), location("United States")).get("Springfield"));
        assertNull(link(null, location("Atlantis Ocean Ridge")).get("Atlantis Ocean Ridge"));
    }

    @Test
    void peopleAndOrganisationsAreNeverLinkedWhateverTheirName() {
        EntityResult person = entity("Paris", EntityType.PERSON);
        EntityResult organisation = entity("Georgia", EntityType.ORGANIZATION);
        List<EntityResult> linked = linker.link(List.of(person, organisation, location("Kharkiv")), "KYIV");
        assertNull(linked.get(0).place());
        assertNull(linked.get(1).place());
        assertTrue(linked.get(2).place() != null);
    }

    @Test
    void theStandardPipelineLinksPlacesOfAnArticle() {
        Analysis a = TestModels.pipeline()
                .analyse(new ExtractionInput(
                        "",
                        "LONDON (Reuters) - Police in Birmingham said on Monday that flooding had closed roads around the city.",
                        null));
        Place birmingham = a.entities().stream()
                .filter(e -> e.canonicalName().equals("Birmingham"))
                .findFirst()
                .orElseThrow()
                .place();
        assertEquals(2655603L, birmingham.geonamesId());
        assertTrue(a.entities().stream()
                .filter(e -> e.type() != EntityType.LOCATION)
                .allMatch(e -> e.place() == null));
    }

    @Test
    void aFirstLevelDivisionLinksToItsCountryAlone() {
        assertEquals(Place.country("IN"), link(null, location("Bihar")).get("Bihar")); // not the city Bihar Sharif
        assertEquals(Place.country("CN"), link(null, location("Henan")).get("Henan")); // not Hengyang, also called so
        assertEquals(Place.country("KE"), link(null, location("Marsabit")).get("Marsabit")); // the county, not its seat
        assertEquals(1853909L, link(null, location("Osaka")).get("Osaka").geonamesId(), "a city of millions wins");
    }

    @Test
    void aDivisionNamedAfterAPlaceIsInThatPlacesCountry() {
        assertEquals(Place.country("CN"), link(null, location("Henan Province")).get("Henan Province"));
        assertEquals(
                Place.country("US"), link(null, location("Los Angeles County")).get("Los Angeles County"));
    }

    @Test
    void placesThatLinkAloneGiveTheirCountryToTheAmbiguousOnes() {
        // Punjab is a state of India and a province of Pakistan: Haryana settles it.
        Map<String, Place> places = link(null, location("Punjab"), location("Haryana"));
        assertEquals(Place.country("IN"), places.get("Punjab"));
        assertNull(link(null, location("Punjab")).get("Punjab"), "alone it stays open");
    }

    private Map<String, Place> link(String dateline, EntityResult... entities) {
        return linker.link(Arrays.asList(entities), dateline).stream()
                .filter(e -> e.place() != null)
                .collect(Collectors.toMap(EntityResult::canonicalName, EntityResult::place));
    }

    private static EntityResult location(String name) {
        return entity(name, EntityType.LOCATION);
    }

    private static EntityResult entity(String name, EntityType type) {
        return new EntityResult(type + ":" + name, name, type, List.of(), List.of(), 1.0, List.of(), null);
    }

    @Test
    void continentsNeverLinkAndTheNationsOfTheUnitedKingdomAreItsCountry() {
        assertNull(link(null, location("Asia")).get("Asia"), "not the town of Asia in the Philippines");
        assertNull(link(null, location("Gulf")).get("Gulf"), "not the province of Papua New Guinea");
        assertEquals(Place.country("GB"), link(null, location("Wales")).get("Wales"));
        assertEquals(
                Place.country("CN"),
                link(null, location("Guangxi Zhuang Autonomous Region")).get("Guangxi Zhuang Autonomous Region"));
        assertEquals(
                Place.country("MX"), link(null, location("State of Mexico")).get("State of Mexico"));
    }
}
