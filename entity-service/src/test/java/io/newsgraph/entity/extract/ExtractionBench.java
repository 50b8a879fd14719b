package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput benchmark, bare CRF vs the full pipeline, single-threaded, over N copies of varied texts.
 * Not a test. Run after {@code mvnw test-compile}:
 * <pre>java -Xmx2g -cp target/classes:target/test-classes:$CORENLP_JAR io.newsgraph.entity.extract.ExtractionBench [N]</pre>
 */
public final class ExtractionBench {

    private ExtractionBench() {}

    public static void main(String[] args) {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        CrfEntityRecognizer crf = CrfEntityRecognizer.loadDefault();
        System.out.printf(Locale.ROOT, "model load: %d ms%n", crf.loadTime().toMillis());
        ExtractionPipeline pipeline = ExtractionPipeline.standard(crf, AliasTable.empty());

        List<ExtractionInput> inputs = new ArrayList<>();
        List<String> texts = List.of(
                SampleArticle.load().body(),
                SampleArticle.resource("/samples/ap-style.txt"),
                SampleArticle.resource("/samples/reuters-style.txt"),
                SampleArticle.resource("/samples/speaker-list.txt"));
        for (int i = 0; i < copies; i++) {
            for (String text : texts) {
                inputs.add(new ExtractionInput("Title " + i, text, SampleArticle.PUBLISHED_AT));
            }
        }
        // Warm up both paths, then time them interleaved article by article, so load from other
        // processes on a shared machine hits both sides equally.
        for (ExtractionInput input : inputs.subList(0, Math.min(inputs.size(), 40))) {
            crf.recognize(input.body());
            pipeline.analyse(input);
        }
        long crfNanos = 0;
        long pipelineNanos = 0;
        int rounds = 3;
        for (int round = 0; round < rounds; round++) {
            for (ExtractionInput input : inputs) {
                long t0 = System.nanoTime();
                crf.recognize(input.body());
                long t1 = System.nanoTime();
                pipeline.analyse(input);
                long t2 = System.nanoTime();
                crfNanos += t1 - t0;
                pipelineNanos += t2 - t1;
            }
        }
        double articles = (double) inputs.size() * rounds;
        double crfRate = articles / (crfNanos / 1e9);
        double pipelineRate = articles / (pipelineNanos / 1e9);
        System.out.printf(
                Locale.ROOT,
                "articles: %d x %d rounds, %d distinct texts, single thread%n",
                inputs.size(),
                rounds,
                texts.size());
        System.out.printf(Locale.ROOT, "%-12s %10s%n", "side", "articles/s");
        System.out.printf(Locale.ROOT, "%-12s %10.1f%n", "bare CRF", crfRate);
        System.out.printf(Locale.ROOT, "%-12s %10.1f%n", "pipeline", pipelineRate);
        System.out.printf(Locale.ROOT, "ratio pipeline/CRF: %.3f%n", pipelineRate / crfRate);
    }
}
