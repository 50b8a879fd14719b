package io.newsgraph.article.service;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Case and accent folding, as the index's {@code folded} normalizer (lowercase + asciifolding) folds sources and
 * authors, and as entity completion folds entity names and prefixes. Compatibility decomposition removes accents and
 * splits ligatures; the letters asciifolding maps without a decomposition are listed.
 */
final class Folding {
    private Folding() {}

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
}
