package io.newsgraph.entity.extract;

/**
 * Length-preserving normalisation: every character maps to exactly one character, so offsets
 * found in the normalised text are valid offsets into the original body.
 *
 * <p>Curly and angle quotes become straight quotes, typographic apostrophes become {@code '},
 * and exotic spaces become plain spaces. The quote stage reads the original text when it needs
 * to tell an opening curly quote from a closing one.
 */
final class TextNormalizer {

    private TextNormalizer() {}

    static String normalize(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = map(chars[i]);
        }
        return new String(chars);
    }

    static char map(char c) {
        return switch (c) {
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033' -> '"';
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC' -> '\'';
            case '\u00A0', '\u2007', '\u2009', '\u200A', '\u202F', '\u2002', '\u2003' -> ' ';
            case '\u2010', '\u2011' -> '-';
            default -> c;
        };
    }
}
