package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs several recognizers and keeps a non-overlapping set of mentions: the longer span wins an
 * overlap, and on equal spans the recognizer listed first wins. List the gazetteer first so that
 * its types win for known names (the CRF model often tags outlets such as "Meduza" as people).
 */
public final class CompositeRecognizer implements EntityRecognizer {

    private final List<EntityRecognizer> recognizers;

    /** @param recognizers in priority order, highest first */
    public CompositeRecognizer(List<EntityRecognizer> recognizers) {
        this.recognizers = List.copyOf(Objects.requireNonNull(recognizers, "recognizers"));
    }

    public CompositeRecognizer(EntityRecognizer... recognizers) {
        this(List.of(recognizers));
    }

    @Override
    public List<Mention> recognize(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        record Ranked(Mention mention, int priority) {}
        List<Ranked> candidates = new ArrayList<>();
        for (int p = 0; p < recognizers.size(); p++) {
            for (Mention m : recognizers.get(p).recognize(text)) {
                candidates.add(new Ranked(m, p));
            }
        }
        candidates.sort(Comparator.comparingInt((Ranked r) -> -r.mention().length())
                .thenComparingInt(Ranked::priority)
                .thenComparingInt(r -> r.mention().start()));
        List<Mention> kept = new ArrayList<>();
        for (Ranked candidate : candidates) {
            if (kept.stream().noneMatch(candidate.mention()::overlaps)) {
                kept.add(candidate.mention());
            }
        }
        kept.sort(Comparator.comparingInt(Mention::start));
        return List.copyOf(kept);
    }
}
