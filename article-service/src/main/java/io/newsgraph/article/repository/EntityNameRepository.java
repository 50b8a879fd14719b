package io.newsgraph.article.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The {@code entity_name} table (V11): per entity, its newest name and how many live articles' summaries name it. */
@ApplicationScoped
public class EntityNameRepository {
    /** The end of every prefix range: no folded name continues a prefix with a character above U+10FFFF. */
    private static final String LAST_CHARACTER = new String(Character.toChars(Character.MAX_CODE_POINT));

    @Inject
    EntityManager em;

    public record EntityName(UUID id, String name, String type, int articles) {}

    /** One entity's count moves by {@code delta} (-1, 0 or +1); a change that adds or keeps an article also sets the name. */
    public record CountChange(UUID id, String name, String type, String folded, int delta) {}

    /** The entities whose folded name starts with {@code foldedPrefix}, most articles first, then by name. */
    @SuppressWarnings("unchecked")
    public List<EntityName> startingWith(String foldedPrefix, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT entity_id, name, type, articles FROM entity_name WHERE folded >= ?1 AND folded < ?2
                ORDER BY articles DESC, folded, entity_id LIMIT ?3""")
                .setParameter(1, foldedPrefix)
                .setParameter(2, foldedPrefix + LAST_CHARACTER)
                .setParameter(3, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new EntityName((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue()))
                .toList();
    }

    /**
     * Applies the changes in entity id order - two summaries naming the same entities lock their rows in the same order,
     * so they wait for each other instead of deadlocking - and drops the entities no live article names any more.
     */
    public void apply(List<CountChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<CountChange> sorted =
                changes.stream().sorted(Comparator.comparing(CountChange::id)).toList();
        UUID[] ids = sorted.stream().map(CountChange::id).toArray(UUID[]::new);
        em.createNativeQuery("""
                INSERT INTO entity_name AS n (entity_id, name, type, folded, articles)
                SELECT * FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]), CAST(?5 AS int[]))
                ORDER BY 1
                ON CONFLICT (entity_id) DO UPDATE SET articles = n.articles + EXCLUDED.articles,
                    name = CASE WHEN EXCLUDED.articles >= 0 THEN EXCLUDED.name ELSE n.name END,
                    type = CASE WHEN EXCLUDED.articles >= 0 THEN EXCLUDED.type ELSE n.type END,
                    folded = CASE WHEN EXCLUDED.articles >= 0 THEN EXCLUDED.folded ELSE n.folded END""")
                .setParameter(1, ids)
                .setParameter(2, sorted.stream().map(CountChange::name).toArray(String[]::new))
                .setParameter(3, sorted.stream().map(CountChange::type).toArray(String[]::new))
                .setParameter(4, sorted.stream().map(CountChange::folded).toArray(String[]::new))
                .setParameter(5, sorted.stream().map(CountChange::delta).toArray(Integer[]::new))
                .executeUpdate();
        em.createNativeQuery("DELETE FROM entity_name WHERE entity_id = ANY(?1) AND articles <= 0")
                .setParameter(1, ids)
                .executeUpdate();
    }
}
