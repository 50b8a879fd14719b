package io.newsgraph.article.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.newsgraph.common.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The internal operations alert-service builds saved searches on: compiling a search and reading an article's search document. */
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
    void theSearchDocumentIsTheArticleAsIndexedAndA404WhenItIsGone() {
        String id = Api.postJson(Api.uniqueJson("compile.example"));
        given().get("/internal/articles/" + id + "/search-document")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("version", equalTo(1))
                .body("source", equalTo("compile.example"))
                .body("date", notNullValue());
        given().delete("/api/v1/articles/" + id).then().statusCode(204);
        Problems.assertProblem(
                given().get("/internal/articles/" + id + "/search-document").then(), 404);
    }
}
