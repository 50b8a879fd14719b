package io.newsgraph.bench.quality;

import io.newsgraph.entity.extract.AliasTable;
import io.newsgraph.entity.extract.Analysis;
import io.newsgraph.entity.extract.CrfEntityRecognizer;
import io.newsgraph.entity.extract.ExtractionPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the dev set through article-service's parser and entity-service's pipeline (the service's standard setup:
 * gazetteer + CRF, default aliases) and the bare CRF, and scores both against the gold.
 */
public final class ExtractionQuality {

    record ArticleResult(DevArticle article, Analysis analysis, Map<String, Counts> scores) {}

    record Report(List<ArticleResult> articles, Map<String, Counts> totals) {

        Counts total(String kind) {
            return totals.getOrDefault(kind, Counts.ZERO);
        }
    }

    private ExtractionQuality() {}

    static Report run(Path devset) {
        CrfEntityRecognizer crf = CrfEntityRecognizer.loadDefault();
        ExtractionPipeline pipeline = ExtractionPipeline.standard(crf, AliasTable.empty());
        List<ArticleResult> results = new ArrayList<>();
        Map<String, Counts> totals = new LinkedHashMap<>();
        for (DevArticle article : DevArticle.loadAll(devset)) {
            Analysis analysis = pipeline.analyse(Inputs.of(article));
            Map<String, Counts> scores = Scorer.score(article, analysis, crf.recognize(article.body()));
            scores.forEach((kind, counts) -> totals.merge(kind, counts, Counts::plus));
            results.add(new ArticleResult(article, analysis, scores));
        }
        return new Report(results, totals);
    }

    static String format(Report report, boolean details) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%-24s %8s %9s %6s %9s %7s %7s%n",
                "kind",
                "correct",
                "predicted",
                "gold",
                "precision",
                "recall",
                "F1"));
        for (String kind : Scorer.KINDS) {
            Counts c = report.total(kind);
            out.append(String.format(
                    Locale.ROOT,
                    "%-24s %8d %9d %6d %9.3f %7.3f %7.3f%n",
                    kind,
                    c.correct(),
                    c.predicted(),
                    c.gold(),
                    c.precision(),
                    c.recall(),
                    c.f1()));
        }
        out.append(String.format(
                Locale.ROOT,
                "%narticles: %d; metadata: articles with all 6 fields right: %d%n%n",
                report.articles().size(),
                report.articles().stream()
                        .filter(a -> a.scores().get("metadata").correct() == 6)
                        .count()));
        out.append(String.format(
                Locale.ROOT,
                "%-32s %14s %7s %9s %11s %9s %4s %5s%n",
                "article",
                "entities P/R/F1",
                "CRF F1",
                "quotes F1",
                "attribution",
                "dates",
                "ref",
                "meta"));
        for (ArticleResult a : report.articles()) {
            Map<String, Counts> s = a.scores();
            Counts e = s.get("entities");
            out.append(String.format(
                    Locale.ROOT,
                    "%-32s %4.2f/%4.2f/%4.2f %7.2f %9.2f %5d of %-3d %3d of %-3d %4s %3d/6%n",
                    a.article().name(),
                    e.precision(),
                    e.recall(),
                    e.f1(),
                    s.get("entities.crf").f1(),
                    s.get("quotes").f1(),
                    s.get("attribution").correct(),
                    s.get("attribution").gold(),
                    s.get("dates").correct(),
                    s.get("dates").gold(),
                    s.get("referenceDate").correct() == 1 ? "ok" : "-",
                    s.get("metadata").correct()));
            if (details) {
                List<String> misses = Scorer.metadataMisses(a.article());
                if (!misses.isEmpty()) {
                    out.append("    metadata misses: ").append(misses).append('\n');
                }
                Details.append(out, a);
            }
        }
        return out.toString();
    }

    /** {@code java ... ExtractionQuality [devset dir] [--details]}. */
    public static void main(String[] args) {
        Path devset = Path.of(
                args.length > 0 && !args[0].startsWith("--") ? args[0] : System.getProperty("devset.dir", "devset"));
        boolean details = List.of(args).contains("--details");
        System.out.print(format(run(devset), details));
    }
}
