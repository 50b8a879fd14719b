package io.newsgraph.article.parse;

/**
 * Canonical whitespace and character form for article text.
 *
 * <p>Line breaks become {@code \n}; Unicode spaces, tabs and full-width ASCII variants become
 * their ASCII forms; invisible characters (BOM, zero-width, controls) are dropped; spaces are
 * collapsed, lines trimmed, blank-line runs capped at one blank line, and leading/trailing blank
 * lines removed. Quote marks and CJK letters are left untouched. Runs in linear time.
 */
public final class TextNormalizer {

    private static final int FULLWIDTH_FIRST = 0xFF01;
    private static final int FULLWIDTH_LAST = 0xFF5E;
    private static final int FULLWIDTH_OFFSET = 0xFEE0;

    private TextNormalizer() {}

    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        return layoutLines(mapCharacters(raw));
    }

    /** Pass 1: per-character mapping, line breaks unified to LF. */
    private static StringBuilder mapCharacters(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                if (i < raw.length() && raw.charAt(i) == '\n') {
                    continue; // CRLF: the LF that follows is kept
                }
                out.append('\n');
            } else if (cp == '\n' || cp == 0x2028 || cp == 0x0085) {
                out.append('\n');
            } else if (cp == 0x2029) {
                out.append("\n\n");
            } else if (cp == '\t' || Character.getType(cp) == Character.SPACE_SEPARATOR) {
                out.append(' ');
            } else if (cp >= FULLWIDTH_FIRST && cp <= FULLWIDTH_LAST) {
                out.append((char) (cp - FULLWIDTH_OFFSET));
            } else if (!isInvisible(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out;
    }

    private static boolean isInvisible(int cp) {
        return cp == 0xFEFF
                || (cp >= 0x200B && cp <= 0x200D)
                || cp == 0x2060
                || Character.getType(cp) == Character.CONTROL;
    }

    /** Pass 2: collapse spaces, trim lines, cap blank-line runs, drop leading/trailing blank lines. */
    private static String layoutLines(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder line = new StringBuilder();
        int pendingBreaks = 0;
        int length = text.length();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : '\n';
            if (c != '\n') {
                if (c != ' ' || (!line.isEmpty() && line.charAt(line.length() - 1) != ' ')) {
                    line.append(c);
                }
                continue;
            }
            trimTrailingSpace(line);
            if (line.isEmpty()) {
                pendingBreaks++;
            } else {
                if (!out.isEmpty()) {
                    out.append(pendingBreaks > 0 ? "\n\n" : "\n");
                }
                out.append(line);
                line.setLength(0);
                pendingBreaks = 0;
            }
        }
        return out.toString();
    }

    private static void trimTrailingSpace(StringBuilder line) {
        if (!line.isEmpty() && line.charAt(line.length() - 1) == ' ') {
            line.setLength(line.length() - 1);
        }
    }
}
