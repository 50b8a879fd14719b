package io.newsgraph.entity.extract;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Single-thread throughput of the full extraction pipeline vs the bare CRF on the same texts (bench/entity-service).
 *
 * <pre>java -cp classes:entity-service.jar:stanford-corenlp.jar io.newsgraph.entity.extract.PipelineVsCrf TEXTS WARMUP_S MEASURE_S</pre>
 *
 * TEXTS: records separated by a line holding only U+001E; each record is "title\npublishedAt\nbody".
 * Both sides run on every text in every round, interleaved text by text with alternating order (even position:
 * CRF first; odd: pipeline first) over a freshly shuffled text order per round, so drift and load from other
 * processes hit both sides alike. Wall time and this thread's CPU time are recorded per call. Prints key=value lines.
 * Lives in the extract package (on the classpath beside the service jar) only to reach the package-private stages
 * for the diagnostic per-stage breakdown, which mirrors ExtractionPipeline.analyse.
 */
public final class PipelineVsCrf {

    private static long sink;

    public static void main(String[] args) throws IOException {
        List<ExtractionInput> inputs = read(Path.of(args[0]));
        double warmupSeconds = Double.parseDouble(args[1]);
        double measureSeconds = Double.parseDouble(args[2]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();

        CrfEntityRecognizer crf = CrfEntityRecognizer.loadDefault();
        ExtractionPipeline pipeline = ExtractionPipeline.standard(crf, AliasTable.empty());
        out("model_load_ms", crf.loadTime().toMillis());
        out("texts", inputs.size());
        out("mean_chars", inputs.stream().mapToInt(i -> i.body().length()).average().orElse(0));
        out("mean_words", inputs.stream().mapToInt(i -> i.body().split("\\s+").length).average().orElse(0));

        // Warm-up: whole passes over all texts, both sides, until the warm-up time is used (at least 2 passes).
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        int warmPasses = 0;
        while (warmPasses < 2 || System.nanoTime() < warmEnd) {
            for (ExtractionInput in : inputs) {
                sink += crf.recognize(in.body()).size();
                sink += pipeline.analyse(in).entities().size();
            }
            warmPasses++;
        }
        out("warmup_passes", warmPasses);

        Random random = new Random(42);
        List<ExtractionInput> order = new ArrayList<>(inputs);
        List<double[]> rounds = new ArrayList<>(); // per round: crfWall, pipeWall, crfCpu, pipeCpu (ns), articles
        long measureEnd = System.nanoTime() + (long) (measureSeconds * 1e9);
        while (rounds.size() < 3 || System.nanoTime() < measureEnd) {
            Collections.shuffle(order, random);
            long crfWall = 0, pipeWall = 0, crfCpu = 0, pipeCpu = 0;
            for (int i = 0; i < order.size(); i++) {
                ExtractionInput in = order.get(i);
                if (i % 2 == 0) {
                    long w0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
                    sink += crf.recognize(in.body()).size();
                    long w1 = System.nanoTime(), c1 = mx.getCurrentThreadCpuTime();
                    sink += pipeline.analyse(in).entities().size();
                    long w2 = System.nanoTime(), c2 = mx.getCurrentThreadCpuTime();
                    crfWall += w1 - w0; crfCpu += c1 - c0; pipeWall += w2 - w1; pipeCpu += c2 - c1;
                } else {
                    long w0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
                    sink += pipeline.analyse(in).entities().size();
                    long w1 = System.nanoTime(), c1 = mx.getCurrentThreadCpuTime();
                    sink += crf.recognize(in.body()).size();
                    long w2 = System.nanoTime(), c2 = mx.getCurrentThreadCpuTime();
                    pipeWall += w1 - w0; pipeCpu += c1 - c0; crfWall += w2 - w1; crfCpu += c2 - c1;
                }
            }
            rounds.add(new double[] {crfWall, pipeWall, crfCpu, pipeCpu, order.size()});
        }
        double[] sum = new double[5];
        double[] ratiosWall = new double[rounds.size()];
        double[] ratiosCpu = new double[rounds.size()];
        for (int r = 0; r < rounds.size(); r++) {
            double[] x = rounds.get(r);
            for (int k = 0; k < 5; k++) {
                sum[k] += x[k];
            }
            ratiosWall[r] = x[0] / x[1]; // pipeline rate / CRF rate = CRF time / pipeline time
            ratiosCpu[r] = x[2] / x[3];
        }
        double articles = sum[4];
        out("rounds", rounds.size());
        out("articles_per_side", (long) articles);
        out("crf_wall_rate", articles / (sum[0] / 1e9));
        out("pipeline_wall_rate", articles / (sum[1] / 1e9));
        out("crf_cpu_rate", articles / (sum[2] / 1e9));
        out("pipeline_cpu_rate", articles / (sum[3] / 1e9));
        out("ratio_wall", sum[0] / sum[1]);
        out("ratio_cpu", sum[2] / sum[3]);
        Arrays.sort(ratiosWall);
        Arrays.sort(ratiosCpu);
        out("ratio_wall_round_min", ratiosWall[0]);
        out("ratio_wall_round_median", ratiosWall[ratiosWall.length / 2]);
        out("ratio_wall_round_max", ratiosWall[ratiosWall.length - 1]);
        out("ratio_cpu_round_min", ratiosCpu[0]);
        out("ratio_cpu_round_median", ratiosCpu[ratiosCpu.length / 2]);
        out("ratio_cpu_round_max", ratiosCpu[ratiosCpu.length - 1]);

        // Diagnostic: where the pipeline's time goes, per stage (thread CPU time), two passes over all texts.
        GazetteerRecognizer gazetteer = GazetteerRecognizer.loadDefault();
        AliasTable aliases = AliasTable.empty().orElse(AliasTable.defaults()).orElse(gazetteer.aliases());
        Lexicon lexicon = Lexicon.standard();
        TextSegmenter segmenter = new TextSegmenter(lexicon);
        EntityCanonicalizer canonicalizer = new EntityCanonicalizer(aliases, lexicon);
        CompositeRecognizer composite = new CompositeRecognizer(gazetteer, crf);
        RoleExtractor roles = new RoleExtractor(lexicon);
        DateExtractor dates = new DateExtractor(lexicon);
        ClaimExtractor claims = new ClaimExtractor();
        SalienceScorer salience = new SalienceScorer();
        SpanRepair spanRepair = new SpanRepair();
        String[] stages = {"normalize+markup+reference", "segment", "gazetteer", "crf", "composite_merge", "span_repair+canonicalize",
                "roles", "dates", "quotes", "claims", "salience"};
        long[] ns = new long[stages.length];
        int n = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (ExtractionInput in : inputs) {
                long t = mx.getCurrentThreadCpuTime(), u;
                String normalized = TextNormalizer.normalize(in.body());
                WireMarkup.Markup markup = WireMarkup.find(normalized);
                String text = markup.blank(normalized);
                ReferenceDate reference = ReferenceDates.choose(in, markup, text);
                LocalDate published = reference == null ? null : reference.value();
                u = mx.getCurrentThreadCpuTime(); ns[0] += u - t; t = u;
                Segmentation seg = segmenter.segment(text);
                u = mx.getCurrentThreadCpuTime(); ns[1] += u - t; t = u;
                sink += gazetteer.recognize(text).size();
                u = mx.getCurrentThreadCpuTime(); ns[2] += u - t; t = u;
                sink += crf.recognize(text).size();
                u = mx.getCurrentThreadCpuTime(); ns[3] += u - t; t = u;
                List<Mention> mentions = composite.recognize(text); // gazetteer + CRF again + merge
                u = mx.getCurrentThreadCpuTime(); ns[4] += u - t; t = u;
                EntityIndex index = canonicalizer.canonicalize(text, spanRepair.repair(text, mentions));
                u = mx.getCurrentThreadCpuTime(); ns[5] += u - t; t = u;
                List<RoleSpan> roleSpans = roles.extract(seg, index);
                u = mx.getCurrentThreadCpuTime(); ns[6] += u - t; t = u;
                List<DateResult> dateResults = dates.extract(seg, published);
                u = mx.getCurrentThreadCpuTime(); ns[7] += u - t; t = u;
                List<QuoteResult> quotes = new QuoteExtractor(seg, in.body(), index, roleSpans, dateResults, lexicon).extract();
                u = mx.getCurrentThreadCpuTime(); ns[8] += u - t; t = u;
                List<ClaimResult> claimResults = claims.extract(seg, dateResults, quotes);
                u = mx.getCurrentThreadCpuTime(); ns[9] += u - t; t = u;
                sink += salience.score(index, in.title(), seg).size() + claimResults.size();
                u = mx.getCurrentThreadCpuTime(); ns[10] += u - t;
                n++;
            }
        }
        // composite = gazetteer + crf + merge: report the merge alone.
        ns[4] = Math.max(0, ns[4] - ns[2] - ns[3]);
        for (int s = 0; s < stages.length; s++) {
            out("stage_ms_" + stages[s], ns[s] / 1e6 / n);
        }
        out("sink", sink);
    }

    private static List<ExtractionInput> read(Path file) throws IOException {
        String all = Files.readString(file, StandardCharsets.UTF_8);
        List<ExtractionInput> inputs = new ArrayList<>();
        for (String record : all.split("\n\u001E\n")) {
            if (record.isBlank()) {
                continue;
            }
            String[] parts = record.split("\n", 3);
            inputs.add(new ExtractionInput(parts[0], parts[2], parts[1].isBlank() ? null : Instant.parse(parts[1].strip())));
        }
        return inputs;
    }

    private static void out(String key, Object value) {
        if (value instanceof Double d) {
            System.out.printf(Locale.ROOT, "%s=%.3f%n", key, d);
        } else {
            System.out.println(key + "=" + value);
        }
    }
}
