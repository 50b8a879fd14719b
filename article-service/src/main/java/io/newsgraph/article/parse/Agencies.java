package io.newsgraph.article.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical source table ({@code agencies.tsv} beside this class): every name a news agency, picture agency
 * or outlet is printed under, mapped to one canonical name. Data, not code, so the table can grow without
 * touching the rules that use it.
 */
public final class Agencies {

    /** What a source is; decides where its name may be read as a credit. */
    public enum Kind {
        /** A news agency: datelines, agency tags, bylines and photo credits. */
        AGENCY,
        /** A picture agency or distributor: photo credits only. */
        PHOTO,
        /** A newspaper or broadcaster: bylines and photo credits. */
        OUTLET,
        /** A collective credit such as "Agencies". */
        GENERIC
    }

    /** One canonical source. */
    public record Source(String name, Kind kind) {}

    private static final String TABLE = "agencies.tsv";
    private static final Map<String, Source> BY_ALIAS = load();

    private Agencies() {}

    /** The source printed under this name (any case, surrounding space and a leading "the" ignored), or null. */
    public static Source find(String name) {
        if (name == null) {
            return null;
        }
        String key = key(name);
        Source found = BY_ALIAS.get(key);
        if (found == null && key.startsWith("the ")) {
            found = BY_ALIAS.get(key.substring(4));
        }
        return found;
    }

    /** The canonical name of a known source; anything else unchanged (blank → null). */
    public static String canonical(String name) {
        Source found = find(name);
        return found != null ? found.name() : Texts.nullIfBlank(name);
    }

    /** Whether the name is one of a news agency (not a picture agency, outlet or collective credit). */
    public static boolean isAgency(String name) {
        Source found = find(name);
        return found != null && found.kind() == Kind.AGENCY;
    }

    static boolean isKnown(String name) {
        return find(name) != null;
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Source> load() {
        Map<String, Source> byAlias = new HashMap<>();
        try (InputStream in = Agencies.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 3) {
                    throw new IllegalStateException(TABLE + ": expected 3 tab-separated columns in: " + line);
                }
                Source source = new Source(columns[0].strip(), Kind.valueOf(columns[1].strip()));
                byAlias.put(key(source.name()), source);
                for (String alias : columns[2].split("\\|")) {
                    Source previous = byAlias.put(key(alias), source);
                    if (previous != null && !previous.equals(source)) {
                        throw new IllegalStateException(TABLE + ": alias '" + alias + "' names two sources");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(byAlias);
    }
}
