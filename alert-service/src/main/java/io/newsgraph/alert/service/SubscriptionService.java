package io.newsgraph.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.alert.client.ArticleClient;
import io.newsgraph.alert.client.CompiledSearch;
import io.newsgraph.alert.repository.DeliveryRepository;
import io.newsgraph.alert.repository.MatchRepository;
import io.newsgraph.alert.repository.Subscription;
import io.newsgraph.alert.repository.SubscriptionIndex;
import io.newsgraph.alert.repository.SubscriptionRepository;
import io.newsgraph.alert.rest.SubscriptionQuery;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Subscriptions of one owner (an API key). A query is compiled by article-service (which owns the query language) before
 * anything is stored; the row commits first and the percolator document follows (the row's {@code index_pending}
 * flag is the outbox: {@link IndexSync} retries what failed here).
 */
@ApplicationScoped
public class SubscriptionService {
    /** How long the previous secret keeps signing after a rotation, so that receivers can switch without losing messages. */
    static final Duration PREVIOUS_SECRET_GRACE = Duration.ofHours(24);

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);

    @Inject
    ArticleClient articles;

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    MatchRepository matches;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    SubscriptionIndex index;

    @Inject
    WebhookTargets targets;

    @Inject
    ObjectMapper mapper;

    @Inject
    PercolatorRebuild rebuild;

    public Subscription create(String owner, String name, SubscriptionQuery query, String webhookUrl) {
        checkWebhook(webhookUrl);
        CompiledSearch compiled = compile(query);
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> subscriptions.insert(
                        id,
                        owner,
                        name.strip(),
                        json(query),
                        json(compiled.query()),
                        webhookUrl,
                        WebhookSignature.newSecret()));
        Subscription created = subscriptions.byId(id).orElseThrow();
        indexNow(created, compiled.mapping());
        return created;
    }

    public Subscription get(String owner, UUID id) {
        return subscriptions.find(owner, id).orElseThrow(() -> ProblemException.notFound("subscription", id));
    }

    public List<Subscription> page(String owner, Long beforeSeq, int limit) {
        return subscriptions.page(owner, beforeSeq, limit);
    }

    /** Applies the given changes; a changed query is compiled (and validated) again. */
    public Subscription update(
            String owner, UUID id, String name, SubscriptionQuery query, String webhookUrl, Boolean active) {
        Subscription current = get(owner, id);
        checkWebhook(webhookUrl);
        CompiledSearch compiled = query == null ? null : compile(query);
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription locked =
                    subscriptions.lock(owner, id).orElseThrow(() -> ProblemException.notFound("subscription", id));
            subscriptions.update(
                    id,
                    name == null ? locked.name() : name.strip(),
                    query == null ? locked.query() : json(query),
                    compiled == null ? locked.compiled() : json(compiled.query()),
                    webhookUrl == null ? locked.webhookUrl() : webhookUrl,
                    active == null ? locked.active() : active);
        });
        Subscription updated =
                subscriptions.byId(id).orElseThrow(() -> ProblemException.notFound("subscription", current.id()));
        indexNow(updated, compiled == null ? null : compiled.mapping());
        return updated;
    }

    public void delete(String owner, UUID id) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> subscriptions.delete(owner, id));
        if (!deleted) {
            throw ProblemException.notFound("subscription", id);
        }
        try {
            index.delete(id);
        } catch (RuntimeException e) {
            // Harmless: matching keeps only subscriptions that exist and are active in PostgreSQL.
            LOG.warnf(
                    "percolator document of deleted subscription %s stays until the index is rebuilt: %s",
                    id, e.toString());
        }
    }

    /** A new signing secret; the previous one signs as well for {@link #PREVIOUS_SECRET_GRACE}. */
    public Rotation rotateSecret(String owner, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscription locked =
                    subscriptions.lock(owner, id).orElseThrow(() -> ProblemException.notFound("subscription", id));
            String secret = WebhookSignature.newSecret();
            Instant until = Instant.now().plus(PREVIOUS_SECRET_GRACE).truncatedTo(ChronoUnit.SECONDS);
            subscriptions.rotateSecret(id, secret, locked.secret(), until);
            return new Rotation(secret, until);
        });
    }

    public List<MatchRepository.Match> matches(String owner, UUID id, Long before, int limit) {
        get(owner, id);
        return matches.newest(id, before, limit);
    }

    public List<DeliveryRepository.Delivery> deliveries(
            String owner, UUID id, Instant beforeCreated, UUID beforeId, int limit) {
        get(owner, id);
        return deliveries.newest(id, beforeCreated, beforeId, limit);
    }

    /** Matches after match id {@code after}, oldest first (an event stream). */
    public List<MatchRepository.Match> matchesAfter(UUID id, long after, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> matches.after(id, after, limit));
    }

    public long lastMatchId(UUID id) {
        return matches.lastId(id);
    }

    public java.util.Map<UUID, List<DeliveryRepository.Attempt>> attempts(List<UUID> deliveryIds) {
        return deliveries.attempts(deliveryIds);
    }

    public void redeliver(String owner, UUID id, UUID deliveryId) {
        get(owner, id);
        if (!QuarkusTransaction.requiringNew().call(() -> deliveries.redeliver(id, deliveryId))) {
            throw ProblemException.notFound("delivery", WebhookDeliverer.messageId(deliveryId));
        }
    }

    private CompiledSearch compile(SubscriptionQuery query) {
        return compile(query, "query.");
    }

    /**
     * The query compiled by article-service; its 400 passes through (fields named after {@code fieldPrefix}), its absence
     * is a 503 for the client to retry.
     */
    public CompiledSearch compile(SubscriptionQuery query, String fieldPrefix) {
        try {
            return articles.compile(mapper.valueToTree(query), fieldPrefix);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("query validation unavailable: %s", e.toString());
            throw new ProblemException(
                    503,
                    "upstream-unavailable",
                    "Query validation unavailable",
                    "article-service, which validates queries, cannot answer right now; retry in a few seconds");
        }
    }

    private void checkWebhook(String url) {
        if (url == null) {
            return;
        }
        String refusal = targets.refusal(url.strip());
        if (refusal != null) {
            throw ProblemException.badRequest("webhook.url " + refusal, new FieldError("webhook.url", refusal));
        }
    }

    /** Writes the percolator document right away; on failure IndexSync catches up (the subscription is stored either way). */
    private void indexNow(Subscription subscription, JsonNode articleMapping) {
        try {
            if (articleMapping != null) {
                index.ensure(articleMapping);
                rebuild.seen(articleMapping); // a later articles mapping than the index's: rebuilt in the background
            }
            if (index.exists()) {
                index.put(
                        subscription.id(),
                        mapper.readTree(subscription.compiled()),
                        subscription.active(),
                        subscription.revision());
                QuarkusTransaction.requiringNew()
                        .run(() -> subscriptions.indexed(subscription.id(), subscription.revision()));
            }
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.warnf(
                    "subscription %s not in the percolator index yet (retried in the background): %s",
                    subscription.id(), e.toString());
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public record Rotation(String secret, Instant previousUntil) {}
}
