package io.newsgraph.bench.quality;

import io.newsgraph.entity.extract.DateResult;
import io.newsgraph.entity.extract.EntityResult;
import io.newsgraph.entity.extract.MentionResult;
import io.newsgraph.entity.extract.QuoteResult;
import java.util.Set;
import java.util.TreeSet;

/** The errors behind one article's figures (--details): missed and spurious entities, quotes, dates. */
final class Details {

    private Details() {}

    static void append(StringBuilder out, ExtractionQuality.ArticleResult a) {
        Set<String> gold = new TreeSet<>();
        a.article().gold().entities().forEach(e -> gold.add(Scorer.entityKey(e.surface(), e.type())));
        Set<String> predicted = new TreeSet<>();
        for (EntityResult e : a.analysis().entities()) {
            for (MentionResult m : e.mentions()) {
                predicted.add(Scorer.entityKey(m.surface(), e.type().name()));
            }
        }
        Set<String> missed = new TreeSet<>(gold);
        missed.removeAll(predicted);
        Set<String> spurious = new TreeSet<>(predicted);
        spurious.removeAll(gold);
        if (!missed.isEmpty()) {
            out.append("    entities missed: ").append(missed).append('\n');
        }
        if (!spurious.isEmpty()) {
            out.append("    entities spurious: ").append(spurious).append('\n');
        }
        java.util.Map<String, EntityResult> bySurface = new java.util.HashMap<>();
        for (EntityResult e : a.analysis().entities()) {
            e.mentions()
                    .forEach(m -> bySurface.putIfAbsent(
                            Scorer.entityKey(m.surface(), e.type().name()), e));
        }
        for (Gold.Entity g : a.article().gold().entities()) {
            EntityResult p = bySurface.get(Scorer.entityKey(g.surface(), g.type()));
            if (g.place() != null
                    && p != null
                    && (p.place() != null || g.place().isObject())
                    && !Scorer.placeMatches(g.place(), p.place())) {
                out.append("    PLACE ")
                        .append(g.surface())
                        .append(" gold ")
                        .append(g.place())
                        .append(" got ")
                        .append(p.place())
                        .append('\n');
            }
        }
        for (QuoteResult q : a.analysis().quotes()) {
            out.append("    quote ")
                    .append(Scorer.kindName(q.kind()))
                    .append(" [")
                    .append(q.speakerKey())
                    .append(" / ")
                    .append(q.speakerSurface())
                    .append(" / ")
                    .append(q.speakerDescription())
                    .append(" / role ")
                    .append(q.speakerRole())
                    .append(" / for ")
                    .append(Quotes.onBehalfOf(q))
                    .append("] ")
                    .append(q.text().length() > 70 ? q.text().substring(0, 70) + "…" : q.text())
                    .append('\n');
        }
        java.util.Map<String, EntityResult> byKey = new java.util.HashMap<>();
        a.analysis().entities().forEach(e -> byKey.put(e.key(), e));
        Set<QuoteResult> used = new java.util.HashSet<>();
        for (Gold.Quote g : a.article().gold().quotes()) {
            QuoteResult p = Scorer.match(g, a.analysis().quotes(), used, !"INDIRECT".equals(g.kind()));
            if (p != null) {
                used.add(p);
            }
            if (p == null || !Scorer.speakerMatches(g.speaker(), p.speakerKey(), byKey)) {
                out.append("    MISATTRIBUTED ")
                        .append(g.kind())
                        .append(" '")
                        .append(g.text())
                        .append("' gold ")
                        .append(g.speaker())
                        .append(" got ")
                        .append(p == null ? "no match" : p.speakerKey() + " (" + p.speakerSurface() + ")")
                        .append('\n');
            }
        }
        for (DateResult d : a.analysis().dates()) {
            out.append("    date ")
                    .append(d.surface())
                    .append(" = ")
                    .append(d.resolved())
                    .append('\n');
        }
        out.append("    reference ")
                .append(References.of(a.article(), a.analysis()))
                .append('\n');
    }
}
