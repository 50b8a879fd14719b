package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTests {

    @Test
    void mapsTypographicCharactersOneToOne() {
        String original = "\u201CIt\u2019s fine,\u201D she said\u00A0\u2011 \u00ABok\u00BB";
        String normalized = TextNormalizer.normalize(original);
        assertEquals("\"It's fine,\" she said - \"ok\"", normalized);
        assertEquals(original.length(), normalized.length());
    }

    @Test
    void leavesPlainTextUntouched() {
        assertEquals("Plain text, 1,580 drones.", TextNormalizer.normalize("Plain text, 1,580 drones."));
        assertEquals("", TextNormalizer.normalize(""));
    }
}
