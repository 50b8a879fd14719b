package io.newsgraph.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsgraph.gateway.proxy.RouteTable.Owner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTests {
    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "/api/v1/articles, ARTICLES",
                "/api/v1/articles/, ARTICLES",
                "/api/v1/articles/42, ARTICLES",
                "/api/v1/articles/42/versions/1, ARTICLES",
                "/api/v1/articles/batch, ARTICLES",
                "/api/v1/articles/42/analysis, ENTITIES",
                "/api/v1/articles//analysis, ARTICLES",
                "/api/v1/articles/42/x/analysis, ARTICLES",
                "/api/v1/articles/42/analysis/more, ARTICLES",
                "/api/v1/articlesX, none",
                "/api/v1/extract, ENTITIES",
                "/api/v1/extract/more, none",
                "/api/v1/quotes, ENTITIES",
                "/api/v1/claims, ENTITIES",
                "/api/v1/entities, ENTITIES",
                "/api/v1/entities/7/articles, ENTITIES",
                "/api/v1/extraction/stats, ENTITIES",
                "/api/v1/search, ARTICLES",
                "/api/v1/search/, none",
                "/api/v1/suggest, ARTICLES",
                "/api/v1/trends, ARTICLES",
                "/api/v1/trends/entities, ARTICLES",
                "/api/v1/subscriptions, ALERTS",
                "/api/v1/subscriptions/9/events, ALERTS",
                "/api/v1/stream, ALERTS",
                "/api/v1/stream/x, none",
                "/api/v1/, none",
                "/api/v1, none",
                "/api/v2/articles, none",
                "/q/health, none",
            })
    void eachPathHasItsOwner(String path, Owner owner) {
        assertEquals(owner, RouteTable.owner(path), path);
    }
}
