package io.newsgraph.entity.repository;

import io.newsgraph.entity.extract.EntityType;
import io.newsgraph.entity.extract.Place;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Entities across articles. An extracted (type, canonical name) resolves to one entity id: through a user
 * alias first, else by its name key, creating the entity on first sight; merged entities forward to their
 * target.
 */
@ApplicationScoped
public class EntityRepository {
    private static final int MAX_MERGE_HOPS = 16;
    /** A name the user gave an entity stays the user's, also where extraction had recorded it first. */
    private static final String USER_ALIAS_WINS =
            "ON CONFLICT (entity_id, alias_key) DO UPDATE SET origin = 'USER', alias = EXCLUDED.alias";

    @Inject
    EntityManager em;

    /** A name an analysis found: what {@link #resolveAll} resolves. */
    public record Name(EntityType type, String canonicalName) {
        String key() {
            return NameKeys.of(canonicalName);
        }
    }

    /** An alias extraction saw for an entity. */
    public record ExtractedAlias(UUID entityId, EntityType type, String alias) {}

    /**
     * The entity of each name: through a user alias first (a correction wins), else by its name key, created on first
     * sight; merged entities forward to their target. Three statements for all names of an article instead of four
     * per name. Concurrent workers may meet the same new entity: the unique key decides and both read the winner; new
     * names are inserted in key order, so two workers with overlapping names cannot deadlock.
     */
    public Map<Name, UUID> resolveAll(Collection<Name> names) {
        Map<Name, TypedKey> keyOf = new LinkedHashMap<>();
        names.forEach(name -> keyOf.computeIfAbsent(name, n -> new TypedKey(n.type(), n.key())));
        // One canonical name per key: the first in the article's order names a new entity, as when resolved one by one.
        Map<TypedKey, String> nameOf = new LinkedHashMap<>();
        keyOf.forEach((name, key) -> nameOf.putIfAbsent(key, name.canonicalName()));
        if (nameOf.isEmpty()) {
            return Map.of();
        }
        Map<TypedKey, UUID> found = targets("""
                SELECT a.type, a.alias_key, e.id, e.merged_into
                FROM unnest(?, ?) AS n(type, key)
                JOIN entity_alias a ON a.type = n.type AND a.alias_key = n.key AND a.origin = 'USER'
                JOIN entity e ON e.id = a.entity_id""", List.copyOf(nameOf.keySet()));
        List<TypedKey> fresh = nameOf.keySet().stream()
                .filter(k -> !found.containsKey(k))
                .sorted(Comparator.comparing((TypedKey k) -> k.type().name()).thenComparing(TypedKey::key))
                .toList();
        if (!fresh.isEmpty()) {
            update(
                    """
                    INSERT INTO entity (id, type, canonical_name, name_key)
                    SELECT * FROM unnest(?, ?, ?, ?) ON CONFLICT (type, name_key) DO NOTHING""",
                    new Column(
                            "uuid", fresh.stream().map(k -> UUID.randomUUID()).toList()),
                    TypedKey.types(fresh),
                    new Column("text", fresh.stream().map(nameOf::get).toList()),
                    TypedKey.keys(fresh));
            found.putAll(targets("""
                    SELECT e.type, e.name_key, e.id, e.merged_into
                    FROM unnest(?, ?) AS n(type, key) JOIN entity e ON e.type = n.type AND e.name_key = n.key""", fresh));
        }
        Map<Name, UUID> resolved = new HashMap<>();
        keyOf.forEach((name, key) -> {
            UUID id = found.get(key);
            if (id == null) {
                throw new IllegalStateException("entity " + name + " neither found nor created");
            }
            resolved.put(name, id);
        });
        return resolved;
    }

    private record TypedKey(EntityType type, String key) {
        static Column types(List<TypedKey> keys) {
            return new Column("text", keys.stream().map(k -> k.type().name()).toList());
        }

        static Column keys(List<TypedKey> keys) {
            return new Column("text", keys.stream().map(TypedKey::key).toList());
        }
    }

