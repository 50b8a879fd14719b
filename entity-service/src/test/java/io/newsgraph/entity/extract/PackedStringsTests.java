package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackedStringsTests {

    @Test
    void findsEveryStringAtItsIndexAndNothingElse() {
        List<String> strings = new ArrayList<>(List.of("", "a", "Aa", "BB", "café", "Gdańsk", "日本", "W-word|C"));
        for (int i = 0; i < 5000; i++) {
            strings.add("f" + i + "|" + (i * 31));
        }
        PackedStrings packed = new PackedStrings(strings);
        assertEquals(strings.size(), packed.size());
        for (int i = 0; i < strings.size(); i++) {
            assertEquals(strings.get(i), packed.get(i));
            assertEquals(i, packed.indexOf(strings.get(i)));
            assertEquals(i, packed.indexOf(new String(strings.get(i).toCharArray())), "by value, not identity");
        }
        // "Aa" and "BB" share a hash code: both must still be told apart from each other and from absent strings.
        assertEquals("Aa".hashCode(), "BB".hashCode());
        for (String absent : List.of("b", "AaBB", "cafe", "Gdansk", "日", "f5000|155000", "f1|3 ")) {
            assertEquals(-1, packed.indexOf(absent), absent);
        }
    }

    @Test
    void refusesDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> new PackedStrings(List.of("x", "y", "x")));
        assertThrows(IllegalArgumentException.class, () -> new PackedStrings(List.of("日", "日")));
    }

    @Test
    void indexKeepsCoreNlpsIndicesAndStaysLocked() {
        Index<String> source = new HashIndex<>(List.of("W-Kyiv", "P-said", "C-Łódź"));
        PackedIndex packed = new PackedIndex(source);
        for (int i = 0; i < source.size(); i++) {
            assertEquals(source.get(i), packed.get(i));
            assertEquals(source.indexOf(source.get(i)), packed.indexOf(source.get(i)));
        }
        assertEquals(-1, packed.indexOf("W-Kiev"));
        assertEquals(-1, packed.addToIndex("W-Kiev"));
        assertEquals(source.objectsList(), packed.objectsList());
        assertTrue(packed.isLocked());
        assertTrue(packed.contains("P-said"));
        assertThrows(UnsupportedOperationException.class, () -> packed.add("W-Kiev"));
        assertThrows(UnsupportedOperationException.class, packed::unlock);
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> packed.get(3));
    }

    @Test
    void lexiconAnswersLikeTheMapItWasBuiltFrom() {
        Map<String, String> source = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            source.put("word" + i, String.valueOf(i % 17));
        }
        source.put("Zürich", "3");
        source.put("Kraków", "5");
        PackedLexicon lexicon = new PackedLexicon(source);
        assertEquals(source.size(), lexicon.size());
        source.forEach((k, v) -> assertEquals(v, lexicon.get(k), k));
        assertEquals(source, new HashMap<>(lexicon));
        assertNull(lexicon.get("word2000"));
        assertNull(lexicon.get(42));
        assertFalse(lexicon.containsKey("Zurich"));
    }
}
