package io.newsgraph.alert.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Calls to article-service, each bounded in time, retried and guarded by a circuit breaker. */
@ApplicationScoped
public class ArticleClient {
    /** article-service's bound on ids per search-documents call. */
    static final int SEARCH_DOCUMENTS_PER_CALL = 100;

    @Inject
    @RestClient
    ArticlesApi api;

    /** The feed after {@code cursor}. Failures propagate: the follower keeps its cursor and polls again. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public ArticleFeedPage feed(String cursor, int limit) {
        return api.feed(cursor, limit);
    }

    /**
     * Validates and compiles a search. article-service's 400 is the client's mistake: it is answered as a 400 naming the
     * same fields, each after {@code fieldPrefix} ({@code query.} for a subscription's body, nothing for the query
     * parameters of an ad-hoc stream); anything else (down, 5xx) propagates, for the caller to answer 503.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, abortOn = ProblemException.class)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 5,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = ProblemException.class)
    public CompiledSearch compile(ObjectNode search, String fieldPrefix) {
        try {
            return api.compile(search);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 400) {
                throw invalidQuery(e.getResponse().readEntity(JsonNode.class), fieldPrefix);
            }
            throw e;
        }
    }

    /** The articles' current search documents by id; deleted and unknown ones are left out. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Map<UUID, JsonNode> searchDocuments(List<UUID> articleIds) {
        Map<UUID, JsonNode> documents = new HashMap<>();
        for (int from = 0; from < articleIds.size(); from += SEARCH_DOCUMENTS_PER_CALL) {
            List<UUID> ids = articleIds.subList(from, Math.min(articleIds.size(), from + SEARCH_DOCUMENTS_PER_CALL));
            api.searchDocuments(new ArticlesApi.DocumentIds(ids))
                    .documents()
                    .forEach(d -> documents.put(UUID.fromString(d.path("id").asText()), d));
        }
        return documents;
    }

    private static ProblemException invalidQuery(JsonNode problem, String fieldPrefix) {
        List<FieldError> errors = new ArrayList<>();
        problem.path("errors")
                .forEach(e -> errors.add(new FieldError(
                        fieldPrefix + e.path("field").asText(),
                        e.path("message").asText())));
        if (errors.isEmpty()) {
            errors.add(new FieldError(
                    fieldPrefix.isEmpty() ? "q" : fieldPrefix.substring(0, fieldPrefix.length() - 1),
                    problem.path("detail").asText("invalid search")));
        }
        return ProblemException.badRequest(
                "Invalid query: "
                        + String.join(
                                "; ",
                                errors.stream()
                                        .map(e -> e.field() + ": " + e.message())
                                        .toList()),
                errors.toArray(FieldError[]::new));
    }
}
