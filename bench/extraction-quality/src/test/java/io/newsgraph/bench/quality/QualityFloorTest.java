package io.newsgraph.bench.quality;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Scores the whole dev set and fails when a figure falls below its floor (floors.properties: the figures
 * measured when the floors were last raised, minus a small margin). Quality can only go up.
 */
class QualityFloorTest {

    @Test
    void everyFigureStaysAtOrAboveItsFloor() throws IOException {
        ExtractionQuality.Report report =
                ExtractionQuality.run(Path.of(System.getProperty("devset.dir", "../../devset")));
        System.out.print(ExtractionQuality.format(report, false));
        assertTrue(report.articles().size() >= 30, "the dev set holds at least 30 articles");
        Properties floors = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/floors.properties")) {
            floors.load(in);
        }
        List<String> below = new ArrayList<>();
        for (String name : floors.stringPropertyNames()) {
            String kind = name.substring(0, name.lastIndexOf('.'));
            String figure = name.substring(name.lastIndexOf('.') + 1);
            Counts c = report.total(kind);
            double value = switch (figure) {
                case "precision" -> c.precision();
                case "recall" -> c.recall();
                case "f1" -> c.f1();
                default -> throw new IllegalArgumentException("unknown figure " + name);
            };
            double floor = Double.parseDouble(floors.getProperty(name));
            if (value < floor) {
                below.add(String.format("%s = %.3f < floor %.3f", name, value, floor));
            }
        }
        assertTrue(below.isEmpty(), "figures below their floors: " + below);
    }
}
