package io.newsgraph.entity.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One article version from article-service (only the fields extraction needs). The last three are nullable: feed
 * items of an article-service without wire-metadata parsing do not carry them.
 *
 * @param datelineText the dateline as it appeared ("KYIV, March 3 (Reuters) -"), null when none
 * @param captions     the article's photo captions, null or empty when none
 * @param bylineDate   the date of an "Updated: ..." byline, null when none
 * @param publishedAtSource where {@code publishedAt} comes from: REQUEST, PAGE or BYLINE (the byline's day, not a
 *                     stated publication time); null when unknown
 */
public record ArticleVersion(
        UUID articleId,
        int version,
        String change,
        String title,
        String body,
        Instant publishedAt,
        String datelineText,
        List<Caption> captions,
        LocalDate bylineDate,
        String publishedAtSource) {

    public ArticleVersion(UUID articleId, int version, String change, String title, String body, Instant publishedAt) {
        this(articleId, version, change, title, body, publishedAt, null, null, null, null);
    }

    public ArticleVersion(
            UUID articleId,
            int version,
            String change,
            String title,
            String body,
            Instant publishedAt,
            String datelineText,
            List<Caption> captions,
            LocalDate bylineDate) {
        this(articleId, version, change, title, body, publishedAt, datelineText, captions, bylineDate, null);
    }

    /**
     * {@code publishedAt} when it is a stated publication time; null when article-service took it from a byline's day
     * ("Updated: 2025-03-03"), so that a dated dateline or caption outranks it as the reference date, as it outranks the
     * byline itself.
     */
    public Instant statedPublishedAt() {
        return "BYLINE".equals(publishedAtSource) ? null : publishedAt;
    }

    /** A photo caption and its credit ("Xinhua", "AP Photo/Jane Roe"), each nullable. */
    public record Caption(String text, String credit) {}

    public List<String> captionTexts() {
        return captions == null
                ? List.of()
                : captions.stream()
                        .map(Caption::text)
                        .filter(t -> t != null && !t.isBlank())
                        .toList();
    }
}
