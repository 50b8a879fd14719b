package io.newsgraph.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTests {

    @Test
    void servesOneDocumentForThePublicApi() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("info.title", equalTo("newsgraph API"))
                .body("paths.'/api/v1/articles'.post.operationId", equalTo("ingestArticle"))
                .body("paths.'/api/v1/search'.get", notNullValue())
                .body("paths.'/api/v1/entities/{id}/cooccurrences'.get.operationId", equalTo("listEntityCooccurrences"))
                .body("paths.'/api/v1/extract'.post.requestBody.content", notNullValue())
                .body("components.securitySchemes.ApiKey.name", equalTo("X-API-Key"))
                .body("components.schemas.Problem", notNullValue())
                .body("paths.'/api/v1/articles/{id}'.get.parameters.name", hasItem("include"))
                .body(
                        "paths.'/api/v1/articles/{id}'.get.responses.'429'.'$ref'",
                        equalTo("#/components/responses/RateLimited"));
    }

    /** The merged document documents every public operation, the services' and the gateway's own. */
    @Test
    void everyOperationIsDescribedWithExamples() throws Exception {
        org.junit.jupiter.api.Assertions.assertTrue(
                io.newsgraph.common.testing.OpenApiDocs.assertEveryOperationDocumented() >= 22);
    }

    /** Models of the services' internal operations are not in the public document; what the public API uses is. */
    @Test
    void onlySchemasThePublicApiReachesArePublished() throws Exception {
        JsonNode schemas = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .path("components")
                .path("schemas");
        for (String internal :
                List.of("CompiledSearch", "EntitySummaryInput", "SearchDocumentIds", "SearchDocuments")) {
            assertFalse(schemas.has(internal), internal);
        }
        for (String used : List.of("Problem", "Article", "ArticleInput", "SearchPage", "Entity")) {
            assertTrue(schemas.has(used), used);
        }
    }

    /** A type beside a $ref makes client generators warn and drop it; the referenced schema alone says the type. */
    @Test
    void referencesCarryNoTypeOfTheirOwn() throws Exception {
        String document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> typed = new ObjectMapper()
                .readTree(document).findParents("$ref").stream()
                        .filter(node -> node.has("type"))
                        .map(JsonNode::toString)
                        .toList();
        assertEquals(List.of(), typed);
    }
}
