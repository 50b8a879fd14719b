package io.newsgraph.bench.quality;

import io.newsgraph.entity.extract.Analysis;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The reference date the analysis resolved relative dates against. */
final class References {

    record Reference(String value, String source) {
    }

    private References() {
    }

    static Reference of(DevArticle article, Analysis analysis) {
        return article.publishedAt() == null ? null
                : new Reference(LocalDate.ofInstant(article.publishedAt(), ZoneOffset.UTC).toString(), "PUBLISHED_AT");
    }
}
