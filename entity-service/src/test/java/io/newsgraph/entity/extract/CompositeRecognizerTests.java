package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeRecognizerTests {

    private static EntityRecognizer fixed(Mention... mentions) {
        return text -> List.of(mentions);
    }

    @Test
    void longerSpanWinsOverlap() {
        EntityRecognizer gazetteer = fixed(new Mention(0, 28, EntityType.ORGANIZATION, "Russia's Ministry of Defense"));
        EntityRecognizer crf = fixed(
                new Mention(0, 6, EntityType.LOCATION, "Russia"),
                new Mention(9, 28, EntityType.ORGANIZATION, "Ministry of Defense"),
                new Mention(34, 40, EntityType.LOCATION, "Moscow"));
        assertEquals(
                List.of(
                        new Mention(0, 28, EntityType.ORGANIZATION, "Russia's Ministry of Defense"),
                        new Mention(34, 40, EntityType.LOCATION, "Moscow")),
                new CompositeRecognizer(gazetteer, crf).recognize("Russia's Ministry of Defense said Moscow"));
    }

    @Test
    void firstRecognizerWinsEqualSpans() {
        EntityRecognizer gazetteer = fixed(new Mention(0, 6, EntityType.ORGANIZATION, "Meduza"));
        EntityRecognizer crf = fixed(new Mention(0, 6, EntityType.PERSON, "Meduza"));
        assertEquals(
                List.of(new Mention(0, 6, EntityType.ORGANIZATION, "Meduza")),
                new CompositeRecognizer(gazetteer, crf).recognize("Meduza reported"));
    }

    @Test
    void outletTypeBeatsCrfOnRealText() {
        var composite = new CompositeRecognizer(GazetteerRecognizer.loadDefault(), TestModels.crf());
        List<Mention> mentions =
                composite.recognize("Dmitry Kuznets, a military analyst with the Russian news outlet Meduza, said.");
        assertEquals(
                List.of(
                        new Mention(0, 14, EntityType.PERSON, "Dmitry Kuznets"),
                        new Mention(64, 70, EntityType.ORGANIZATION, "Meduza")),
                mentions);
    }

    @Test
    void emptyText() {
        assertEquals(
                List.of(), new CompositeRecognizer(fixed(new Mention(0, 1, EntityType.PERSON, "x"))).recognize(""));
    }
}
