package io.newsgraph.alert.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of article-service's change feed (only the fields used here). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleFeedPage(List<Event> events, String cursor, boolean hasMore) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(long seq, String kind, UUID articleId, int version, Instant occurredAt) {}
}
