package io.newsgraph.article.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One immutable version of an article (see V2__article_version.sql). */
@Entity
@Table(name = "article_version")
@IdClass(ArticleVersion.Key.class)
public class ArticleVersion extends ArticleContent {
    @Id
    @Column(name = "article_id")
    public UUID articleId;

    @Id
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind")
    public ChangeKind changeKind;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Snapshot of the article as it is now, recorded as the version it has now. */
    public static ArticleVersion of(Article article, ChangeKind kind, Instant at) {
        ArticleVersion v = new ArticleVersion();
        v.articleId = article.id;
        v.version = article.version;
        v.changeKind = kind;
        v.copyContent(article);
        v.createdAt = at;
        return v;
    }

    public record Key(UUID articleId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
