package io.newsgraph.entity.extract;

import java.util.List;

/**
 * Everything extracted from one article; entities are ordered by descending salience.
 *
 * @param referenceDate the day relative dates were resolved against, null when the article gives none
 */
public record Analysis(
        List<EntityResult> entities,
        List<QuoteResult> quotes,
        List<ClaimResult> claims,
        List<DateResult> dates,
        ReferenceDate referenceDate) {

    public Analysis {
        entities = List.copyOf(entities);
        quotes = List.copyOf(quotes);
        claims = List.copyOf(claims);
        dates = List.copyOf(dates);
    }

    static Analysis empty() {
        return new Analysis(List.of(), List.of(), List.of(), List.of(), null);
    }
}
