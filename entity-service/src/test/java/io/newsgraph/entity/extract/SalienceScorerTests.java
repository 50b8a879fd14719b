package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalienceScorerTests {

    @Test
    void titleLeadAndFrequencyRaiseSalience() {
        String body =
                "Anna Lee met Tom Park in Oslo.\n\nLee spoke. Lee left. Later Oslo was quiet.\n\nA note on Bergen.";
        Map<String, EntityType> names = Map.of(
                "Anna Lee",
                EntityType.PERSON,
                "Lee",
                EntityType.PERSON,
                "Tom Park",
                EntityType.PERSON,
                "Oslo",
                EntityType.LOCATION,
                "Bergen",
                EntityType.LOCATION);
        List<EntityResult> entities = new ExtractionPipeline(TestModels.dictionary(names), AliasTable.empty())
                .analyse(new ExtractionInput("Park visits Norway", body, null))
                .entities();
        assertEquals(
                List.of("PERSON:Tom Park", "PERSON:Anna Lee", "LOCATION:Oslo", "LOCATION:Bergen"),
                entities.stream().map(EntityResult::key).toList());
        assertEquals(1.0, entities.get(0).salience());
        for (int i = 1; i < entities.size(); i++) {
            assertTrue(entities.get(i).salience() <= entities.get(i - 1).salience());
            assertTrue(entities.get(i).salience() > 0);
        }
    }

    @Test
    void titleMatchUsesWholeWords() {
        Entity russia = new Entity("Russia", EntityType.LOCATION);
        assertTrue(SalienceScorer.inTitle(russia, "US talks set on Russia-Ukraine war"));
        assertFalse(SalienceScorer.inTitle(russia, "Russian talks"));
        assertFalse(SalienceScorer.inTitle(russia, ""));
    }

    @Test
    void sampleArticleSalience() {
        List<EntityResult> entities = TestModels.sample().entities();
        assertEquals(
                List.of(
                        "LOCATION:Ukraine",
                        "LOCATION:United States",
                        "LOCATION:Russia",
                        "LOCATION:Saudi Arabia",
                        "ORGANIZATION:NATO"),
                entities.subList(0, 5).stream().map(EntityResult::key).toList());
        assertEquals(1.0, entities.get(0).salience());
        assertEquals(
                0.35,
                entities.stream()
                        .filter(e -> e.key().equals("PERSON:Vladimir Putin"))
                        .findFirst()
                        .orElseThrow()
                        .salience(),
                0.01);
    }
}
