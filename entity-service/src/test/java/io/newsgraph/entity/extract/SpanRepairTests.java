package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Entity precision rules (issue 14 §4), one per kind of recognizer error; spans as the CRF produces them. */
class SpanRepairTests {

    private final SpanRepair repair = new SpanRepair();

    private List<String> repaired(String text, Mention... recognized) {
        return repair.repair(text, List.of(recognized)).stream()
                .map(m -> m.type() + ":" + m.surface())
                .toList();
    }

    private static Mention m(String text, String surface, EntityType type) {
        int start = text.indexOf(surface);
        return new Mention(start, start + surface.length(), type, surface);
    }

    @Test
    void countryInThePossessiveBeforeAnOrganisationIsTwoEntities() {
        String text = "Japan's Defence Ministry agreed.";
        assertEquals(
                List.of("LOCATION:Japan", "ORGANIZATION:Defence Ministry"),
                repaired(text, m(text, "Japan's Defence Ministry", EntityType.ORGANIZATION)));
        String unknown = "Valdoria's Defence Ministry said.";
        assertEquals(
                List.of("ORGANIZATION:Valdoria's Defence Ministry"),
                repaired(unknown, m(unknown, "Valdoria's Defence Ministry", EntityType.ORGANIZATION)),
                "an unknown owner stays in the name");
    }

    @Test
    void organisationAndPersonMergedIntoOneSpanAreSplit() {
        String text = "The Torvald Front said. Torvald Front Ivo Marek spoke.";
        int at = text.indexOf("Torvald Front Ivo");
        List<String> out = repaired(
                text,
                m(text, "Torvald Front", EntityType.ORGANIZATION),
                new Mention(at, at + "Torvald Front Ivo Marek".length(), EntityType.PERSON, "Torvald Front Ivo Marek"));
        assertEquals(List.of("ORGANIZATION:Torvald Front", "ORGANIZATION:Torvald Front", "PERSON:Ivo Marek"), out);
    }

    @Test
    void lowerCaseWordsAtTheEndOfAPlaceOrOrganisationAreTrimmed() {
        String text = "Israel tensions rose. The Crimean peninsula was quiet.";
        assertEquals(
                List.of("LOCATION:Israel", "LOCATION:Crimean peninsula"),
                repaired(
                        text,
                        m(text, "Israel tensions", EntityType.LOCATION),
                        m(text, "Crimean peninsula", EntityType.LOCATION)));
    }

    @Test
    void placeAfterInstitutionOfIsTheEndOfAnOrganisationsName() {
        String text = "The Central Bank of Valdoria held rates.";
        assertEquals(
                List.of("ORGANIZATION:Central Bank of Valdoria"),
                repaired(text, m(text, "Valdoria", EntityType.LOCATION)));
    }

    @Test
    void countriesAreAlwaysLocations() {
        String text = "The DPRK fired. The US and the UK objected, as did North Korea's neighbours.";
        assertEquals(
                List.of("LOCATION:DPRK", "LOCATION:US", "LOCATION:UK", "LOCATION:North Korea"),
                repaired(text, m(text, "DPRK", EntityType.ORGANIZATION), m(text, "US", EntityType.LOCATION)));
    }

    @Test
    void aSurnameThatIsAlsoACountryStaysAPerson() {
        String text = "Michael Jordan spoke. Jordan said he was tired.";
        int at = text.indexOf("Jordan said");
        assertEquals(
                List.of("PERSON:Michael Jordan", "PERSON:Jordan"),
                repaired(
                        text,
                        m(text, "Michael Jordan", EntityType.PERSON),
                        new Mention(at, at + 6, EntityType.PERSON, "Jordan")));
    }

    @Test
    void anInstitutionsWordBeforeOfAndAHyphenedWordBelongToTheName() {
        String text = "The Presidency of Defense Industries said Japan's Self-Defense Forces would watch.";
        assertEquals(
                List.of(
                        "ORGANIZATION:Presidency of Defense Industries",
                        "LOCATION:Japan",
                        "ORGANIZATION:Self-Defense Forces"),
                repaired(
                        text,
                        m(text, "Defense Industries", EntityType.ORGANIZATION),
                        m(text, "Defense Forces", EntityType.ORGANIZATION)));
        String lower = "Pro-government and anti-Corruption Bureau staff met.";
        assertEquals(
                List.of("ORGANIZATION:Corruption Bureau"),
                repaired(lower, m(lower, "Corruption Bureau", EntityType.ORGANIZATION)),
                "a lower-case word hyphened to the span is not part of the name");
    }

    @Test
    void aPlaceSpanWithAnInstitutionsNounIsAnOrganisation() {
        String text = "Patients at Auckland City Hospital waited.";
        assertEquals(
                List.of("ORGANIZATION:Auckland City Hospital"),
                repaired(text, m(text, "Auckland City Hospital", EntityType.LOCATION)));
    }

    @Test
    void anOrganisationRightBeforeMinisterIsAPortfolio() {
        String text = "Health, Labor and Welfare Minister Aya Mori and the Labor Party met.";
        assertEquals(
                List.of("PERSON:Aya Mori", "ORGANIZATION:Labor Party"),
                repaired(
                        text,
                        m(text, "Labor and Welfare", EntityType.ORGANIZATION),
                        m(text, "Aya Mori", EntityType.PERSON),
                        m(text, "Labor Party", EntityType.ORGANIZATION)));
    }
}
