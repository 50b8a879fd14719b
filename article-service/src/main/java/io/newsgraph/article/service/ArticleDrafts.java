package io.newsgraph.article.service;

import io.newsgraph.article.parse.Agencies;
import io.newsgraph.article.parse.Dateline;
import io.newsgraph.article.parse.HtmlArticleParser;
import io.newsgraph.article.parse.ParsedArticle;
import io.newsgraph.article.parse.PublicationTime;
import io.newsgraph.article.parse.TextNormalizer;
import io.newsgraph.article.parse.WireCopyParser;
import io.newsgraph.article.parse.WireDates;
import io.newsgraph.article.repository.StoredCaption;
import io.newsgraph.article.repository.StoredCredit;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;

/** Turns what a client posted (JSON fields, raw wire copy or an HTML page) into a draft to store. */
@ApplicationScoped
public class ArticleDrafts {
    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";

    private final WireCopyParser wireCopy = new WireCopyParser();
    private final HtmlArticleParser html = new HtmlArticleParser();

    /** JSON ingest: the body may still be wire copy (noise, captions, footers are recognised in it). */
    public ArticleDraft fromJson(String original, ArticleMetadata meta, String body) {
        return draft(wireCopy.parseBody(body), meta, original, JSON);
    }

    public ArticleDraft fromWireCopy(String text, ArticleMetadata meta) {
        return draft(wireCopy.parse(text), meta, text, TEXT);
    }

    public ArticleDraft fromHtml(String page, ArticleMetadata meta) {
        return draft(html.parse(page, meta.url()), meta, page, HTML);
    }

    private static ArticleDraft draft(ParsedArticle parsed, ArticleMetadata meta, String original, String mediaType) {
        String title =
                firstNonBlank(meta.title() == null ? null : TextNormalizer.normalize(meta.title()), parsed.title());
        if (title == null) {
            throw unprocessable("No title found: send it as the first line of the text, or as `title`", "title");
        }
        if (parsed.paragraphs().isEmpty()) {
            throw unprocessable("No article body found in the content", "body");
        }
        List<StoredCaption> captions = parsed.captions().stream()
                .map(c -> new StoredCaption(c.text(), c.credit()))
                .toList();
        PublicationTime published = PublicationTime.of(meta.publishedAt(), parsed);
        Instant publishedAt = published.value();
        String source =
                Agencies.canonical(firstNonBlank(meta.source(), parsed.byline().source()));
        return new ArticleDraft(
                meta.externalId(),
                title,
                firstNonBlank(meta.author(), parsed.byline().author()),
                source,
                parsed.byline().place(),
                firstNonBlank(meta.url(), parsed.url()),
                firstNonBlank(meta.language(), parsed.language()),
                publishedAt,
                published.sourceName(),
                parsed.body(),
                captions,
                parsed.footers(),
                wire(parsed, publishedAt, source),
                original,
                mediaType);
    }

    /**
     * The dateline's year is rarely printed: it is the year that puts the day closest before the publication date
     * (else the byline's date), never more than two days after it; with neither, only the month and day are known.
     */
    private static WireMetadata wire(ParsedArticle parsed, Instant publishedAt, String source) {
        Dateline dateline = parsed.dateline();
        LocalDate bylineDate = parsed.byline().date();
        MonthDay monthDay = dateline == null ? null : dateline.monthDay();
        LocalDate datelineDate = null;
        if (monthDay != null) {
            LocalDate reference =
                    publishedAt != null ? publishedAt.atOffset(ZoneOffset.UTC).toLocalDate() : bylineDate;
            datelineDate =
                    dateline.year() != null ? monthDay.atYear(dateline.year()) : WireDates.resolve(monthDay, reference);
        }
        List<StoredCredit> credits = parsed.credits().stream()
                .map(c -> new StoredCredit(c.role(), c.names()))
                .toList();
        // Copy that names no agency itself but comes from one ("source": "Agence France-Presse") is that agency's.
        String agency = parsed.agency() != null ? parsed.agency() : Agencies.isAgency(source) ? source : null;
        return new WireMetadata(
                dateline == null ? null : dateline.text(), monthDay, datelineDate, agency, bylineDate, credits);
    }

    private static String firstNonBlank(String given, String parsed) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        return parsed == null || parsed.isBlank() ? null : parsed;
    }

    private static ProblemException unprocessable(String detail, String field) {
        return new ProblemException(
                422,
                "unprocessable-article",
                "Article content is not usable",
                detail,
                List.of(new FieldError(field, detail)));
    }
}
