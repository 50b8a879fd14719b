package io.newsgraph.article.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects photo captions and splits off their credit. A paragraph is a caption when it ends in a credit
 * ({@code [Photo/Xinhua]}, {@code (AP Photo/Name)}, {@code (Xinhua/Name)}, {@code (Photo: Reuters)},
 * {@code Photo: Name/AFP}, {@code REUTERS/Name}, {@code Name/AFP via Getty Images},
 * {@code Handout / Agency via Reuters}) or opens the way only photo descriptions do ("Photo taken on").
 * Credits without a marker word must name a source of the canonical table, so prose is never taken for one.
 */
final class Captions {

    /** Credits sit at the very end; only this many trailing characters are examined. */
    private static final int TAIL = 200;

    private static final String PHOTO_WORD = "(?:Photos?|Photographs?|Images?|Pictures?|Credit)";

    /** {@code [Photo/Xinhua]}, {@code [Photo by John Smith/China Daily]}, {@code [Photo provided to China Daily]}. */
    private static final Pattern EXPANSION = Pattern.compile("\\s*\\([^()]{1,60}\\)");

    private static final Pattern BRACKET_CREDIT =
            Pattern.compile("\\[\\s*(" + PHOTO_WORD + "\\b[^\\[\\]]{0,120})]\\s*$", Pattern.CASE_INSENSITIVE);

    /** {@code (Photo: Reuters)}, {@code (Photo by Name/AFP)}. */
    private static final Pattern PAREN_CREDIT = Pattern.compile(
            "\\(\\s*(" + PHOTO_WORD + "\\s*(?::|/|\\bby\\b)\\s*[^()]{1,120})\\)\\s*$", Pattern.CASE_INSENSITIVE);

    /** {@code (AP Photo/Name)}, {@code (AP Photo/Name, File)}, {@code (AP Photo)}, {@code (Xinhua/Name)}: the source is checked. */
    private static final Pattern PAREN_SOURCE_CREDIT = Pattern.compile(
            "\\(\\s*(?<source>[^()/]{1,40}?)(?<photo>\\s+Photos?)?\\s*(?:/\\s*(?<rest>[^()]{1,100}))?\\)\\s*$");

    /**
     * Trailing {@code Photo: AP} after some caption text; case-sensitive so "file photo: ..." prose
     * is not read as a credit.
     */
    private static final Pattern PLAIN_CREDIT =
            Pattern.compile("(?<=[\\s.]|^)" + PHOTO_WORD + ": ([^:\\[\\]()]{1,80})$");

    /** Leading marker inside a credit: "Photo/", "Photo:", "Photo by". */
    private static final Pattern CREDIT_MARKER =
            Pattern.compile("^" + PHOTO_WORD + "\\s*(?:/|:|\\bby\\b)\\s*", Pattern.CASE_INSENSITIVE);

    /** Page furniture that news sites append to captions. */
    private static final Pattern CAPTION_FURNITURE = Pattern.compile(
            "\\s*(?:Purchase Licensing Rights|Licensing Rights)(?:,?\\s*opens new tab)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** Where an unmarked credit may start: after the caption's last sentence, or at the start of the paragraph. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?)\\]”\"’]\\s+");

    /** Openings that only photo descriptions use; deliberately short to avoid eating body text. */
    private static final List<String> CAPTION_OPENINGS = List.of(
            "This photo taken on",
            "Photo taken on",
            "This photo shows",
            "A photo shows",
            "File photo:",
            "File photo shows",
            "This aerial photo",
            "Aerial photo taken on",
            "In this photo");

    private static final int MAX_PLAIN_CREDIT_WORDS = 8;
    private static final int MAX_CREDIT_PART_WORDS = 6;

    private Captions() {}

    /** The caption this paragraph is, or {@code null} when it is not clearly a caption. */
    static Caption parse(String paragraph) {
        String text = CAPTION_FURNITURE.matcher(paragraph).replaceFirst("");
        Caption credited = splitCredit(text);
        if (credited != null) {
            return credited;
        }
        for (String opening : CAPTION_OPENINGS) {
            if (text.regionMatches(true, 0, opening, 0, opening.length())) {
                return new Caption(text, null);
            }
        }
        return null;
    }

