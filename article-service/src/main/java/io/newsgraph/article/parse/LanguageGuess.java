package io.newsgraph.article.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Cheap "is this English?" check for text that carries no language metadata. */
final class LanguageGuess {

    private static final Set<String> ENGLISH_STOPWORDS = Set.of(
            "the", "and", "of", "to", "a", "in", "is", "that", "for", "on", "was", "said", "with", "it", "as", "by");

    private static final int MIN_LETTERS = 40;
    private static final double MIN_ASCII_LETTER_SHARE = 0.9;
    /** English prose runs at ~25% stopwords; other Latin-script languages sit far below 10%. */
    private static final double MIN_STOPWORD_SHARE = 0.1;

    private LanguageGuess() {}

    /** "en" when the text is clearly English, otherwise {@code null}. */
    static String guess(List<String> paragraphs) {
        long letters = 0;
        long asciiLetters = 0;
        long words = 0;
        long stopwords = 0;
        for (String paragraph : paragraphs) {
            int wordStart = -1;
            for (int i = 0; i <= paragraph.length(); i++) {
                char c = i < paragraph.length() ? paragraph.charAt(i) : ' ';
                if (Character.isLetter(c)) {
                    letters++;
                    asciiLetters += c < 128 ? 1 : 0;
                    wordStart = wordStart < 0 ? i : wordStart;
                } else if (wordStart >= 0) {
                    words++;
                    stopwords += isStopword(paragraph, wordStart, i) ? 1 : 0;
                    wordStart = -1;
                }
            }
        }
        boolean english = letters >= MIN_LETTERS
                && asciiLetters >= MIN_ASCII_LETTER_SHARE * letters
                && stopwords >= MIN_STOPWORD_SHARE * words;
        return english ? "en" : null;
    }

    private static boolean isStopword(String text, int start, int end) {
        return end - start <= 4
                && ENGLISH_STOPWORDS.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
    }
}
