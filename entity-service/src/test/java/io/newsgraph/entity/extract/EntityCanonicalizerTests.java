package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EntityCanonicalizerTests {

    private final EntityCanonicalizer canonicalizer = new EntityCanonicalizer(
            AliasTable.defaults().orElse(GazetteerRecognizer.loadDefault().aliases()), Lexicon.standard());

    private EntityIndex run(String text, Map<String, EntityType> names) {
        return canonicalizer.canonicalize(text, TestModels.dictionary(names).recognize(text));
    }

    private static Map<String, Set<String>> aliasesByKey(EntityIndex index) {
        return index.entities().stream().collect(Collectors.toMap(Entity::key, e -> e.aliases()));
    }

    @Test
    void surnamesJoinFullNamesSeenEarlierOrLater() {
        String text = "Putin spoke. Later Vladimir Putin met Steve Witkoff. Witkoff left.";
        EntityIndex index = run(
                text,
                Map.of(
                        "Putin",
                        EntityType.PERSON,
                        "Vladimir Putin",
                        EntityType.PERSON,
                        "Steve Witkoff",
                        EntityType.PERSON,
                        "Witkoff",
                        EntityType.ORGANIZATION));
        assertEquals(
                Map.of("PERSON:Vladimir Putin", Set.of("Putin"), "PERSON:Steve Witkoff", Set.of("Witkoff")),
                aliasesByKey(index));
        assertEquals(2, index.entities().get(0).mentions().size());
    }

    @Test
    void partialOutletNameJoinsFullName() {
        String text = "The New York Times reported it. He told the Times.";
        EntityIndex index =
                run(text, Map.of("The New York Times", EntityType.ORGANIZATION, "Times", EntityType.ORGANIZATION));
        assertEquals(Map.of("ORGANIZATION:The New York Times", Set.of("New York Times", "Times")), aliasesByKey(index));
    }

    @Test
    void appliesAliasesAndKeepsVariant() {
        EntityIndex index =
                run("Kiev said. Kyiv agreed.", Map.of("Kiev", EntityType.LOCATION, "Kyiv", EntityType.LOCATION));
        assertEquals(Map.of("LOCATION:Kyiv", Set.of("Kiev")), aliasesByKey(index));
    }

    @Test
    void stripsTitlesAndPossessives() {
        String text = "President Donald Trump spoke. Trump's plan stalled.";
        EntityIndex index = canonicalizer.canonicalize(
                text,
                List.of(
                        new Mention(0, 22, EntityType.PERSON, "President Donald Trump"),
                        new Mention(30, 37, EntityType.PERSON, "Trump's")));
        assertEquals(1, index.entities().size());
        Entity trump = index.entities().get(0);
        assertEquals("PERSON:Donald Trump", trump.key());
        assertEquals(
                List.of(
                        new Mention(10, 22, EntityType.PERSON, "Donald Trump"),
                        new Mention(30, 35, EntityType.PERSON, "Trump")),
                trump.mentions());
    }

    @Test
    void dropsDemonymsAndTitleOnlyMentions() {
        String text = "Ukrainian Defense said Russian Defense and Saudi officials met.";
        EntityIndex index = run(
                text,
                Map.of(
                        "Ukrainian Defense",
                        EntityType.ORGANIZATION,
                        "Russian",
                        EntityType.LOCATION,
                        "Saudi",
                        EntityType.LOCATION,
                        "Defense",
                        EntityType.ORGANIZATION));
        assertEquals(List.of(), index.entities());
    }

    @Test
    void titleCasesUpperCaseDatelines() {
        EntityIndex index = run(
                "BERLIN (Reuters) - Talks in Berlin.",
                Map.of("BERLIN", EntityType.LOCATION, "Berlin", EntityType.LOCATION));
        assertEquals(
                List.of("LOCATION:Berlin"),
                index.entities().stream().map(Entity::key).toList());
        assertEquals(2, index.entities().get(0).mentions().size());
    }

    @Test
    void ambiguousSurnameStaysSeparate() {
        String text = "John Smith and Jane Smith met. Smith left.";
        EntityIndex index = run(
                text,
                Map.of("John Smith", EntityType.PERSON, "Jane Smith", EntityType.PERSON, "Smith", EntityType.PERSON));
        assertEquals(
                Set.of("PERSON:John Smith", "PERSON:Jane Smith", "PERSON:Smith"),
                index.entities().stream().map(Entity::key).collect(Collectors.toSet()));
    }

    @Test
    void sampleArticleEntities() {
        Map<String, List<String>> byKey = TestModels.sample().entities().stream()
                .collect(Collectors.toMap(EntityResult::key, EntityResult::aliases));
        assertEquals(
                Map.ofEntries(
                        Map.entry("PERSON:Rustem Unerov", List.of()),
                        Map.entry("PERSON:Steve Witkoff", List.of("Witkoff")),
                        Map.entry("PERSON:Dmitry Kuznets", List.of()),
                        Map.entry("PERSON:Donald Trump", List.of("Trump")),
                        Map.entry("PERSON:Vladimir Putin", List.of("Putin")),
                        Map.entry("PERSON:Volodymyr Zelensky", List.of()),
                        Map.entry("PERSON:John Coale", List.of()),
                        Map.entry("PERSON:Pete Hegseth", List.of()),
                        Map.entry("ORGANIZATION:Fox News", List.of()),
                        Map.entry("ORGANIZATION:The New York Times", List.of("New York Times", "Times")),
                        Map.entry("ORGANIZATION:Bloomberg News", List.of()),
                        Map.entry("ORGANIZATION:NATO", List.of()),
                        Map.entry("ORGANIZATION:Meduza", List.of()),
                        Map.entry("ORGANIZATION:Kommersant", List.of()),
                        Map.entry("ORGANIZATION:Ministry of Defense", List.of()),
                        Map.entry("LOCATION:United States", List.of("US")),
                        Map.entry("LOCATION:Saudi Arabia", List.of()),
                        Map.entry("LOCATION:Riyadh", List.of()),
                        Map.entry("LOCATION:Ukraine", List.of()),
                        Map.entry("LOCATION:Russia", List.of()),
                        Map.entry("LOCATION:Moscow", List.of()),
                        Map.entry("LOCATION:Kyiv", List.of("Kiev")),
                        Map.entry("LOCATION:Black Sea", List.of()),
                        Map.entry("LOCATION:Brussels", List.of()),
                        Map.entry("LOCATION:United Kingdom", List.of("UK")),
                        Map.entry("LOCATION:France", List.of()),
                        Map.entry("LOCATION:Europe", List.of()),
                        Map.entry("LOCATION:Crimea", List.of("Crimean peninsula")),
                        Map.entry("LOCATION:Luhansk", List.of()),
                        Map.entry("LOCATION:Donetsk", List.of()),
                        Map.entry("LOCATION:Zaporizhzhia", List.of()),
                        Map.entry("LOCATION:Kherson", List.of())),
                byKey);
    }

    @Test
    void sampleMentionCounts() {
        Map<String, Integer> counts = TestModels.sample().entities().stream()
                .collect(Collectors.toMap(EntityResult::key, e -> e.mentions().size()));
        assertEquals(15, counts.get("LOCATION:Ukraine"));
        assertEquals(4, counts.get("LOCATION:Kyiv"));
        assertEquals(3, counts.get("PERSON:Steve Witkoff"));
        assertEquals(4, counts.get("PERSON:Vladimir Putin"));
        assertEquals(6, counts.get("ORGANIZATION:NATO"));
        assertEquals(2, counts.get("ORGANIZATION:The New York Times"));
    }

    @Test
    void malayHonorificsAreNotPartOfTheNameAndAShortenedNameJoinsTheFullOne() {
        String text = "Datuk Seri Ahmad Zaki Ismail met Tan Sri Lim Boon Hock. Ahmad Zaki said so, and Lim agreed.";
        EntityIndex index = run(
                text,
                Map.of(
                        "Datuk Seri Ahmad Zaki Ismail",
                        EntityType.PERSON,
                        "Tan Sri Lim Boon Hock",
                        EntityType.PERSON,
                        "Ahmad Zaki",
                        EntityType.PERSON));
        assertEquals(
                List.of("Ahmad Zaki Ismail", "Lim Boon Hock"),
                index.entities().stream().map(Entity::canonicalName).toList());
        assertEquals(2, index.entities().get(0).mentions().size(), "Ahmad Zaki is Ahmad Zaki Ismail");
    }

    @Test
    void aShortenedNameSharedByTwoFullNamesStaysApart() {
        String text = "Ana Maria Lopez and Ana Maria Ruiz spoke. Ana Maria left.";
        EntityIndex index = run(
                text,
                Map.of(
                        "Ana Maria Lopez",
                        EntityType.PERSON,
                        "Ana Maria Ruiz",
                        EntityType.PERSON,
                        "Ana Maria",
                        EntityType.PERSON));
        assertEquals(3, index.entities().size());
    }

    @Test
    void aSurnameWithAParticleMatchesWhateverItsCase() {
        String text = "Khalid al-Mansouri spoke. Al-Mansouri said more.";
        EntityIndex index =
                run(text, Map.of("Khalid al-Mansouri", EntityType.PERSON, "Al-Mansouri", EntityType.PERSON));
        assertEquals(
                List.of("Khalid al-Mansouri"),
                index.entities().stream().map(Entity::canonicalName).toList());
    }
}
