package io.newsgraph.entity.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.newsgraph.entity.StubArticleService;
import io.newsgraph.entity.client.ArticleVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entity summary push through its outbox against article-service's answers (WireMock: the real internal operation
 * is being built in parallel), and the feed consumption's skipping of ANALYSED events.
 */
@QuarkusTest
@TestProfile(StubArticleService.Profile.class)
class SummaryPushTests {
    private static final String BODY = """
            Ukrainian Defense Minister Rustem Umerov arrived in Kyiv on Monday for talks with NATO officials.

            "We need air defence now, not next year," Umerov said at a press conference.""";

    @Inject
    ArticleAnalyser analyser;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void modelLoaded() {
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    private UUID analyse(int status) {
        UUID id = UUID.randomUUID();
        StubArticleService.server().stubFor(put(path(id)).willReturn(aResponse().withStatus(status)));
        QuarkusTransaction.requiringNew()
                .run(() -> analyser.analyseAndStore(new ArticleVersion(
                        id, 2, "UPDATED", "Air defence", BODY, Instant.parse("2025-03-23T12:00:00Z"))));
        return id;
    }

    private static com.github.tomakehurst.wiremock.matching.UrlPathPattern path(UUID id) {
        return urlPathEqualTo("/internal/articles/" + id + "/entities");
    }

    private static List<LoggedRequest> pushes(UUID id) {
        return StubArticleService.server().findAll(putRequestedFor(path(id)));
    }

    private Object[] outboxRow(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "SELECT state, attempts FROM entity_summary_outbox WHERE article_id = ?1")
                    .setParameter(1, id)
                    .getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
    }

    @Test
    void aStoredAnalysisIsPushedOnceWithItsSummary() throws Exception {
        UUID id = analyse(204);
        eventually().until(() -> outboxRow(id) == null);
        List<LoggedRequest> sent = pushes(id);
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).getHeader("Content-Type").startsWith("application/json"));
        JsonNode summary = mapper.readTree(sent.get(0).getBodyAsString());
        assertEquals(2, summary.get("version").asInt());
        JsonNode umerov = null;
        double previous = Double.MAX_VALUE;
        for (JsonNode e : summary.get("entities")) {
            assertTrue(e.get("salience").asDouble() <= previous, "entities by salience");
            previous = e.get("salience").asDouble();
            UUID.fromString(e.get("id").asText());
            assertTrue(List.of("PERSON", "ORGANIZATION", "LOCATION")
                    .contains(e.get("type").asText()));
            if (e.get("name").asText().equals("Rustem Umerov")) {
                umerov = e;
            }
        }
        assertEquals("PERSON", umerov.get("type").asText());
        assertEquals(1, summary.get("speakers").size());
        assertEquals(
                umerov.get("id").asText(),
                summary.get("speakers").get(0).get("id").asText());
        assertEquals("Rustem Umerov", summary.get("speakers").get(0).get("name").asText());
        assertEquals(List.of("UA"), mapper.convertValue(summary.get("countries"), List.class));
    }

    @Test
    void anUnknownArticleOrANewerStoredSummaryDropsThePush() {
        UUID gone = analyse(404);
        UUID stale = analyse(409);
        eventually().until(() -> outboxRow(gone) == null && outboxRow(stale) == null);
        assertEquals(1, pushes(gone).size());
        assertEquals(1, pushes(stale).size());
    }

    @Test
    void anUnavailableArticleServiceIsRetriedUntilItStores() {
        UUID id = UUID.randomUUID();
        var server = StubArticleService.server();
        server.stubFor(put(path(id))
                .inScenario("outage-" + id)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("still down"));
        server.stubFor(put(path(id))
                .inScenario("outage-" + id)
                .whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("down again"));
        server.stubFor(put(path(id))
                .inScenario("outage-" + id)
                .whenScenarioStateIs("down again")
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("up"));
        server.stubFor(put(path(id))
                .inScenario("outage-" + id)
                .whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        QuarkusTransaction.requiringNew()
                .run(() -> analyser.analyseAndStore(new ArticleVersion(
                        id, 1, "CREATED", "Air defence", BODY, Instant.parse("2025-03-23T12:00:00Z"))));
        eventually().until(() -> outboxRow(id) == null);
        assertEquals(4, pushes(id).size(), "three failures, then stored");
    }

    @Test
    void aRefusedSummaryIsParked() {
        UUID id = analyse(400);
        eventually().until(() -> outboxRow(id) != null && "PARKED".equals(outboxRow(id)[0]));
        assertEquals(1, pushes(id).size());
    }

    @Test
    void analysedEventsOfTheFeedCreateNoJob() {
        UUID analysed = UUID.randomUUID();
        UUID created = UUID.randomUUID();
        var server = StubArticleService.server();
        server.stubFor(get(urlPathEqualTo("/api/v1/articles/feed"))
                .withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson("""
                        {"events": [
                          {"seq": 1, "kind": "ANALYSED", "articleId": "%s", "version": 1, "occurredAt": "2025-03-23T12:00:00Z"},
                          {"seq": 2, "kind": "CREATED", "articleId": "%s", "version": 1, "occurredAt": "2025-03-23T12:00:01Z"},
                          {"seq": 3, "kind": "ANALYSED", "articleId": "%s", "version": 1, "occurredAt": "2025-03-23T12:00:02Z"}],
                         "cursor": "after-3", "hasMore": false}""".formatted(analysed, created, created))));
        server.stubFor(get(urlPathEqualTo("/api/v1/articles/feed"))
                .withQueryParam("after", equalTo("after-3"))
                .willReturn(okJson("{\"events\": [], \"cursor\": \"after-3\", \"hasMore\": false}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/articles/" + created + "/versions/1"))
                .willReturn(okJson("""
                {"articleId": "%s", "version": 1, "change": "CREATED", "title": "Air defence", "body": %s,
                 "publishedAt": "2025-03-23T12:00:00Z"}""".formatted(created, quoted(BODY)))));
        server.stubFor(put(path(created)).willReturn(aResponse().withStatus(204)));

        eventually()
                .atMost(Duration.ofMinutes(1))
                .until(() -> jobs(created) == 1 && pushes(created).size() == 1);
        assertEquals(0, jobs(analysed), "an ANALYSED event is no work");
        given().get("/api/v1/articles/" + created + "/analysis").then().statusCode(200);
        assertEquals(
                "after-3",
                QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT cursor FROM feed_cursor")
                                .getSingleResult()));
    }

    private long jobs(UUID articleId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM extraction_job WHERE article_id = ?1")
                                .setParameter(1, articleId)
                                .getSingleResult())
                        .longValue());
    }

    private String quoted(String text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
