package io.newsgraph.alert.repository;

import io.newsgraph.alert.repository.Jdbc.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The `subscription` table. Every read by id also takes the owner: another key's subscription does not exist for a caller. */
@ApplicationScoped
public class SubscriptionRepository {
    private static final String COLUMNS =
            "id, owner, name, query::text AS query, compiled::text AS compiled, webhook_url, secret, "
                    + "previous_secret, previous_secret_until, active, revision, list_seq, created_at, updated_at";

    @Inject
    Jdbc jdbc;

    public void insert(
            UUID id, String owner, String name, String query, String compiled, String webhookUrl, String secret) {
        jdbc.update("""
                INSERT INTO subscription (id, owner, name, query, compiled, webhook_url, secret)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, owner, name, new Json(query), new Json(compiled), webhookUrl, secret);
    }

    public Optional<Subscription> find(String owner, UUID id) {
        return jdbc.one(
                "SELECT " + COLUMNS + " FROM subscription WHERE id = ? AND owner = ?",
                SubscriptionRepository::row,
                id,
                owner);
    }

    /** Locks the row for a change (PATCH, rotation): concurrent changes apply one after the other. */
    public Optional<Subscription> lock(String owner, UUID id) {
        return jdbc.one(
                "SELECT " + COLUMNS + " FROM subscription WHERE id = ? AND owner = ? FOR UPDATE",
                SubscriptionRepository::row,
                id,
                owner);
    }

    public Optional<Subscription> byId(UUID id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM subscription WHERE id = ?", SubscriptionRepository::row, id);
    }

    /** These subscriptions by id; deleted ones are absent. */
    public Map<UUID, Subscription> byIds(Collection<UUID> ids) {
        return jdbc
                .list(
                        "SELECT " + COLUMNS + " FROM subscription WHERE id = ANY(?)",
                        SubscriptionRepository::row,
                        (Object) ids.toArray(UUID[]::new))
                .stream()
                .collect(Collectors.toMap(Subscription::id, s -> s));
    }

    /** The owner's subscriptions, newest first, before {@code beforeSeq} (null: from the newest). */
    public List<Subscription> page(String owner, Long beforeSeq, int limit) {
        return jdbc.list(
                "SELECT " + COLUMNS
                        + " FROM subscription WHERE owner = ? AND list_seq < ? ORDER BY list_seq DESC LIMIT ?",
                SubscriptionRepository::row,
                owner,
                beforeSeq == null ? Long.MAX_VALUE : beforeSeq,
                limit);
    }

    /** Stores a change; the percolator document must be rewritten (a new revision). */
    public void update(UUID id, String name, String query, String compiled, String webhookUrl, boolean active) {
        jdbc.update("""
                UPDATE subscription SET name = ?, query = ?, compiled = ?, webhook_url = ?, active = ?, revision = revision + 1,
                       index_pending = true, updated_at = now()
                WHERE id = ?""", name, new Json(query), new Json(compiled), webhookUrl, active, id);
    }

    /** A new secret; the old one still signs (as a second signature) until {@code previousUntil}. */
    public void rotateSecret(UUID id, String secret, String previous, Instant previousUntil) {
        jdbc.update(
                "UPDATE subscription SET secret = ?, previous_secret = ?, previous_secret_until = ?, updated_at = now() WHERE id = ?",
                secret,
                previous,
                previousUntil,
                id);
    }

    public boolean delete(String owner, UUID id) {
        return jdbc.update("DELETE FROM subscription WHERE id = ? AND owner = ?", id, owner) == 1;
    }

    /** Subscriptions whose percolator document is behind, locked for the caller (other replicas skip them). */
    public List<Subscription> lockIndexPending(int limit) {
        return jdbc.list(
                "SELECT " + COLUMNS
                        + " FROM subscription WHERE index_pending ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                SubscriptionRepository::row,
                limit);
    }

    /**
     * The percolator index holds this revision. Never waits for the row: when IndexSync holds it (it is writing the same
     * subscription), the row is left as it is and IndexSync marks it; a request must not queue behind that batch.
     */
    public void indexed(UUID id, long revision) {
        jdbc.update("""
                UPDATE subscription SET index_pending = false
                WHERE id = (SELECT id FROM subscription WHERE id = ? AND revision = ? FOR UPDATE SKIP LOCKED)""", id, revision);
    }

    /** Of these ids, the active subscriptions (the percolator index may still hold deleted or paused ones). */
    public List<Subscription> active(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.list(
                "SELECT " + COLUMNS + " FROM subscription WHERE id = ANY(?) AND active",
                SubscriptionRepository::row,
                (Object) ids.toArray(UUID[]::new));
    }

    /** Every subscription after {@code after} in id order (null: from the first): a rebuild pages through them. */
    public List<Subscription> pageById(UUID after, int limit) {
        return jdbc.list(
                "SELECT " + COLUMNS + " FROM subscription WHERE id > ? ORDER BY id LIMIT ?",
                SubscriptionRepository::row,
                after == null ? new UUID(0, 0) : after,
                limit); // PostgreSQL orders uuids as unsigned bytes: all zeros is the least
    }

    /**
     * Stores a query compiled again (for a newer articles mapping) as a new revision, unless the subscription changed since
     * it was read at {@code revision}; the new revision, or empty. {@code updated_at} stays: it marks users' changes.
     */
    public Optional<Long> recompiled(UUID id, long revision, String compiled) {
        return jdbc.one(
                "UPDATE subscription SET compiled = ?, revision = revision + 1 WHERE id = ? AND revision = ? RETURNING revision",
                rs -> rs.getLong(1),
                new Json(compiled),
                id,
                revision);
    }

    /** Subscriptions created or changed at or after {@code since} (database time). */
    public List<Subscription> changedSince(Instant since) {
        return jdbc.list(
                "SELECT " + COLUMNS + " FROM subscription WHERE updated_at >= ? ORDER BY id",
                SubscriptionRepository::row,
                since);
    }

    /** Flags subscriptions changed at or after {@code since} for the index sync (their document is written again). */
    public int markPendingSince(Instant since) {
        return jdbc.update("UPDATE subscription SET index_pending = true WHERE updated_at >= ?", since);
    }

    /** Of these ids, those that still exist. */
    public java.util.Set<UUID> existing(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(
                jdbc.list("SELECT id FROM subscription WHERE id = ANY(?)", rs -> rs.getObject(1, UUID.class), (Object)
                        ids.toArray(UUID[]::new)));
    }

    /** The database's clock (the one {@code updated_at} is written with). */
    public Instant now() {
        return jdbc.one("SELECT clock_timestamp()", rs -> Jdbc.instant(rs, "clock_timestamp"))
                .orElseThrow();
    }

    public long count() {
        return jdbc.one("SELECT count(*) FROM subscription", rs -> rs.getLong(1))
                .orElse(0L);
    }

    private static Subscription row(ResultSet rs) throws SQLException {
        return new Subscription(
                rs.getObject("id", UUID.class),
                rs.getString("owner"),
                rs.getString("name"),
                rs.getString("query"),
                rs.getString("compiled"),
                rs.getString("webhook_url"),
                rs.getString("secret"),
                rs.getString("previous_secret"),
                Jdbc.instant(rs, "previous_secret_until"),
                rs.getBoolean("active"),
                rs.getLong("revision"),
                rs.getLong("list_seq"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }
}
