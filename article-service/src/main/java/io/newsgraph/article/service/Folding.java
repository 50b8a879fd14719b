package io.newsgraph.article.service;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Case and accent folding of what users type, as the index's {@code folded}/{@code entity_suggest} normalizers
 * (lowercase + asciifolding) fold indexed values: aggregation {@code include} patterns are matched against indexed
 * terms without being normalized, so the prefix must be folded here the same way. Compatibility decomposition
 * removes accents and splits ligatures; the letters asciifolding maps without a decomposition are listed.
 */
final class Folding {
    private Folding() {
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (char c : decomposed.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case 'ß' -> folded.append("ss");
                case 'æ' -> folded.append("ae");
                case 'œ' -> folded.append("oe");
                case 'þ' -> folded.append("th");
                case 'ø' -> folded.append('o');
                case 'đ', 'ð' -> folded.append('d');
                case 'ł' -> folded.append('l');
                case 'ı' -> folded.append('i');
                default -> folded.append(c);
            }
        }
        return folded.toString();
    }

    /** {@code text} as a literal in a Lucene regular expression: every character but letters and digits escaped. */
    static String regexLiteral(String text) {
        StringBuilder literal = new StringBuilder(text.length() * 2);
        text.codePoints().forEach(c -> {
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                literal.append('\\');
            }
            literal.appendCodePoint(c);
        });
        return literal.toString();
    }
}
