package io.newsgraph.bench.quality;

import io.newsgraph.entity.extract.QuoteResult;

/** Quote fields the scorer reads beside the speaker. */
final class Quotes {

    private Quotes() {}

    static String onBehalfOf(QuoteResult quote) {
        return quote.onBehalfOfKey();
    }
}