    /** Caption from an explicit caption element: always a caption, credit split off when present. */
    static Caption fromCaptionText(String text) {
        String cleaned = CAPTION_FURNITURE.matcher(text).replaceFirst("");
        Caption credited = splitCredit(cleaned);
        return credited != null ? credited : new Caption(cleaned, null);
    }

    /** "Photo: Reuters" → "Reuters"; "Photo by A/B" → "A/B"; other credits unchanged. */
    static String cleanCredit(String credit) {
        return CREDIT_MARKER.matcher(credit.strip()).replaceFirst("").strip();
    }

    private static Caption splitCredit(String paragraph) {
        String tail = Texts.tail(paragraph, TAIL);
        int offset = paragraph.length() - tail.length();
        Matcher m = BRACKET_CREDIT.matcher(tail);
        if (m.find()) {
            return caption(paragraph, offset + m.start(), m.group(1));
        }
        m = PAREN_CREDIT.matcher(tail);
        if (m.find()) {
            return caption(paragraph, offset + m.start(), m.group(1));
        }
        m = PAREN_SOURCE_CREDIT.matcher(tail);
        // "(Xinhua)" alone is an agency tag, not a photo credit: a photo word or a photographer must follow.
        if (m.find() && Agencies.isKnown(m.group("source")) && (m.group("photo") != null || m.group("rest") != null)) {
            String credit = tail.substring(m.start(), m.end()).strip();
            return caption(paragraph, offset + m.start(), credit.substring(1, credit.length() - 1));
        }
        m = PLAIN_CREDIT.matcher(tail);
        if (m.find() && isShortCredit(m.group(1))) {
            return caption(paragraph, offset + m.start(), m.group(1));
        }
        return unmarkedCredit(paragraph, tail, offset);
    }

    /** {@code REUTERS/Name}, {@code Name/AFP via Getty Images}, {@code Handout / Agency via Reuters} after the last sentence. */
    private static Caption unmarkedCredit(String paragraph, String tail, int offset) {
        int start = 0;
        Matcher end = SENTENCE_END.matcher(tail);
        while (end.find()) {
            start = end.end();
        }
        String candidate = tail.substring(start).strip();
        if (start == 0 && offset > 0 || !isUnmarkedCredit(candidate)) {
            return null;
        }
        return caption(paragraph, offset + start, candidate);
    }

    static boolean isUnmarkedCredit(String candidate) {
        if (!candidate.contains("/") && !candidate.contains(" via ")) {
            return false;
        }
        boolean namesSource = false;
        for (String credited : PhotoCredit.parts(candidate)) {
            // "WANA (West Asia News Agency)": an agency's spelled-out name is not part of the credit's shape.
            String part = EXPANSION.matcher(credited).replaceAll("").strip();
            String[] words = part.split("\\s+");
            if (part.isEmpty() || words.length > MAX_CREDIT_PART_WORDS || !allCapitalised(words)) {
                return false;
            }
            namesSource |= Agencies.isKnown(PhotoCredit.withoutPhotoWord(part));
        }
        return namesSource;
    }

    private static boolean allCapitalised(String[] words) {
        for (String word : words) {
            if (!word.isEmpty()
                    && !Character.isUpperCase(word.codePointAt(0))
                    && !Character.isDigit(word.codePointAt(0))
                    && !List.of("de", "da", "di", "van", "von", "al", "el", "bin", "of", "and", "&")
                            .contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static Caption caption(String paragraph, int creditStart, String credit) {
        return new Caption(paragraph.substring(0, creditStart).strip(), cleanCredit(credit));
    }

    /** A plain "Photo: X" credit is a name, not a sentence. */
    private static boolean isShortCredit(String credit) {
        String c = credit.strip();
        return !c.endsWith(".")
                && c.split(" ").length <= MAX_PLAIN_CREDIT_WORDS
                && !c.toLowerCase(Locale.ROOT).equals(c);
    }
}
