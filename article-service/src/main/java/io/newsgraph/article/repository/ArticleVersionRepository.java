package io.newsgraph.article.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ArticleVersionRepository implements PanacheRepositoryBase<ArticleVersion, ArticleVersion.Key> {

    public List<ArticleVersion> history(UUID articleId) {
        return list("articleId = ?1 order by version", articleId);
    }

    public Optional<ArticleVersion> find(UUID articleId, int version) {
        return findByIdOptional(new ArticleVersion.Key(articleId, version));
    }
}
