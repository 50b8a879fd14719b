package io.newsgraph.entity.service;

import io.newsgraph.entity.extract.AliasTable;
import io.newsgraph.entity.extract.EntityType;
import io.newsgraph.entity.repository.EntityRepository;
import io.newsgraph.entity.repository.NameKeys;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Users' alias corrections as the extraction pipeline sees them: alias → canonical name of the entity it
 * names. Reloaded after each correction here and every 30 s, so corrections made on other replicas apply too.
 */
@ApplicationScoped
public class UserAliasTable implements AliasTable {

    @Inject
    EntityRepository entities;

    private volatile Map<String, String> canonicalByTypeAndKey = Map.of();

    @Override
    public Optional<String> canonicalFor(String name, EntityType type) {
        return Optional.ofNullable(canonicalByTypeAndKey.get(type.name() + ":" + NameKeys.of(name)));
    }

    @Scheduled(every = "30s", delay = 0, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reload() {
        Map<String, String> fresh = new HashMap<>();
        try (Scope untraced = JobTracing.untraced().makeCurrent()) { // housekeeping, every 30 s: not traced
            QuarkusTransaction.requiringNew()
                    .run(() -> entities.userAliases()
                            .forEach(
                                    a -> fresh.put(a.type().name() + ":" + NameKeys.of(a.alias()), a.canonicalName())));
        }
        canonicalByTypeAndKey = Map.copyOf(fresh);
    }
}
