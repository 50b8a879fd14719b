package io.newsgraph.article.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises wire datelines at the start of a paragraph: {@code LONDON, March 3 (Reuters) -},
 * {@code BEIJING, March 3 (Xinhua) --}, {@code KYIV, Ukraine, March 3 (AP) —}, {@code Paris (AFP) -},
 * {@code Madrid, Mar 3 (EFE).-}, {@code New Delhi, Mar 3 (PTI)}, {@code MOSCOW, March 3. /TASS/.},
 * {@code (ANSA) - ROME, MARCH 3 -}, {@code Washington CNN —} and upper-case {@code MIAMI —}.
 *
 * <p>A dateline must be unmistakable, because whatever it matches is cut from the text: an agency in
 * parentheses counts when it is a known news agency or the place is printed in capitals; a dateline
 * without agency needs a place in capitals (or a date) and a dash.
 */
final class Datelines {

    /** A dateline is short; only this prefix is examined so the regexes stay cheap on huge input. */
    private static final int HEAD = 200;

    private static final String CITY_CHARS = "[\\p{L}\\p{M}.'’/ -]";
    private static final String PLACE = "(?<place>\\p{Lu}" + CITY_CHARS + "{0,40}?)";
    private static final String REGION = "(?:,\\s*(?<region>\\p{Lu}" + CITY_CHARS + "{0,30}?))?";
    private static final String DATE = "(?:[,.]?\\s*(?<date>" + WireDates.MONTH_DAY + "))?";
    /** "-", "--", "–", "—", ".-" (EFE) or ":"; must be followed by a space or the end. */
    private static final String SEPARATOR = "(?<sep>\\.?\\s*(?:-{1,2}|[–—])|:)(?=\\s|$)";

    /** {@code CITY[, Region][, Month Day] (Agency) [-|--|–|—|.-]}. */
    private static final Pattern WITH_AGENCY =
            Pattern.compile(PLACE + REGION + DATE + "\\s*\\((?<agency>[^()]{1,40})\\)(?:\\s*" + SEPARATOR + ")?\\s*");

    /** {@code CITY, Month Day. /AGENCY/.} (TASS). */
    private static final Pattern SLASHED_AGENCY =
            Pattern.compile(PLACE + REGION + DATE + "\\.?\\s*/(?<agency>\\p{Lu}[\\p{L}-]{1,20})/\\.?\\s*");

    /** {@code (Agency) - CITY, Month Day -} (ANSA and others that lead with the agency). */
    private static final Pattern AGENCY_FIRST = Pattern.compile("\\((?<agency>[^()]{1,40})\\)\\s*(?:-{1,2}|[–—])\\s*"
            + PLACE + REGION + DATE + "\\s*" + SEPARATOR + "\\s*");

    /** {@code City AGENCY —}: an agency name without parentheses, only before a long dash. */
    private static final Pattern BARE_AGENCY =
            Pattern.compile(PLACE + REGION + DATE + "\\s+(?<agency>\\p{Lu}{2,8})\\s*(?<sep>--|[–—])\\s+");

    /** {@code CITY[, Region][, Month Day] —}. */
    private static final Pattern DASH_ONLY = Pattern.compile(PLACE + REGION + DATE + "\\s*" + SEPARATOR + "\\s*");

    /** {@code ANKARA} alone on the line above the body (Anadolu and others): a place in capitals and nothing else. */
    private static final Pattern PLACE_LINE = Pattern.compile("\\p{Lu}[\\p{Lu}\\p{M}.'’ -]{1,40}");

    private static final int MAX_PLACE_LINE_WORDS = 3;

    /** Capitalised labels that head a story without being a place. */
    private static final Set<String> SECTION_LABELS = Set.of(
            "warning",
            "note",
            "editor's note",
            "correction",
            "watch",
            "read more",
            "related",
            "also read",
            "fact check",
            "photos",
            "video",
            "timeline",
            "analysis",
            "exclusive",
            "breaking",
            "update",
            "opinion",
            "editorial",
            "feature",
            "comment",
            "news",
            "world",
            "business",
            "sports",
            "sport",
            "live",
            "explainer",
            "interview",
            "review",
            "advertisement");

    /** Words no place name holds: weekdays and the openings of sentences. */
    private static final Set<String> NOT_IN_PLACES =
            Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on", "in", "at", "a");

