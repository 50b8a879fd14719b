package io.newsgraph.article.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    public Optional<Article> findLive(UUID id) {
        return findByIdOptional(id).filter(a -> !a.isDeleted());
    }

    /** The live article that a new one duplicates: same external id, else same normalised content. */
    public Optional<Article> findDuplicate(String externalId, String contentHash) {
        if (externalId != null) {
            Optional<Article> byExternalId =
                    find("externalId = ?1 and deletedAt is null", externalId).firstResultOptional();
            if (byExternalId.isPresent()) {
                return byExternalId;
            }
        }
        return find("contentHash = ?1 and deletedAt is null", contentHash).firstResultOptional();
    }

    /** Newest first; {@code beforeSeq} is the listing position of the last item of the previous page. */
    public List<Article> page(ArticleFilter filter, Long beforeSeq, int limit) {
        List<String> where = new ArrayList<>(List.of("deletedAt is null"));
        Parameters params = new Parameters();
        if (beforeSeq != null) {
            where.add("listingSeq < :before");
            params.and("before", beforeSeq);
        }
        if (filter.source() != null) {
            where.add("lower(source) = lower(:source)");
            params.and("source", filter.source());
        }
        if (filter.author() != null) {
            where.add("lower(author) = lower(:author)");
            params.and("author", filter.author());
        }
        if (filter.publishedFrom() != null) {
            where.add("publishedAt >= :from");
            params.and("from", filter.publishedFrom());
        }
        if (filter.publishedTo() != null) {
            where.add("publishedAt < :to");
            params.and("to", filter.publishedTo());
        }
        return find(String.join(" and ", where) + " order by listingSeq desc", params)
                .page(0, limit)
                .list();
    }

    /** Filters of the article listing; null means "any". */
    public record ArticleFilter(String source, String author, Instant publishedFrom, Instant publishedTo) {}
}
