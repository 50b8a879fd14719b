package io.newsgraph.entity.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Country names and short forms ("US", "UK", "DPRK") with their ISO 3166-1 alpha-2 codes (lexicon/countries.tsv). */
final class Countries {

    record Country(String code, String name) {}

    private static final Countries STANDARD = new Countries();

    private final Map<String, Country> byName = new HashMap<>();
    private int longestWords = 1;

    private Countries() {
        for (String[] row : Resources.rows("lexicon/countries.tsv")) {
            Country country = new Country(row[0], row[1]);
            add(row[1], country);
            if (row.length > 2) {
                for (String variant : row[2].split("\\|")) {
                    add(variant, country);
                }
            }
        }
    }

    static Countries standard() {
        return STANDARD;
    }

    private void add(String name, Country country) {
        if (!name.isBlank()) {
            byName.putIfAbsent(key(name), country);
            longestWords = Math.max(longestWords, name.strip().split("\\s+").length);
        }
    }

    /** The country a name denotes ("the US", "U.K.", "North Korea"), or null; case matters only for short forms. */
    Country find(String name) {
        String n = name.strip();
        if (n.regionMatches(true, 0, "the ", 0, 4)) {
            n = n.substring(4);
        }
        Country c = byName.get(key(n));
        // "us" and "chad" are words too: short all-capital forms must be written in capitals, names capitalised.
        if (c == null
                || n.isEmpty()
                || !Character.isUpperCase(n.charAt(0))
                || n.length() <= 3 && !n.equals(n.toUpperCase(Locale.ROOT))) {
            return null;
        }
        return c;
    }

    int longestWords() {
        return longestWords;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
