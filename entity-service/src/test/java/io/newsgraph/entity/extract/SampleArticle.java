package io.newsgraph.entity.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test helper: turns the raw chinadaily sample page text into an {@link ExtractionInput}. */
final class SampleArticle {

    static final Instant PUBLISHED_AT = Instant.parse("2025-03-23T12:00:00Z");

    private SampleArticle() {}

    static ExtractionInput load() {
        String raw = resource("/samples/seed-article.txt");
        String[] lines = raw.replace("\r\n", "\n").split("\n", -1);
        String title = lines[0].strip();
        List<String> paragraphs = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()
                    || line.startsWith("作者:")
                    || line.startsWith("分享")
                    || line.endsWith("[Photo/Xinhua]")
                    || line.equals("Agencies contributed to this story.")) {
                continue;
            }
            paragraphs.add(line);
        }
        return new ExtractionInput(title, String.join("\n\n", paragraphs), PUBLISHED_AT);
    }

    static String resource(String path) {
        try (InputStream in = SampleArticle.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
