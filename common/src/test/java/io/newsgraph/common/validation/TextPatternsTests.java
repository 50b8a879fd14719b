package io.newsgraph.common.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The portable patterns accept exactly what the Java-only ones they replaced accepted (as {@code @Pattern} uses them). */
class TextPatternsTests {
    private static final Pattern OLD_SINGLE_LINE = Pattern.compile("[^\\p{Cntrl}\\p{Cs}]*");
    private static final Pattern OLD_STORABLE_TEXT = Pattern.compile("[^\\x00\\p{Cs}]*");

    /** Every BMP character alone, in text, and every kind of surrogate use: paired, lone high, lone low, reversed. */
    private static List<String> samples() {
        List<String> samples = new ArrayList<>();
        for (char c = 0; c < 0xFFFF; c++) {
            samples.add(String.valueOf(c));
            samples.add("a" + c + "b");
        }
        samples.add("\uD83D\uDE00");
        samples.add("smile \uD83D\uDE00 and \uD801\uDC37");
        samples.add("lone \uD83D high");
        samples.add("lone \uDE00 low");
        samples.add("\uDE00\uD83D");
        samples.add("");
        samples.add("line\n");
        samples.add("Kyiv, Ukraine — 23 March");
        return samples;
    }

    @Test
    void singleLineMatchesWhatTheJavaClassesMatched() {
        Pattern portable = Pattern.compile(TextPatterns.SINGLE_LINE);
        for (String sample : samples()) {
            assertEquals(
                    OLD_SINGLE_LINE.matcher(sample).matches(),
                    portable.matcher(sample).matches(),
                    () -> codes(sample));
        }
    }

    @Test
    void storableTextMatchesWhatTheJavaClassesMatched() {
        Pattern portable = Pattern.compile(TextPatterns.STORABLE_TEXT);
        for (String sample : samples()) {
            assertEquals(
                    OLD_STORABLE_TEXT.matcher(sample).matches(),
                    portable.matcher(sample).matches(),
                    () -> codes(sample));
        }
    }

    @Test
    void urlsAndLanguageTags() {
        Pattern url = Pattern.compile(TextPatterns.HTTP_URL);
        assertTrue(url.matcher("https://www.chinadaily.com.cn/a/202503/23/WS67df.html")
                .matches());
        assertTrue(url.matcher("http://example.org/caf\u00e9?q=1#x").matches());
        assertFalse(url.matcher("ftp://example.org").matches());
        assertFalse(url.matcher("https://example.org/a b").matches());
        assertFalse(url.matcher("https://example.org/\u0001").matches());
        assertFalse(url.matcher("https://example.org/\n").matches());
        assertFalse(url.matcher("https://").matches());
        Pattern language = Pattern.compile(TextPatterns.LANGUAGE_TAG);
        assertTrue(language.matcher("en").matches());
        assertTrue(language.matcher("en-GB").matches());
        assertTrue(language.matcher("zh-Hant-TW").matches());
        assertFalse(language.matcher("english").matches());
        assertFalse(language.matcher("en_GB").matches());
    }

    private static String codes(String sample) {
        return sample.chars().mapToObj(c -> String.format("U+%04X", c)).toList().toString();
    }
}
