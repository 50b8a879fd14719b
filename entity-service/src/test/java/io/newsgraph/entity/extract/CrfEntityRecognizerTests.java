package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CrfEntityRecognizerTests {

    @Test
    void recognisesTypedSpansWithOffsets() {
        String text = "US special envoy Steve Witkoff said in an interview with Fox News in Riyadh.";
        List<Mention> mentions = TestModels.crf().recognize(text);
        assertEquals(
                List.of(
                        new Mention(0, 2, EntityType.LOCATION, "US"),
                        new Mention(17, 30, EntityType.PERSON, "Steve Witkoff"),
                        new Mention(57, 65, EntityType.ORGANIZATION, "Fox News"),
                        new Mention(69, 75, EntityType.LOCATION, "Riyadh")),
                mentions);
    }

    @Test
    void offsetsMatchSurfacesOnTheSample() {
        String body = SampleArticle.load().body();
        List<Mention> mentions = TestModels.crf().recognize(body);
        assertEquals(86, mentions.size());
        for (Mention m : mentions) {
            assertEquals(m.surface(), body.substring(m.start(), m.end()));
        }
    }

    @Test
    void hyphenatedNamesStayOneMention() {
        List<Mention> mentions =
                TestModels.crf().recognize("Prime Minister Ingrid Halvorsen-Berg visited Bergen on Monday.");
        assertEquals("Ingrid Halvorsen-Berg", mentions.get(0).surface());
        assertEquals(EntityType.PERSON, mentions.get(0).type());
        assertEquals(2, mentions.size());
    }

    /** The packed lookup tables (CrfEntityRecognizer.packLookupTables) change memory, not labels. */
    @Test
    void packedModelLabelsExactlyLikeCoreNlpsOwnTables() {
        CrfEntityRecognizer unpacked = CrfEntityRecognizer.load(CrfEntityRecognizer.DEFAULT_MODEL, false);
        List<String> texts = List.of(
                SampleArticle.load().body(),
                SampleArticle.load().title(),
                SampleArticle.resource("/samples/ap-style.txt"),
                SampleArticle.resource("/samples/reuters-style.txt"),
                SampleArticle.resource("/samples/speaker-list.txt"),
                "Zürich-based Nestlé's CEO Ulf Mark Schneider met Łukasz Kowalski of PKN Orlen in Gdańsk and São Paulo.");
        int mentions = 0;
        for (String text : texts) {
            List<Mention> expected = unpacked.recognize(text);
            assertEquals(expected, TestModels.crf().recognize(text));
            mentions += expected.size();
        }
        assertTrue(mentions > 100, "compared " + mentions + " mentions");
    }

    @Test
    void reportsLoadTime() {
        assertTrue(TestModels.crf().loadTime().toMillis() > 0);
    }

    @Test
    void missingModelFailsClearly() {
        assertThrows(IllegalStateException.class, () -> CrfEntityRecognizer.load("no/such/model.ser.gz"));
    }

    @Test
    void blankTextHasNoMentions() {
        assertEquals(List.of(), TestModels.crf().recognize(""));
        assertEquals(List.of(), TestModels.crf().recognize("   "));
        assertEquals(List.of(), TestModels.crf().recognize(null));
    }

    /** One shared classifier used from several threads gives the sequential result. */
    @Test
    void sharedInstanceIsSafeAcrossThreads() throws Exception {
        List<String> texts = List.of(
                SampleArticle.load().body(),
                SampleArticle.resource("/samples/ap-style.txt"),
                SampleArticle.resource("/samples/reuters-style.txt"));
        List<List<Mention>> expected =
                texts.stream().map(TestModels.crf()::recognize).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Mention>>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String text = texts.get(i % texts.size());
                futures.add(pool.submit(() -> TestModels.crf().recognize(text)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % texts.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
