package io.newsgraph.article.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.article.parse.PhotoCredit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Scores the metadata the ingest path reads from the wire-style fixtures ({@code src/test/resources/wire/}) against
 * their hand-made gold, per field, and fails below the floor. Prints a table (per field and the misses) so a change
 * in quality is visible in the build log.
 */
class WireMetadataScoreTests {

    /** Every field of every fixture must be right: the fixtures are one per major wire style. */
    private static final double FLOOR = 1.0;

    private static final List<String> FIELDS = List.of(
            "title",
            "author",
            "source",
            "datelinePlace",
            "datelineDate",
            "agency",
            "photoCredits",
            "bylineDate",
            "bodyStart",
            "bodyEnd");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleDrafts drafts = new ArticleDrafts();

    @Test
    void metadataOfEveryWireStyleIsRight() throws IOException {
        JsonNode gold = JSON.readTree(resource("gold.json"));
        Map<String, int[]> scores = new LinkedHashMap<>();
        FIELDS.forEach(f -> scores.put(f, new int[2]));
        List<String> misses = new ArrayList<>();
        for (JsonNode expected : gold) {
            String file = expected.get("file").asText();
            Map<String, String> actual;
            try {
                actual = fields(draft(file, expected));
            } catch (RuntimeException e) {
                actual = Map.of(); // every field of this fixture counts as missed
                misses.add(file + ": " + e.getMessage());
            }
            for (String field : FIELDS) {
                String want = expectedValue(expected, field);
                int[] score = scores.get(field);
                score[1]++;
                if (matches(field, want, actual.get(field))) {
                    score[0]++;
                } else {
                    String got = actual.get(field);
                    if (got != null && field.startsWith("body")) {
                        got = field.equals("bodyStart")
                                ? got.substring(0, Math.min(60, got.length()))
                                : got.substring(Math.max(0, got.length() - 60));
                    }
                    misses.add("%s %s: expected <%s> got <%s>".formatted(file, field, want, got));
                }
            }
        }
        StringBuilder report = new StringBuilder("wire metadata score over " + gold.size() + " fixtures\n");
        double worst = 1.0;
        for (Map.Entry<String, int[]> e : scores.entrySet()) {
            double share = (double) e.getValue()[0] / e.getValue()[1];
            worst = Math.min(worst, share);
            report.append("  %-14s %3d/%3d  %.3f%n".formatted(e.getKey(), e.getValue()[0], e.getValue()[1], share));
        }
        misses.forEach(m -> report.append("  miss: ").append(m).append('\n'));
        System.out.println(report);
        assertTrue(worst >= FLOOR, report.toString());
    }

    private ArticleDraft draft(String file, JsonNode expected) throws IOException {
        String content = resource(file);
        Instant publishedAt = expected.hasNonNull("publishedAt")
                ? Instant.parse(expected.get("publishedAt").asText())
                : null;
        if (file.endsWith(".json")) {
            JsonNode doc = JSON.readTree(content);
            Instant docPublished = doc.hasNonNull("publishedAt")
                    ? Instant.parse(doc.get("publishedAt").asText())
                    : publishedAt;
            ArticleMetadata meta = new ArticleMetadata(
                    null, text(doc, "title"), text(doc, "author"), text(doc, "source"), null, null, docPublished);
            return drafts.fromJson(content, meta, doc.get("body").asText());
        }
        ArticleMetadata meta = new ArticleMetadata(null, null, null, null, null, null, publishedAt);
        return file.endsWith(".html") ? drafts.fromHtml(content, meta) : drafts.fromWireCopy(content, meta);
    }

    private static Map<String, String> fields(ArticleDraft d) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", d.title());
        f.put("author", d.author());
        f.put("source", d.source());
        f.put("datelinePlace", d.dateline());
        WireMetadata w = d.wire();
        f.put(
                "datelineDate",
                w.datelineDate() != null
                        ? w.datelineDate().toString()
                        : w.datelineMonthDay() == null
                                ? null
                                : w.datelineMonthDay().toString());
        f.put("agency", w.agency());
        f.put(
                "photoCredits",
                String.join(
                        ", ",
                        d.captions().stream()
                                .map(c -> {
                                    PhotoCredit credit = PhotoCredit.of(c.credit());
                                    return Objects.toString(credit.agency(), "") + "|"
                                            + Objects.toString(credit.photographer(), "");
                                })
                                .toList()));
        f.put("bylineDate", w.bylineDate() == null ? null : w.bylineDate().toString());
        f.put("bodyStart", d.body());
        f.put("bodyEnd", d.body());
        return f;
    }

    /** The body is scored by its first and last words: they show whether metadata was cut from the text. */
    private static boolean matches(String field, String want, String got) {
        return switch (field) {
            case "bodyStart" -> got != null && got.startsWith(want);
            case "bodyEnd" -> got != null && got.endsWith(want);
            default -> Objects.equals(want, got);
        };
    }

    private static String expectedValue(JsonNode expected, String field) {
        return switch (field) {
            case "photoCredits" -> {
                List<String> credits = new ArrayList<>();
                expected.get("photoCredits").forEach(c -> credits.add(c.asText()));
                yield String.join(", ", credits);
            }
            default -> expected.hasNonNull(field) ? expected.get(field).asText() : null;
        };
    }

    private static String text(JsonNode doc, String field) {
        return doc.hasNonNull(field) ? doc.get(field).asText() : null;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WireMetadataScoreTests.class.getResourceAsStream("/wire/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
