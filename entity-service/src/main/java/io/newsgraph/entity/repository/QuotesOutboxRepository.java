package io.newsgraph.entity.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.UUID;

/** The quotes index outbox (V6__quotes_index_outbox.sql): articles whose quotes the index does not show yet. */
@ApplicationScoped
public class QuotesOutboxRepository {
    /** pg_advisory_xact_lock key of the indexer: one replica at a time projects, so projections apply in order. */
    private static final long INDEXER_LOCK = 0x6e67_7175_6f74_6573L; // "ngquotes"

    @Inject
    EntityManager em;

    /** Records that an article's quotes changed (caller's transaction: the one that stored or deleted its analysis). */
    public void changed(UUID articleId, int version) {
        em.createNativeQuery("INSERT INTO quotes_index_outbox (article_id, version) VALUES (?1, ?2)")
                .setParameter(1, articleId)
                .setParameter(2, version)
                .executeUpdate();
    }

    /** Records a change for every article with a quote spoken by, or on behalf of, the entity (a merge renames them). */
    public void changedForSpeaker(UUID entityId) {
        em.createNativeQuery("""
                INSERT INTO quotes_index_outbox (article_id, version)
                SELECT DISTINCT q.article_id, aa.version FROM quote q JOIN article_analysis aa ON aa.article_id = q.article_id
                WHERE q.speaker_entity_id = ?1 OR q.on_behalf_of_entity_id = ?1""").setParameter(1, entityId).executeUpdate();
    }

    /** Takes the indexer's lock for this transaction; false when another replica's indexer holds it. */
    public boolean lockIndexer() {
        return (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, INDEXER_LOCK)
                .getSingleResult();
    }

    /** The oldest rows, at most {@code limit}. */
    public List<Change> oldest(int limit) {
        return Row.all(em.createNativeQuery(
                                "SELECT seq, article_id, version FROM quotes_index_outbox ORDER BY seq LIMIT ?1",
                                Tuple.class)
                        .setParameter(1, limit))
                .stream()
                .map(r -> new Change(r.count("seq"), r.uuid("article_id"), r.integer("version")))
                .toList();
    }

    public void remove(List<Long> seqs) {
        if (!seqs.isEmpty()) {
            em.createNativeQuery("DELETE FROM quotes_index_outbox WHERE seq IN (?1)")
                    .setParameter(1, seqs)
                    .executeUpdate();
        }
    }

    /** Rows waiting and the age of the oldest one: the index's lag behind the database. */
    public Backlog backlog() {
        Row r = Row.single(em.createNativeQuery(
                "SELECT count(*) AS waiting, EXTRACT(EPOCH FROM now() - min(created_at)) AS oldest_seconds FROM quotes_index_outbox",
                Tuple.class));
        return new Backlog(r.count("waiting"), r.decimalOrZero("oldest_seconds"));
    }

    public record Change(long seq, UUID articleId, int version) {}

    /** {@code lagSeconds}: age of the oldest waiting change (0 when none waits). */
    public record Backlog(long pending, double lagSeconds) {}
}
