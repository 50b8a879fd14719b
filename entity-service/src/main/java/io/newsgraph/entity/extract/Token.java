package io.newsgraph.entity.extract;

/** A word, number or punctuation character of the analysed text; {@code end} exclusive. */
record Token(int start, int end, String text) {

    boolean isWord() {
        return Character.isLetter(text.charAt(0));
    }

    boolean isCapitalized() {
        return Character.isUpperCase(text.charAt(0));
    }
}
