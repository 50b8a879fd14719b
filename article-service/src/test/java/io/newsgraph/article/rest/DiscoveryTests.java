package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Related stories, entity trends and suggest on the real OpenSearch test node, fed from the change feed. */
@QuarkusTest
class DiscoveryTests {

    /** A body long enough (over 300 letters) for near-duplicate grouping, built around {@code word}. */
    static String story(String word) {
        return "The " + word + " dockworkers strike closed the container terminal for a third day, union leaders said, "
                + "as cranes stood idle and ships queued in the bay. Port officials warned that perishable cargo would spoil "
                + "within days and that exporters were diverting freight to rival harbours along the coast, while the "
                + "ministry offered to mediate talks over wages, pensions and night shifts.";
    }

    static String entity(UUID id, String name, String type, double salience) {
        return "{\"id\": \"%s\", \"name\": \"%s\", \"type\": \"%s\", \"salience\": %s}"
                .formatted(id, name, type, salience);
    }

    static void summarise(String article, String... entities) {
        SearchTests.putSummary(article, 1, "[" + String.join(",", entities) + "]", "[]", "[]")
                .statusCode(204);
    }

    @Test
    void relatedFindsStoriesSharingTextOrEntitiesButNeverTheArticleOrItsCopies() {
        String word = SearchTests.word("zy");
        String article = Api.postJson("""
                {"title": "Port strike %s", "body": "%s", "source": "a.example"}""".formatted(word, story(word)));
        String copy = Api.postJson("""
                {"title": "Strike shuts port %s", "body": "%s\\n\\nAn extra paragraph.", "source": "b.example"}""".formatted(word, story(word)));
        // Same story in other words at its start (another duplicate key), sharing the main person.
        String sameText = Api.postJson("""
                {"title": "Day four of the %s strike", "body": "Negotiators met again on Tuesday. %s", "source": "c.example"}""".formatted(word, story(word)));
        // Nothing in common but a minor entity.
        String sameEntity = Api.postJson("""
                {"title": "Pension reform %s vote", "body": "Lawmakers approved a reform of pensions for civil servants.", "source": "d.example"}""".formatted(UUID.randomUUID()));
        String unrelated = Api.postJson("""
                {"title": "Orchestra %s tour", "body": "A symphony orchestra announced its autumn tour of concert halls.", "source": "e.example"}""".formatted(UUID.randomUUID()));
        UUID leader = UUID.randomUUID();
        UUID ministry = UUID.randomUUID();
        summarise(
                article,
                entity(leader, "Mara Quist", "PERSON", 0.9),
                entity(ministry, "Labour Ministry", "ORGANIZATION", 0.2));
        summarise(copy, entity(leader, "Mara Quist", "PERSON", 0.9));
        summarise(sameText, entity(leader, "Mara Quist", "PERSON", 0.8));
        summarise(sameEntity, entity(ministry, "Labour Ministry", "ORGANIZATION", 0.7));
        summarise(unrelated);
        SearchTests.searchUntil(
                s -> s.queryParam("entity", ministry.toString())
                        .queryParam("entity", leader.toString())
                        .queryParam("entityMode", "any")
                        .queryParam("duplicates", "show"),
                4);

        given().get("/api/v1/articles/" + article + "/related")
                .then()
                .statusCode(200)
                .body("id", equalTo(article))
                .body("related.id", hasItem(sameText))
                .body("related.id", hasItem(sameEntity))
                .body("related.id", not(hasItem(article)))
                .body("related.id", not(hasItem(copy)))
                .body("related.id", not(hasItem(unrelated)))
                .body("related[0].id", equalTo(sameText))
                .body("related[0].title", equalTo("Day four of the " + word + " strike"))
                .body("related[0].source", equalTo("c.example"))
                .body("related[0].sharedEntities.name", contains("Mara Quist"))
                .body(
                        "related.find { it.id == '%s' }.sharedEntities.id".formatted(sameEntity),
                        contains(ministry.toString()));
        // From the copy: neither the copy nor the article it duplicates.
        given().get("/api/v1/articles/" + copy + "/related")
                .then()
                .statusCode(200)
                .body("related.id", hasItem(sameText))
                .body("related.id", not(hasItem(article)))
                .body("related.id", not(hasItem(copy)));
        given().queryParam("limit", 1)
                .get("/api/v1/articles/" + article + "/related")
                .then()
                .body("related", hasSize(1));

        Problems.assertProblem(
                given().get("/api/v1/articles/" + UUID.randomUUID() + "/related")
                        .then(),
                404);
        Problems.assertProblem(
                given().get("/api/v1/articles/not-a-uuid/related").then(), 404);
        for (String limit : List.of("0", "51", "x")) {
            Problems.assertProblem(
                            given().queryParam("limit", limit)
                                    .get("/api/v1/articles/" + article + "/related")
                                    .then(),
                            400)
                    .body("errors[0].field", equalTo("limit"));
        }
        given().delete("/api/v1/articles/" + unrelated).then().statusCode(204);
        Problems.assertProblem(
                given().get("/api/v1/articles/" + unrelated + "/related").then(), 404);
    }

