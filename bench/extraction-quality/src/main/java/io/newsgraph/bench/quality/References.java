package io.newsgraph.bench.quality;

import io.newsgraph.entity.extract.Analysis;

/** The reference date the analysis resolved relative dates against. */
final class References {

    record Reference(String value, String source) {}

    private References() {}

    static Reference of(DevArticle article, Analysis analysis) {
        return analysis.referenceDate() == null
                ? null
                : new Reference(
                        analysis.referenceDate().value().toString(),
                        analysis.referenceDate().source().name());
    }
}
