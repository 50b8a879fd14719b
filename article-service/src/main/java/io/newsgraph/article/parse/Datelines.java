package io.newsgraph.article.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises wire datelines such as {@code LONDON, March 3 (Reuters) -} at the start of a paragraph. */
final class Datelines {

    /** A dateline is short; only this prefix is examined so the regexes stay cheap on huge input. */
    private static final int HEAD = 160;

    private static final String CITY_CHARS = "[\\p{L}\\p{M}.'’ -]";
    private static final String UPPER_CITY = "(\\p{Lu}[\\p{Lu}\\p{M}.'’ -]{1,40}?)";
    private static final String REGION = "(?:,\\s*(\\p{Lu}" + CITY_CHARS + "{0,30}?))?";
    private static final String DATE = "(?:,\\s*\\p{Lu}\\p{Ll}{2,8}\\.?\\s+\\d{1,2})?";

    /** {@code CITY[, Region][, Month Day] (Agency) -|--|–|—}. */
    private static final Pattern WITH_AGENCY = Pattern.compile(
            "(\\p{Lu}" + CITY_CHARS + "{0,40}?)" + REGION + DATE
                    + "\\s*\\(([^()]{1,40})\\)\\s*(?:-{1,2}|[–—])\\s+");

    /** {@code CITY[, Region] —}: upper-case city and a long dash, since a plain hyphen is too common in prose. */
    private static final Pattern DASH_ONLY = Pattern.compile(UPPER_CITY + REGION + "\\s*(?:--|[–—])\\s+");

    /** Parsed dateline; {@code rest} is the paragraph text after it. */
    record Dateline(String place, String source, String rest) {

        Byline byline() {
            return new Byline(null, place, source);
        }
    }

    private Datelines() {
    }

    /** The dateline opening this paragraph, or {@code null}. */
    static Dateline match(String paragraph) {
        String head = Texts.head(paragraph, HEAD);
        Matcher m = WITH_AGENCY.matcher(head);
        if (m.lookingAt() && (isUpperCase(m.group(1)) || Bylines.isKnownAgency(m.group(3)))) {
            return dateline(paragraph, m, m.group(3).strip());
        }
        m = DASH_ONLY.matcher(head);
        if (m.lookingAt()) {
            return dateline(paragraph, m, null);
        }
        return null;
    }

    private static Dateline dateline(String paragraph, Matcher m, String source) {
        String place = m.group(2) == null ? m.group(1).strip() : m.group(1).strip() + ", " + m.group(2).strip();
        return new Dateline(place, source, paragraph.substring(m.end()).strip());
    }

    private static boolean isUpperCase(String city) {
        return city.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }
}