    @Test
    void trendsRankARisingEntityAboveAFlatOneWithCountsAndADailySeries() {
        String word = SearchTests.word("zt");
        // A week of its own in the past, so that other tests' articles stay out of the window.
        LocalDate start =
                LocalDate.of(2011, 1, 15).plusDays(ThreadLocalRandom.current().nextInt(300));
        UUID rising = UUID.randomUUID();
        UUID flat = UUID.randomUUID();
        UUID noise = UUID.randomUUID();
        UUID company = UUID.randomUUID();
        String risingName = "Rising " + word;
        String flatName = "Flat " + word;
        int[] risingDays = {1, 1, 3, 5};
        String first = null;
        for (int day : risingDays) {
            String id = post(word, start.plusDays(day), null);
            first = first == null ? id : first;
            summarise(
                    id,
                    entity(rising, risingName, "PERSON", 0.8),
                    entity(company, "Company " + word, "ORGANIZATION", 0.5));
        }
        // A copy of a story counts once.
        String copy = post(word, start.plusDays(1), story(word));
        summarise(copy, entity(rising, risingName, "PERSON", 0.8));
        String original = post(word, start.plusDays(1), story(word) + "\\n\\nAn extra paragraph.");
        summarise(original, entity(rising, risingName, "PERSON", 0.8));
        for (int day : new int[] {-6, -4, -2, 0, 2, 4}) {
            summarise(post(word, start.plusDays(day), null), entity(flat, flatName, "PERSON", 0.6));
        }
        summarise(post(word, start.plusDays(2), null), entity(noise, "Noise " + word, "PERSON", 0.9));
        SearchTests.searchUntil(
                s -> s.queryParam("entity", rising.toString())
                        .queryParam("entity", flat.toString())
                        .queryParam("entity", noise.toString())
                        .queryParam("entityMode", "any")
                        .queryParam("duplicates", "show")
                        .queryParam("limit", 20),
                13);

        var page = given().queryParam("from", start.toString())
                .queryParam("to", start.plusDays(7).toString())
                .queryParam("type", "person")
                .get("/api/v1/trends/entities")
                .then()
                .statusCode(200)
                .body("type", equalTo("PERSON"))
                .body("from", equalTo(start + "T00:00:00Z"))
                .body("entities.id", contains(rising.toString(), flat.toString()))
                .body("entities[0].name", equalTo(risingName))
                .body("entities[0].type", equalTo("PERSON"))
                .body("entities[0].count", equalTo(5))
                .body("entities[0].previousCount", equalTo(0))
                .body("entities[0].rise", equalTo(6.0f))
                .body("entities[1].count", equalTo(3))
                .body("entities[1].previousCount", equalTo(3))
                .body("entities[1].rise", equalTo(1.0f))
                .body(
                        "entities[0].series.date",
                        contains(java.util.stream.IntStream.range(0, 7)
                                .mapToObj(d -> start.plusDays(d).toString())
                                .toArray()))
                .body("entities[0].series.count", contains(0, 3, 0, 1, 0, 1, 0))
                .body("entities[1].series.count", contains(1, 0, 1, 0, 1, 0, 0));
        Assertions.assertNotNull(page);
        given().queryParam("from", start.toString())
                .queryParam("to", start.plusDays(7).toString())
                .queryParam("type", "ORGANIZATION")
                .get("/api/v1/trends/entities")
                .then()
                .statusCode(200)
                .body("entities.id", contains(company.toString()))
                .body("entities[0].count", equalTo(4));
        given().queryParam("from", start.toString())
                .queryParam("to", start.plusDays(7).toString())
                .queryParam("limit", 1)
                .get("/api/v1/trends/entities")
                .then()
                .statusCode(200)
                .body("entities", hasSize(1));
        // Defaults: the last 7 days.
        given().get("/api/v1/trends/entities")
                .then()
                .statusCode(200)
                .body("entities.id", not(hasItem(rising.toString())));

        String[][] bad = {
            {"from", start.plusDays(7).toString(), "to", start.toString(), "from"},
            {"from", start.toString(), "to", start.toString(), "from"},
            {"from", "2010-01-01", "to", "2011-06-01", "from"},
            {"from", "yesterday", "to", "now", "from"},
            {"type", "EVENT", "limit", "5", "type"},
            {"type", "PERSON", "limit", "0", "limit"},
            {"type", "PERSON", "limit", "51", "limit"}
        };
        for (String[] b : bad) {
            Problems.assertProblem(
                            given().queryParam(b[0], b[1])
                                    .queryParam(b[2], b[3])
                                    .get("/api/v1/trends/entities")
                                    .then(),
                            400)
                    .body("errors.field", hasItem(b[4]));
        }
    }

