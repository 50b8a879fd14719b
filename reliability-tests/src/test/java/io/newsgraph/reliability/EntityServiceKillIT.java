package io.newsgraph.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsgraph.reliability.support.Latencies;
import io.newsgraph.reliability.support.Results;
import io.newsgraph.reliability.support.Scale;
import io.newsgraph.reliability.support.Stack;
import io.newsgraph.reliability.support.Stories;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * entity-service SIGKILLed repeatedly during an ingest through the gateway (CI: 200 articles, 1 kill; run.sh:
 * 1,000 articles, 3 kills). After it is back every article has exactly one current analysis (of its current
 * version), nothing is parked, nothing stored twice; lost articles and recovery time are reported.
 */
@Order(8)
class EntityServiceKillIT {
    static final int ARTICLES = Scale.pick(200, 1000);
    static final int KILLS = Scale.pick(1, 3);

    @Test
    void killingEntityServiceDuringIngestLosesNothing() throws Exception {
        Stack stack = Stack.shared();
        stack.awaitAnalysed(Duration.ofMinutes(2));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ingested = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> ingest = new ArrayList<>();
        String run = "kill" + Stack.RUN;
        for (int c = 0; c < 4; c++) {
            ingest.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < ARTICLES; i = next.getAndIncrement()) {
                    stack.ingest(Stories.json(run, i));
                    ingested.incrementAndGet();
                }
                return null;
            }));
        }
        Latencies restarts = new Latencies();
        long lastReady = System.nanoTime();
        for (int k = 1; k <= KILLS; k++) {
            int at = ARTICLES * k / (KILLS + 1);
            Awaitility.await("ingest reaches " + at)
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> ingested.get() >= at);
            stack.entities.kill();
            long killed = System.nanoTime();
            stack.entities.start();
            lastReady = System.nanoTime();
            restarts.add((lastReady - killed) / 1000);
        }
        for (Future<?> f : ingest) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdownNow();
        long ingestDone = System.nanoTime();
        stack.awaitAnalysed(Duration.ofMinutes(5));
        double drainS = (System.nanoTime() - ingestDone) / 1e9;
        double sinceLastRestartS = (System.nanoTime() - lastReady) / 1e9;

        Map<String, Integer> current =
                versions(stack, "articles", "SELECT id::text, version FROM article WHERE deleted_at IS NULL");
        Map<String, Integer> analysed =
                versions(stack, "entities", "SELECT article_id::text, version FROM article_analysis");
        int lost = 0;
        int stale = 0;
        for (Map.Entry<String, Integer> a : current.entrySet()) {
            Integer v = analysed.get(a.getKey());
            if (v == null) {
                lost++;
            } else if (!v.equals(a.getValue())) {
                stale++;
            }
        }
        long duplicateQuotes = stack.pg.scalar(
                "entities",
                "SELECT count(*) FROM (SELECT article_id, start_offset FROM quote GROUP BY 1, 2 HAVING count(*) > 1) d");
        long parked = stack.pg.scalar("entities", "SELECT count(*) FROM extraction_job WHERE state = 'PARKED'");
        Results.record(
                "entity-kill",
                "articles ingested through the gateway; SIGKILLs",
                ARTICLES + "; " + KILLS,
                "1000; repeated");
        Results.record(
                "entity-kill",
                "kill -> ready again (per kill)",
                String.format(java.util.Locale.ROOT, "%.1f s (max)", restarts.maxMs() / 1000),
                "");
        Results.record(
                "entity-kill",
                "all analysed: after the ingest ended / after the last restart",
                String.format(java.util.Locale.ROOT, "%.1f s / %.1f s", drainS, sinceLastRestartS),
                "");
        Results.record(
                "entity-kill",
                "articles lost (no analysis); stale analysis; analyses for non-live articles",
                lost + "; " + stale + "; " + (analysed.size() - (current.size() - lost)),
                "0; 0; 0");
        Results.record("entity-kill", "quotes stored twice; jobs parked", duplicateQuotes + "; " + parked, "0; 0");
        assertEquals(0, lost, "articles without analysis");
        assertEquals(0, stale, "analyses of an old version");
        assertEquals(current.size(), analysed.size(), "exactly one analysis per live article");
        assertEquals(0, duplicateQuotes);
        assertEquals(0, parked);
    }

    private static Map<String, Integer> versions(Stack stack, String db, String sql) throws Exception {
        Map<String, Integer> map = new HashMap<>();
        try (Connection c = stack.pg.connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                map.put(rs.getString(1), rs.getInt(2));
            }
        }
        return map;
    }
}
