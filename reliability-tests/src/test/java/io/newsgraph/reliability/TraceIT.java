package io.newsgraph.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.newsgraph.reliability.support.Stack;
import io.newsgraph.reliability.support.Stories;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One ingest followed across processes by the spans the services really export (OTLP/HTTP, protobuf) to a receiver in
 * this test: client → gateway → article-service (the write) → change feed → entity-service's extraction job, a trace
 * of its own with a span link to the write, → its calls back to article-service as children of the job. The services
 * are the packaged apps with export switched on by environment, as the prod overlay's tracing component does.
 */
@Order(10)
class TraceIT {
    record ExportedSpan(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            int kind,
            List<String> linkedTraceIds,
            Map<String, String> attributes) {}

    static final int SERVER = io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER_VALUE;
    static final int CLIENT = io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT_VALUE;
    static final int CONSUMER = io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CONSUMER_VALUE;

    static final Queue<ExportedSpan> SPANS = new ConcurrentLinkedQueue<>();
    static final java.util.concurrent.atomic.AtomicInteger EXPORTS = new java.util.concurrent.atomic.AtomicInteger();
    static volatile String lastError = "none";
    static final Map<String, Integer> PATHS = new java.util.concurrent.ConcurrentHashMap<>();
    static HttpServer receiver;
    static Stack stack;

    @BeforeAll
    static void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            EXPORTS.incrementAndGet();
            PATHS.merge(
                    exchange.getRequestURI().getPath() + " "
                            + exchange.getRequestHeaders().getFirst("Content-Type"),
                    1,
                    Integer::sum);
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
                }
                collect(ExportTraceServiceRequest.parseFrom(bytes));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
            } catch (IOException | RuntimeException | LinkageError e) {
                lastError = exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().entrySet() + ": " + e;
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        receiver.start();
        stack = Stack.start(
                "tracing",
                Map.of(
                        "QUARKUS_OTEL_SDK_DISABLED", "false",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                                "http://127.0.0.1:" + receiver.getAddress().getPort(),
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    static void collect(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service =
                    attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (io.opentelemetry.proto.trace.v1.Span s : scope.getSpansList()) {
                    SPANS.add(new ExportedSpan(
                            service,
                            hex.formatHex(s.getTraceId().toByteArray()),
                            hex.formatHex(s.getSpanId().toByteArray()),
                            hex.formatHex(s.getParentSpanId().toByteArray()),
                            s.getName(),
                            s.getKindValue(),
                            s.getLinksList().stream()
                                    .map(l -> hex.formatHex(l.getTraceId().toByteArray()))
                                    .toList(),
                            attributes(s.getAttributesList())));
                }
            }
        }
    }

    static Map<String, String> attributes(List<KeyValue> list) {
        Map<String, String> out = new java.util.HashMap<>();
        for (KeyValue kv : list) {
            var v = kv.getValue();
            out.put(
                    kv.getKey(),
                    v.hasStringValue()
                            ? v.getStringValue()
                            : v.hasIntValue()
                                    ? Long.toString(v.getIntValue())
                                    : v.toString().strip());
        }
        return out;
    }

    static Optional<ExportedSpan> find(java.util.function.Predicate<ExportedSpan> p) {
        return SPANS.stream().filter(p).findFirst();
    }

    /** What arrived, for a failure message: service, kind, name and attributes of each span. */
    static String received() {
        return EXPORTS.get() + " export requests " + PATHS + " (last error: " + lastError + "), " + SPANS.size()
                + " spans: "
                + SPANS.stream()
                        .map(s -> s.service() + " " + s.kind() + " " + s.name() + " " + s.attributes())
                        .distinct()
                        .limit(40)
                        .toList();
    }

    static Map<String, Long> services(String traceId) {
        return SPANS.stream()
                .filter(s -> s.traceId().equals(traceId))
                .collect(java.util.stream.Collectors.groupingBy(
                        ExportedSpan::service, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    static ExportedSpan awaitSpan(String what, java.util.function.Predicate<ExportedSpan> p) {
        try {
            return Awaitility.await(what)
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> find(p), Optional::isPresent)
                    .orElseThrow();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(what + " never arrived; " + received(), e);
        }
    }

    static Optional<ExportedSpan> byId(String traceId, String spanId) {
        return find(s -> s.traceId().equals(traceId) && s.spanId().equals(spanId));
    }

    @Test
    void anIngestAndItsAnalysisAreOneLinkedStoryAcrossTheProcesses() {
        String id = stack.ingest(Stories.json(Stack.RUN + "-trace", 1));
        stack.awaitAnalysed(Duration.ofSeconds(120));

        // The ingest: the gateway's server span, its client span (the proxied call) and article-service's server span
        // below it, all in one trace.
        ExportedSpan gatewayServer = awaitSpan(
                "the gateway's span of the ingest",
                s -> s.service().equals("gateway")
                        && s.kind() == SERVER
                        && s.name().startsWith("POST")
                        && s.attributes().values().stream().anyMatch(v -> v.contains("/api/v1/articles")));
        String ingestTrace = gatewayServer.traceId();
        ExportedSpan write = awaitSpan(
                "article-service's span of the write",
                s -> s.service().equals("article-service")
                        && s.kind() == SERVER
                        && s.traceId().equals(ingestTrace));
        ExportedSpan proxied = byId(ingestTrace, write.parentSpanId())
                .orElseThrow(() -> new AssertionError("the write's parent is not among the exported spans: " + write));
        assertEquals("gateway", proxied.service());
        assertEquals(CLIENT, proxied.kind(), "article-service's span is the child of the gateway's call");

        // The analysis, later and in a trace of its own, linked to the write's trace through the change feed.
        ExportedSpan job = awaitSpan(
                "entity-service's job span",
                s -> s.service().equals("entity-service")
                        && s.kind() == CONSUMER
                        && id.equals(s.attributes().get("newsgraph.article.id")));
        assertTrue(job.linkedTraceIds().contains(ingestTrace), "the job links to the ingest's trace: " + job);
        assertFalse(
                job.traceId().equals(ingestTrace), "the job is a trace of its own, not a minutes-long ingest trace");

        // Its calls back to article-service (read the version, store the entity summary) are children of the job.
        Awaitility.await("article-service's spans of the job's calls")
                .atMost(Duration.ofSeconds(30))
                .until(() -> SPANS.stream()
                        .filter(s -> s.service().equals("article-service")
                                && s.kind() == SERVER
                                && s.traceId().equals(job.traceId()))
                        .anyMatch(s -> byId(job.traceId(), s.parentSpanId())
                                .filter(c -> c.service().equals("entity-service") && c.kind() == CLIENT)
                                .isPresent()));
        List<ExportedSpan> jobTrace =
                SPANS.stream().filter(s -> s.traceId().equals(job.traceId())).toList();
        assertTrue(
                jobTrace.stream().anyMatch(s -> s.service().equals("article-service")),
                "article-service served the job's calls in the job's trace: " + jobTrace);
        System.out.printf(
                "TraceIT: ingest trace %s: %d spans (%s); job trace %s: %d spans (%s)%n",
                ingestTrace,
                SPANS.stream().filter(s -> s.traceId().equals(ingestTrace)).count(),
                services(ingestTrace),
                job.traceId(),
                jobTrace.size(),
                services(job.traceId()));
    }
}
