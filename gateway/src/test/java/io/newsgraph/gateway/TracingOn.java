package io.newsgraph.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The OpenTelemetry SDK on (it is off by default, see application.properties), spans exported within 50 ms. */
public class TracingOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
