package io.newsgraph.article.parse;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * When an article was published, and how that is known.
 *
 * <p>A client's {@code publishedAt} wins ({@link Source#REQUEST}), then the page's own time (meta tag, JSON-LD,
 * {@code <time>}: {@link Source#PAGE}), then the day of a dated byline ("Updated: 2025-03-03 10:17",
 * "Published: 2025-03-03") at 00:00 UTC ({@link Source#BYLINE}): such lines name no zone, and an update stamp is an
 * upper bound of the publication, so only the day is kept and the source says so.
 */
public record PublicationTime(Instant value, Source source) {

    public enum Source {
        REQUEST,
        PAGE,
        BYLINE
    }

    public static final PublicationTime NONE = new PublicationTime(null, null);

    public static PublicationTime of(Instant given, ParsedArticle parsed) {
        if (given != null) {
            return new PublicationTime(given, Source.REQUEST);
        }
        if (parsed.publishedAt() != null) {
            return new PublicationTime(parsed.publishedAt(), Source.PAGE);
        }
        if (parsed.byline().date() != null) {
            return new PublicationTime(
                    parsed.byline().date().atStartOfDay(ZoneOffset.UTC).toInstant(), Source.BYLINE);
        }
        return NONE;
    }

    /** The time only when it is a stated publication time, not a byline's day: what relative dates may be read against first. */
    public Instant stated() {
        return source == Source.BYLINE ? null : value;
    }

    public String sourceName() {
        return source == null ? null : source.name();
    }
}
