package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IngestTests {

    @Test
    void wireCopyIsParsedAndStoredWithItsOriginal() {
        String text = Api.sample().replace("US talks set", "US talks set " + UUID.randomUUID());
        Response created = given().contentType("text/plain; charset=utf-8")
                .body(text)
                .post("/api/v1/articles?publishedAt=2025-03-23T12:00:00Z");
        created.then()
                .statusCode(201)
                .header("Location", startsWith("/api/v1/articles/"))
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("title", startsWith("US talks set"))
                .body("author", equalTo("HENG WEILI"))
                .body("dateline", equalTo("New York"))
                .body("source", equalTo("chinadaily.com.cn"))
                .body("language", equalTo("en"))
                .body("publishedAt", equalTo("2025-03-23T12:00:00Z"))
                .body("captions", hasSize(1))
                .body("captions[0].credit", equalTo("Xinhua"))
                .body("captions[0].text", startsWith("This photo taken on Aug 15, 2024"))
                .body("footers", contains("Agencies contributed to this story."))
                .body("paragraphs", hasSize(27))
                .body("paragraphs[0]", startsWith("US and Russian delegations will meet"))
                .body("body", not(org.hamcrest.Matchers.containsString("分享")))
                .body("originalMediaType", equalTo("text/plain"))
                .body("contentHash", startsWith("sha256:"));
        String id = created.path("id");
        given().get("/api/v1/articles/" + id + "/versions/1")
                .then()
                .statusCode(200)
                .body("original", equalTo(text))
                .body("change", equalTo("CREATED"));
    }

    @Test
    void jsonIngestReturnsLocationAndEtag() {
        Response created = given().contentType("application/json")
                .body(Api.uniqueJson("example.org"))
                .post("/api/v1/articles");
        created.then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("source", equalTo("example.org"))
                .body("author", equalTo("Jane Doe"))
                .body("paragraphs", hasSize(2))
                .body("originalMediaType", equalTo("application/json"));
        given().get(created.header("Location")).then().statusCode(200).body("id", equalTo(created.path("id")));
    }

    @Test
    void sameExternalIdIsADuplicate() {
        String externalId = "ext-" + UUID.randomUUID();
        String first = given().contentType("application/json")
                .body("{\"externalId\": \"" + externalId + "\", \"title\": \"One\", \"body\": \"First text "
                        + externalId + "\"}")
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType("application/json")
                .body("{\"externalId\": \"" + externalId + "\", \"title\": \"Other\", \"body\": \"Different text\"}")
                .post("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("id", equalTo(first))
                .body("title", equalTo("One"));
    }

    @Test
    void sameContentIsADuplicateWhateverItsWhitespaceCaseOrMediaType() {
        String marker = UUID.randomUUID().toString();
        String first = given().contentType("application/json")
                .body("{\"title\": \"Storm hits coast " + marker
                        + "\", \"body\": \"Heavy rain fell on Tuesday.\\n\\nRoads were closed.\"}")
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType("text/plain")
                .body("STORM hits coast " + marker
                        + "\r\n\r\nHeavy  rain fell on Tuesday.\r\n\r\nRoads were   closed.\r\n")
                .post("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("id", equalTo(first));
    }

    @Test
    void concurrentDuplicatesStoreOneArticle() throws Exception {
        String json = Api.uniqueJson("race.example");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Response>>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(
                        () -> given().contentType("application/json").body(json).post("/api/v1/articles")));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            int created = 0;
            for (var f : futures) {
                Response r = f.get();
                assertEquals(true, r.statusCode() == 201 || r.statusCode() == 200, r.asString());
                created += r.statusCode() == 201 ? 1 : 0;
                ids.add(r.path("id"));
            }
            assertEquals(1, created);
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void htmlPageIsReducedToItsArticle() {
        String marker = UUID.randomUUID().toString();
        String page = """
                <!doctype html><html lang="en"><head><title>Ignored</title>
                <meta property="og:title" content="Port reopens %s">
                <meta property="og:site_name" content="Harbour Times">
                <meta name="author" content="Ann Smith">
                <meta property="article:published_time" content="2025-03-20T08:30:00+01:00">
                </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <div class="share-buttons">Share on Facebook</div>
                <article><h1>Port reopens</h1>
                <p>The port reopened on Thursday after a week of repairs, officials said.</p>
                <p>Ships queued outside the harbour for two days before the announcement.</p>
                </article><aside class="related">Related: other news</aside><footer>© Harbour Times</footer></body></html>
                """.formatted(marker);
        given().contentType("text/html")
                .body(page)
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .body("title", equalTo("Port reopens " + marker))
                .body("author", equalTo("Ann Smith"))
                .body("source", equalTo("Harbour Times"))
                .body("publishedAt", equalTo("2025-03-20T07:30:00Z"))
                .body("publishedAtSource", equalTo("PAGE"))
                .body("language", equalTo("en"))
                .body(
                        "paragraphs",
                        contains(
                                "The port reopened on Thursday after a week of repairs, officials said.",
                                "Ships queued outside the harbour for two days before the announcement."))
                .body("originalMediaType", equalTo("text/html"));
    }

    @Test
    void batchStoresGoodLinesAndReportsBadOnes() {
        String duplicate = Api.uniqueJson("batch.example");
        String body = duplicate + "\n"
                + "{not json\n"
                + "\n"
                + Api.uniqueJson("batch.example") + "\n"
                + "{\"title\": \"\", \"body\": \"x\"}\n"
                + duplicate + "\n";
        given().contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/articles/batch")
                .then()
                .statusCode(200)
                .body("created", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("failed", equalTo(2))
                .body("results.line", contains(1, 2, 4, 5, 6))
                .body("results.status", contains(201, 400, 201, 400, 200))
                .body("results[1].problem.type", equalTo("https://newsgraph.io/problems/malformed-body"))
                .body("results[1].problem.instance", equalTo("/api/v1/articles/batch#line=2"))
                .body("results[3].problem.errors[0].field", equalTo("title"))
                .body(
                        "results[4].id",
                        equalTo(given().contentType("application/json")
                                .body(duplicate)
                                .post("/api/v1/articles")
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("id")))
                .body("results[0].problem", nullValue());
    }

    @Test
    void textWithoutTitleIsUnprocessable() {
        Problems.assertProblem(
                        given().contentType("text/plain")
                                .body("Just one sentence of body text that ends with a period.")
                                .post("/api/v1/articles")
                                .then(),
                        422)
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void metadataQueryParametersWinOverParsedValues() {
        String text = Api.sample().replace("US talks set", "Metadata wins " + UUID.randomUUID());
        String id = given().contentType("text/plain")
                .body(text)
                .queryParam("source", "Agency X")
                .queryParam("author", "Someone Else")
                .queryParam("externalId", "m-" + UUID.randomUUID())
                .post("/api/v1/articles")
                .then()
                .statusCode(201)
                .body("source", equalTo("Agency X"))
                .body("author", equalTo("Someone Else"))
                .extract()
                .path("id");
        assertNotEquals(null, id);
    }
}
