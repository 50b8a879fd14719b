package io.newsgraph.article.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTests {

    @Test
    void nullAndEmptyBecomeEmpty() {
        assertEquals("", TextNormalizer.normalize(null));
        assertEquals("", TextNormalizer.normalize(""));
        assertEquals("", TextNormalizer.normalize(" \t\r\n\u00A0\n "));
    }

    @Test
    void stripsBomAnywhere() {
        assertEquals("ab", TextNormalizer.normalize("\uFEFFa\uFEFFb"));
    }

    @Test
    void unifiesLineBreaks() {
        assertEquals("a\nb\nc\nd", TextNormalizer.normalize("a\r\nb\rc\u2028d"));
        assertEquals("a\n\nb", TextNormalizer.normalize("a\u2029b"));
    }

    @Test
    void unicodeSpacesAndTabsBecomeSingleSpaces() {
        assertEquals("a b c d e f", TextNormalizer.normalize("a\u00A0b\u202Fc\u2007d\t\te\u3000\u2003 f"));
    }

    @Test
    void removesZeroWidthAndControlCharacters() {
        assertEquals("abcdef", TextNormalizer.normalize("a\u200Bb\u200Cc\u200Dd\u2060e\u0007\u0000f"));
    }

    @Test
    void trimsLinesAndCapsBlankLineRuns() {
        assertEquals("one two\nthree\n\nfour", TextNormalizer.normalize("  one   two  \n three \n\n\n \n\nfour\n\n"));
    }

    @Test
    void foldsFullWidthAsciiVariants() {
        assertEquals("作者:A,B(C)[D]/E!1", TextNormalizer.normalize("作者：Ａ，Ｂ（Ｃ）［Ｄ］／Ｅ！１"));
    }

    @Test
    void keepsCurlyQuotesDashesAndCjk() {
        String text = "“Hello,” she said — ‘fine’. 中国日报";
        assertEquals(text, TextNormalizer.normalize(text));
    }

    @Test
    void keepsCharactersOutsideTheBasicPlane() {
        assertEquals("emoji 😀 ok", TextNormalizer.normalize("emoji\u00A0😀 ok"));
    }
}
