package io.newsgraph.entity.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of article-service's change feed, as that service sends it (only the fields used here). */
public record ArticleFeedPage(List<Event> events, String cursor, boolean hasMore) {

    /** {@code traceparent}: the W3C trace context of the write behind the event; null when it was not traced. */
    public record Event(long seq, String kind, UUID articleId, int version, Instant occurredAt, String traceparent) {}
}
