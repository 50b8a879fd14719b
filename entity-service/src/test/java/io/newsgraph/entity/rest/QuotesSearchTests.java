package io.newsgraph.entity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.common.testing.Problems;
import io.newsgraph.entity.client.ArticleVersion;
import io.newsgraph.entity.repository.AnalysisRepository;
import io.newsgraph.entity.repository.AnalysisRepository.ArticleQuotes;
import io.newsgraph.entity.search.QuotesIndex;
import io.newsgraph.entity.service.ArticleAnalyser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/quotes?q= on the quotes index of the test OpenSearch node, fed from analyses stored by the real pipeline
 * in the real database: ranking, highlights, the speaker filter, cursors, updates, deletes, stale versions, hostile input.
 */
@QuarkusTest
class QuotesSearchTests {

    @Inject
    ArticleAnalyser analyser;

    @Inject
    AnalysisRepository analyses;

    @Inject
    QuotesIndex quotesIndex;

    @BeforeEach
    void modelLoaded() {
        Api.awaitModel();
    }

    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200));
    }

    private UUID store(UUID id, int version, String title, String body) {
        boolean stored = QuarkusTransaction.requiringNew()
                .call(() -> analyser.analyseAndStore(new ArticleVersion(
                        id,
                        version,
                        version == 1 ? "CREATED" : "UPDATED",
                        title,
                        body,
                        Instant.parse("2025-03-23T12:00:00Z"))));
        assertTrue(stored, "analysis of v" + version + " stored");
        return id;
    }

    private static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params)
                .get("/api/v1/quotes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String entityId(String name) {
        return given().queryParam("q", name)
                .queryParam("type", "PERSON")
                .get("/api/v1/entities")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.name == '%s' }.id".formatted(name));
    }

    @Test
    void quotesAreRankedWithHighlightsAndFilteredBySpeaker() {
        UUID strong = store(UUID.randomUUID(), 1, "Blockade", """
                Norwegian Trade Minister Oskar Vendahl spoke in Oslo on Monday.

                "The blockade of Kelvport must end, because a blockade hurts everyone," Vendahl said.""");
        UUID weak = store(UUID.randomUUID(), 1, "Shipping", """
                EU envoy Mira Castell visited Brussels on Tuesday.

                "Markets in the region will recover slowly once shipping through the straits resumes after the blockade," Castell said.""");
        eventually()
                .untilAsserted(() -> given().queryParam("q", "blockade")
                        .get("/api/v1/quotes")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(2)));

        JsonPath hits = search(Map.of("q", "blockade"));
        assertEquals(
                strong.toString(), hits.getString("items[0].articleId"), "two matches in a short quote rank first");
        assertEquals(weak.toString(), hits.getString("items[1].articleId"));
        assertTrue(hits.getDouble("items[0].score") > hits.getDouble("items[1].score"));
        assertEquals("Oskar Vendahl", hits.getString("items[0].quote.speaker.name"));
        assertNull(hits.getString("nextCursor"));
        // Highlights: <mark>ed fragments, and offsets that point at the matched words in the quote text.
        for (int i = 0; i < 2; i++) {
            String text = hits.getString("items[%d].quote.text".formatted(i));
            List<Map<String, Object>> highlights = hits.getList("items[%d].highlights".formatted(i));
            assertFalse(highlights.isEmpty());
            int marks = 0;
            for (Map<String, Object> h : highlights) {
                assertTrue(((String) h.get("fragment")).contains("<mark>blockade</mark>"), h.toString());
                assertEquals(
                        ((String) h.get("fragment")).replace("<mark>", "").replace("</mark>", ""),
                        text.substring((Integer) h.get("start"), (Integer) h.get("end")));
                @SuppressWarnings("unchecked")
                List<Map<String, Integer>> spans = (List<Map<String, Integer>>) h.get("marks");
                for (Map<String, Integer> span : spans) {
                    assertEquals(
                            "blockade",
                            text.substring(span.get("start"), span.get("end")).toLowerCase());
                    marks++;
                }
            }
            assertEquals(i == 0 ? 2 : 1, marks);
        }
        // English stemming, phrases and exclusions.
        assertEquals(2, search(Map.of("q", "blockades")).getList("items").size());
        assertEquals(
                List.of(strong.toString()),
                search(Map.of("q", "\"hurts everyone\"")).getList("items.articleId"));
        assertEquals(
                List.of(weak.toString()),
                search(Map.of("q", "blockade -kelvport")).getList("items.articleId"));
        // The speaker filter keeps its meaning with q.
        String castell = entityId("Mira Castell");
        assertEquals(
                List.of(weak.toString()),
                search(Map.of("q", "blockade", "speaker", castell)).getList("items.articleId"));
        assertEquals(
                List.of(), search(Map.of("q", "kelvport", "speaker", castell)).getList("items"));
    }

    @Test
    void cursorsWalkAllHitsOnce() {
        String[] names = {"Lena Okafor", "Piet Vandermeer", "Sara Lindqvist", "Tomas Reyes", "Ilse Brandtner"};
        for (int i = 0; i < names.length; i++) {
            String surname = names[i].substring(names[i].indexOf(' ') + 1);
            store(UUID.randomUUID(), 1, "Accord " + i, """
                    %s arrived in Oslo on Monday.

                    "The quillfeather accord is only a start, and round %d of the talks matters most," %s said.""".formatted(names[i], i + 1, surname));
        }
        eventually()
                .until(() -> search(Map.of("q", "quillfeather", "limit", "100"))
                                .getList("items")
                                .size()
                        == names.length);

        Set<String> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        String next = "/api/v1/quotes?q=quillfeather&limit=2";
        while (next != null) {
            JsonPath page = given().get(next).then().statusCode(200).extract().jsonPath();
            List<String> texts = page.getList("items.quote.text");
            sizes.add(texts.size());
            texts.forEach(t -> assertTrue(seen.add(t), "seen twice: " + t));
            next = page.getString("next");
            assertEquals(next == null, page.getString("nextCursor") == null);
        }
        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(names.length, seen.size());
        // A cursor of another listing, or a damaged one, is a 400.
        String offsetCursor = given().queryParam("limit", 1)
                .get("/api/v1/quotes")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        Problems.assertProblem(
                        given().queryParam("q", "quillfeather")
                                .queryParam("cursor", offsetCursor)
                                .get("/api/v1/quotes")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("cursor"));
        Problems.assertProblem(
                given().queryParam("q", "quillfeather")
                        .queryParam("cursor", "bm90LWEtY3Vyc29y")
                        .get("/api/v1/quotes")
                        .then(),
                400);
        Problems.assertProblem(
                        given().queryParam("q", "quillfeather")
                                .queryParam("limit", "0")
                                .get("/api/v1/quotes")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void anUpdateReplacesTheQuotesAndStaleVersionsNeverWin() {
        UUID id = UUID.randomUUID();
        String v1 = """
                Harbour master Edda Thorsen spoke in Bergen on Monday.

                "The harbour of Dravenholt stays closed until the storm passes," Thorsen said.

                Fisheries official Jonas Aalberg met reporters later.

                "Dravenholt fishermen will be compensated for every lost day," Aalberg said.""";
        store(id, 1, "Harbour", v1);
        eventually()
                .until(() -> search(Map.of("q", "dravenholt")).getList("items").size() == 2);
        ArticleQuotes first = QuarkusTransaction.requiringNew()
                .call(() -> analyses.quotesOf(Set.of(id)).get(id));
        assertEquals(2, first.quotes().size());

        store(id, 2, "Harbour reopens", """
                Harbour master Edda Thorsen spoke in Bergen on Tuesday.

                "Dravenholt reopens on Friday morning," Thorsen said.""");
        eventually()
                .untilAsserted(() -> given().queryParam("q", "dravenholt")
                        .get("/api/v1/quotes")
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].quote.text", containsString("reopens")));
        assertEquals(List.of(), search(Map.of("q", "fishermen")).getList("items"));

        // A late job of version 1 stores nothing ...
        assertFalse(QuarkusTransaction.requiringNew()
                .call(() -> analyser.analyseAndStore(
                        new ArticleVersion(id, 1, "CREATED", "Harbour", v1, Instant.parse("2025-03-23T12:00:00Z")))));
        // ... and a late write of version 1 into the index itself (its two quotes) leaves version 2's quotes alone.
        var stale = QuarkusTransaction.requiringNew().call(() -> {
            try {
                return quotesIndex.project(List.of(first), Map.of());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        // Refused: the id version 2 has, and (within the node's gc_deletes) the id whose version-2 delete left a
        // tombstone.
        assertTrue(stale.stale() >= 1, "stale writes refused: " + stale);
        JsonPath after = search(Map.of("q", "dravenholt"));
        assertEquals(1, after.getList("items").size());
        assertTrue(after.getString("items[0].quote.text").contains("reopens"));
        assertEquals(List.of(), search(Map.of("q", "fishermen")).getList("items"));
    }

    @Test
    void aDeletedArticlesQuotesVanish() {
        UUID id = store(UUID.randomUUID(), 1, "Vote", """
                Senator Aurelio Quintavalle spoke in Rome on Monday.

                "The grumbleton amendment will pass this week," Quintavalle said.""");
        eventually()
                .until(() -> search(Map.of("q", "grumbleton")).getList("items").size() == 1);
        QuarkusTransaction.requiringNew().run(() -> analyser.delete(id, 2));
        eventually()
                .until(() -> search(Map.of("q", "grumbleton")).getList("items").isEmpty());
        given().get("/api/v1/articles/" + id + "/analysis").then().statusCode(404);
    }

    @Test
    void hostileQueriesAreAnsweredNeverWithA5xx() {
        store(UUID.randomUUID(), 1, "Hostile", """
                Analyst Wren Halloway spoke in London on Monday.

                "A quorvex of caution is needed," Halloway said.""");
        eventually().until(() -> search(Map.of("q", "quorvex")).getList("items").size() == 1);
        List<String> queries = new ArrayList<>(List.of(
                "*a*a*a*",
                "\"unbalanced",
                "quorvex\"",
                "((((quorvex",
                "quorvex)))",
                "-",
                "--quorvex",
                "a | | b",
                "\\",
                "~",
                "quorvex~2",
                "text:quorvex",
                "q*",
                "*",
                "?",
                "/[a-z]+/",
                "\"a\"~100000",
                "+",
                "&&",
                "||",
                "!",
                "<script>alert(1)</script>",
                "' OR '1'='1",
                "😀",
                "\u0000quorvex",
                "%",
                "quo*vex",
                "quorvex^1000"));
        queries.add("a".repeat(500));
        queries.add("ab ".repeat(166));
        queries.add("*a".repeat(250));
        for (String q : queries) {
            int status = given().queryParam("q", q)
                    .get("/api/v1/quotes")
                    .then()
                    .extract()
                    .statusCode();
            assertTrue(status == 200 || (status >= 400 && status < 500), "q=" + q + " answered " + status);
        }
        assertEquals(1, search(Map.of("q", "quorvex)))")).getList("items").size());
        Problems.assertProblem(
                        given().queryParam("q", "a".repeat(501))
                                .get("/api/v1/quotes")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("q"));
        Problems.assertProblem(
                        given().queryParam("q", "quorvex")
                                .queryParam("speaker", "nobody")
                                .get("/api/v1/quotes")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("speaker"));
        // Highlighted fragments are HTML-escaped: quote text never becomes markup.
        given().queryParam("q", "quorvex")
                .get("/api/v1/quotes")
                .then()
                .statusCode(200)
                .body("items[0].highlights.fragment", everyItem(not(containsString("<script"))))
                .body("items[0].highlights[0].marks", hasSize(1))
                .body("items[0].score", notNullValue())
                .body("items[0].highlights[0].start", lessThan(10));
    }

    @Test
    void withoutQTheListingStaysNewestFirstFromTheDatabase() {
        UUID id = store(UUID.randomUUID(), 1, "Listing", """
                Mayor Ottilie Brask spoke in Tromso on Monday.

                "The snow ploughs are ready," Brask said.""");
        given().queryParam("speaker", entityId("Ottilie Brask"))
                .get("/api/v1/quotes")
                .then()
                .statusCode(200)
                .body("items.articleId", hasItem(id.toString()))
                .body("items[0].score", equalTo(null));
    }
}