    /** Runs a query of (type, key, id, merged_into) rows for the keys: each key's entity, forwarded when merged. */
    private Map<TypedKey, UUID> targets(String sql, List<TypedKey> keys) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<TypedKey, UUID> targets = new HashMap<>();
            try (PreparedStatement query = prepare(connection, sql, TypedKey.types(keys), TypedKey.keys(keys));
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(3, UUID.class);
                    UUID mergedInto = rows.getObject(4, UUID.class);
                    targets.put(
                            new TypedKey(EntityType.valueOf(rows.getString(1)), rows.getString(2)),
                            mergedInto == null ? id : forward(mergedInto)); // merges are rare: followed one by one
                }
            }
            return targets;
        });
    }

    /** One column of an {@code unnest(...)}: its SQL element type and its values, bound as one array parameter. */
    private record Column(String type, List<?> values) {}

    private static PreparedStatement prepare(Connection connection, String sql, Column... columns) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < columns.length; i++) {
            statement.setArray(
                    i + 1,
                    connection.createArrayOf(
                            columns[i].type(), columns[i].values().toArray()));
        }
        return statement;
    }

    /** Runs a statement over whole columns on the session's connection, so in the caller's transaction. */
    private void update(String sql, Column... columns) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, columns)) {
                statement.executeUpdate();
            }
        });
    }

    /** The entity a merged one now lives in (itself when not merged). */
    public UUID forward(UUID id) {
        UUID current = id;
        for (int i = 0; i < MAX_MERGE_HOPS; i++) {
            List<?> next = em.createNativeQuery(
                            "SELECT merged_into FROM entity WHERE id = ?1 AND merged_into IS NOT NULL")
                    .setParameter(1, current)
                    .getResultList();
            if (next.isEmpty()) {
                return current;
            }
            current = (UUID) next.get(0);
        }
        return current;
    }

    /**
     * Makes {@code alias} a user alias of the entity: a correction that extraction follows from then on. An alias that
     * extraction had already recorded for the entity becomes the user's (left as extracted, resolution would ignore it).
     */
    public void addUserAlias(UUID entityId, EntityType type, String alias) {
        em.createNativeQuery("""
                INSERT INTO entity_alias (entity_id, type, alias, alias_key, origin) VALUES (?1, ?2, ?3, ?4, 'USER')
                """ + USER_ALIAS_WINS)
                .setParameter(1, entityId)
                .setParameter(2, type.name())
                .setParameter(3, alias)
                .setParameter(4, NameKeys.of(alias))
                .executeUpdate();
    }

    /** Adds the aliases extraction saw (known ones are left as they are), in one statement. */
    public void addExtractedAliases(Collection<ExtractedAlias> aliases) {
        if (aliases.isEmpty()) {
            return;
        }
        record Keyed(ExtractedAlias alias, String key) {}
        // Key order, like resolveAll: concurrent workers adding overlapping aliases take their locks in one order.
        List<Keyed> sorted = aliases.stream()
                .map(a -> new Keyed(a, NameKeys.of(a.alias())))
                .sorted(Comparator.comparing((Keyed k) -> k.alias().entityId()).thenComparing(Keyed::key))
                .toList();
        update(
                """
                INSERT INTO entity_alias (entity_id, type, alias, alias_key, origin)
                SELECT n.*, 'EXTRACTED' FROM unnest(?, ?, ?, ?) AS n ON CONFLICT DO NOTHING""",
                new Column(
                        "uuid", sorted.stream().map(k -> k.alias().entityId()).toList()),
                new Column(
                        "text",
                        sorted.stream().map(k -> k.alias().type().name()).toList()),
                new Column("text", sorted.stream().map(k -> k.alias().alias()).toList()),
                new Column("text", sorted.stream().map(Keyed::key).toList()));
    }

    /**
     * Records where LOCATION entities are, each unless it already has a place: the first article that links an
     * entity decides, so a later article with other context cannot move it (within one article, its first mention).
     */
    public void link(Map<UUID, Place> places) {
        if (places.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, Place>> sorted =
                places.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
        List<Place> at = sorted.stream().map(Map.Entry::getValue).toList();
        update(
                """
                UPDATE entity SET geonames_id = p.geonames_id, country_code = p.country_code,
                                  latitude = p.latitude, longitude = p.longitude
                FROM unnest(?, ?, ?, ?, ?) AS p(id, geonames_id, country_code, latitude, longitude)
                WHERE entity.id = p.id AND entity.type = 'LOCATION' AND entity.country_code IS NULL""",
                new Column("uuid", sorted.stream().map(Map.Entry::getKey).toList()),
                new Column("bigint", at.stream().map(Place::geonamesId).toList()),
                new Column("text", at.stream().map(Place::countryCode).toList()),
                new Column("float8", at.stream().map(Place::latitude).toList()),
                new Column("float8", at.stream().map(Place::longitude).toList()));
    }

    /** The entity that holds a user alias of that name and type, if any. */
    public Optional<UUID> userAliasOwner(EntityType type, String alias) {
        List<?> rows = em.createNativeQuery(
                        "SELECT entity_id FROM entity_alias WHERE type = ?1 AND alias_key = ?2 AND origin = 'USER'")
                .setParameter(1, type.name())
                .setParameter(2, NameKeys.of(alias))
                .getResultList();
        return rows.stream().findFirst().map(UUID.class::cast);
    }

    /** The live entity named exactly {@code name} (by key), if any. */
    public Optional<UUID> findByName(EntityType type, String name) {
        List<?> rows = em.createNativeQuery(
                        "SELECT id FROM entity WHERE type = ?1 AND name_key = ?2 AND merged_into IS NULL")
                .setParameter(1, type.name())
                .setParameter(2, NameKeys.of(name))
                .getResultList();
        return rows.stream().findFirst().map(UUID.class::cast);
    }

    public Optional<EntityRow> find(UUID id) {
        return Row.first(em.createNativeQuery(ENTITY_ROW + " WHERE id = ?1", Tuple.class)
                        .setParameter(1, id))
                .map(EntityRepository::row);
    }

    public EntityRow lock(UUID id) {
        return Row.first(em.createNativeQuery(ENTITY_ROW + " WHERE id = ?1 FOR UPDATE", Tuple.class)
                        .setParameter(1, id))
                .map(EntityRepository::row)
                .orElse(null);
    }

    /**
     * Live entities whose name (or an alias) starts with {@code prefix}, optionally of one type and of one country
     * (ISO 3166-1 alpha-2, upper case), most mentioned first.
     */
    public List<EntitySummary> search(String prefix, EntityType type, String country, int offset, int limit) {
        return Row.all(em.createNativeQuery("""
                SELECT e.id, e.type, e.canonical_name,
                       (SELECT count(*) FROM article_entity ae WHERE ae.entity_id = e.id) AS articles,
                       e.geonames_id, e.country_code, e.latitude, e.longitude
                FROM entity e
                WHERE e.merged_into IS NULL
                  AND (CAST(?1 AS text) IS NULL OR e.type = CAST(?1 AS text))
                  AND (CAST(?5 AS text) IS NULL OR e.country_code = CAST(?5 AS text))
                  AND (CAST(?2 AS text) IS NULL OR e.name_key LIKE CAST(?2 AS text) || '%'
                       OR e.name_key LIKE '% ' || CAST(?2 AS text) || '%'
                       OR EXISTS (SELECT 1 FROM entity_alias a WHERE a.entity_id = e.id AND a.alias_key LIKE CAST(?2 AS text) || '%'))
                ORDER BY articles DESC, e.name_key, e.id
                OFFSET ?3 LIMIT ?4""", Tuple.class)
                        .setParameter(1, type == null ? null : type.name())
                        .setParameter(2, prefix == null ? null : NameKeys.of(prefix))
                        .setParameter(3, offset)
                        .setParameter(4, limit)
                        .setParameter(5, country))
                .stream()
                .map(r -> new EntitySummary(
                        r.uuid("id"), r.type("type"), r.text("canonical_name"), r.count("articles"), r.place()))
                .toList();
    }

    public Stats stats(UUID id) {
        Row r = Row.single(em.createNativeQuery("""
                SELECT count(*) AS articles, coalesce(sum(mention_count), 0) AS mentions, coalesce(avg(salience), 0) AS average_salience,
                       coalesce(max(salience), 0) AS max_salience
                FROM article_entity WHERE entity_id = ?1""", Tuple.class).setParameter(1, id));
        return new Stats(
                r.count("articles"), r.count("mentions"), r.decimal("average_salience"), r.decimal("max_salience"));
    }

    /** Aliases by origin: alias text → origin. */
    public Map<String, String> aliases(UUID id) {
        return Row.all(em.createNativeQuery(
                                "SELECT alias, origin FROM entity_alias WHERE entity_id = ?1 ORDER BY alias",
                                Tuple.class)
                        .setParameter(1, id))
                .stream()
                .collect(Collectors.toMap(
                        r -> r.text("alias"),
                        r -> r.text("origin"),
                        (a, b) -> a.equals("USER") ? a : b,
                        java.util.LinkedHashMap::new));
    }

    /** Roles seen for the entity across articles, most frequent first. */
    public List<RoleCount> roles(UUID id, int limit) {
        return Row.all(em.createNativeQuery("""
                SELECT role, count(*) AS n FROM article_entity, jsonb_array_elements_text(roles) AS role
                WHERE entity_id = ?1 GROUP BY role ORDER BY n DESC, role LIMIT ?2""", Tuple.class)
                        .setParameter(1, id)
                        .setParameter(2, limit))
                .stream()
                .map(r -> new RoleCount(r.text("role"), r.count("n")))
                .toList();
    }

    /** All user aliases: (type, alias) → canonical name of the entity they name. */
    public List<UserAlias> userAliases() {
        return Row.all(em.createNativeQuery("""
                SELECT a.type, a.alias, e.canonical_name FROM entity_alias a JOIN entity e ON e.id = a.entity_id
                WHERE a.origin = 'USER' AND e.merged_into IS NULL""", Tuple.class)).stream()
                .map(r -> new UserAlias(r.type("type"), r.text("alias"), r.text("canonical_name")))
                .toList();
    }

    /**
     * Moves everything of {@code source} to {@code target}: mentions, article links, quotes, claims and
     * aliases; the source forwards to the target from then on.
     */
    public void merge(UUID source, UUID target) {
        // Articles that mention both: fold the source's link into the target's.
        em.createNativeQuery("""
                UPDATE article_entity t SET mention_count = t.mention_count + s.mention_count,
                       salience = GREATEST(t.salience, s.salience), roles = t.roles || s.roles
                FROM article_entity s WHERE s.entity_id = ?1 AND t.entity_id = ?2 AND s.article_id = t.article_id""")
                .setParameter(1, source)
                .setParameter(2, target)
                .executeUpdate();
        em.createNativeQuery("""
                INSERT INTO article_entity (article_id, entity_id, salience, mention_count, roles)
                SELECT article_id, ?2, salience, mention_count, roles FROM article_entity WHERE entity_id = ?1
                ON CONFLICT (article_id, entity_id) DO NOTHING""")
                .setParameter(1, source)
                .setParameter(2, target)
                .executeUpdate();
        em.createNativeQuery("UPDATE mention SET entity_id = ?2 WHERE entity_id = ?1")
                .setParameter(1, source)
                .setParameter(2, target)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM article_entity WHERE entity_id = ?1")
                .setParameter(1, source)
                .executeUpdate();
        em.createNativeQuery("UPDATE quote SET speaker_entity_id = ?2 WHERE speaker_entity_id = ?1")
                .setParameter(1, source)
                .setParameter(2, target)
                .executeUpdate();
        em.createNativeQuery("UPDATE claim SET claimant_entity_id = ?2 WHERE claimant_entity_id = ?1")
                .setParameter(1, source)
                .setParameter(2, target)
                .executeUpdate();
        // The source's aliases move in one statement: deleted first, so that a user alias can be inserted for the
        // target without meeting itself in the one-user-alias-per-name index; a user alias stays the user's also where
        // the target knew the name as extracted.
        em.createNativeQuery("""
                WITH moved AS (DELETE FROM entity_alias WHERE entity_id = ?1 RETURNING type, alias, alias_key, origin)
                INSERT INTO entity_alias (entity_id, type, alias, alias_key, origin)
                SELECT ?2, type, alias, alias_key, origin FROM moved
                """ + USER_ALIAS_WINS + " WHERE EXCLUDED.origin = 'USER'")
                .setParameter(1, source)
                .setParameter(2, target)
                .executeUpdate();
        // The source's own name becomes an alias of the target, so the merge is visible and searchable.
        em.createNativeQuery("""
                INSERT INTO entity_alias (entity_id, type, alias, alias_key, origin)
                SELECT ?2, type, canonical_name, name_key, 'USER' FROM entity WHERE id = ?1
                ON CONFLICT DO NOTHING""")
                .setParameter(1, source)
                .setParameter(2, target)
                .executeUpdate();
        // A target without a place takes the source's.
        em.createNativeQuery("""
                UPDATE entity t SET geonames_id = s.geonames_id, country_code = s.country_code, latitude = s.latitude, longitude = s.longitude
                FROM entity s WHERE s.id = ?1 AND t.id = ?2 AND t.country_code IS NULL AND s.country_code IS NOT NULL""")
                .setParameter(1, source)
                .setParameter(2, target)
                .executeUpdate();
        em.createNativeQuery("UPDATE entity SET merged_into = ?2 WHERE id = ?1")
                .setParameter(1, source)
                .setParameter(2, target)
                .executeUpdate();
    }

    private static final String ENTITY_ROW =
            "SELECT id, type, canonical_name, merged_into, " + Row.placeColumns("") + " FROM entity";

    private static EntityRow row(Row r) {
        return new EntityRow(r.uuid("id"), r.type("type"), r.text("canonical_name"), r.uuid("merged_into"), r.place());
    }

    /** @param place null when the entity is not linked to a place */
    public record EntityRow(UUID id, EntityType type, String canonicalName, UUID mergedInto, Place place) {}

    public record EntitySummary(UUID id, EntityType type, String canonicalName, long articleCount, Place place) {}

    public record Stats(long articleCount, long mentionCount, double averageSalience, double maxSalience) {}

    public record RoleCount(String role, long count) {}

    public record UserAlias(EntityType type, String alias, String canonicalName) {}
}
