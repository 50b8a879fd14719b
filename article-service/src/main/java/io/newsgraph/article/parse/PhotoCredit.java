package io.newsgraph.article.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a photo credit says: the agency that supplied the picture and the photographer, each nullable.
 * "REUTERS/Gleb Garanich" → (Reuters, Gleb Garanich); "AP Photo/Evan Vucci, File" → (AP, Evan Vucci);
 * "Jane Roe/AFP via Getty Images" → (AFP, Jane Roe); "Ministry Press Service/Handout via REUTERS" → (Reuters, null).
 */
public record PhotoCredit(String agency, String photographer) {

    public static final PhotoCredit NONE = new PhotoCredit(null, null);

    /** Words that describe how a picture was supplied, never who took it. */
    private static final Set<String> ROLE_WORDS = Set.of(
            "handout",
            "pool",
            "stringer",
            "file",
            "file photo",
            "staff",
            "courtesy",
            "screenshot",
            "screen grab",
            "social media",
            "video grab",
            "reuters tv",
            "via",
            "photo",
            "photos",
            "handout photo",
            "pool photo");

    private static final Pattern SPLIT = Pattern.compile("\\s*/\\s*|\\s+via\\s+|\\s*,\\s*|\\s+-\\s+");
    private static final Pattern PHOTO_SUFFIX =
            Pattern.compile("\\s+(?:Photos?|Pictures?|Images?)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROVIDED = Pattern.compile("^(?i:provided\\s+(?:to|by)|courtesy(?:\\s+of)?)\\s+");

    /** Reads a caption's credit (as {@link Caption#credit()} holds it); null or blank → {@link #NONE}. */
    public static PhotoCredit of(String credit) {
        if (credit == null || credit.isBlank()) {
            return NONE;
        }
        List<String> parts = parts(Captions.cleanCredit(credit));
        String agency = null;
        Agencies.Kind agencyKind = null;
        String photographer = null;
        for (int i = 0; i < parts.size(); i++) {
            String part = withoutPhotoWord(PROVIDED.matcher(parts.get(i)).replaceFirst(""));
            Agencies.Source source = Agencies.find(part);
            if (source != null) {
                // A news agency outranks a distributor: "Name/AFP via Getty Images" is AFP's picture.
                if (agency == null || rank(source.kind()) < rank(agencyKind)) {
                    agency = source.name();
                    agencyKind = source.kind();
                }
            } else if (photographer == null && isPersonName(part) && !suppliedBy(parts, i)) {
                photographer = part;
            }
        }
        return new PhotoCredit(agency, photographer);
    }

    /** A credit's parts, split at "/", " via ", commas and spaced dashes. */
    static List<String> parts(String credit) {
        List<String> parts = new ArrayList<>();
        for (String part : SPLIT.split(credit.strip())) {
            parts.add(part.strip());
        }
        return parts;
    }

    /** "AP Photo" → "AP". */
    static String withoutPhotoWord(String part) {
        return PHOTO_SUFFIX.matcher(part.strip()).replaceFirst("");
    }

    private static int rank(Agencies.Kind kind) {
        return switch (kind) {
            case AGENCY -> 0;
            case OUTLET -> 1;
            case PHOTO -> 2;
            case GENERIC -> 3;
        };
    }

    /**
     * "Ministry Press Service/Handout", "Press Office/ANKA/Handout": the parts before "Handout" say who handed the
     * picture out, not who took it.
     */
    private static boolean suppliedBy(List<String> parts, int i) {
        return parts.subList(i + 1, parts.size()).stream()
                .anyMatch(p -> p.toLowerCase(Locale.ROOT).startsWith("handout"));
    }

    private static boolean isPersonName(String part) {
        if (part.isEmpty() || ROLE_WORDS.contains(part.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String[] words = part.split("\\s+");
        if (words.length > 5) {
            return false;
        }
        for (String word : words) {
            if (!Character.isLetter(word.codePointAt(0)) || ROLE_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
