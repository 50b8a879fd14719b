package io.newsgraph.article.parse;

/** Small string helpers shared by the parsers. */
final class Texts {

    private Texts() {}

    static String nullIfBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Last {@code n} characters; keeps suffix regexes bounded on huge paragraphs. */
    static String tail(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }

    /** First {@code n} characters; keeps prefix regexes bounded on huge paragraphs. */
    static String head(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
