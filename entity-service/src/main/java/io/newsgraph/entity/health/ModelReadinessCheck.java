package io.newsgraph.entity.health;

import io.newsgraph.entity.service.ExtractionEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the NER model is loaded: a replica without it cannot extract. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    @Inject
    ExtractionEngine engine;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("NER model").status(engine.ready());
        if (engine.loadTime() != null) {
            response.withData("loadMillis", engine.loadTime().toMillis());
        }
        if (engine.failure() != null) {
            response.withData("failure", engine.failure());
        }
        return response.build();
    }
}
