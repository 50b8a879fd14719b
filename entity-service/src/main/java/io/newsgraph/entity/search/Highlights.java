package io.newsgraph.entity.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the highlighter's fragments (HTML-escaped text, matches in {@code <mark>...</mark>}) into fragments with offsets
 * into the quote text, so that clients can mark the text themselves instead of parsing HTML.
 */
public final class Highlights {
    private static final String OPEN = "<mark>";
    private static final String CLOSE = "</mark>";

    private Highlights() {}

    /**
     * @param fragment the fragment as the highlighter returned it (safe to insert into HTML)
     * @param start    offset of the fragment in the quote text (characters, end exclusive for {@code end})
     * @param marks    the matched words, as offsets into the quote text
     */
    public record Highlight(String fragment, int start, int end, List<Span> marks) {}

    public record Span(int start, int end) {}

    /** Fragments located in {@code text}, in order; a fragment that cannot be located (should not happen) is left out. */
    public static List<Highlight> locate(String text, List<String> fragments) {
        List<Highlight> result = new ArrayList<>();
        int from = 0;
        for (String fragment : fragments) {
            StringBuilder plain = new StringBuilder();
            List<int[]> marks = new ArrayList<>();
            int markStart = -1;
            for (int i = 0; i < fragment.length(); ) {
                if (fragment.startsWith(OPEN, i)) {
                    markStart = plain.length();
                    i += OPEN.length();
                } else if (fragment.startsWith(CLOSE, i)) {
                    if (markStart >= 0) {
                        marks.add(new int[] {markStart, plain.length()});
                    }
                    markStart = -1;
                    i += CLOSE.length();
                } else if (fragment.charAt(i) == '&') {
                    int semicolon = fragment.indexOf(';', i);
                    String decoded = semicolon < 0 ? null : entity(fragment.substring(i + 1, semicolon));
                    if (decoded == null) {
                        plain.append('&');
                        i++;
                    } else {
                        plain.append(decoded);
                        i = semicolon + 1;
                    }
                } else {
                    plain.append(fragment.charAt(i++));
                }
            }
            int at = text.indexOf(plain.toString(), from);
            if (at < 0) {
                at = text.indexOf(plain.toString());
            }
            if (at < 0) {
                continue;
            }
            int offset = at;
            result.add(new Highlight(
                    fragment,
                    at,
                    at + plain.length(),
                    marks.stream()
                            .map(m -> new Span(offset + m[0], offset + m[1]))
                            .toList()));
            from = at + plain.length();
        }
        return result;
    }

    /** The character an HTML entity of the highlighter's encoder stands for, or null. */
    private static String entity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> {
                try {
                    if (name.startsWith("#x") || name.startsWith("#X")) {
                        yield Character.toString(Integer.parseInt(name.substring(2), 16));
                    }
                    if (name.startsWith("#")) {
                        yield Character.toString(Integer.parseInt(name.substring(1)));
                    }
                } catch (IllegalArgumentException e) {
                    yield null;
                }
                yield null;
            }
        };
    }
}
