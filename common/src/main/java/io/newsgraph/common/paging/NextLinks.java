package io.newsgraph.common.paging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Relative `next` links of paged responses, with only the query parameters that have a value. */
public final class NextLinks {
    private NextLinks() {}

    /** {@code namesAndValues}: name, value, name, value, …; null or blank values are left out. */
    public static String of(String path, String... namesAndValues) {
        StringJoiner query = new StringJoiner("&", path + "?", "");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                query.add(namesAndValues[i] + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }
}
