package io.newsgraph.article.rest;

import static io.newsgraph.common.validation.TextPatterns.HTTP_URL;
import static io.newsgraph.common.validation.TextPatterns.HTTP_URL_MESSAGE;
import static io.newsgraph.common.validation.TextPatterns.LANGUAGE_TAG;
import static io.newsgraph.common.validation.TextPatterns.LANGUAGE_TAG_MESSAGE;
import static io.newsgraph.common.validation.TextPatterns.SINGLE_LINE;
import static io.newsgraph.common.validation.TextPatterns.SINGLE_LINE_MESSAGE;
import static io.newsgraph.common.validation.TextPatterns.STORABLE_TEXT;
import static io.newsgraph.common.validation.TextPatterns.STORABLE_TEXT_MESSAGE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as a client sends it in JSON. */
@Schema(
        name = "ArticleInput",
        description =
                "An article to ingest. `body` may be raw wire copy: share markers, photo captions and contribution footers in it are recognised.")
public record ArticleInput(
        @Schema(
                description = "The publisher's own id; a second article with the same externalId is a duplicate.",
                examples = "cd-2025-03-23-0042")
        @Size(max = 200)
        @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE)
        String externalId,

        @Schema(description = "Headline.", examples = "US talks set on Russia-Ukraine war")
        @NotBlank
        @Size(max = 1000)
        @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE)
        String title,

        @Schema(
                description = "Article text; paragraphs separated by blank lines.",
                examples =
                        "US and Russian delegations will meet in Saudi Arabia on Monday.\n\nThe talks will take place a day after...")
        @NotBlank
        @Size(max = 1_000_000)
        @Pattern(regexp = STORABLE_TEXT, message = STORABLE_TEXT_MESSAGE)
        String body,

        @Schema(description = "Author(s) as printed.", examples = "HENG WEILI")
        @Size(max = 300)
        @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE)
        String author,

        @Schema(description = "Publisher or outlet.", examples = "chinadaily.com.cn")
        @Size(max = 300)
        @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE)
        String source,

        @Schema(
                description = "Canonical URL of the article.",
                examples = "https://www.chinadaily.com.cn/a/202503/23/WS67df.html")
        @Size(max = 2000)
        @Pattern(regexp = HTTP_URL, message = HTTP_URL_MESSAGE)
        String url,

        @Schema(description = "BCP 47 language tag.", examples = "en")
        @Pattern(regexp = LANGUAGE_TAG, message = LANGUAGE_TAG_MESSAGE)
        String language,

        @Schema(description = "Publication time, RFC 3339.", examples = "2025-03-23T12:00:00Z")
        OffsetDateTime publishedAt) {}
