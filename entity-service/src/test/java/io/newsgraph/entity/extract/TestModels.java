package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Shared, lazily loaded test fixtures: the CRF model is loaded once per test JVM. */
final class TestModels {

    private static CrfEntityRecognizer crf;
    private static ExtractionPipeline pipeline;
    private static Analysis sample;

    private TestModels() {}

    static synchronized CrfEntityRecognizer crf() {
        if (crf == null) {
            crf = CrfEntityRecognizer.loadDefault();
        }
        return crf;
    }

    static synchronized ExtractionPipeline pipeline() {
        if (pipeline == null) {
            pipeline = ExtractionPipeline.standard(crf(), AliasTable.empty());
        }
        return pipeline;
    }

    /** The analysis of the sample article, computed once. */
    static synchronized Analysis sample() {
        if (sample == null) {
            sample = pipeline().analyse(SampleArticle.load());
        }
        return sample;
    }

    /** A recognizer for stage tests that need no model: every occurrence of each listed name. */
    static EntityRecognizer dictionary(Map<String, EntityType> names) {
        EntityRecognizer everyOccurrence = text -> {
            List<Mention> mentions = new ArrayList<>();
            names.forEach((name, type) -> {
                for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
                    boolean startOk = i == 0 || !Character.isLetter(text.charAt(i - 1));
                    int end = i + name.length();
                    boolean endOk = end == text.length() || !Character.isLetter(text.charAt(end));
                    if (startOk && endOk) {
                        mentions.add(new Mention(i, end, type, name));
                    }
                }
            });
            mentions.sort(Comparator.comparingInt(Mention::start));
            return mentions;
        };
        return new CompositeRecognizer(everyOccurrence); // drops "Putin" inside "Vladimir Putin"
    }

    /** Runs the pipeline with a dictionary recognizer and the default aliases. */
    static Analysis analyse(Map<String, EntityType> names, String body) {
        return new ExtractionPipeline(dictionary(names), AliasTable.defaults())
                .analyse(new ExtractionInput("", body, SampleArticle.PUBLISHED_AT));
    }
}
