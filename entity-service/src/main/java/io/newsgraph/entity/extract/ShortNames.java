package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "the World Food Programme (WFP)", "the Federal Network Agency (Bundesnetzagentur)": a name in parentheses right
 * after an organisation's name is another name of that organisation, there and wherever the text uses it again on
 * its own. Wire copy defines its acronyms this way; the recognizers miss them or type them apart ("BDI" as a
 * place), so each use becomes a mention of the organisation, resolved to its full name by the canonicalizer.
 */
final class ShortNames {

    /** One capitalised word: an acronym ("WFP", "BfArM", "G20") or a name in another language. */
    private static final Pattern DEFINITION = Pattern.compile("\\G ?\\((\\p{Lu}[\\p{L}\\p{Nd}&]{1,24})\\)");

    private static final int MIN_NATIVE_NAME = 5;

    /** The mentions with every use of a short name, and the full name each short name stands for. */
    record Defined(List<Mention> mentions, Map<String, String> fullNames) {}

    private ShortNames() {}

    static Defined find(String text, List<Mention> mentions) {
        Map<String, String> fullNames = new HashMap<>();
        for (Mention m : mentions) {
            if (m.type() != EntityType.ORGANIZATION) {
                continue;
            }
            Matcher d = DEFINITION.matcher(text).region(m.end(), text.length());
            if (d.lookingAt() && isShortName(d.group(1)) && !d.group(1).equals(m.surface())) {
                fullNames.putIfAbsent(d.group(1), m.surface());
            }
        }
        if (fullNames.isEmpty()) {
            return new Defined(mentions, fullNames);
        }
        List<Mention> result = new ArrayList<>(mentions);
        for (String shortName : fullNames.keySet()) {
            Matcher use = Pattern.compile("(?<![\\p{L}\\p{Nd}])" + Pattern.quote(shortName) + "(?![\\p{L}\\p{Nd}])")
                    .matcher(text);
            while (use.find()) {
                Mention found = new Mention(use.start(), use.end(), EntityType.ORGANIZATION, shortName);
                // A span of exactly the short name is retyped; one that reaches beyond it is a longer name.
                boolean inLongerName = result.stream()
                        .anyMatch(o -> o.overlaps(found) && (o.start() != found.start() || o.end() != found.end()));
                if (!inLongerName) {
                    result.removeIf(o -> o.start() == found.start() && o.end() == found.end());
                    result.add(found);
                }
            }
        }
        result.sort(Comparator.comparingInt(Mention::start));
        return new Defined(result, fullNames);
    }

    /** An acronym (two capitals or more) or one longer capitalised word; not a weekday or month in parentheses. */
    private static boolean isShortName(String word) {
        long capitals = word.chars().filter(Character::isUpperCase).count();
        if (capitals >= 2) {
            return true;
        }
        return word.length() >= MIN_NATIVE_NAME && !Lexicon.isMonthOrWeekday(word);
    }
}
