package io.newsgraph.article.repository;

import java.util.List;
import java.util.UUID;

/** What entity-service found in one version of an article: its entities, quoted speakers and countries. */
public record EntitySummary(int version, List<SummaryEntity> entities, List<SummarySpeaker> speakers, List<String> countries) {

    public record SummaryEntity(UUID id, String name, String type, double salience) {
    }

    public record SummarySpeaker(UUID id, String name) {
    }
}
