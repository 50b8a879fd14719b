package io.newsgraph.entity.extract;

import java.time.Instant;

/**
 * One article to analyse. All result offsets refer to {@code body}; the title only feeds salience.
 *
 * @param publishedAt anchor for relative dates; null leaves relative dates unresolved
 */
public record ExtractionInput(String title, String body, Instant publishedAt) {

    public ExtractionInput {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
    }
}
