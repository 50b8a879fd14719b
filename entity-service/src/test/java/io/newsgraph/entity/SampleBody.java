package io.newsgraph.entity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample article as article-service stores it: title apart, body = paragraphs joined by a blank line,
 * without byline, share markers, the photo caption and the contribution footer.
 */
public final class SampleBody {
    private SampleBody() {}

    public static String title() {
        return raw().lines().findFirst().orElseThrow().strip();
    }

    public static String body() {
        List<String> paragraphs = new ArrayList<>();
        for (String block : raw().split("\n\\s*\n")) {
            String p = block.strip();
            if (p.isEmpty()
                    || p.equals(title())
                    || p.startsWith("作者")
                    || p.equals("分享")
                    || p.endsWith("[Photo/Xinhua]")
                    || p.equals("Agencies contributed to this story.")) {
                continue;
            }
            paragraphs.add(p);
        }
        return String.join("\n\n", paragraphs);
    }

    public static String raw() {
        try (InputStream in = SampleBody.class.getResourceAsStream("/samples/seed-article.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
