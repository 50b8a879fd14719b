package io.newsgraph.alert.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.alert.client.ArticleClient;
import io.newsgraph.alert.client.CompiledSearch;
import io.newsgraph.alert.repository.Subscription;
import io.newsgraph.alert.repository.SubscriptionIndex;
import io.newsgraph.alert.repository.SubscriptionRepository;
import io.newsgraph.common.http.Json;
import io.newsgraph.common.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Keeps the percolator index on article-service's articles mapping. When the mapping that article-service's compile
 * answer carries is of a later generation than the index's ({@code _meta.mapping}), the index is rebuilt behind its alias
 * with zero downtime: a new versioned index with the new mapping is filled with every subscription, each query compiled
 * again by article-service (and stored as a new revision), changes made meanwhile are applied to it, and the alias moves
 * to it in one atomic step. Matching percolates the old index until then. One replica rebuilds at a time (a PostgreSQL
 * advisory lock). Checked at start, every {@code newsgraph.index-sync.mapping-check} and whenever a compile answer shows
 * a later generation than this replica last saw.
 */
@ApplicationScoped
public class PercolatorRebuild {
    private static final Logger LOG = Logger.getLogger(PercolatorRebuild.class);
    /** pg_advisory_lock key of the rebuild (any constant no other lock of this database uses). */
    static final long LOCK_KEY = 0x616c657274L; // "alert"

    private static final int PAGE = 200;
    private static final int MAX_CATCH_UP_PASSES = 5;

    @Inject
    SubscriptionIndex index;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    ArticleClient articles;

    @Inject
    IndexSync sync;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry metrics;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Runnable afterFill = () -> {};

    /** For tests: {@code hook} runs after the fill, before changes made meanwhile are applied and the alias moves. */
    public void afterFill(Runnable hook) {
        afterFill = hook;
    }

    void onStart(@Observes StartupEvent event) {
        Thread.ofVirtual().name("percolator-mapping-check").start(this::check);
    }

    /** Compares the articles mapping article-service compiles for with the index's; rebuilds when it is newer. */
    @Scheduled(
            every = "${newsgraph.index-sync.mapping-check:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            if (index.liveGeneration() < 0) {
                return; // no index yet: it is created with the mapping of the first compile answer
            }
            rebuildIfBehind(
                    articles.compile(mapper.createObjectNode(), "query.").mapping());
        } catch (RuntimeException e) {
            LOG.warnf("percolator mapping check: %s (next check later)", e.toString());
        }
    }

    /**
     * Called with the mapping of a compile answer (a subscription created or changed): a later generation than the index's
     * starts a rebuild in the background.
     */
    public void seen(JsonNode articleMapping) {
        if (articleMapping.path("mapping").asInt() > index.generation()
                && index.generation() >= 0
                && running.compareAndSet(false, true)) {
            Thread.ofVirtual().name("percolator-rebuild").start(() -> {
                try {
                    rebuildIfBehind(articleMapping);
                } catch (RuntimeException e) {
                    LOG.warnf("percolator rebuild: %s (retried at the next check)", e.toString());
                } finally {
                    running.set(false);
                }
            });
        }
    }

    /** Rebuilds when the index exists and is of an older generation than {@code articleMapping}; true when it did. */
    public boolean rebuildIfBehind(JsonNode articleMapping) {
        int wanted = articleMapping.path("mapping").asInt();
        if (index.liveGeneration() < 0 || index.generation() >= wanted) {
            return false; // no index yet (it is created with the current mapping), or up to date
        }
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock")) {
                return false; // another replica rebuilds
            }
            try {
                if (index.liveGeneration() >= wanted) {
                    return false; // done by another replica meanwhile
                }
                rebuild(articleMapping);
                return true;
            } finally {
                advisoryLock(lock, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("percolator rebuild lock: " + e.getMessage(), e);
        }
    }

    private void rebuild(JsonNode articleMapping) {
        long started = System.nanoTime();
        int generation = articleMapping.path("mapping").asInt();
        String from = index.current();
        String next = index.next();
        LOG.infof(
                "percolator index %s has articles mapping %d, article-service has %d: rebuilding into %s",
                from, index.generation(), generation, next);
        index.create(next, articleMapping, false);
        Instant since = QuarkusTransaction.requiringNew().call(subscriptions::now);
        Set<UUID> written = new HashSet<>();
        int recompiled = 0;
        UUID after = null;
        for (List<Subscription> page = page(null); !page.isEmpty(); page = page(after)) {
            List<SubscriptionIndex.Document> documents = new ArrayList<>();
            for (Subscription s : page) {
                SubscriptionIndex.Document d = recompile(s);
                recompiled += d.revision() > s.revision() ? 1 : 0;
                documents.add(d);
                written.add(s.id());
            }
            index.putAll(next, documents);
            after = page.get(page.size() - 1).id();
        }
        afterFill.run();
        // Changes made while filling went to the old index through the alias: apply them to the new one too.
        Instant mark = since;
        for (int pass = 0; pass < MAX_CATCH_UP_PASSES; pass++) {
            Instant passStart = QuarkusTransaction.requiringNew().call(subscriptions::now);
            Instant changedFrom = mark;
            List<Subscription> changed =
                    QuarkusTransaction.requiringNew().call(() -> subscriptions.changedSince(changedFrom));
            index.putAll(next, changed.stream().map(index::document).toList());
            changed.forEach(s -> written.add(s.id()));
            mark = passStart;
            if (changed.isEmpty()) {
                break;
            }
        }
        index.refresh(next);
        index.swap(next, generation);
        // Whatever changed since the rebuild began is written once more through the alias (now the new index): a change
        // that reached the old index after the last pass is not lost. Subscriptions deleted meanwhile are removed.
        QuarkusTransaction.requiringNew().run(() -> subscriptions.markPendingSince(since));
        sync.catchUp();
        Set<UUID> gone = new HashSet<>(written);
        gone.removeAll(QuarkusTransaction.requiringNew().call(() -> subscriptions.existing(written)));
        gone.forEach(index::delete);
        metrics.counter("newsgraph.alerts.percolator.rebuilds").increment();
        LOG.infof(
                "percolator index rebuilt: %s (articles mapping %d), %d subscriptions, %d queries compiled again, %.1f s",
                next, generation, written.size() - gone.size(), recompiled, (System.nanoTime() - started) / 1e9);
    }

    private List<Subscription> page(UUID after) {
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.pageById(after, PAGE));
    }

    /**
     * The subscription's query compiled again by article-service and stored as a new revision. A query the new version no
     * longer accepts keeps its stored compiled form (logged); one changed meanwhile is taken as it is now.
     */
    private SubscriptionIndex.Document recompile(Subscription s) {
        CompiledSearch compiled;
        try {
            compiled = articles.compile(
                    (com.fasterxml.jackson.databind.node.ObjectNode) Json.stored(mapper, s.query()), "query.");
        } catch (ProblemException e) {
            LOG.warnf(
                    "subscription %s: its query is refused by article-service now (%s); its stored compiled query is kept",
                    s.id(), e.getMessage());
            return index.document(s);
        }
        String json = compiled.query().toString();
        Optional<Long> revision =
                QuarkusTransaction.requiringNew().call(() -> subscriptions.recompiled(s.id(), s.revision(), json));
        if (revision.isPresent()) {
            return new SubscriptionIndex.Document(s.id(), compiled.query(), s.active(), revision.get());
        }
        return QuarkusTransaction.requiringNew()
                .call(() -> subscriptions.byId(s.id()))
                .map(index::document)
                .orElse(index.document(s)); // deleted meanwhile: removed after the swap
    }

    private static boolean advisoryLock(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