    private static String post(String word, LocalDate date, String body) {
        String text = body != null ? body : "Report " + UUID.randomUUID() + " on " + word + ".";
        return Api.postJson("""
                {"title": "%s %s", "body": "%s", "source": "t.example", "publishedAt": "%sT10:00:00Z"}""".formatted(word, UUID.randomUUID(), text, date));
    }

    @Test
    void suggestCompletesEntitiesSourcesAndAuthorsIgnoringCaseAndAccentsMostFrequentFirst() {
        String w = SearchTests.word("q").toLowerCase();
        UUID berg = UUID.randomUUID();
        UUID cole = UUID.randomUUID();
        UUID anders = UUID.randomUUID();
        String[][] articles = {
            {"Ørsted" + w + " Times", "Émile" + w + " Roux"},
            {"Ørsted" + w + " Times", "Émile" + w + " Roux"},
            {"orsted" + w + " daily", "Emile" + w + " Blanc"}
        };
        for (int i = 0; i < articles.length; i++) {
            String id = Api.postJson("""
                    {"title": "Suggest %s %d", "body": "Text %s.", "source": "%s", "author": "%s"}""".formatted(w, i, UUID.randomUUID(), articles[i][0], articles[i][1]));
            List<String> entities =
                    new java.util.ArrayList<>(List.of(entity(berg, "Zürqx" + w + " Berg", "PERSON", 0.9)));
            if (i < 2) {
                entities.add(entity(cole, "Zurqx" + w + " Cole", "PERSON", 0.5));
            }
            if (i == 0) {
                entities.add(entity(anders, "ZÜRQX" + w + " Anders AG", "ORGANIZATION", 0.3));
            }
            summarise(id, entities.toArray(String[]::new));
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().queryParam("prefix", "zurqx" + w)
                        .get("/api/v1/suggest")
                        .then()
                        .statusCode(200)
                        .body("suggestions", hasSize(3)));

        given().queryParam("prefix", "ZÜRQX" + w)
                .queryParam("kind", "entity")
                .get("/api/v1/suggest")
                .then()
                .statusCode(200)
                .body("kind", equalTo("entity"))
                .body(
                        "suggestions.value",
                        contains("Zürqx" + w + " Berg", "Zurqx" + w + " Cole", "ZÜRQX" + w + " Anders AG"))
                .body("suggestions.id", contains(berg.toString(), cole.toString(), anders.toString()))
                .body("suggestions.type", contains("PERSON", "PERSON", "ORGANIZATION"))
                .body("suggestions.count", contains(3, 2, 1));
        given().queryParam("prefix", "zurqx" + w + "  c")
                .get("/api/v1/suggest")
                .then()
                .body("suggestions.value", contains("Zurqx" + w + " Cole"));
        given().queryParam("prefix", "zurqx" + w)
                .queryParam("limit", 1)
                .get("/api/v1/suggest")
                .then()
                .body("suggestions.id", contains(berg.toString()));
        // The name's beginning, not a word inside it.
        given().queryParam("prefix", "berg")
                .get("/api/v1/suggest")
                .then()
                .body("suggestions.id", not(hasItem(berg.toString())));

        given().queryParam("prefix", "ORSTED" + w)
                .queryParam("kind", "source")
                .get("/api/v1/suggest")
                .then()
                .statusCode(200)
                .body("suggestions.value", contains("Ørsted" + w + " Times", "orsted" + w + " daily"))
                .body("suggestions.count", contains(2, 1));
        given().queryParam("prefix", "emile" + w)
                .queryParam("kind", "AUTHOR")
                .get("/api/v1/suggest")
                .then()
                .statusCode(200)
                .body("kind", equalTo("author"))
                .body("suggestions.value", contains("Émile" + w + " Roux", "Emile" + w + " Blanc"))
                .body("suggestions.count", contains(2, 1));
        given().queryParam("prefix", "émile" + w + " b")
                .queryParam("kind", "author")
                .get("/api/v1/suggest")
                .then()
                .body("suggestions.value", contains("Emile" + w + " Blanc"));
        given().queryParam("prefix", "zzz-nothing-" + w)
                .get("/api/v1/suggest")
                .then()
                .statusCode(200)
                .body("suggestions", hasSize(0));

        String[][] bad = {
            {"prefix", "", "prefix"},
            {"prefix", " \u0001 ", "prefix"},
            {"prefix", "x".repeat(101), "prefix"},
            {"kind", "topic", "kind"},
            {"limit", "0", "limit"},
            {"limit", "21", "limit"}
        };
        for (String[] b : bad) {
            var request = given().queryParam(b[0], b[1]);
            if (!b[0].equals("prefix")) {
                request.queryParam("prefix", "ab");
            }
            Problems.assertProblem(request.get("/api/v1/suggest").then(), 400).body("errors.field", hasItem(b[2]));
        }
        Problems.assertProblem(given().get("/api/v1/suggest").then(), 400).body("errors.field", hasItem("prefix"));
    }
}
