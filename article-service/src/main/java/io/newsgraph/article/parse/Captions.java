package io.newsgraph.article.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Detects photo captions and splits off their credit. */
final class Captions {

    /** Credits sit at the very end; only this many trailing characters are examined. */
    private static final int TAIL = 160;

    /** {@code [Photo/Xinhua]}, {@code [Photo by John Smith/China Daily]}, {@code [Photo provided to China Daily]}. */
    private static final Pattern BRACKET_CREDIT = Pattern.compile(
            "\\[\\s*((?:Photos?|Images?|Pictures?)\\b[^\\[\\]]{0,120})]\\s*$", Pattern.CASE_INSENSITIVE);

    /** {@code (Photo: Reuters)}. */
    private static final Pattern PAREN_CREDIT = Pattern.compile(
            "\\(\\s*(?:Photos?|Images?|Pictures?)\\s*:\\s*([^()]{1,120})\\)\\s*$", Pattern.CASE_INSENSITIVE);

    /**
     * Trailing {@code Photo: AP} after some caption text; case-sensitive so "file photo: ..." prose
     * is not read as a credit.
     */
    private static final Pattern PLAIN_CREDIT =
            Pattern.compile("(?<=[\\s.])(?:Photos?|Images?|Pictures?): ([^:\\[\\]()]{1,60})$");

    /** Leading marker inside a credit: "Photo/", "Photo:", "Photo by". */
    private static final Pattern CREDIT_MARKER =
            Pattern.compile("^(?:Photos?|Images?|Pictures?)\\s*(?:/|:|\\bby\\b)\\s*", Pattern.CASE_INSENSITIVE);

    /** Openings that only photo descriptions use; deliberately short to avoid eating body text. */
    private static final List<String> CAPTION_OPENINGS = List.of(
            "This photo taken on", "Photo taken on", "This photo shows", "A photo shows",
            "File photo:", "File photo shows");

    private static final int MAX_PLAIN_CREDIT_WORDS = 6;

    private Captions() {
    }

    /** The caption this paragraph is, or {@code null} when it is not clearly a caption. */
    static Caption parse(String paragraph) {
        Caption credited = splitCredit(paragraph);
        if (credited != null) {
            return credited;
        }
        for (String opening : CAPTION_OPENINGS) {
            if (paragraph.regionMatches(true, 0, opening, 0, opening.length())) {
                return new Caption(paragraph, null);
            }
        }
        return null;
    }

    /** Caption from an explicit caption element: always a caption, credit split off when present. */
    static Caption fromCaptionText(String text) {
        Caption credited = splitCredit(text);
        return credited != null ? credited : new Caption(text, null);
    }

    /** "Photo: Reuters" → "Reuters"; "Photo by A/B" → "A/B"; other credits unchanged. */
    static String cleanCredit(String credit) {
        return CREDIT_MARKER.matcher(credit.strip()).replaceFirst("").strip();
    }

    private static Caption splitCredit(String paragraph) {
        String tail = Texts.tail(paragraph, TAIL);
        int offset = paragraph.length() - tail.length();
        for (Pattern pattern : List.of(BRACKET_CREDIT, PAREN_CREDIT, PLAIN_CREDIT)) {
            Matcher m = pattern.matcher(tail);
            if (m.find() && (pattern != PLAIN_CREDIT || isShortCredit(m.group(1)))) {
                String text = paragraph.substring(0, offset + m.start()).strip();
                return new Caption(text, cleanCredit(m.group(1)));
            }
        }
        return null;
    }

    /** A plain "Photo: X" credit is a name, not a sentence. */
    private static boolean isShortCredit(String credit) {
        String c = credit.strip();
        return !c.endsWith(".") && c.split(" ").length <= MAX_PLAIN_CREDIT_WORDS
                && !c.toLowerCase(Locale.ROOT).equals(c);
    }
}
