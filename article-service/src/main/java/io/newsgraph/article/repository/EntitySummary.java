package io.newsgraph.article.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/**
 * What entity-service found in one version of an article: its entities, quoted speakers and countries. The lists are
 * written to and read from jsonb columns by a plain ObjectMapper ({@link SearchProjectionRepository}), which no REST
 * signature shows Quarkus: registered for reflection, or a native executable answers every summary push with a
 * speaker 500 ("No serializer found for class ...SummarySpeaker", found by SearchIT natively).
 */
@RegisterForReflection
public record EntitySummary(
        int version, List<SummaryEntity> entities, List<SummarySpeaker> speakers, List<String> countries) {

    @RegisterForReflection
    public record SummaryEntity(UUID id, String name, String type, double salience) {}

    @RegisterForReflection
    public record SummarySpeaker(UUID id, String name) {}
}
