package io.newsgraph.entity.client;

import java.util.List;
import java.util.UUID;

/**
 * An article's entity summary as article-service stores it ({@code PUT /internal/articles/{id}/entities}; docs/search.md
 * "Entity summaries"): the article version analysed, its entities with canonical names, type and salience, the quote
 * speakers that are entities, and the ISO 3166-1 alpha-2 codes of its linked places. At most {@link #MAX_ENTITIES}
 * entities, {@link #MAX_SPEAKERS} speakers and {@link #MAX_COUNTRIES} countries, the most salient ones.
 */
public record EntitySummary(int version, List<SummaryEntity> entities, List<Speaker> speakers, List<String> countries) {
    public static final int MAX_ENTITIES = 500;
    public static final int MAX_SPEAKERS = 200;
    public static final int MAX_COUNTRIES = 50;

    /** {@code type}: PERSON, ORGANIZATION or LOCATION. */
    public record SummaryEntity(UUID id, String name, String type, double salience) {}

    public record Speaker(UUID id, String name) {}
}
