package io.newsgraph.entity.service;

import io.newsgraph.common.problem.ProblemException;
import io.newsgraph.entity.extract.Analysis;
import io.newsgraph.entity.extract.CrfEntityRecognizer;
import io.newsgraph.entity.extract.ExtractionInput;
import io.newsgraph.entity.extract.ExtractionPipeline;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Holds the extraction pipeline. The NER model (~30 MB, seconds to deserialise) loads once, in the
 * background from start-up on; until it is loaded readiness is DOWN and extraction answers 503.
 */
@ApplicationScoped
public class ExtractionEngine {
    private static final Logger LOG = Logger.getLogger(ExtractionEngine.class);

    @Inject
    UserAliasTable userAliases;

    private volatile ExtractionPipeline pipeline;
    private volatile Duration loadTime;
    private volatile String failure;

    void onStart(@Observes StartupEvent event) {
        Thread.ofPlatform().name("ner-model-loader").daemon().start(this::load);
    }

    private void load() {
        try {
            CrfEntityRecognizer crf = CrfEntityRecognizer.loadDefault();
            ExtractionPipeline loaded = ExtractionPipeline.standard(crf, userAliases);
            // Deserialising the model leaves ~200 MB of garbage behind. One full collection before readiness lets
            // the JVM hand that memory back to the OS (given heap free ratios like those in Dockerfile.jvm and
            // scripts/run) instead of keeping it committed for the life of the process: idle RSS ~130 MB lower.
            System.gc();
            loadTime = crf.loadTime();
            pipeline = loaded;
            LOG.infof("NER model loaded in %d ms", loadTime.toMillis());
        } catch (RuntimeException e) {
            failure = e.toString();
            LOG.error("NER model could not be loaded; extraction stays unavailable", e);
        }
    }

    public boolean ready() {
        return pipeline != null;
    }

    public Duration loadTime() {
        return loadTime;
    }

    public String failure() {
        return failure;
    }

    public Analysis analyse(ExtractionInput input) {
        ExtractionPipeline current = pipeline;
        if (current == null) {
            throw new ProblemException(503, "model-loading", "Extraction not ready",
                    failure == null ? "The NER model is still loading; retry in a few seconds" : "The NER model failed to load");
        }
        return current.analyse(input);
    }
}
