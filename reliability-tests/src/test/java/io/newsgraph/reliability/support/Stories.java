package io.newsgraph.reliability.support;

/** Varied, valid generated wire stories for ingest: names, places, numbers and quotes differ per index. */
public final class Stories {
    private static final String[] FIRST = {
        "Anna", "Piotr", "Maria", "Kenji", "Amara", "Lucas", "Ines", "Omar", "Sofia", "Tomas", "Leila", "Jonas"
    };
    private static final String[] LAST = {
        "Kowalski", "Tanaka", "Okafor", "Silva", "Haddad", "Novak", "Berg", "Moreau", "Rossi", "Lindqvist", "Petrov"
    };
    private static final String[] CITY = {
        "Warsaw", "Tokyo", "Lagos", "Lisbon", "Beirut", "Prague", "Oslo", "Paris", "Rome", "Stockholm", "Nairobi"
    };
    private static final String[] ROLE = {
        "Finance Minister", "Foreign Minister", "central bank governor", "Defence Secretary", "Mayor"
    };
    private static final String[] THING = {
        "wind turbines", "rail carriages", "field hospitals", "school buses", "water pumps"
    };

    private Stories() {}

    /** A JSON article unique for (run, i). */
    public static String json(String run, int i) {
        String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length + i) % LAST.length];
        String surname = name.substring(name.indexOf(' ') + 1);
        String city = CITY[(i * 7) % CITY.length];
        int amount = 10 + (i * 37) % 900;
        String body = ("%s %s said on Monday that %d %s would reach %s before the winter. "
                        + "\\\"We have agreed the plan and we will deliver it,\\\" %s told reporters in %s.\\n\\n"
                        + "Officials in %s said the first deliveries were expected next month (ref %s-%d).")
                .formatted(
                        ROLE[i % ROLE.length],
                        name,
                        amount,
                        THING[i % THING.length],
                        city,
                        surname,
                        city,
                        CITY[(i + 3) % CITY.length],
                        run,
                        i);
        return "{\"title\": \"%s plans deliveries to %s (%s %d)\", \"body\": \"%s\", \"source\": \"reliability.example\", \"publishedAt\": \"2025-03-2%dT09:00:00Z\"}"
                .formatted(surname, city, run, i, body, i % 10);
    }
}
