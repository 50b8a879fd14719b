package io.newsgraph.article.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What an article says and where it came from: the columns the current state and every version share. */
@MappedSuperclass
public abstract class ArticleContent extends PanacheEntityBase {
    @Column(name = "content_hash")
    public String contentHash;

    public String title;
    public String author;
    public String source;
    public String dateline;

    @Column(name = "dateline_text")
    public String datelineText;

    @Column(name = "dateline_month_day")
    public String datelineMonthDay;

    @Column(name = "dateline_date")
    public LocalDate datelineDate;

    public String agency;

    @Column(name = "byline_date")
    public LocalDate bylineDate;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<StoredCredit> credits;

    public String url;
    public String language;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_at_source")
    public String publishedAtSource;

    public String body;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<StoredCaption> captions;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> footers;

    @Column(name = "original_text")
    public String originalText;

    @Column(name = "original_media_type")
    public String originalMediaType;

    protected void copyContent(ArticleContent from) {
        contentHash = from.contentHash;
        title = from.title;
        author = from.author;
        source = from.source;
        dateline = from.dateline;
        datelineText = from.datelineText;
        datelineMonthDay = from.datelineMonthDay;
        datelineDate = from.datelineDate;
        agency = from.agency;
        bylineDate = from.bylineDate;
        credits = from.credits;
        url = from.url;
        language = from.language;
        publishedAt = from.publishedAt;
        publishedAtSource = from.publishedAtSource;
        body = from.body;
        captions = from.captions;
        footers = from.footers;
        originalText = from.originalText;
        originalMediaType = from.originalMediaType;
    }
}
