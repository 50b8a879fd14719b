package io.newsgraph.article.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as a client sends it in JSON. */
@Schema(name = "ArticleInput", description = "An article to ingest. `body` may be raw wire copy: share markers, photo captions and contribution footers in it are recognised.")
public record ArticleInput(
        @Schema(description = "The publisher's own id; a second article with the same externalId is a duplicate.", examples = "cd-2025-03-23-0042")
        @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String externalId,
        @Schema(description = "Headline.", examples = "US talks set on Russia-Ukraine war")
        @NotBlank @Size(max = 1000) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String title,
        @Schema(description = "Article text; paragraphs separated by blank lines.", examples = "US and Russian delegations will meet in Saudi Arabia on Monday.\n\nThe talks will take place a day after...")
        @NotBlank @Size(max = 1_000_000) @Pattern(regexp = STORABLE_TEXT, message = STORABLE_TEXT_MESSAGE) String body,
        @Schema(description = "Author(s) as printed.", examples = "HENG WEILI")
        @Size(max = 300) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String author,
        @Schema(description = "Publisher or outlet.", examples = "chinadaily.com.cn")
        @Size(max = 300) @Pattern(regexp = SINGLE_LINE, message = SINGLE_LINE_MESSAGE) String source,
        @Schema(description = "Canonical URL of the article.", examples = "https://www.chinadaily.com.cn/a/202503/23/WS67df.html")
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Schema(description = "BCP 47 language tag.", examples = "en")
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP 47 language tag such as en or en-GB") String language,
        @Schema(description = "Publication time, RFC 3339.", examples = "2025-03-23T12:00:00Z") OffsetDateTime publishedAt) {

    /** Single-line fields: no control characters or unpaired surrogates (they cannot be stored faithfully). */
    static final String SINGLE_LINE = "[^\\p{Cntrl}\\p{Cs}]*";
    static final String SINGLE_LINE_MESSAGE = "must not contain control characters or unpaired surrogates";
    /** Text that can be stored exactly: no NUL (PostgreSQL refuses it) and no unpaired UTF-16 surrogates. */
    static final String STORABLE_TEXT = "[^\\x00\\p{Cs}]*";
    static final String STORABLE_TEXT_MESSAGE = "must not contain NUL characters or unpaired surrogates";
}
