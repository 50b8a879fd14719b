package io.newsgraph.entity.service;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.newsgraph.common.problem.ProblemException;
import io.newsgraph.entity.extract.Analysis;
import io.newsgraph.entity.extract.CrfEntityRecognizer;
import io.newsgraph.entity.extract.ExtractionInput;
import io.newsgraph.entity.extract.ExtractionPipeline;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
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
            returnLoadGarbageToTheOs();
            loadTime = crf.loadTime();
            pipeline = loaded;
            LOG.infof("NER model loaded in %d ms", loadTime.toMillis());
        } catch (RuntimeException e) {
            failure = e.toString();
            LOG.error("NER model could not be loaded; extraction stays unavailable", e);
        }
    }

    /**
     * Deserialising the model leaves ~200 MB of garbage behind, and the JVM would keep that memory committed for the
     * life of the process (idle RSS ~440 MB instead of ~280). One full collection with the heap free ratios lowered
     * for its duration hands it back to the OS; the ratios are then restored, so the heap may grow again under load
     * without the GC cost that permanently low ratios would add (~25 % more CPU per article, measured). Both flags
     * are "manageable" HotSpot options; where they cannot be set (another VM, a native image) only the GC runs.
     */
    private static void returnLoadGarbageToTheOs() {
        if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
            System.gc(); // native image: no HotSpot flags to adjust
            return;
        }
        HotSpotDiagnosticMXBean vm = null;
        String min = null;
        String max = null;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            min = vm.getVMOption("MinHeapFreeRatio").getValue();
            max = vm.getVMOption("MaxHeapFreeRatio").getValue();
            vm.setVMOption("MinHeapFreeRatio", "10"); // lower Min first: Max may never be below it
            vm.setVMOption("MaxHeapFreeRatio", "20");
        } catch (RuntimeException e) {
            LOG.debugf("heap free ratios not adjustable here (%s): collecting without", e.toString());
        }
        System.gc();
        if (vm != null && min != null && max != null) {
            try {
                vm.setVMOption("MaxHeapFreeRatio", max);
                vm.setVMOption("MinHeapFreeRatio", min);
            } catch (RuntimeException e) {
                LOG.warnf("could not restore the heap free ratios %s/%s: %s", min, max, e.toString());
            }
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
            throw new ProblemException(
                    503,
                    "model-loading",
                    "Extraction not ready",
                    failure == null
                            ? "The NER model is still loading; retry in a few seconds"
                            : "The NER model failed to load");
        }
        return current.analyse(input);
    }
}
