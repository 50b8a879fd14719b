package io.newsgraph.entity.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.entity.TracingOn;
import io.newsgraph.entity.client.ArticleFeedPage;
import io.newsgraph.entity.repository.JobRepository;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job's span links to the trace context of the write the feed event came from, and the job's calls back to
 * article-service are children of it. article-service is not running here (closed port): the callback fails, which
 * the job span records.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
class JobTracingTests {
    private static long nextSeq = 2_000_000;

    @Inject
    JobRepository jobs;

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void modelLoaded() {
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void theJobSpanLinksToTheWriteThatProducedTheFeedEvent() {
        String writeTrace = "5b8aa5a2d2c872e8321cf37308d69df2";
        String writeSpan = "051581bf3cb55c13";
        UUID article = enqueue("DELETED", "00-" + writeTrace + "-" + writeSpan + "-01");

        SpanData job = jobSpan(article);
        assertEquals(SpanKind.CONSUMER, job.getKind());
        assertNotEquals(writeTrace, job.getTraceId(), "the analysis runs in a trace of its own");
        assertTrue(!job.getParentSpanContext().isValid(), "the write is a link, not a parent");
        List<LinkData> links = job.getLinks();
        assertEquals(1, links.size(), links.toString());
        assertEquals(writeTrace, links.get(0).getSpanContext().getTraceId());
        assertEquals(writeSpan, links.get(0).getSpanContext().getSpanId());
        assertTrue(links.get(0).getSpanContext().isSampled());
        assertEquals("done", job.getAttributes().get(AttributeKey.stringKey("newsgraph.job.outcome")));
    }

    @Test
    void theCallBackToArticleServiceIsAChildOfTheJobSpan() {
        UUID article = enqueue("CREATED", "00-6e0c63257de34c926f9efcd03899ed6a-7b3c2a1f0e9d8c7b-01");

        SpanData job = jobSpan(article);
        assertEquals(StatusCode.ERROR, job.getStatus().getStatusCode(), "article-service is down: the attempt failed");
        SpanData call = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getKind() == SpanKind.CLIENT
                                        && s.getParentSpanId().equals(job.getSpanId()))
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertEquals(job.getTraceId(), call.getTraceId());
    }

    @Test
    void aJobWithoutStoredTraceHasNoLink() {
        UUID article = enqueue("DELETED", null);
        assertTrue(jobSpan(article).getLinks().isEmpty());
    }

    @Test
    void pollingIsNotTraced() {
        // The puller polls the feed every 250 ms (failing here, with retries), the workers the job table every 500 ms,
        // the
        // gauges refresh every 5 s: of all that, only jobs (of other tests, finishing late) and their work leave spans.
        spans.reset();
        Awaitility.await()
                .during(Duration.ofSeconds(6))
                .atMost(Duration.ofSeconds(8))
                .untilAsserted(() -> {
                    List<SpanData> finished = spans.getFinishedSpanItems();
                    java.util.Set<String> jobTraces = new java.util.HashSet<>();
                    finished.stream()
                            .filter(s -> s.getName().startsWith("extraction job"))
                            .forEach(s -> jobTraces.add(s.getTraceId()));
                    assertEquals(
                            List.of(),
                            finished.stream()
                                    .filter(s -> !jobTraces.contains(s.getTraceId()))
                                    .map(SpanData::getName)
                                    .toList());
                });
    }

    private UUID enqueue(String kind, String traceparent) {
        UUID article = UUID.randomUUID();
        long seq = nextSeq++;
        QuarkusTransaction.requiringNew()
                .run(() -> jobs.enqueue(
                        List.of(new ArticleFeedPage.Event(seq, kind, article, 1, Instant.now(), traceparent))));
        return article;
    }

    /** The first attempt's span of the job of that article. */
    private SpanData jobSpan(UUID article) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getName().startsWith("extraction job")
                                        && article.toString()
                                                .equals(s.getAttributes()
                                                        .get(AttributeKey.stringKey("newsgraph.article.id"))))
                                .findFirst(),
                        Optional::isPresent)
                .get();
    }
}
