package io.newsgraph.gateway.security;

import io.newsgraph.gateway.config.GatewayConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The buckets every replica shares, in Redis: GCRA (the token bucket expressed as one "theoretical arrival time" per
 * bucket) in one Lua script, so that reading, deciding and writing are one atomic step and the clock is Redis' own
 * ({@code TIME}), not the replicas'. A bucket's key expires once it would be full again, so idle keys cost nothing.
 * Failures (unreachable, refused, slower than the timeout) are reported, and for {@code retry-delay} afterwards the
 * store is not asked at all, so that an outage costs no request more than one timeout.
 */
final class SharedBuckets implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SharedBuckets.class);
    static final String KEY_PREFIX = "newsgraph:ratelimit:";
    /*
     * KEYS[1] the bucket; ARGV[1] microseconds per request (window / quota), ARGV[2] the quota (the burst).
     * Returns {allowed, remaining, microseconds until full, microseconds until the next request fits}.
     * The small epsilons keep the Q-th request of a burst from falling to floating-point rounding. An interval below
     * the resolution of a microsecond timestamp as a double (~0.25 us: quotas of ~240 million per minute and more)
     * leaves `after` equal to `now`: the expiry is still at least 1 ms, as SET refuses PX 0.
     */
    static final String SCRIPT = """
            local interval = tonumber(ARGV[1])
            local burst = interval * tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local tat = tonumber(redis.call('GET', KEYS[1])) or now
            if tat < now then tat = now end
            local after = tat + interval
            if after - now > burst + 0.001 then
              return {0, math.floor((burst - (tat - now)) / interval + 1e-9), tat - now, after - now - burst}
            end
            redis.call('SET', KEYS[1], string.format('%.17g', after), 'PX', math.max(1, math.ceil((after - now) / 1000)))
            return {1, math.floor((burst - (after - now)) / interval + 1e-9), after - now, 0}
            """;
    private static final String SHA = sha1(SCRIPT);
    private static final RuntimeException SKIPPED = new IllegalStateException("store skipped after a recent failure") {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    };

    private final Vertx vertx;
    private final Redis client;
    private final long timeoutMillis;
    private final long retryDelayNanos;
    private final LongSupplier clock;
    private final String endpoint;
    private volatile long retryAt;
    private volatile String failure;

    SharedBuckets(Vertx vertx, GatewayConfig.Redis config, LongSupplier clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.timeoutMillis = Math.max(1, config.timeout().toMillis());
        this.retryDelayNanos = config.retryDelay().toNanos();
        RedisOptions options = new RedisOptions()
                .setConnectionString(config.url().orElseThrow())
                .setMaxPoolSize(config.maxConnections())
                .setMaxPoolWaiting(4096)
                .setMaxWaitingHandlers(4096);
        config.password().filter(p -> !p.isBlank()).ifPresent(options::setPassword);
        options.getNetClientOptions()
                .setConnectTimeout((int) Math.max(250, timeoutMillis))
                .setTcpNoDelay(true);
        this.client = Redis.createClient(vertx, options);
        this.endpoint = redact(config.url().orElseThrow());
        this.retryAt = clock.getAsLong();
        // Connect and load the script at start: the first requests need not pay for the handshake, and a store
        // that is down from the start shows in readiness data at once.
        client.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(SCRIPT)).onComplete(loaded -> {
            if (loaded.failed()) {
                failed(loaded.cause());
            }
        });
    }

    /** Counts one request; fails (without waiting) while the store is considered down. */
    Future<RateLimiter.Decision> take(String bucket, GatewayConfig.RateLimit limit, String policy) {
        if (clock.getAsLong() - retryAt < 0) {
            return Future.failedFuture(SKIPPED);
        }
        Context caller = Vertx.currentContext();
        Promise<RateLimiter.Decision> promise = Promise.promise();
        long timer = vertx.setTimer(
                timeoutMillis,
                id -> promise.tryFail(new TimeoutException("no answer within " + timeoutMillis + " ms")));
        double interval = limit.window().toNanos() / 1000.0 / limit.requests();
        String key = KEY_PREFIX + bucket;
        eval(Request.cmd(Command.EVALSHA).arg(SHA), key, interval, limit.requests())
                .recover(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")
                        ? eval(Request.cmd(Command.EVAL).arg(SCRIPT), key, interval, limit.requests())
                        : Future.failedFuture(e))
                .onComplete(answer -> {
                    vertx.cancelTimer(timer);
                    // The answer arrives on the Redis connection's event loop: continue on the request's.
                    if (caller == null || caller == Vertx.currentContext()) {
                        settle(promise, answer.map(r -> decision(r, limit, policy)));
                    } else {
                        caller.runOnContext(v -> settle(promise, answer.map(r -> decision(r, limit, policy))));
                    }
                });
        return promise.future().onComplete(outcome -> {
            if (outcome.succeeded()) {
                recovered();
            } else {
                failed(outcome.cause());
            }
        });
    }

    /** Null while the store answers, else why it is being bypassed. */
    String failure() {
        return failure;
    }

    String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        client.close();
    }

    private Future<Response> eval(Request command, String key, double interval, int quota) {
        return client.send(
                command.arg(1).arg(key).arg(Double.toString(interval)).arg(quota));
    }

    private static void settle(
            Promise<RateLimiter.Decision> promise, io.vertx.core.AsyncResult<RateLimiter.Decision> result) {
        if (result.succeeded()) {
            promise.tryComplete(result.result());
        } else {
            promise.tryFail(result.cause());
        }
    }

    private static RateLimiter.Decision decision(Response r, GatewayConfig.RateLimit limit, String policy) {
        boolean allowed = r.get(0).toInteger() == 1;
        long untilNext = allowed ? 0 : Math.max(1, RateLimiter.seconds(r.get(3).toLong() * 1000.0));
        long untilFull = RateLimiter.seconds(r.get(2).toLong() * 1000.0);
        return new RateLimiter.Decision(
                allowed,
                policy,
                limit.requests(),
                Math.max(1, limit.window().toSeconds()),
                Math.max(0, r.get(1).toInteger()),
                allowed ? untilFull : untilNext,
                untilNext);
    }

    private void failed(Throwable cause) {
        if (cause == SKIPPED) {
            return;
        }
        retryAt = clock.getAsLong() + retryDelayNanos;
        String why = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (failure == null) {
            LOG.warnf(
                    "rate-limit store %s failed (%s): each replica limits on its own until it answers again",
                    endpoint, why);
        }
        failure = why;
    }

    private void recovered() {
        if (failure != null) {
            LOG.infof("rate-limit store %s answers again: limits are shared across replicas", endpoint);
            failure = null;
        }
    }

    private static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