    private static final Set<String> PARTICLES = Set.of(
            "de", "del", "da", "do", "di", "du", "des", "la", "le", "les", "los", "las", "al", "el", "es", "of", "upon",
            "am", "an", "der", "au", "aux", "sur", "en", "y");

    /** Parsed dateline; {@code rest} is the paragraph text after it. */
    record Match(Dateline dateline, String rest) {

        Byline byline() {
            return new Byline(null, dateline.place(), dateline.agency());
        }
    }

    private Datelines() {}

    /** The dateline opening this paragraph, or {@code null}. */
    static Match match(String paragraph) {
        String head = Texts.head(paragraph, HEAD);
        for (Pattern pattern : List.of(AGENCY_FIRST, WITH_AGENCY, SLASHED_AGENCY, BARE_AGENCY, DASH_ONLY)) {
            Matcher m = pattern.matcher(head);
            if (m.lookingAt() && accepts(pattern, m)) {
                return match(
                        paragraph,
                        m,
                        pattern == DASH_ONLY ? null : m.group("agency").strip());
            }
        }
        return null;
    }

    /** A first paragraph that is only a place in capitals ("ANKARA", "GAZA CITY"): a dateline without the rest. */
    static Match placeLine(String paragraph) {
        String s = paragraph.strip();
        if (!PLACE_LINE.matcher(s).matches()
                || s.split(" ").length > MAX_PLACE_LINE_WORDS
                || !plausiblePlace(s)
                || SECTION_LABELS.contains(s.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return new Match(new Dateline(s, s, null, null, null), "");
    }

    private static boolean accepts(Pattern pattern, Matcher m) {
        if (!plausiblePlace(m.group("place")) || m.group("region") != null && !plausiblePlace(m.group("region"))) {
            return false;
        }
        boolean upperPlace = isUpperCase(m.group("place"));
        boolean dated = m.group("date") != null;
        if (pattern == DASH_ONLY) {
            String sep = m.group("sep").strip();
            boolean longDash = sep.equals("--") || sep.equals("–") || sep.equals("—");
            // A plain hyphen or colon after a capitalised word is common in prose; only a dated capital place passes,
            // or a capital place alone before a colon, as CNA and Malaysian papers print it ("SINGAPORE: ...")
            boolean colonAfterPlace = sep.equals(":")
                    && upperPlace
                    && m.group("region") == null
                    && m.group("place").strip().split(" ").length <= MAX_PLACE_LINE_WORDS
                    && !SECTION_LABELS.contains(m.group("place").strip().toLowerCase(Locale.ROOT));
            return longDash ? upperPlace || dated : upperPlace && dated && !sep.equals(":") || colonAfterPlace;
        }
        String agency = m.group("agency").strip();
        if (pattern == WITH_AGENCY) {
            boolean separated = m.group("sep") != null;
            // PTI prints no dash after its tag: a known agency is enough; an unknown one needs a capital place too.
            return Agencies.isAgency(agency) ? separated || dated || upperPlace : separated && upperPlace;
        }
        if (pattern == BARE_AGENCY) {
            Agencies.Source source = Agencies.find(agency);
            return source != null && (source.kind() == Agencies.Kind.AGENCY || source.kind() == Agencies.Kind.OUTLET);
        }
        return Agencies.isAgency(agency);
    }

    private static Match match(String paragraph, Matcher m, String agency) {
        String city = m.group("place").strip();
        String place = m.group("region") == null
                ? city
                : city + ", " + m.group("region").strip();
        WireDates.WireDate date = null;
        if (m.group("date") != null) {
            Matcher d = Pattern.compile(WireDates.MONTH_DAY).matcher(m.group("date"));
            date = d.matches() ? WireDates.of(d) : null;
        }
        String text = paragraph.substring(0, m.end()).strip();
        Dateline dateline = new Dateline(
                text,
                place,
                date == null ? null : date.monthDay(),
                date == null ? null : date.year(),
                agency == null ? null : Agencies.canonical(agency));
        return new Match(dateline, paragraph.substring(m.end()).strip());
    }

    /** A few capitalised words (particles such as "de" allowed), none of them a weekday: "On Monday, March 3 —" is prose. */
    private static boolean plausiblePlace(String place) {
        String[] words = place.strip().split("[\\s/-]+");
        if (words.length > 5) {
            return false;
        }
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (NOT_IN_PLACES.contains(lower)
                    || !word.isEmpty() && !Character.isUpperCase(word.codePointAt(0)) && !PARTICLES.contains(lower)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpperCase(String city) {
        return city.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }
}
