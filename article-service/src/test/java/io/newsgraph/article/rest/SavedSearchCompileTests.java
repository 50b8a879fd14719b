package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The internal operations alert-service builds saved searches on: compiling a search and reading articles' search documents. */
@QuarkusTest
class SavedSearchCompileTests {

    @Test
    void aValidSearchCompilesToTheFilterQueryWithTheArticlesMapping() {
        String entity = UUID.randomUUID().toString();
        given().contentType("application/json")
                .body("""
                {"q": "cease-fire \\"Black Sea\\"", "entity": ["%s"], "source": ["Reuters.com"], "from": "2025-01-01"}""".formatted(entity))
                .post("/internal/search/compile")
                .then()
                .statusCode(200)
                .body("query.bool.must[0].bool.must[0].multi_match.query", equalTo("cease-fire"))
                .body("query.bool.filter.terms.source.flatten()", hasItem("Reuters.com"))
                .body("query.bool.filter.term.entityIds", hasItem(entity))
                .body("query.bool.filter.range.date.gte", hasItem("2025-01-01"))
                .body("query.function_score", equalTo(null))
                .body("mapping.mapping", equalTo(2))
                .body("mapping.properties.entityIds.type", equalTo("keyword"))
                .body("mapping.analysis.analyzer.news.tokenizer", equalTo("standard"));
    }

    @Test
    void anInvalidSearchIsA400NamingTheFieldAndTheCharacter() {
        var response = given().contentType("application/json")
                .body("""
                {"q": "(unbalanced", "entity": ["not-a-uuid"]}""")
                .post("/internal/search/compile")
                .then();
        Problems.assertProblem(response, 400)
                .body("errors.field", hasItem("q"))
                .body("errors.field", hasItem("entity"))
                .body("errors.find { it.field == 'q' }.message", containsString("character"));
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("null")
                        .post("/internal/search/compile")
                        .then(),
                400);
    }

    @Test
    void searchDocumentsAreTheLiveArticlesAsIndexedInTheOrderAsked() {
        String first = Api.postJson(Api.uniqueJson("compile.example"));
        String second = Api.postJson(Api.uniqueJson("compile.example"));
        String unknown = UUID.randomUUID().toString();
        given().contentType("application/json")
                .body("{\"ids\": [\"%s\", \"%s\", \"%s\"]}".formatted(second, unknown, first))
                .post("/internal/articles/search-documents")
                .then()
                .statusCode(200)
                .body("documents.id", contains(second, first))
                .body("documents[0].version", equalTo(1))
                .body("documents[0].source", equalTo("compile.example"))
                .body("documents[0].date", notNullValue());
        given().delete("/api/v1/articles/" + first).then().statusCode(204);
        given().contentType("application/json")
                .body("{\"ids\": [\"%s\", \"%s\"]}".formatted(first, second))
                .post("/internal/articles/search-documents")
                .then()
                .statusCode(200)
                .body("documents.id", contains(second));
    }

    @Test
    void searchDocumentsNeedOneToAHundredUuids() {
        String tooMany = IntStream.range(0, InternalResource.MAX_SEARCH_DOCUMENTS + 1)
                .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(Collectors.joining(",", "{\"ids\": [", "]}"));
        for (String body : List.of("{\"ids\": []}", tooMany, "{}")) {
            Problems.assertProblem(
                            given().contentType("application/json")
                                    .body(body)
                                    .post("/internal/articles/search-documents")
                                    .then(),
                            400)
                    .body("errors.field", hasItem(containsString("ids")));
        }
        Problems.assertProblem(
                given().contentType("application/json")
                        .body("{\"ids\": [\"not-a-uuid\"]}")
                        .post("/internal/articles/search-documents")
                        .then(),
                400);
    }
}
