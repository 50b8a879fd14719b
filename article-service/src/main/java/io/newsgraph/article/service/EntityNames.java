package io.newsgraph.article.service;

import io.newsgraph.article.repository.EntityNameRepository;
import io.newsgraph.article.repository.EntityNameRepository.CountChange;
import io.newsgraph.article.repository.EntitySummary.SummaryEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps entity completion's counts in step with the summaries of live articles: called in the transaction that stores
 * a summary or deletes an article, with the article's entities before and after.
 */
@ApplicationScoped
public class EntityNames {
    @Inject
    EntityNameRepository names;

    /** The form prefixes are matched against: lower case, no accents, runs of spaces as one (as a suggest prefix). */
    public static String fold(String name) {
        return Folding.fold(name.strip().replaceAll("\\s+", " "));
    }

    /** One article named {@code before} and now names {@code after} (empty before its first summary, after its deletion). */
    void articleChanged(List<SummaryEntity> before, List<SummaryEntity> after) {
        Map<UUID, SummaryEntity> old = byId(before);
        Map<UUID, SummaryEntity> now = byId(after);
        List<CountChange> changes = new ArrayList<>();
        now.forEach((id, e) -> {
            SummaryEntity was = old.get(id);
            // An entity the article keeps is written only when its name or type changed (a merge can rename it).
            if (was == null || !was.name().equals(e.name()) || !was.type().equals(e.type())) {
                changes.add(new CountChange(id, e.name(), e.type(), fold(e.name()), was == null ? 1 : 0));
            }
        });
        old.forEach((id, e) -> {
            if (!now.containsKey(id)) {
                changes.add(new CountChange(id, e.name(), e.type(), fold(e.name()), -1));
            }
        });
        names.apply(changes);
    }

    private static Map<UUID, SummaryEntity> byId(List<SummaryEntity> entities) {
        Map<UUID, SummaryEntity> byId = new LinkedHashMap<>();
        entities.forEach(e -> byId.putIfAbsent(e.id(), e));
        return byId;
    }
}
