package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractionPipelineTests {

    @Test
    void allOffsetsPointIntoTheOriginalBody() {
        String body = SampleArticle.load().body();
        Analysis a = TestModels.sample();
        a.entities()
                .forEach(e -> e.mentions().forEach(m -> assertEquals(m.surface(), body.substring(m.start(), m.end()))));
        a.claims().forEach(c -> assertEquals(c.surface(), body.substring(c.start(), c.end())));
        a.dates().forEach(d -> assertEquals(d.surface(), body.substring(d.start(), d.end())));
    }

    @Test
    void userAliasesOverrideDefaults() {
        var pipeline = ExtractionPipeline.standard(TestModels.crf(), AliasTable.of(Map.of("Kiev", "Kyiv City")));
        Analysis a = pipeline.analyse(new ExtractionInput("", "Officials in Kiev said the talks ended.", null));
        assertEquals("LOCATION:Kyiv City", a.entities().get(0).key());
        assertNull(a.quotes().get(0).speakerKey());
        assertEquals("Officials in Kiev", a.quotes().get(0).speakerDescription());
    }

    @Test
    void rejectsNullArguments() {
        assertThrows(NullPointerException.class, () -> new ExtractionPipeline(null, AliasTable.empty()));
        assertThrows(NullPointerException.class, () -> TestModels.pipeline().analyse(null));
    }
}
