package io.newsgraph.article.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Recognises page furniture (share buttons), end-of-story markers and contribution/credit footers. */
final class NoiseRules {

    /** Whole-line widget labels; matched case-insensitively against the entire line only. */
    private static final Set<String> SHARE_MARKERS = Set.of(
            "分享",
            "share",
            "share this",
            "share this article",
            "share on facebook",
            "share on twitter",
            "share on x",
            "share on whatsapp",
            "share on linkedin",
            "print",
            "email",
            "tweet",
            "copy link",
            "follow us",
            "advertisement");

    /** Whole-line end-of-story markers of agency copy ("Enditem", "(END)", "###", "--0--", Kyodo's "==Kyodo"). */
    private static final Pattern END_MARKER = Pattern.compile(
            "(?i)\\(?\\s*(?:enditem|end\\s*item|ends?|-+\\s*end\\s*-+)\\s*\\)?\\.?|#{3}|-+0-+|\\*{3}|==\\s*\\p{L}+");

    /** The same markers glued to the last sentence: "... he said. Enditem". */
    private static final Pattern TRAILING_END_MARKER =
            Pattern.compile("(?<=[.!?”\"’)])\\s+(?:Enditem|\\(END\\)|\\(ENDS\\)|###)\\s*$");

    /** Footers are short; a long paragraph mentioning "contributed" is body text. */
    private static final int MAX_FOOTER_LENGTH = 300;

    private static final Pattern CONTRIBUTED =
            Pattern.compile("\\bcontributed (?:to this (?:story|report|article)|(?:additional )?reporting)\\b");

    private NoiseRules() {}

    static boolean isShareMarker(String line) {
        return line.length() <= 20 && SHARE_MARKERS.contains(line.strip().toLowerCase(Locale.ROOT));
    }

    static boolean isEndMarker(String line) {
        return line.length() <= 20 && END_MARKER.matcher(line.strip()).matches();
    }

    /** The paragraph without an end marker glued to its end. */
    static String withoutTrailingEndMarker(String paragraph) {
        return TRAILING_END_MARKER.matcher(Texts.tail(paragraph, 40)).find()
                ? TRAILING_END_MARKER.matcher(paragraph).replaceFirst("")
                : paragraph;
    }

    static boolean isFooter(String paragraph) {
        if (paragraph.length() > MAX_FOOTER_LENGTH) {
            return false;
        }
        if (Credits.parse(paragraph) != null) {
            return true;
        }
        String s = paragraph.toLowerCase(Locale.ROOT);
        return s.startsWith("(reporting by")
                || s.startsWith("(writing by")
                || s.startsWith("(editing by")
                || (s.startsWith("reporting by") && s.contains("editing by"))
                || s.startsWith("additional reporting by")
                || s.startsWith("contact the writer")
                || s.startsWith("contact the reporter")
                // syndication notes: "(This story has not been edited by X staff and is auto-generated from a
                // syndicated feed.)"
                || s.contains("auto-generated from a syndicated feed")
                || s.startsWith("(this story has not been edited by")
                || (s.startsWith("associated press writer") && s.contains(" contributed"))
                || CONTRIBUTED.matcher(s).find();
    }
}
