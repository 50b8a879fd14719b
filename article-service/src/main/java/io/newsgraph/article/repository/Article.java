package io.newsgraph.article.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** Current state of an article (see V1__article.sql). Never serialised to the wire. */
@Entity
@Table(name = "article")
public class Article extends ArticleContent {
    @Id
    public UUID id;

    @Generated
    @Column(name = "listing_seq", insertable = false, updatable = false)
    public Long listingSeq;

    @Column(name = "external_id")
    public String externalId;

    public int version;

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
