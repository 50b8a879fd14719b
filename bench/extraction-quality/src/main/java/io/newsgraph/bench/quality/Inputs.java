package io.newsgraph.bench.quality;

import io.newsgraph.article.parse.Caption;
import io.newsgraph.entity.extract.ExtractionInput;

/** What entity-service receives for an article: the fields of article-service's feed item. */
final class Inputs {

    private Inputs() {}

    static ExtractionInput of(DevArticle a) {
        return new ExtractionInput(
                a.title(),
                a.body(),
                a.publishedAt(),
                a.datelineText(),
                a.captions().stream().map(Caption::text).toList(),
                a.bylineDate());
    }
}
