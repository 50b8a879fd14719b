package io.newsgraph.alert.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.alert.client.ArticleClient;
import io.newsgraph.alert.repository.SubscriptionIndex;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A feed page is matched with one read of its articles' documents and one percolate request: each document must get
 * exactly the subscriptions that match it, whatever its place in the request.
 */
@QuarkusTest
class BatchMatchingTests {
    @Inject
    ArticleClient articles;

    @Inject
    SubscriptionIndex index;

    @Test
    void onePercolateRequestGivesEachDocumentItsOwnSubscriptions() {
        String key = "k-" + UUID.randomUUID();
        UUID minister = UUID.randomUUID();
        UUID ministry = UUID.randomUUID();
        UUID followsMinister = id(Alerts.subscribe(key, "minister", "{\"entity\": [\"" + minister + "\"]}", null));
        UUID followsMinistry = id(Alerts.subscribe(key, "ministry", "{\"entity\": [\"" + ministry + "\"]}", null));
        UUID first = id(Alerts.analysedArticle("Minister", minister));
        UUID second = id(Alerts.analysedArticle("Ministry", ministry));
        UUID both = id(Alerts.analysedArticle("Both", ministry, minister));
        UUID neither = id(Alerts.analysedArticle("Neither", UUID.randomUUID()));
        UUID unknown = UUID.randomUUID();

        Map<UUID, JsonNode> documents = articles.searchDocuments(List.of(neither, both, unknown, second, first));
        assertEquals(Set.of(first, second, both, neither), documents.keySet(), "unknown ids are left out");

        List<UUID> order = List.of(both, first, neither, second);
        List<List<UUID>> matched =
                index.percolate(order.stream().map(documents::get).toList());
        Set<UUID> ours = Set.of(followsMinister, followsMinistry);
        List<Set<UUID>> mine = matched.stream()
                .map(ids -> ids.stream().filter(ours::contains).collect(Collectors.toSet()))
                .toList();
        assertEquals(
                List.of(
                        Set.of(followsMinister, followsMinistry),
                        Set.of(followsMinister),
                        Set.of(),
                        Set.of(followsMinistry)),
                mine);

        List<List<UUID>> alone = index.percolate(List.of(documents.get(both)));
        assertEquals(ours, alone.get(0).stream().filter(ours::contains).collect(Collectors.toSet()), "one document");
        assertEquals(List.of(), index.percolate(List.of()), "no documents, no request");
    }

    private static UUID id(String id) {
        return UUID.fromString(id);
    }
}
