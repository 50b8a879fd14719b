package io.newsgraph.entity.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps a name variant to the canonical name used by newsgraph (e.g. "Kiev" → "Kyiv"). The default
 * table is {@code aliases.tsv}; the service layer layers user-defined aliases on top with
 * {@link #orElse(AliasTable)}.
 */
@FunctionalInterface
public interface AliasTable {

    /** The canonical name for {@code name} of the given type, if this table knows one. */
    Optional<String> canonicalFor(String name, EntityType type);

    /** A table that consults this one first and {@code fallback} second. */
    default AliasTable orElse(AliasTable fallback) {
        Objects.requireNonNull(fallback, "fallback");
        return (name, type) -> {
            Optional<String> found = canonicalFor(name, type);
            return found.isPresent() ? found : fallback.canonicalFor(name, type);
        };
    }

    static AliasTable empty() {
        return (name, type) -> Optional.empty();
    }

    /**
     * Builds a table from alias → canonical pairs that apply to any entity type; lookups ignore case
     * except for all-capital aliases ("US" must not match "us").
     */
    static AliasTable of(Map<String, String> aliases) {
        MapAliasTable table = new MapAliasTable();
        aliases.forEach((alias, canonical) -> table.put(alias, canonical, null));
        return table;
    }

    /** The aliases shipped in {@code aliases.tsv}. */
    static AliasTable defaults() {
        MapAliasTable table = new MapAliasTable();
        for (String[] row : Resources.rows("aliases.tsv")) {
            EntityType type = row.length > 2 && !row[2].equals("*") ? EntityType.valueOf(row[2]) : null;
            table.put(row[0], row[1], type);
        }
        return table;
    }

    /** Case-aware in-memory table; a null type in an entry means "any type". */
    final class MapAliasTable implements AliasTable {

        private record Target(String canonical, EntityType type) {}

        private final Map<String, Target> exact = new HashMap<>();
        private final Map<String, Target> folded = new HashMap<>();

        private MapAliasTable() {}

        private void put(String alias, String canonical, EntityType type) {
            Target target = new Target(canonical, type);
            exact.put(alias, target);
            if (!alias.equals(alias.toUpperCase(Locale.ROOT))) {
                folded.put(alias.toLowerCase(Locale.ROOT), target);
            }
        }

        @Override
        public Optional<String> canonicalFor(String name, EntityType type) {
            Target target = exact.get(name);
            if (target == null) {
                target = folded.get(name.toLowerCase(Locale.ROOT));
            }
            if (target == null || (target.type() != null && target.type() != type)) {
                return Optional.empty();
            }
            return Optional.of(target.canonical());
        }
    }
}
