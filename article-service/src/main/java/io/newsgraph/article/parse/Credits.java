package io.newsgraph.article.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads credit lines: {@code (Reporting by A in Kyiv; Additional reporting by B; Writing by C; Editing by D and E)},
 * {@code Compiled by A}, {@code Editor: A}, {@code Associated Press writer A in B contributed to this report.},
 * {@code A contributed to this story.}. Every part of the line must be a credit with name-like values, so a
 * sentence such as "Reporting by the BBC suggested ..." stays prose.
 */
final class Credits {

    /** Credit lines are short; longer paragraphs are prose. */
    private static final int MAX_LENGTH = 400;

    private static final Pattern BY_ROLE = Pattern.compile(
            "(?i)(?<role>(?:additional |further |initial )?reporting|writing|written|editing|edited|compiled|compiling"
                    + "|produced|production|graphics|translation|translated|fact-?checking|fact-?checked|research"
                    + "|photos?|photography|video|sub-?editing|reported|contributions?)\\s+by\\s+(?<names>.+)");

    private static final Pattern LABELLED = Pattern.compile(
            "(?i)(?<role>editors?|reporters?|writers?|translators?|contributors?|contributing|journalists?|correspondents?)"
                    + "\\s*[:：]\\s*(?<names>.+)");

    /** "Associated Press writer Jane Doe in Berlin contributed to this report." / "Agencies contributed to this story." */
    private static final Pattern CONTRIBUTED =
            Pattern.compile("(?i)(?<names>.+?)\\s+(?:also\\s+)?contributed(?:\\s+(?:additional\\s+)?reporting"
                    + "(?:\\s+(?:to|for)\\s+(?:this|the)\\s+(?:story|report|article))?"
                    + "|\\s+(?:to|for)\\s+(?:this|the)\\s+(?:story|report|article))");

    /** Job titles that precede names in contribution lines ("Associated Press writers A and B"). */
    private static final Pattern WRITER_PREFIX = Pattern.compile(
            "(?i)^(?:.{0,40}?\\b(?:writers?|reporters?|correspondents?|journalists?|staff|videographers?|photographers?)\\s+)");

    private static final Pattern NAME_SEPARATORS = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+(?:and|&)\\s+");
    private static final Pattern IN_PLACE = Pattern.compile("\\s+(?:in|from)\\s+\\p{Lu}.*$");

    private Credits() {}

    /** The credits this line holds, or {@code null} when it is not (only) a credit line. */
    static List<Credit> parse(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return null;
        }
        if (s.startsWith("(") && s.endsWith(")") || s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        List<Credit> credits = new ArrayList<>();
        for (String part : s.split("\\s*;\\s*|\\s+/\\s+")) {
            Credit credit = part.isBlank() ? null : credit(stripEnd(part));
            if (credit == null) {
                return null;
            }
            credits.add(credit);
        }
        return credits.isEmpty() ? null : credits;
    }

    private static Credit credit(String part) {
        Matcher m = BY_ROLE.matcher(part);
        if (m.matches()) {
            return named(m.group("role"), m.group("names"));
        }
        m = LABELLED.matcher(part);
        if (m.matches()) {
            return named(m.group("role"), m.group("names"));
        }
        m = CONTRIBUTED.matcher(part);
        if (m.matches()) {
            return named("contributing", WRITER_PREFIX.matcher(m.group("names")).replaceFirst(""));
        }
        return null;
    }

    private static Credit named(String role, String value) {
        List<String> names = new ArrayList<>();
        for (String name : NAME_SEPARATORS.split(value.strip())) {
            String n = IN_PLACE.matcher(stripEnd(name)).replaceFirst("").strip();
            if (!n.isEmpty() && !isName(n)) {
                return null;
            }
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return names.isEmpty() ? null : new Credit(normaliseRole(role), names);
    }

    private static String normaliseRole(String role) {
        String r = role.toLowerCase(Locale.ROOT);
        return switch (r) {
            case "written", "writers", "writer" -> "writing";
            case "edited", "editors", "editor" -> "editing";
            case "reported", "reporters", "reporter", "correspondent", "correspondents", "journalist", "journalists" ->
                "reporting";
            case "compiling" -> "compiled";
            case "contributors", "contributor", "contribution", "contributions" -> "contributing";
            default -> r;
        };
    }

    /** A person or desk: up to six words, each capitalised or a name particle, no digits. */
    private static boolean isName(String s) {
        String[] words = s.split("\\s+");
        if (words.length > 6 || s.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        for (String word : words) {
            int first = word.codePointAt(0);
            if (!Character.isUpperCase(first)
                    && !Character.isIdeographic(first)
                    && !List.of("de", "da", "di", "van", "von", "der", "al", "el", "bin", "le", "la")
                            .contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String stripEnd(String s) {
        String r = s.strip();
        while (r.endsWith(".") || r.endsWith(",")) {
            r = r.substring(0, r.length() - 1).strip();
        }
        return r;
    }
}
