package io.newsgraph.gateway;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The spans of the tests: an in-memory exporter as a CDI bean, which Quarkus' OpenTelemetry uses instead of the
 * OTLP exporter. It sees spans only where {@link TracingOn} turns the SDK on.
 */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
