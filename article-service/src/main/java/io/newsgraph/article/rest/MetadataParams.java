package io.newsgraph.article.rest;

import io.newsgraph.article.service.ArticleMetadata;
import io.newsgraph.common.http.QueryValues;
import io.newsgraph.common.validation.TextPatterns;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Metadata for text/plain and text/html ingest, given as query parameters; each wins over a parsed value. */
public class MetadataParams {
    @QueryParam("externalId")
    @Parameter(description = "The publisher's own id (dedup key).", example = "cd-2025-03-23-0042")
    @Size(max = 200)
    @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.SINGLE_LINE_MESSAGE)
    public String externalId;

    @QueryParam("title")
    @Parameter(description = "Headline, when the text does not start with it.")
    @Size(max = 1000)
    @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.SINGLE_LINE_MESSAGE)
    public String title;

    @QueryParam("author")
    @Parameter(description = "Author, when the text has no byline.")
    @Size(max = 300)
    @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.SINGLE_LINE_MESSAGE)
    public String author;

    @QueryParam("source")
    @Parameter(description = "Publisher or outlet.", example = "chinadaily.com.cn")
    @Size(max = 300)
    @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.SINGLE_LINE_MESSAGE)
    public String source;

    @QueryParam("url")
    @Parameter(description = "Canonical URL (also the base for relative links in HTML).")
    @Size(max = 2000)
    @Pattern(regexp = TextPatterns.HTTP_URL, message = TextPatterns.HTTP_URL_MESSAGE)
    public String url;

    @QueryParam("language")
    @Parameter(description = "BCP 47 language tag.", example = "en")
    @Pattern(regexp = TextPatterns.LANGUAGE_TAG, message = TextPatterns.LANGUAGE_TAG_MESSAGE)
    public String language;

    @QueryParam("publishedAt")
    @Parameter(description = "Publication time, RFC 3339.", example = "2025-03-23T12:00:00Z")
    public String publishedAt;

    ArticleMetadata toMetadata() {
        return new ArticleMetadata(
                externalId, title, author, source, url, language, QueryValues.instant("publishedAt", publishedAt));
    }
}
