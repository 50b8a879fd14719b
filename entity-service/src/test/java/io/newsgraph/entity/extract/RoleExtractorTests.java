package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoleExtractorTests {

    private static List<String> rolesOf(String body, Map<String, EntityType> names, String key) {
        return TestModels.analyse(names, body).entities().stream()
                .filter(e -> e.key().equals(key))
                .findFirst()
                .orElseThrow()
                .roles();
    }

    @Test
    void titleBeforeName() {
        assertEquals(
                List.of("Ukrainian Defense Minister"),
                rolesOf(
                        "It was Ukrainian Defense Minister Rustem Umerov.",
                        Map.of("Rustem Umerov", EntityType.PERSON),
                        "PERSON:Rustem Umerov"));
        assertEquals(
                List.of("former US Defense Secretary"),
                rolesOf(
                        "They met former US Defense Secretary Jim Mattis.",
                        Map.of("Jim Mattis", EntityType.PERSON, "US", EntityType.LOCATION),
                        "PERSON:Jim Mattis"));
    }

    @Test
    void appositiveAfterName() {
        assertEquals(
                List.of("spokesperson for the ministry"),
                rolesOf(
                        "Anna Lee, a spokesperson for the ministry, said so.",
                        Map.of("Anna Lee", EntityType.PERSON),
                        "PERSON:Anna Lee"));
        assertEquals(
                List.of("Biden's chief of staff"),
                rolesOf(
                        "Jeff Zients, Biden's chief of staff, said so.",
                        Map.of("Jeff Zients", EntityType.PERSON, "Biden", EntityType.PERSON),
                        "PERSON:Jeff Zients"));
    }

    @Test
    void noRoleWithoutHeadNoun() {
        assertEquals(
                List.of(),
                rolesOf(
                        "Yesterday Anna Lee, who lives nearby, said so. Happy Anna Lee left.",
                        Map.of("Anna Lee", EntityType.PERSON),
                        "PERSON:Anna Lee"));
    }

    @Test
    void listOfNamesIsNotAnAppositive() {
        String body =
                "Guests included Italian Prime Minister Giorgia Meloni, Indian Prime Minister Narendra Modi and others.";
        Map<String, EntityType> names = Map.of("Giorgia Meloni", EntityType.PERSON, "Narendra Modi", EntityType.PERSON);
        assertEquals(List.of("Italian Prime Minister"), rolesOf(body, names, "PERSON:Giorgia Meloni"));
        assertEquals(List.of("Indian Prime Minister"), rolesOf(body, names, "PERSON:Narendra Modi"));
    }

    @Test
    void sampleArticleRoles() {
        Map<String, List<String>> roles = TestModels.sample().entities().stream()
                .filter(e -> e.type() == EntityType.PERSON)
                .collect(Collectors.toMap(EntityResult::key, EntityResult::roles));
        assertEquals(
                Map.of(
                        "PERSON:Rustem Unerov", List.of("Ukrainian Defense Minister"),
                        "PERSON:Steve Witkoff", List.of("US special envoy"),
                        "PERSON:Dmitry Kuznets", List.of("military analyst with the Russian news outlet Meduza"),
                        "PERSON:Donald Trump", List.of("US President"),
                        "PERSON:Vladimir Putin", List.of("Russian President"),
                        "PERSON:Volodymyr Zelensky", List.of("Ukrainian President"),
                        "PERSON:John Coale", List.of("Trump's deputy Ukraine envoy"),
                        "PERSON:Pete Hegseth", List.of("US Defense Secretary")),
                roles);
    }

    @Test
    void aPortfolioBeforeMinisterIsPartOfTheTitle() {
        assertEquals(
                List.of("Union Food and Public Distribution Minister"),
                rolesOf(
                        "Prices rose, Union Food and Public Distribution Minister Ravi Nair said.",
                        Map.of("Ravi Nair", EntityType.PERSON),
                        "PERSON:Ravi Nair"));
        assertEquals(
                List.of("Health Minister"),
                rolesOf(
                        "Officials met Anna Lee and Health Minister Tom Park on Monday.",
                        Map.of("Anna Lee", EntityType.PERSON, "Tom Park", EntityType.PERSON),
                        "PERSON:Tom Park"),
                "another person's name is not a portfolio");
    }
}
