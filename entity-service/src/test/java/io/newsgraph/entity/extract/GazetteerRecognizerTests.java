package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GazetteerRecognizerTests {

    private final GazetteerRecognizer gazetteer = GazetteerRecognizer.loadDefault();

    private List<String> found(String text) {
        return gazetteer.recognize(text).stream()
                .map(m -> m.type() + ":" + m.surface())
                .toList();
    }

    @Test
    void findsOutletsOrganisationsAndPlaces() {
        assertEquals(
                List.of(
                        "ORGANIZATION:Meduza",
                        "ORGANIZATION:Kommersant",
                        "LOCATION:Black Sea",
                        "LOCATION:Crimean peninsula"),
                found("Meduza and Kommersant reported from the Black Sea and the Crimean peninsula."));
        assertEquals(
                List.of("ORGANIZATION:The New York Times", "ORGANIZATION:NATO", "LOCATION:Middle East"),
                found("The New York Times said NATO's role in the Middle East grew."));
    }

    @Test
    void prefersLongestVariant() {
        assertEquals(List.of("ORGANIZATION:Fox News Channel"), found("Fox News Channel aired it."));
        assertEquals(List.of("ORGANIZATION:Xinhua News Agency"), found("Xinhua News Agency said."));
    }

    @Test
    void acronymsMatchExactCaseOnly() {
        assertEquals(List.of("ORGANIZATION:AP"), found("(AP) — ap"));
        assertEquals(List.of(), found("who knows"));
    }

    @Test
    void doesNotMatchInsideWords() {
        assertEquals(List.of(), found("CNNs and BBCx"));
    }

    @Test
    void recognisesGovernmentBodies() {
        assertEquals(
                List.of("ORGANIZATION:Russia's Ministry of Defense"),
                found("Russia's Ministry of Defense said on Sunday."));
        assertEquals(List.of("ORGANIZATION:Department of Justice"), found("the Department of Justice said"));
        assertEquals(List.of("ORGANIZATION:China's Foreign Ministry"), found("China's Foreign Ministry said"));
        assertEquals(List.of(), found("The Ministry said"));
    }

    @Test
    void exposesCanonicalNamesAsAliases() {
        assertEquals(
                Optional.of("The New York Times"),
                gazetteer.aliases().canonicalFor("New York Times", EntityType.ORGANIZATION));
        assertEquals(Optional.of("Crimea"), gazetteer.aliases().canonicalFor("Crimean peninsula", EntityType.LOCATION));
        assertEquals(Optional.empty(), gazetteer.aliases().canonicalFor("New York Times", EntityType.PERSON));
    }

    @Test
    void emptyText() {
        assertEquals(List.of(), gazetteer.recognize(""));
    }
}
