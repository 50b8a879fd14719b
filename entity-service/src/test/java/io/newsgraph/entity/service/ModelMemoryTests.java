package io.newsgraph.entity.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The model loader lowers the heap free ratios for one collection only (ExtractionEngine): they are back after it.
 * A property of the JVM the service runs in, so a @QuarkusTest only (no packaged-app variant).
 */
@QuarkusTest
class ModelMemoryTests {

    @Test
    void heapFreeRatiosAreRestoredAfterTheModelLoad() {
        Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assertEquals(
                "70", vm.getVMOption("MaxHeapFreeRatio").getValue()); // HotSpot's defaults; the test JVM sets neither
        assertEquals("40", vm.getVMOption("MinHeapFreeRatio").getValue());
    }
}
