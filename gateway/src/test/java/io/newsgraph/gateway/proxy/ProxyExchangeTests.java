package io.newsgraph.gateway.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsgraph.gateway.config.GatewayConfig;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The proxy exchange on a bare Vert.x router, against upstreams played by small Vert.x servers that do what
 * WireMock cannot: answer before the request body is in, or lose a pooled connection before the request is sent.
 */
class ProxyExchangeTests {
    private static final long MAX_BODY = 64 * 1024;
    private static final String PROBLEM =
            "{\"type\":\"https://newsgraph.io/problems/payload-too-large\",\"status\":413}";
    private static Vertx vertx;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<HttpClient> clients = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        get(vertx.close());
    }

    @AfterEach
    void close() throws Exception {
        for (HttpClient client : clients) {
            get(client.close());
        }
        for (HttpServer server : servers) {
            get(server.close());
        }
    }

    /**
     * An upstream that answers as soon as the head is in, without reading the body, then closes the connection or
     * keeps it. The pool has one connection: an exchange that left it half-used would starve the next one. The one
     * that closes does so as servers do (a lingering close): it drops what still comes for a moment first. A close
     * with unread bytes makes its kernel send a reset, which can overtake the answer (the gateway's socket then fails
     * before the answer is read: 503, about 1 run in 60): no proxy can pass on an answer TCP threw away, which is why
     * the gateway's per-upstream body limits equal the services' own and it answers 413 itself.
     */
    @ParameterizedTest(name = "upstream closes: {0}")
    @ValueSource(booleans = {true, false})
    void anEarlyUpstreamAnswerIsPassedThroughAndTheRestOfTheBodyDropped(boolean upstreamCloses) throws Exception {
        AtomicInteger upstreamRequests = new AtomicInteger();
        int upstreamPort = listen(request -> {
            upstreamRequests.incrementAndGet();
            request.pause();
            request.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", "application/problem+json")
                    .end(PROBLEM)
                    .onComplete(v -> {
                        if (upstreamCloses) {
                            request.handler(chunk -> {});
                            request.resume();
                            vertx.setTimer(200, id -> request.connection().close());
                        }
                    });
        });
        HttpClient pool = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(1));
        clients.add(pool);
        Upstream upstream = upstream(upstreamPort, pool);
        int gatewayPort = gateway(upstream);
        for (int i = 0; i < 3; i++) {
            // A plain socket: Vert.x' own client would close its side on "Connection: close" while its body still goes
            // out.
            try (Socket socket = new Socket("127.0.0.1", gatewayPort)) {
                socket.setSoTimeout(10_000);
                OutputStream toGateway = socket.getOutputStream();
                toGateway.write(
                        "POST /api/v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                writeChunk(toGateway, 16 * 1024);
                InputStream fromGateway = new BufferedInputStream(socket.getInputStream());
                Answer answer = readAnswer(fromGateway); // while the body is still being sent
                assertEquals(413, answer.status());
                assertEquals("close", answer.connection(), "the rest of the body is not wanted");
                assertEquals(PROBLEM, answer.body());
                // The gateway keeps reading what the client still sends (and drops it), then closes as it said it
                // would.
                writeChunk(toGateway, 32 * 1024);
                toGateway.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                toGateway.flush();
                assertEquals(-1, fromGateway.read(), "closed after the body, not before: no reset");
            }
        }
        assertEquals(3, upstreamRequests.get());
        assertEquals(
                UpstreamGuard.State.CLOSED, upstream.guard().state(), "an upstream's answer is no breaker failure");
    }

    /** A connection the upstream closed while it sat in the pool, lost before anything was written: any method may retry. */
    @Test
    void aRequestLostBeforeAnythingWasWrittenIsRetriedEvenAPost() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        int upstreamPort = listen(request -> request.body().onSuccess(body -> {
            bodies.add(body.toString());
            request.response().end("extracted");
        }));
        HttpClient pool = client();
        AtomicInteger requests = new AtomicInteger();
        HttpClient stale = (HttpClient) Proxy.newProxyInstance(
                HttpClient.class.getClassLoader(), new Class<?>[] {HttpClient.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("request") && args.length == 1 && requests.getAndIncrement() == 0) {
                        @SuppressWarnings("unchecked")
                        Future<HttpClientRequest> request = (Future<HttpClientRequest>) result;
                        return request.compose(r -> r.connection().close().map(r));
                    }
                    return result;
                });
        Upstream upstream = upstream(upstreamPort, stale);
        HttpClient caller = client();
        int gatewayPort = gateway(upstream);
        Answer answer = post(caller, gatewayPort, "Anna Berg said.");
        assertEquals(200, answer.status());
        assertEquals("extracted", answer.body());
        assertEquals(2, requests.get(), "one retry on a new connection");
        assertEquals(List.of("Anna Berg said."), bodies, "the upstream got the request once, whole");
        assertEquals(UpstreamGuard.State.CLOSED, upstream.guard().state());
    }

    /** Broken chunk framing fails the client's connection while the upstream is still being reached: no orphan exchange. */
    @Test
    void aClientConnectionThatFailsEarlyEndsTheExchangeAtOnce() throws Exception {
        int upstreamPort = listen(
                request -> request.body().onSuccess(body -> request.response().end("extracted")));
        Upstream upstream = upstream(upstreamPort, client());
        int gatewayPort = gateway(upstream);
        try (Socket socket = new Socket("127.0.0.1", gatewayPort)) {
            socket.getOutputStream()
                    .write(("POST /api/v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    + "zz\r\n{}\r\n0\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            socket.getInputStream().readAllBytes();
        }
        // Not only when the gateway's timeout (3 s here) ends it, counting a failure against the upstream.
        await().atMost(Duration.ofSeconds(1)).until(() -> upstream.guard().inFlight() == 0);
        assertEquals(UpstreamGuard.State.CLOSED, upstream.guard().state());
    }

    /**
     * An event stream never ends: when its client goes away the gateway must close the upstream connection (not read the
     * stream on for ever), so that the service sees the client gone and frees the stream; ordinary answers still go
     * back to the pool.
     */
    @Test
    void anEventStreamWhoseClientWentAwayIsClosedUpstream() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        int upstreamPort = listen(request -> {
            request.connection().closeHandler(v -> closed.incrementAndGet());
            var response = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            response.write(": open\n\n");
            long timer = vertx.setPeriodic(100, id -> {
                if (!response.closed()) {
                    response.write(": heartbeat\n\n");
                }
            });
            response.closeHandler(v -> vertx.cancelTimer(timer));
        });
        Upstream upstream = upstream(upstreamPort, client());
        int gatewayPort = gateway(upstream);
        try (Answering answering = Answering.get(gatewayPort, "/api/v1/stream?q=x", 10_000)) {
            InputStream in = answering.body();
            assertEquals(
                    true,
                    new String(in.readNBytes(40), StandardCharsets.US_ASCII).contains("heartbeat"),
                    "streamed, unbuffered");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> closed.get() == 1);
        await().atMost(Duration.ofSeconds(1)).until(() -> upstream.guard().inFlight() == 0);
        assertEquals(
                UpstreamGuard.State.CLOSED, upstream.guard().state(), "a client that leaves is no breaker failure");
    }

    /**
     * An upstream that sends its head and a first piece, then nothing: after the upstream's timeout of silence (3 s
     * here) the gateway cuts the answer (the client sees the connection end before the body did), closes the upstream
     * connection and counts a failure, instead of holding both connections for as long as the upstream stays silent.
     */
    @Test
    void anUpstreamThatFallsSilentMidAnswerIsCutAfterTheTimeout() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        int upstreamPort = listen(request -> {
            request.connection().closeHandler(v -> closed.incrementAndGet());
            request.response().setChunked(true).write("first piece");
        });
        Upstream upstream = upstream(upstreamPort, client());
        int gatewayPort = gateway(upstream);
        // A read timeout far beyond the 3 s: a read that times out means nothing cut the answer.
        try (Answering answering = Answering.get(gatewayPort, "/api/v1/entities", 20_000)) {
            InputStream in = answering.body();
            assertEquals(Integer.toHexString("first piece".length()), line(in));
            assertEquals("first piece", line(in));
            try {
                assertEquals(-1, in.read(), "the connection ends without the last chunk");
            } catch (java.net.SocketException reset) {
                // a reset cuts the answer just as well
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> closed.get() == 1);
        await().atMost(Duration.ofSeconds(1)).until(() -> upstream.guard().inFlight() == 0);
        assertEquals(UpstreamGuard.State.OPEN, upstream.guard().state(), "a silent upstream counts as failing");
    }

    /**
     * An upstream whose answer comes slowly, but never silent for as long as the timeout, is streamed whole however
     * long it takes in all.
     */
    @Test
    void aSlowButSteadyAnswerIsNotCut() throws Exception {
        int upstreamPort = listen(request -> {
            var response = request.response().setChunked(true);
            AtomicInteger pieces = new AtomicInteger();
            vertx.setPeriodic(1_000, id -> {
                if (pieces.incrementAndGet() == 5) {
                    vertx.cancelTimer(id);
                    response.end("end");
                } else {
                    response.write("piece ");
                }
            });
        });
        Upstream upstream = upstream(upstreamPort, client());
        int gatewayPort = gateway(upstream);
        HttpClient caller = client();
        Answer answer = get(caller.request(new RequestOptions()
                        .setPort(gatewayPort)
                        .setHost("127.0.0.1")
                        .setURI("/api/v1/entities"))
                .compose(HttpClientRequest::send)
                .compose(Answer::of));
        assertEquals(200, answer.status());
        assertEquals("piece piece piece piece end", answer.body(), "5 s in all, longer than the 3 s timeout");
        assertEquals(UpstreamGuard.State.CLOSED, upstream.guard().state());
    }

    /**
     * An HTTP/2 (h2c) client multiplexes requests on one connection: when it leaves one event stream, the gateway ends that
     * stream (and its upstream connection), never the client's connection with its other streams.
     */
    @Test
    void anHttp2ClientLeavingOneStreamKeepsItsOtherStreams() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        int upstreamPort = listen(request -> {
            request.connection().closeHandler(v -> closed.incrementAndGet());
            var response = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            response.write(": open\n\n");
            long timer = vertx.setPeriodic(100, id -> {
                if (!response.closed()) {
                    response.write(": heartbeat\n\n");
                }
            });
            response.closeHandler(v -> vertx.cancelTimer(timer));
        });
        Upstream upstream = upstream(upstreamPort, client());
        int gatewayPort = gateway(upstream);
        HttpClient h2c = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(io.vertx.core.http.HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
        clients.add(h2c);
        RequestOptions stream =
                new RequestOptions().setHost("127.0.0.1").setPort(gatewayPort).setURI("/api/v1/stream?q=x");
        HttpClientRequest left = get(h2c.request(stream));
        HttpClientRequest stays = get(h2c.request(stream));
        AtomicInteger staysChunks = new AtomicInteger();
        AtomicInteger leftChunks = new AtomicInteger();
        get(left.send().map(r -> r.handler(b -> leftChunks.incrementAndGet())));
        HttpClientResponse kept = get(stays.send());
        kept.handler(b -> staysChunks.incrementAndGet());
        assertEquals(left.connection(), stays.connection(), "one HTTP/2 connection");
        await().atMost(Duration.ofSeconds(5)).until(() -> leftChunks.get() > 1 && staysChunks.get() > 1);
        left.reset(); // the client leaves one stream
        await().atMost(Duration.ofSeconds(5)).until(() -> closed.get() == 1); // its upstream connection is closed
        int before = staysChunks.get();
        await().atMost(Duration.ofSeconds(5)).until(() -> staysChunks.get() > before + 3); // the other stream goes on
        assertEquals(1, closed.get());
    }

    /** A response read whole on the event loop (data that comes before a handler is set would be lost). */
    private record Answer(int status, String connection, String body) {
        static Future<Answer> of(HttpClientResponse response) {
            return response.body()
                    .map(body -> new Answer(response.statusCode(), response.getHeader("Connection"), body.toString()));
        }
    }

    /** A GET on a connection of its own whose answer is 200 and still coming: its head is read, its body is next. */
    private record Answering(Socket socket, InputStream body) implements AutoCloseable {
        static Answering get(int port, String target, int readTimeoutMillis) throws Exception {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(readTimeoutMillis);
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            assertEquals("HTTP/1.1 200 OK", line(in));
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                // skip the head
            }
            return new Answering(socket, in);
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    private static void writeChunk(OutputStream out, int size) throws Exception {
        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[size]);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A response with a Content-Length body, read off the wire. */
    private static Answer readAnswer(InputStream in) throws Exception {
        int status = Integer.parseInt(line(in).split(" ")[1]);
        String connection = null;
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String name = header.substring(0, header.indexOf(':')).strip().toLowerCase(java.util.Locale.ROOT);
            String value = header.substring(header.indexOf(':') + 1).strip();
            if (name.equals("connection")) {
                connection = value;
            } else if (name.equals("content-length")) {
                length = Integer.parseInt(value);
            }
        }
        return new Answer(status, connection, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("connection closed in the response head");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static Answer post(HttpClient caller, int port, String body) throws Exception {
        return get(caller.request(new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setPort(port)
                        .setHost("127.0.0.1")
                        .setURI("/api/v1/extract"))
                .compose(request -> request.send(body))
                .compose(Answer::of));
    }

    private int listen(io.vertx.core.Handler<HttpServerRequest> handler) throws Exception {
        HttpServer server = get(vertx.createHttpServer().requestHandler(handler).listen(0, "127.0.0.1"));
        servers.add(server);
        return server.actualPort();
    }

    /** The gateway's proxy route alone, as ProxyRoutes installs it. */
    private int gateway(Upstream upstream) throws Exception {
        Router router = Router.router(vertx);
        router.route("/api/*").handler(context -> {
            context.request().pause();
            new ProxyExchange(context, upstream, MAX_BODY, TextMapPropagator.noop()).start();
        });
        return listen(router);
    }

    private HttpClient client() {
        HttpClient client = vertx.createHttpClient();
        clients.add(client);
        return client;
    }

    /** One retry; a breaker that opens on a single failure, so that any counted failure shows. */
    private static Upstream upstream(int port, HttpClient client) {
        GatewayConfig.Upstream config = new TestUpstreamConfig(
                URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(3), 4, 16, 1, 1, 0.5, Duration.ofMinutes(1));
        return new Upstream(
                "entities",
                "entity-service",
                config,
                new LoopClients(List.of(client)),
                "127.0.0.1",
                port,
                "",
                new UpstreamGuard(config, System::nanoTime));
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
