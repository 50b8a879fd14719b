package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Search on the real OpenSearch test node, fed by the indexer from the change feed (searchable a moment after ingest). */
@QuarkusTest
class SearchTests {

    /**
     * A unique word of letters only: digits would split it into several words for the language guess, whose letter count
     * (≥ 40) then depended on the random draw (the language facet below failed about one run in three).
     */
    static String word(String prefix) {
        StringBuilder word = new StringBuilder(prefix);
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            word.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return word.toString();
    }

    /** Polls the search until the page matches: indexing follows the feed asynchronously. */
    static ValidatableResponse searchUntil(UnaryOperator<RequestSpecification> params, int hits) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> params.apply(given())
                        .get("/api/v1/search")
                        .then()
                        .statusCode(200)
                        .body("hits", hasSize(hits)));
        return params.apply(given()).get("/api/v1/search").then().statusCode(200);
    }

    @Test
    void titleMatchesRankAboveBodyMatchesWithHighlightOffsetsAndFacets() {
        String word = word("zq");
        String body = "Rain and <b>wind</b> & the " + word + " festival were postponed.";
        String inBody = Api.postJson("""
                {"title": "Weather report %s", "body": "%s", "source": "body.example"}""".formatted(UUID.randomUUID(), body.replace("\"", "\\\"")));
        String inTitle = Api.postJson("""
                {"title": "The %s festival opens", "body": "Crowds gathered on Friday for the opening.", "source": "title.example"}""".formatted(word));
        var page = searchUntil(s -> s.queryParam("q", word).queryParam("facets", "source,language"), 2)
                .body("total.value", equalTo(2))
                .body("total.relation", equalTo("eq"))
                .body("hits.id", contains(inTitle, inBody))
                .body("hits[0].highlights.title[0].text", equalTo("The <mark>" + word + "</mark> festival opens"))
                .body("hits[0].highlights.title[0].marks[0].start", equalTo(4))
                .body("hits[0].highlights.title[0].marks[0].end", equalTo(4 + word.length()))
                // Escaped: markup in a body is text, so a fragment is safe to render as HTML.
                .body(
                        "hits[1].highlights.body[0].text",
                        containsString("&lt;b&gt;wind&lt;&#x2F;b&gt; &amp; the <mark>" + word + "</mark>"))
                .body("facets.source.value", containsInAnyOrder("body.example", "title.example"))
                .body("facets.source.count", contains(1, 1))
                .body("facets.language", hasSize(1));
        int start = page.extract().path("hits[1].highlights.body[0].marks[0].start");
        org.junit.jupiter.api.Assertions.assertEquals(body.indexOf(word), start, "mark offset into the stored body");
        given().queryParam("q", word)
                .queryParam("source", "TITLE.example")
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(inTitle));
    }

    @Test
    void syntaxPhrasesProximityExclusionOrPrefixAndFieldScopes() {
        String word = word("zr");
        String harbour = Api.postJson("""
                {"title": "Ports %s", "body": "The northern harbour reopened after the storm.", "source": "s.example", "author": "Ana Lima"}""".formatted(word));
        String airport = Api.postJson("""
                {"title": "Airports %s", "body": "The harbour northern airport closed.", "source": "s.example", "author": "Ben Ode"}""".formatted(word));
        searchUntil(s -> s.queryParam("q", word), 2);
        given().queryParam("q", word + " \"northern harbour\"")
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(harbour));
        given().queryParam("q", word + " \"northern reopened\"~2")
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(harbour));
        given().queryParam("q", word + " \"northern reopened\"")
                .get("/api/v1/search")
                .then()
                .body("hits", empty());
        given().queryParam("q", word + " -airport").get("/api/v1/search").then().body("hits.id", contains(harbour));
        given().queryParam("q", word + " NOT airport")
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(harbour));
        given().queryParam("q", word + " (airport OR nothingmatches)")
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(airport));
        given().queryParam("q", word + " AND reopen*")
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(harbour))
                .body("hits[0].highlights.body[0].text", containsString("<mark>reopened</mark>"));
        given().queryParam("q", "title:" + word.substring(0, 6) + "* title:airports")
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(airport));
        given().queryParam("q", word + " author:lima")
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(harbour));
        given().queryParam("q", "body:" + word).get("/api/v1/search").then().body("hits", empty());
        // A colon after another word is punctuation, not a scope ("Ports:" is the word ports).
        given().queryParam("q", "Ports: " + word).get("/api/v1/search").then().body("hits.id", contains(harbour));
    }

    @Test
    void invalidSyntaxIsA400ThatSaysWhere() {
        Map<String, String> cases = Map.of(
                "\"black sea", "quote is never closed (at character 1)",
                "talks (black sea", "'(' is never closed (at character 7)",
                "talks AND", "AND needs a term on both sides (at character 7)",
                "OR talks", "OR needs a term on both sides",
                "*a*a*a*", "'*' may only end a word",
                "ta*lks", "'*' may only end a word (prefix search) (at character 3)",
                "a*", "a prefix needs at least 2",
                "talks)", "')' without a matching '(' (at character 6)",
                "\"black sea\"~999", "~ after a phrase takes a distance");
        cases.forEach((q, message) -> Problems.assertProblem(
                        given().queryParam("q", q).get("/api/v1/search").then(), 400)
                .body("errors[0].field", equalTo("q"))
                .body("errors[0].message", containsString(message)));
    }

    @Test
    void anyOtherTextGivesResultsOrAnEmptyListNeverAnError() {
        Api.postJson(Api.uniqueJson("hostile.example"));
        String[] queries = {
            "&",
            "|",
            "!",
            ":",
            "()",
            "&|!:",
            "a & | b",
            "!!!x",
            "foo:",
            "'",
            "\\",
            "--",
            "-",
            "or",
            "and or not",
            "ü ñ 日本語 العربية",
            "😀",
            "a\u0000b",
            "%00",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "talks:A",
            "x".repeat(500),
            "\u0007\u001b",
            "title:(black sea)",
            "/.?/",
            "a~2",
            "{\"query\":1}",
            "NOT NOT x",
            "((((((((x))))))))",
            String.join(" ", java.util.Collections.nCopies(60, "ab*"))
        };
        for (String q : queries) {
            org.junit.jupiter.api.Assertions.assertEquals(
                    200, given().queryParam("q", q).get("/api/v1/search").statusCode(), q);
            given().queryParam("q", q)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .body("total.value", org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                    .body("hits.size()", lessThanOrEqualTo(10));
        }
    }

    @Test
    void filtersSortsAndCursorsCoverEveryMatchOnce() {
        String word = word("zs");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Api.postJson("""
                    {"title": "%s number %d", "body": "Text %s.", "source": "%s", "language": "%s", "publishedAt": "2025-03-%02dT12:00:00Z"}""".formatted(
                            word,
                            i,
                            UUID.randomUUID(),
                            i % 2 == 0 ? "even.example" : "odd.example",
                            i < 4 ? "en" : "fr",
                            10 + i)));
        }
        searchUntil(s -> s.queryParam("q", word).queryParam("limit", 10), 5);
        given().queryParam("q", word)
                .queryParam("sort", "date")
                .get("/api/v1/search")
                .then()
                .body("hits.id", equalTo(ids));
        given().queryParam("q", word)
                .queryParam("sort", "-date")
                .get("/api/v1/search")
                .then()
                .body("hits.id", equalTo(ids.reversed()));
        given().queryParam("q", word)
                .queryParam("source", "odd.example")
                .queryParam("source", "nothing.example")
                .get("/api/v1/search")
                .then()
                .body("hits.id", containsInAnyOrder(ids.get(1), ids.get(3)));
        given().queryParam("q", word)
                .queryParam("language", "fr")
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(ids.get(4)));
        given().queryParam("q", word)
                .queryParam("from", "2025-03-12")
                .queryParam("to", "2025-03-13T23:59:59Z")
                .queryParam("sort", "date")
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(ids.get(2), ids.get(3)));
        given().queryParam("q", word)
                .queryParam("from", "now-7d")
                .get("/api/v1/search")
                .then()
                .body("hits", empty());
        given().queryParam("q", word)
                .queryParam("facets", "date")
                .queryParam("interval", "day")
                .get("/api/v1/search")
                .then()
                .body("facets.date.interval", equalTo("day"))
                .body("facets.date.buckets", hasSize(5))
                .body("facets.date.buckets[0].date", equalTo("2025-03-10"))
                .body("facets.date.buckets.count", everyItem(equalTo(1)));
        for (String sort : List.of("relevance", "date", "-date")) {
            Set<String> seen = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                var request =
                        given().queryParam("q", word).queryParam("limit", 2).queryParam("sort", sort);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                var page = request.get("/api/v1/search").then().statusCode(200).extract();
                List<String> hits = page.path("hits.id");
                hits.forEach(
                        id -> org.junit.jupiter.api.Assertions.assertTrue(seen.add(id), sort + ": " + id + " twice"));
                cursor = page.path("nextCursor");
                pages++;
            } while (cursor != null && pages < 10);
            org.junit.jupiter.api.Assertions.assertEquals(Set.copyOf(ids), seen, sort);
        }
        // A cursor belongs to its sort.
        String relevanceCursor = given().queryParam("q", word)
                .queryParam("limit", 2)
                .get("/api/v1/search")
                .then()
                .extract()
                .path("nextCursor");
        Problems.assertProblem(
                        given().queryParam("q", word)
                                .queryParam("sort", "date")
                                .queryParam("cursor", relevanceCursor)
                                .get("/api/v1/search")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void postTakesTheSameQueryAsJson() {
        String word = word("zp");
        String id = Api.postJson("""
                {"title": "%s summit", "body": "Leaders met.", "source": "post.example"}""".formatted(word));
        searchUntil(s -> s.queryParam("q", word), 1);
        given().contentType("application/json")
                .body("""
                {"q": "%s summit", "source": ["post.example"], "facets": "source", "limit": 5}""".formatted(word))
                .post("/api/v1/search")
                .then()
                .statusCode(200)
                .body("hits.id", contains(id))
                .body("facets.source[0].value", equalTo("post.example"))
                .body("next", nullValue());
        Problems.assertProblem(
                        given().contentType("application/json")
                                .body("{\"q\": \"(open\"}")
                                .post("/api/v1/search")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("q"));
        Problems.assertProblem(
                        given().contentType("application/json")
                                .body("{\"limit\": 1000}")
                                .post("/api/v1/search")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void nearDuplicatesCollapseUnlessShownOrFilteredBySource() {
        String word = word("zd");
        String lead =
                "KYIV - The " + word + " talks on grain shipments through the Black Sea resumed on Monday in Istanbul, "
                        + "officials from both delegations said, after a pause of several weeks over inspections. The two sides are "
                        + "expected to agree on a new schedule for the ships that wait at anchor off the coast, a senior negotiator said. "
                        + "Insurers and port operators welcomed the news but warned that mines still drift in the shipping lanes.";
        String first = Api.postJson("""
                {"title": "Grain talks resume", "body": "%s", "source": "wire.example"}""".formatted(lead));
        String copy = Api.postJson("""
                {"title": "Black Sea grain talks back on", "body": "%s\\n\\nAn extra closing paragraph.", "source": "outlet.example"}""".formatted(lead));
        String other = Api.postJson("""
                {"title": "Another %s story", "body": "Different text entirely.", "source": "wire.example"}""".formatted(word));
        searchUntil(s -> s.queryParam("q", word).queryParam("duplicates", "show"), 3);
        searchUntil(s -> s.queryParam("q", word), 2)
                .body("hits.id", containsInAnyOrder(first, other))
                .body("hits.find { it.id == '%s' }.duplicates".formatted(first), equalTo(1))
                .body("hits.find { it.id == '%s' }.duplicateIds".formatted(first), contains(copy));
        given().queryParam("q", word)
                .queryParam("source", "outlet.example")
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(copy));
        // Facets count every copy.
        given().queryParam("q", word)
                .queryParam("facets", "source")
                .get("/api/v1/search")
                .then()
                .body("facets.source.find { it.value == 'wire.example' }.count", equalTo(2))
                .body("facets.source.find { it.value == 'outlet.example' }.count", equalTo(1));
        // Deleting the representative makes the copy represent the group.
        given().delete("/api/v1/articles/" + first).then().statusCode(204);
        searchUntil(s -> s.queryParam("q", word), 2).body("hits.id", containsInAnyOrder(copy, other));
    }

    @Test
    void updatesAndDeletesReachSearch() {
        String word = word("zu");
        String id = Api.postJson("""
                {"title": "%s before", "body": "Old text.", "source": "u.example"}""".formatted(word));
        searchUntil(s -> s.queryParam("q", word + " before"), 1);
        String etag = given().get("/api/v1/articles/" + id).then().extract().header("ETag");
        given().contentType("application/json")
                .header("If-Match", etag)
                .body("""
                {"title": "%s after", "body": "New text.", "source": "u.example"}""".formatted(word))
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
        searchUntil(s -> s.queryParam("q", word + " after"), 1);
        given().queryParam("q", word + " before").get("/api/v1/search").then().body("hits", empty());
        given().delete("/api/v1/articles/" + id).then().statusCode(204);
        searchUntil(s -> s.queryParam("q", word), 0);
    }

    @Test
    void entitySummariesFeedEntitySpeakerAndPlaceFiltersAndFacets() {
        String word = word("ze");
        String a = Api.postJson("""
                {"title": "%s ministers meet", "body": "Talks in Kyiv.", "source": "e.example"}""".formatted(word));
        String b = Api.postJson("""
                {"title": "%s ministers part", "body": "Talks in Paris.", "source": "e.example"}""".formatted(word));
        UUID umerov = UUID.randomUUID();
        UUID france = UUID.randomUUID();
        UUID ministry = UUID.randomUUID();
        putSummary(
                        a,
                        1,
                        """
                [{"id": "%s", "name": "Rustem Umerov", "type": "PERSON", "salience": 0.9},
                 {"id": "%s", "name": "Defense Ministry", "type": "ORGANIZATION", "salience": 0.4}]""".formatted(umerov, ministry),
                        "[{\"id\": \"%s\", \"name\": \"Rustem Umerov\"}]".formatted(umerov),
                        "[\"UA\"]")
                .statusCode(204);
        putSummary(b, 1, """
                [{"id": "%s", "name": "Rustem Umerov", "type": "PERSON", "salience": 0.5},
                 {"id": "%s", "name": "France", "type": "LOCATION", "salience": 0.7}]""".formatted(umerov, france), "[]", "[\"FR\"]").statusCode(204);
        searchUntil(s -> s.queryParam("q", word).queryParam("entity", umerov.toString()), 2);
        given().queryParam("q", word)
                .queryParam("entity", umerov.toString())
                .queryParam("entity", france.toString())
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(b));
        given().queryParam("q", word)
                .queryParam("entity", ministry.toString())
                .queryParam("entity", france.toString())
                .queryParam("entityMode", "any")
                .get("/api/v1/search")
                .then()
                .body("hits.id", containsInAnyOrder(a, b));
        given().queryParam("q", word)
                .queryParam("speaker", umerov.toString())
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(a));
        given().queryParam("q", word)
                .queryParam("place", "fr")
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(b));
        given().queryParam("q", word)
                .queryParam("entityType", "organization")
                .get("/api/v1/search")
                .then()
                .body("hits.id", contains(a));
        given().queryParam("q", word)
                .queryParam("facets", "entity")
                .get("/api/v1/search")
                .then()
                .body("facets.entity.PERSON[0].id", equalTo(umerov.toString()))
                .body("facets.entity.PERSON[0].name", equalTo("Rustem Umerov"))
                .body("facets.entity.PERSON[0].count", equalTo(2))
                .body("facets.entity.LOCATION[0].name", equalTo("France"))
                .body("facets.entity.ORGANIZATION[0].count", equalTo(1));
        // The feed announces each stored summary; older summaries and unknown articles are refused.
        given().queryParam("limit", 1000)
                .get("/api/v1/articles/feed")
                .then()
                .body("events.findAll { it.articleId == '%s' }.kind".formatted(a), hasItem("ANALYSED"));
        putSummary(a, 2, "[]", "[]", "[]").statusCode(409);
        Problems.assertProblem(putSummary(UUID.randomUUID().toString(), 1, "[]", "[]", "[]"), 404);
        Problems.assertProblem(putSummary(a, 1, "[{\"id\": \"x\"}]", "[]", "[]"), 400);
        Problems.assertProblem(putSummary(a, 1, "[]", "[]", "[\"Ukraine\"]"), 400)
                .body("errors[0].field", containsString("countries"));
    }

    static ValidatableResponse putSummary(
            String article, int version, String entities, String speakers, String countries) {
        return given().contentType("application/json")
                .body("""
                {"version": %d, "entities": %s, "speakers": %s, "countries": %s}""".formatted(version, entities, speakers, countries))
                .put("/internal/articles/" + article + "/entities")
                .then();
    }

    @Test
    void invalidParametersAreClientErrors() {
        Problems.assertProblem(
                        given().queryParam("q", "x".repeat(501))
                                .get("/api/v1/search")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("q"));
        Problems.assertProblem(
                        given().queryParam("q", "x")
                                .queryParam("cursor", "garbage")
                                .get("/api/v1/search")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("cursor"));
        Problems.assertProblem(
                        given().queryParam("q", "x")
                                .queryParam("limit", 0)
                                .get("/api/v1/search")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("limit"));
        for (String[] bad : new String[][] {
            {"entity", "not-a-uuid"},
            {"speaker", "1"},
            {"from", "yesterday"},
            {"to", "now-7x"},
            {"sort", "random"},
            {"facets", "source,colour"},
            {"interval", "hour"},
            {"duplicates", "hide"},
            {"place", "Ukraine"},
            {"entityType", "EVENT"},
            {"entityMode", "most"},
            {"source", "s".repeat(301)}
        }) {
            Problems.assertProblem(
                            given().queryParam("q", "x")
                                    .queryParam(bad[0], bad[1])
                                    .get("/api/v1/search")
                                    .then(),
                            400)
                    .body("errors.field", hasItem(bad[0]));
        }
        // Without text: every article, newest first.
        given().queryParam("limit", 3)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("hits.score", everyItem(nullValue()));
        given().queryParam("q", "x")
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("facets", nullValue())
                .body("hits", not(nullValue()));
    }
}
