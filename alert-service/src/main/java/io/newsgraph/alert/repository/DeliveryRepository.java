package io.newsgraph.alert.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The `webhook_delivery` and `delivery_attempt` tables. */
@ApplicationScoped
public class DeliveryRepository {
    private static final String COLUMNS =
            "id, match_id, subscription_id, state, attempts, next_attempt_at, retry_from, last_status, "
                    + "last_error, created_at, delivered_at";

    /** Due rows looked at per delivery claimed: several due rows of one subscription yield one claim. */
    private static final int CANDIDATES_PER_CLAIM = 4;

    @Inject
    Jdbc jdbc;

    public void enqueue(UUID id, long matchId, UUID subscriptionId) {
        jdbc.update(
                "INSERT INTO webhook_delivery (id, match_id, subscription_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                id,
                matchId,
                subscriptionId);
    }

    /**
     * Claims up to {@code limit} due deliveries, the most overdue first, at most one per subscription and none of a
     * subscription in {@code busy} (its endpoint already has an attempt in flight here): counts the attempt and leases
     * each row until {@code lease} from now, so that a deliverer killed mid-attempt leaves it due again rather than lost.
     * Rows another replica is claiming are skipped, not waited for.
     */
    public List<Delivery> claim(Collection<UUID> busy, int limit, Duration lease) {
        return jdbc.list(
                """
                WITH candidates AS (
                    SELECT id, subscription_id, next_attempt_at FROM webhook_delivery
                    WHERE state = 'PENDING' AND next_attempt_at <= now() AND NOT (subscription_id = ANY(?))
                    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED),
                first_per_subscription AS (
                    SELECT DISTINCT ON (subscription_id) id, next_attempt_at FROM candidates ORDER BY subscription_id, next_attempt_at),
                chosen AS (
                    SELECT id FROM first_per_subscription ORDER BY next_attempt_at LIMIT ?)
                UPDATE webhook_delivery d SET attempts = d.attempts + 1, next_attempt_at = now() + ?::interval
                FROM chosen WHERE d.id = chosen.id
                RETURNING""" + " " + COLUMNS.replaceAll("(\\w+)", "d.$1"),
                DeliveryRepository::row,
                busy.toArray(UUID[]::new),
                limit * CANDIDATES_PER_CLAIM,
                limit,
                lease.toMillis() + " milliseconds");
    }

    public void attempted(UUID id, int attempt, Integer status, String error, long durationMillis) {
        jdbc.update(
                "INSERT INTO delivery_attempt (delivery_id, attempt, status, error, duration_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                id,
                attempt,
                status,
                error,
                (int) durationMillis);
    }

    public void delivered(UUID id, int status) {
        jdbc.update(
                "UPDATE webhook_delivery SET state = 'DELIVERED', last_status = ?, last_error = NULL, delivered_at = now() WHERE id = ?",
                status,
                id);
    }

    public void retryAt(UUID id, Integer status, String error, Instant next) {
        jdbc.update(
                "UPDATE webhook_delivery SET last_status = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
                status,
                error,
                next,
                id);
    }

    public void park(UUID id, Integer status, String error) {
        jdbc.update(
                "UPDATE webhook_delivery SET state = 'PARKED', last_status = ?, last_error = ? WHERE id = ?",
                status,
                error,
                id);
    }

    /** A manual redelivery: due now, with a fresh retry window. False when the delivery is not the subscription's. */
    public boolean redeliver(UUID subscriptionId, UUID id) {
        return jdbc.update("""
                UPDATE webhook_delivery SET state = 'PENDING', next_attempt_at = now(), retry_from = now(), delivered_at = NULL
                WHERE id = ? AND subscription_id = ?""", id, subscriptionId) == 1;
    }

    /** A subscription's deliveries, newest first, before {@code (createdAt, id)} of the previous page's last. */
    public List<Delivery> newest(UUID subscriptionId, Instant beforeCreated, UUID beforeId, int limit) {
        if (beforeCreated == null) {
            return jdbc.list(
                    "SELECT " + COLUMNS
                            + " FROM webhook_delivery WHERE subscription_id = ? ORDER BY created_at DESC, id LIMIT ?",
                    DeliveryRepository::row,
                    subscriptionId,
                    limit);
        }
        return jdbc.list(
                "SELECT " + COLUMNS
                        + " FROM webhook_delivery WHERE subscription_id = ? AND (created_at < ? OR created_at = ? AND id > ?) "
                        + "ORDER BY created_at DESC, id LIMIT ?",
                DeliveryRepository::row,
                subscriptionId,
                beforeCreated,
                beforeCreated,
                beforeId,
                limit);
    }

    public Map<UUID, List<Attempt>> attempts(Collection<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .list(
                        "SELECT delivery_id, attempt, attempted_at, status, error, duration_ms FROM delivery_attempt WHERE delivery_id = ANY(?) "
                                + "ORDER BY delivery_id, attempt",
                        rs -> Map.entry(
                                rs.getObject("delivery_id", UUID.class),
                                new Attempt(
                                        rs.getInt("attempt"),
                                        Jdbc.instant(rs, "attempted_at"),
                                        Jdbc.integer(rs, "status"),
                                        rs.getString("error"),
                                        rs.getInt("duration_ms"))),
                        (Object) deliveryIds.toArray(UUID[]::new))
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** Pending deliveries and the age of the oldest (seconds; 0 when none): the deliverer's backlog. */
    public Backlog backlog() {
        return jdbc.one(
                        "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM webhook_delivery WHERE state = 'PENDING'",
                        rs -> new Backlog(rs.getLong(1), rs.getDouble(2)))
                .orElse(new Backlog(0, 0));
    }

    private static Delivery row(ResultSet rs) throws SQLException {
        return new Delivery(
                rs.getObject("id", UUID.class),
                rs.getLong("match_id"),
                rs.getObject("subscription_id", UUID.class),
                rs.getString("state"),
                rs.getInt("attempts"),
                Jdbc.instant(rs, "next_attempt_at"),
                Jdbc.instant(rs, "retry_from"),
                Jdbc.integer(rs, "last_status"),
                rs.getString("last_error"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "delivered_at"));
    }

    public record Delivery(
            UUID id,
            long matchId,
            UUID subscriptionId,
            String state,
            int attempts,
            Instant nextAttemptAt,
            Instant retryFrom,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant deliveredAt) {}

    public record Attempt(int attempt, Instant at, Integer status, String error, int durationMillis) {}

    public record Backlog(long pending, double oldestSeconds) {}
}
