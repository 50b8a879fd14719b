package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores each entity from its mention count, how early it first appears, and whether it appears in
 * the title or the lead paragraph, then scales so the top entity has 1.0. Weights favour the title
 * because editors put the story's subject there.
 */
final class SalienceScorer {

    private static final double TITLE_WEIGHT = 3.0;
    private static final double LEAD_WEIGHT = 1.5;
    private static final double POSITION_WEIGHT = 1.0;

    List<EntityResult> score(EntityIndex index, String title, Segmentation segmentation) {
        List<Entity> entities = index.entities();
        if (entities.isEmpty()) {
            return List.of();
        }
        int length = Math.max(1, segmentation.text().length());
        int leadEnd = segmentation.paragraphs().isEmpty()
                ? 0
                : segmentation.paragraphs().get(0).end();
        double[] raw = new double[entities.size()];
        double max = 0;
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            double score = Math.log1p(e.mentions().size()) * 2
                    + POSITION_WEIGHT * (1.0 - (double) e.firstOffset() / length)
                    + (e.firstOffset() < leadEnd ? LEAD_WEIGHT : 0)
                    + (inTitle(e, title) ? TITLE_WEIGHT : 0);
            raw[i] = score;
            max = Math.max(max, score);
        }
        List<EntityResult> results = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            results.add(toResult(entities.get(i), raw[i] / max));
        }
        results.sort(Comparator.comparingDouble(EntityResult::salience).reversed());
        return List.copyOf(results);
    }

    /** Any name of the entity occurs in the title as a whole word ("Russia" in "Russia-Ukraine war"). */
    static boolean inTitle(Entity e, String title) {
        if (title == null || title.isBlank()) {
            return false;
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(e.canonicalName());
        names.addAll(e.aliases());
        names.add(e.lastWord());
        for (String name : names) {
            if (containsWord(title, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int end = i + word.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private static EntityResult toResult(Entity e, double salience) {
        List<MentionResult> mentions = e.mentions().stream()
                .map(m -> new MentionResult(m.start(), m.end(), m.surface()))
                .toList();
        return new EntityResult(
                e.key(),
                e.canonicalName(),
                e.type(),
                List.copyOf(e.aliases()),
                List.copyOf(e.roles()),
                salience,
                mentions,
                null);
    }
}
