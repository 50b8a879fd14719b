package io.newsgraph.article.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable version of an article (see V2__article_version.sql). */
@Entity
@Table(name = "article_version")
@IdClass(ArticleVersion.Key.class)
public class ArticleVersion extends PanacheEntityBase {
    @Id
    @Column(name = "article_id")
    public UUID articleId;
    @Id
    public int version;
    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind")
    public ChangeKind changeKind;
    @Column(name = "content_hash")
    public String contentHash;
    public String title;
    public String author;
    public String source;
    public String dateline;
    public String url;
    public String language;
    @Column(name = "published_at")
    public Instant publishedAt;
    public String body;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<StoredCaption> captions;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> footers;
    @Column(name = "original_text")
    public String originalText;
    @Column(name = "original_media_type")
    public String originalMediaType;
    @Column(name = "created_at")
    public Instant createdAt;

    /** Snapshot of the article as it is now, recorded as the version it has now. */
    public static ArticleVersion of(Article article, ChangeKind kind, Instant at) {
        ArticleVersion v = new ArticleVersion();
        v.articleId = article.id;
        v.version = article.version;
        v.changeKind = kind;
        v.contentHash = article.contentHash;
        v.title = article.title;
        v.author = article.author;
        v.source = article.source;
        v.dateline = article.dateline;
        v.url = article.url;
        v.language = article.language;
        v.publishedAt = article.publishedAt;
        v.body = article.body;
        v.captions = article.captions;
        v.footers = article.footers;
        v.originalText = article.originalText;
        v.originalMediaType = article.originalMediaType;
        v.createdAt = at;
        return v;
    }

    public record Key(UUID articleId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
