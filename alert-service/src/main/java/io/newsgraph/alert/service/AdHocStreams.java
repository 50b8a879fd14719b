package io.newsgraph.alert.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsgraph.alert.client.ArticleClient;
import io.newsgraph.alert.client.ArticleFeedPage;
import io.newsgraph.alert.config.AlertConfig;
import io.newsgraph.alert.repository.FeedCursorRepository;
import io.newsgraph.common.paging.CursorCodec;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The ad-hoc streams ({@code GET /stream?q=…}) open on this replica. Nothing about them is stored: while at least one is
 * open, one follower thread reads article-service's change feed from this replica's own position and matches each
 * page's ANALYSED events against all open streams' queries at once ({@link StreamMatcher}: one search request per page,
 * identical queries counted once), then hands each stream its matches. Every replica does this for its own connections.
 * <p>An event's id is the position of its ANALYSED event in the feed, the same on every replica: a client resumes
 * with {@code Last-Event-ID} on any replica, which reads the feed again from there for that stream alone (up to
 * {@code streams.replay-window} events back) before it joins the live matching. The lock is held for a whole page
 * (read, match, hand out), so a stream joins between pages and never misses or repeats one.
 */
@ApplicationScoped
public class AdHocStreams {
    public static final String EVENT = MatchEvents.TYPE;
    /** Sent first when a resume reaches further back than the replay window: what lies before it is not replayed. */
    public static final String GAP = "stream.gap";

    static final String MATCHED_KIND = FeedFollower.MATCHED_KIND;
    private static final Logger LOG = Logger.getLogger(AdHocStreams.class);
    private static final int HEAD_PAGE = 1000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    @Inject
    ArticleClient articles;

    @Inject
    FeedCursorRepository cursors;

    @Inject
    StreamMatcher matcher;

    @Inject
    MatchEvents events;

    @Inject
    AlertConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper mapper;

    private final ReentrantLock lock = new ReentrantLock();
    /** Streams that receive live matches. Guarded by {@link #lock}. */
    private final List<Listener> listeners = new ArrayList<>();
    /** The last feed position read by the follower; -1 while none follows. Guarded by {@link #lock}. */
    private long position = -1;
    /** Guarded by {@link #lock}. */
    private Thread follower;

    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean shutdown;
    private Timer matching;
    private DistributionSummary lag;

    void start(@Observes StartupEvent event) {
        Gauge.builder("newsgraph.alerts.streams.adhoc", open, AtomicInteger::get)
                .description("Open ad-hoc streams (GET /stream)")
                .register(metrics);
        matching = Timer.builder("newsgraph.alerts.streams.matching")
                .description("Matching one feed page against every open ad-hoc stream")
                .publishPercentileHistogram()
                .register(metrics);
        lag = DistributionSummary.builder("newsgraph.alerts.streams.lag")
                .baseUnit("seconds")
                .description("From an article's ANALYSED feed event to its hand-over to the ad-hoc streams it matches")
                .publishPercentileHistogram()
                .register(metrics);
    }

