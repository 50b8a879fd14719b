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
 */
public record ArticleVersion(UUID articleId, int version, String change, String title, String body, Instant publishedAt,
                             String datelineText, List<Caption> captions, LocalDate bylineDate) {

    public ArticleVersion(UUID articleId, int version, String change, String title, String body, Instant publishedAt) {
        this(articleId, version, change, title, body, publishedAt, null, null, null);
    }

    /** A photo caption and its credit ("Xinhua", "AP Photo/Jane Roe"), each nullable. */
    public record Caption(String text, String credit) {
    }

    public List<String> captionTexts() {
        return captions == null ? List.of() : captions.stream().map(Caption::text).filter(t -> t != null && !t.isBlank()).toList();
    }
}
