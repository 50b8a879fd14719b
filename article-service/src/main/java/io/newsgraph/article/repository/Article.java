package io.newsgraph.article.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Current state of an article (see V1__article.sql). Never serialised to the wire. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {
    @Id
    public UUID id;
    @Generated
    @Column(name = "listing_seq", insertable = false, updatable = false)
    public Long listingSeq;
    @Column(name = "external_id")
    public String externalId;
    public int version;
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
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
