package io.newsgraph.entity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsgraph.common.testing.Problems;
import io.newsgraph.entity.client.ArticleVersion;
import io.newsgraph.entity.service.ArticleAnalyser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Place links stored at analysis time (real PostgreSQL) and served by GET /entities (?country=) and GET /entities/{id}. */
@QuarkusTest
class PlaceLinkTests {

    @Inject
    ArticleAnalyser analyser;

    @BeforeEach
    void modelLoaded() {
        Api.awaitModel();
    }

    private UUID analyse(String dateline, String body) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> analyser.analyseAndStore(new ArticleVersion(
                        id,
                        1,
                        "CREATED",
                        "Floods",
                        body,
                        Instant.parse("2025-03-23T12:00:00Z"),
                        dateline,
                        List.of(),
                        null)));
        return id;
    }

    private String entityId(String name, String type) {
        return given().queryParam("q", name)
                .queryParam("type", type)
                .get("/api/v1/entities")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.name == '%s' }.id".formatted(name));
    }

    @Test
    void theDatelineDecidesAnAmbiguousPlaceAndTheFirstLinkStays() {
        UUID article = analyse(
                "LONDON, March 23 (Reuters) -",
                "Police in Birmingham said on Sunday that flooding had closed roads, and Inspector Tamsin Orrabell urged drivers to stay home.");
        String birmingham = entityId("Birmingham", "LOCATION");
        var place = given().get("/api/v1/entities/" + birmingham)
                .then()
                .statusCode(200)
                .body("place.geonamesId", equalTo(2655603))
                .body("place.countryCode", equalTo("GB"))
                .extract()
                .jsonPath();
        assertEquals(52.48, place.getDouble("place.latitude"), 0.01);
        assertEquals(-1.90, place.getDouble("place.longitude"), 0.01);
        given().get("/api/v1/entities/" + entityId("Tamsin Orrabell", "PERSON"))
                .then()
                .statusCode(200)
                .body("place", nullValue());
        given().get("/api/v1/articles/" + article + "/analysis")
                .then()
                .statusCode(200)
                .body("entities.find { it.name == 'Birmingham' }.place.countryCode", equalTo("GB"));

        // Another article's context (the United States) does not move a place once linked.
        analyse(null, "Officials in Birmingham, in the United States, said storms had damaged homes across the area.");
        given().get("/api/v1/entities/" + birmingham).then().statusCode(200).body("place.geonamesId", equalTo(2655603));
    }

    @Test
    void entitiesFilterByCountry() {
        analyse(
                null,
                "Engineers restored power to Kharkiv on Friday after an overnight strike, Ukraine's grid operator said.");
        given().queryParam("country", "UA")
                .queryParam("q", "Kharkiv")
                .get("/api/v1/entities")
                .then()
                .statusCode(200)
                .body("items.name", hasItem("Kharkiv"))
                .body("items.find { it.name == 'Kharkiv' }.place.geonamesId", equalTo(706483));
        given().queryParam("country", "ua")
                .queryParam("type", "LOCATION")
                .get("/api/v1/entities")
                .then()
                .statusCode(200)
                .body("items.name", hasItem("Ukraine"))
                .body("items.find { it.name == 'Ukraine' }.place.geonamesId", nullValue())
                .body("items.place.countryCode", not(hasItem(not(equalTo("UA")))));
        given().queryParam("country", "FR")
                .queryParam("q", "Kharkiv")
                .get("/api/v1/entities")
                .then()
                .statusCode(200)
                .body("items.name", not(hasItem("Kharkiv")));
    }

    @Test
    void aBadCountryIsAProblemWithAFieldError() {
        for (String bad : new String[] {"XX", "UKR", "U", "12", "ZZ"}) {
            Problems.assertProblem(
                            given().queryParam("country", bad)
                                    .get("/api/v1/entities")
                                    .then(),
                            400)
                    .body("errors[0].field", equalTo("country"));
        }
    }
}
