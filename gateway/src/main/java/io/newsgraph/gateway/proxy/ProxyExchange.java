package io.newsgraph.gateway.proxy;

import io.newsgraph.common.problem.ProblemResponses;
import io.newsgraph.gateway.security.AccessFilter;
import io.newsgraph.gateway.security.ApiKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One request through the proxy. Bodies are streamed both ways with back-pressure, never buffered. Until the
 * upstream's response headers arrive the exchange can still end in a problem: 413 (chunked body over the
 * limit), 503 (upstream refused or unreachable), 504 (no answer within the timeout). After that the
 * upstream's answer is passed through as it is, also when it came before the whole request body went up
 * (an early 413 or 401): the rest of the client's body is then dropped and the upstream connection closed.
 * While the answer streams, the same timeout is the longest silence of the upstream: past it the answer is cut.
 * One timer per exchange does both (Vert.x' own request timeout ends with the response headers).
 * All callbacks run on the request's event loop, so the state needs no locking.
 */
final class ProxyExchange {
    private static final Logger LOG = Logger.getLogger(ProxyExchange.class);

    private final RoutingContext context;
    private final HttpServerRequest in;
    private final Upstream upstream;
    private final long maxBodyBytes;
    private final boolean bodyless;
    private final boolean retryable;
    private final String uri;
    private final TextMapPropagator propagator;
    /** The gateway traces this request: its server span is current, and the upstream call will carry its context. */
    private final boolean traced;

    private UpstreamGuard.Permit permit;
    private HttpClientRequest current;
    private long timer = -1;
    private int attempt;
    private long received;
    private boolean settled;
    /** Something of the current attempt reached the upstream's socket: from then on only GET/HEAD are retried. */
    private boolean written;
    /** The whole request went upstream (end() was called). */
    private boolean sent;
    /** The client was answered "Connection: close" while it still sent its body. */
    private boolean closePromised;
    /** The upstream's answer as it is relayed to the client, once its headers are in. */
    private CoalescingResponse relay;
    /** The upstream fell silent mid-answer for longer than the timeout, and the answer was cut. */
    private boolean stalled;

    ProxyExchange(RoutingContext context, Upstream upstream, long maxBodyBytes, TextMapPropagator propagator) {
        this.context = context;
        this.propagator = propagator;
        this.traced = Span.current().getSpanContext().isValid();
        this.in = context.request();
        this.upstream = upstream;
        this.maxBodyBytes = maxBodyBytes;
        String length = in.getHeader("Content-Length");
        this.bodyless = in.getHeader("Transfer-Encoding") == null
                && (length == null || length.trim().equals("0"));
        this.retryable = bodyless && (in.method() == HttpMethod.GET || in.method() == HttpMethod.HEAD);
        String query = in.query();
        this.uri = upstream.basePath() + context.normalizedPath() + (query == null ? "" : "?" + query);
    }

    void start() {
        permit = upstream.guard().tryAcquire();
        if (permit == null) {
            unavailable(
                    upstream.guard().state() == UpstreamGuard.State.CLOSED
                            ? upstream.service() + " has too many requests in flight"
                            : upstream.service() + " is failing; the gateway stopped calling it for a while");
            return;
        }
        Vertx vertx = context.vertx();
        timer = vertx.setTimer(upstream.config().timeout().toMillis(), id -> timerFired());
        // From the start: a client connection that fails (broken chunking, gone) while the upstream is being reached.
        in.exceptionHandler(e -> abort());
        send();
    }

    private void send() {
        ApiKey key = context.get(AccessFilter.KEY);
        MultiMap headers = Headers.upstreamRequest(in, key == null ? null : key.name());
        if (traced) {
            Headers.dropTraceContext(propagator, headers);
        }
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setURI(uri)
                .setHeaders(headers);
        upstream.clients().client().request(options).onComplete(this::connected);
    }

    private void connected(AsyncResult<HttpClientRequest> result) {
        if (settled) {
            if (result.succeeded()) {
                result.result()
                        .exceptionHandler(e -> {})
                        .reset(); // nothing written: the connection goes back to the pool
            }
            return;
        }
        if (result.failed()) {
            failed(result.cause());
            return;
        }
        HttpClientRequest request = result.result();
        current = request;
        written = false;
        // Failures reach responded() through the response future; without a handler Vert.x logs each as an error.
        request.exceptionHandler(e -> {});
        if (bodyless) {
            sent = true;
            request.end().onSuccess(v -> {
                if (request == current) {
                    written = true;
                }
            });
            in.resume();
        } else {
            if (in.getHeader("Content-Length") == null) {
                request.setChunked(true);
            }
            // The body waits until the head is out: a connection that fails before got nothing, so any method may
            // retry.
            request.sendHead().onSuccess(v -> {
                if (request == current && !settled) {
                    written = true;
                    stream(request);
                }
            });
        }
        request.response().onComplete(response -> {
            if (request == current) {
                responded(response);
            }
        });
    }

    private void stream(HttpClientRequest request) {
        in.handler(this::forward);
        in.endHandler(v -> {
            if (!settled) {
                sent = true;
                request.end();
            } else {
                closeIfPromised();
            }
        });
        in.resume();
    }

    private void forward(Buffer chunk) {
        received += chunk.length();
        if (settled) {
            return; // the upstream answered before the end of the body: the rest is read and dropped
        }
        if (received > maxBodyBytes) {
            settle(UpstreamGuard.Outcome.NEUTRAL);
            tooLarge(context, maxBodyBytes);
            return;
        }
        current.write(chunk);
        if (current.writeQueueFull()) {
            in.pause();
            current.drainHandler(v -> in.resume());
        }
    }

    private void responded(AsyncResult<HttpClientResponse> result) {
        if (settled) {
            return;
        }
        if (result.failed()) {
            failed(result.cause());
            return;
        }
        settled = true;
        HttpClientRequest request = current;
        boolean early = !sent;
        if (early) {
            // The upstream has decided without the rest of the body: stop forwarding it, keep reading it from the
            // client.
            request.drainHandler(null);
            in.resume();
        }
        HttpClientResponse response = result.result();
        HttpServerResponse out = context.response();
        out.setStatusCode(response.statusCode());
        if (response.statusMessage() != null) {
            out.setStatusMessage(response.statusMessage());
        }
        Headers.copyResponse(response.headers(), out.headers());
        if (early && !in.isEnded()) {
            out.putHeader("Connection", "close"); // the rest of the client's body is dropped
            closePromised = true;
        }
        int status = response.statusCode();
        boolean body = in.method() != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
        if (body && response.getHeader("Content-Length") == null) {
            out.setChunked(true);
        }
        // No reset when the client goes away: a late reset would close the connection after the pool had handed it to
        // another request. The failed pipe resumes the upstream's answer, which is read to its end and dropped.
        // Except an event stream (SSE): it has no end, so reading it on would keep the service streaming to nobody
        // (and holding the caller's stream slot) for ever; its connection is closed instead while the answer is open.
        String type = response.getHeader("Content-Type");
        boolean eventStream =
                type != null && type.regionMatches(true, 0, "text/event-stream", 0, "text/event-stream".length());
        io.vertx.core.Future<Void> ended = response.end();
        relay = new CoalescingResponse(out, context.vertx().getOrCreateContext());
        response.pipe().endOnFailure(false).to(relay).onComplete(done -> {
            context.vertx().cancelTimer(timer);
            permit.complete(stalled ? UpstreamGuard.Outcome.FAILURE : UpstreamGuard.Outcome.SUCCESS);
            if (early) {
                request.reset(); // a half-sent request leaves its connection unusable: close it
            }
            if (done.failed() && eventStream && !ended.isComplete()) {
                request.reset();
            }
            if (done.failed()) {
                // Upstream or client went away mid-body (or the upstream fell silent): the only honest signal left
                // is a cut response. reset() closes an HTTP/1.x connection and resets only this stream of an HTTP/2
                // one (h2c clients multiplex: closing the connection would cut their other requests too).
                out.reset();
            } else {
                closeIfPromised();
            }
        });
    }

    /**
     * After "Connection: close" the connection must close (RFC 9112 9.6), which Vert.x leaves to us: once both the
     * answer is out and the client's body is in, so that the client is never reset while it still sends.
     */
    private void closeIfPromised() {
        if (closePromised && in.isEnded() && context.response().ended()) {
            context.response().close(); // flushes what is written, then closes
        }
    }

    private void failed(Throwable cause) {
        if (settled) {
            return;
        }
        if ((retryable || !written) && attempt < upstream.config().retries() && connectionProblem(cause)) {
            attempt++;
            current = null;
            LOG.debugf("retrying %s %s on %s after %s", in.method(), uri, upstream.service(), cause.toString());
            send();
            return;
        }
        settle(UpstreamGuard.Outcome.FAILURE);
        LOG.warnf("%s %s: %s unreachable: %s", in.method(), uri, upstream.service(), cause.toString());
        unavailable(upstream.service() + " is unreachable");
    }

    /**
     * Before the response headers: the upstream did not answer in time. While the answer streams: the timeout is a
     * limit on the upstream's silence, so the timer is moved on to the last piece's time plus the timeout, unless the
     * client is the one not reading (a full write queue pauses the upstream's answer, and that silence is not its).
     */
    private void timerFired() {
        if (relay == null) {
            timedOut();
            return;
        }
        long timeout = upstream.config().timeout().toNanos();
        long silent = relay.waitingForClient() ? 0 : System.nanoTime() - relay.lastPieceNanos();
        if (silent < timeout) {
            timer = context.vertx().setTimer(Math.max(1, (timeout - silent) / 1_000_000), id -> timerFired());
            return;
        }
        stalled = true;
        LOG.warnf(
                "%s %s: %s fell silent for %s mid-answer; the answer was cut",
                in.method(), uri, upstream.service(), upstream.config().timeout());
        current.reset(); // fails the upstream's answer: the pipe ends failed and cuts the client's
    }

    private void timedOut() {
        if (settled) {
            return;
        }
        settle(UpstreamGuard.Outcome.FAILURE);
        LOG.warnf(
                "%s %s: %s did not answer within %s",
                in.method(), uri, upstream.service(), upstream.config().timeout());
        ProblemResponses.send(
                context,
                504,
                "upstream-timeout",
                "Upstream timed out",
                upstream.service() + " did not answer within "
                        + upstream.config().timeout().toMillis() + " ms");
    }

    private void abort() {
        if (!settled) {
            settle(UpstreamGuard.Outcome.NEUTRAL);
        }
    }

    /** Ends the exchange before a response was passed through: no more upstream traffic. */
    private void settle(UpstreamGuard.Outcome outcome) {
        settled = true;
        context.vertx().cancelTimer(timer);
        if (current != null) {
            current.reset();
        }
        in.handler(null);
        in.resume(); // the rest of the body is dropped, also when back-pressure had paused it
        permit.complete(outcome);
    }

    static void tooLarge(RoutingContext context, long limit) {
        ProblemResponses.send(
                context,
                413,
                "payload-too-large",
                "Request body too large",
                "The request body exceeds the limit of " + limit + " bytes");
    }

    private void unavailable(String detail) {
        ProblemResponses.send(
                context,
                503,
                "upstream-unavailable",
                "Upstream unavailable",
                detail,
                Map.of("Retry-After", String.valueOf(upstream.guard().retryAfterSeconds())));
    }

    private static boolean connectionProblem(Throwable cause) {
        // Refused, reset or closed before any response (a write to a closed connection fails with an IOException).
        return cause instanceof IOException || cause instanceof HttpClosedException;
    }
}