    void stop(@Observes ShutdownEvent event) {
        shutdown = true;
        lock.lock();
        try {
            if (follower != null) {
                follower.interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A stream's query as compiled by article-service, and the entity/speaker ids it names (marked in its events). */
    public Listener listener(JsonNode compiled, Set<String> named) {
        return new Listener(
                compiled, compiled.toString(), named, config.streams().queueSize());
    }

    /**
     * Where a new stream starts: after {@code lastEventId} when given (a resume), else at this replica's feed position.
     * A resume older than the replay window starts at the window's beginning ({@link Start#gap()}); an id further ahead
     * of the feed than the window cannot come from this feed: 400.
     */
    public Start start(Long lastEventId) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long head = following();
            int window = config.streams().replayWindow();
            if (lastEventId == null) {
                return new Start(head, null);
            }
            if (lastEventId > head + window) {
                throw ProblemException.badRequest(
                        "Last-Event-ID is not an event of this stream",
                        new FieldError(
                                "Last-Event-ID",
                                "must be the id of an event received (a feed position up to " + head + ")"));
            }
            long oldest = Math.max(0, head - window);
            return lastEventId < oldest ? new Start(oldest, lastEventId) : new Start(lastEventId, null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds the stream to live matching if it has seen everything up to the follower's position ({@code at}); otherwise
     * answers that position, which the stream replays up to ({@link #replay}) before it tries again.
     */
    public OptionalLong join(Listener listener, long at) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long head = following();
            if (at < head) {
                return OptionalLong.of(head);
            }
            listener.after = at;
            listeners.add(listener);
            open.incrementAndGet();
            return OptionalLong.empty();
        } finally {
            lock.unlock();
        }
    }

    public void leave(Listener listener) {
        lock.lock();
        try {
            if (listeners.remove(listener)) {
                open.decrementAndGet();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Matches the feed after {@code from} up to {@code to} against this stream's query alone and hands each match to
     * {@code send}, in feed order; false when {@code send} refused one (the client has gone).
     */
    public boolean replay(Listener listener, long from, long to, Predicate<StreamEvent> send)
            throws InterruptedException {
        long at = from;
        while (at < to) {
            ArticleFeedPage page = articles.feed(cursor(at), HEAD_PAGE);
            List<ArticleFeedPage.Event> within =
                    page.events().stream().filter(e -> e.seq() <= to).toList();
            List<ArticleFeedPage.Event> analysed =
                    within.stream().filter(e -> MATCHED_KIND.equals(e.kind())).toList();
            if (!analysed.isEmpty()) {
                Instant now = Instant.now();
                for (StreamMatcher.Analysed a : matcher.match(analysed, List.of(listener.query))) {
                    if (a.matched().get(0) && !send.test(event(listener, a, now))) {
                        return false;
                    }
                }
            }
            if (within.isEmpty() || within.size() < page.events().size() || !page.hasMore()) {
                break; // reached `to`, or the feed's end
            }
            at = within.get(within.size() - 1).seq();
        }
        return true;
    }

    /** Starts following the feed when nobody does; answers the follower's position. Under {@link #lock}. */
    private long following() {
        if (position < 0) {
            position = head();
            follower =
                    Thread.ofPlatform().name("adhoc-stream-follower").daemon().start(this::follow);
        }
        return position;
    }

    /**
     * The feed's current head: read forward from where saved-search matching is (near the head already), without
     * matching anything.
     */
    private long head() {
        long seq = QuarkusTransaction.requiringNew().call(cursors::lastSeq);
        while (true) {
            ArticleFeedPage page = articles.feed(cursor(seq), HEAD_PAGE);
            if (!page.events().isEmpty()) {
                seq = page.events().get(page.events().size() - 1).seq();
            }
            if (page.events().isEmpty() || !page.hasMore()) {
                return seq;
            }
        }
    }

    private void follow() {
        long pause = config.feed().pollInterval().toMillis();
        while (!shutdown) {
            boolean more = false;
            try {
                lock.lockInterruptibly();
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (listeners.isEmpty()) {
                    position = -1; // nobody listens: stop; the next stream starts a follower at the feed's head
                    follower = null;
                    return;
                }
                more = step();
                pause = config.feed().pollInterval().toMillis();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("ad-hoc streams: %s (retrying at feed position %d)", e.toString(), position);
                pause = Math.min(MAX_BACKOFF.toMillis(), pause * 2);
            } finally {
                lock.unlock();
            }
            if (!more) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One feed page for every listening stream; true when the feed has more right now. Under {@link #lock}. */
    private boolean step() throws InterruptedException {
        ArticleFeedPage page = articles.feed(cursor(position), config.feed().pageSize());
        if (page.events().isEmpty()) {
            return false;
        }
        List<ArticleFeedPage.Event> analysed = page.events().stream()
                .filter(e -> MATCHED_KIND.equals(e.kind()))
                .toList();
        if (!analysed.isEmpty()) {
            Map<String, Integer> distinct = new HashMap<>();
            List<JsonNode> queries = new ArrayList<>();
            Map<Listener, Integer> queryOf = new IdentityHashMap<>();
            for (Listener l : listeners) {
                queryOf.put(l, distinct.computeIfAbsent(l.key, k -> {
                    queries.add(l.query);
                    return queries.size() - 1;
                }));
            }
            long started = System.nanoTime();
            List<StreamMatcher.Analysed> found = matcher.match(analysed, queries);
            matching.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            Instant now = Instant.now();
            for (StreamMatcher.Analysed a : found) {
                boolean any = false;
                for (Listener l : listeners) {
                    if (a.matched().get(queryOf.get(l)) && a.event().seq() > l.after) {
                        l.offer(event(l, a, now));
                        any = true;
                    }
                }
                if (any) {
                    lag.record(Math.max(
                            0, Duration.between(a.event().occurredAt(), now).toMillis() / 1000.0));
                }
            }
        }
        position = page.events().get(page.events().size() - 1).seq();
        return page.hasMore();
    }

    private StreamEvent event(Listener listener, StreamMatcher.Analysed a, Instant now) {
        return new StreamEvent(
                a.event().seq(),
                EVENT,
                events.streamEvent(a.document(), listener.named, now).toString());
    }

    /** The gap event a resume from beyond the replay window starts with. */
    public StreamEvent gap(Start start) {
        var data = mapper.createObjectNode();
        data.put("type", GAP).put("timestamp", Instant.now().toString());
        data.putObject("data")
                .put("lastEventId", start.requested())
                .put("resumedAfter", start.after())
                .put(
                        "detail",
                        "Events after the Last-Event-ID and up to resumedAfter are beyond the replay window of "
                                + config.streams().replayWindow() + " feed events and are not sent");
        return new StreamEvent(start.after(), GAP, data.toString());
    }

    private static String cursor(long seq) {
        return seq <= 0 ? null : CursorCodec.encode("f", String.valueOf(seq));
    }

    /** Where a stream starts: after feed position {@code after}; {@code requested} is the older Last-Event-ID of a gap. */
    public record Start(long after, Long requested) {
        public boolean gap() {
            return requested != null;
        }
    }

    /** One SSE event: id (feed position), name and JSON data. */
    public record StreamEvent(long id, String name, String data) {}

    /** One open ad-hoc stream: its query, and the matches waiting for its connection. */
    public static final class Listener {
        private final JsonNode query;
        private final String key;
        private final Set<String> named;
        private final ArrayBlockingQueue<StreamEvent> queue;
        /** The last feed position handed to this stream (live matching skips what it already has). */
        private volatile long after;

        private volatile boolean overflowed;

        Listener(JsonNode query, String key, Set<String> named, int capacity) {
            this.query = query;
            this.key = key;
            this.named = named;
            this.queue = new ArrayBlockingQueue<>(capacity);
        }

        void offer(StreamEvent event) {
            if (overflowed || !queue.offer(event)) {
                overflowed = true; // the client reads too slowly: its stream ends, and it resumes from its last event
                return;
            }
            after = event.id();
        }

        /** The next match, or null after {@code millis} without one. */
        public StreamEvent next(long millis) throws InterruptedException {
            return queue.poll(millis, TimeUnit.MILLISECONDS);
        }

        /** More matches came than the stream could hold: it must end (the client resumes with Last-Event-ID). */
        public boolean overflowed() {
            return overflowed && queue.isEmpty();
        }
    }
}
