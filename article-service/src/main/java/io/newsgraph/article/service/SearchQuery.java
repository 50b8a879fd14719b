package io.newsgraph.article.service;

import io.newsgraph.article.query.QueryNode;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One search, validated: the parsed text (null: no text, all articles), filters, sort, facets and page. {@code from}
 * and {@code to} are RFC 3339 times or OpenSearch date math ({@code now-7d}); {@code entityMode} says whether an
 * article must mention all of {@code entities} or any.
 */
public record SearchQuery(
        String text,
        QueryNode parsed,
        List<String> sources,
        List<String> authors,
        List<String> languages,
        String from,
        String to,
        List<UUID> entities,
        boolean allEntities,
        List<String> entityTypes,
        List<UUID> speakers,
        List<String> places,
        Sort sort,
        Set<Facet> facets,
        Interval interval,
        boolean showDuplicates,
        String cursor,
        int limit) {

    public enum Sort {
        RELEVANCE,
        DATE,
        DATE_DESC
    }

    public enum Facet {
        SOURCE,
        ENTITY,
        AUTHOR,
        LANGUAGE,
        DATE
    }

    public enum Interval {
        AUTO,
        DAY,
        WEEK,
        MONTH
    }

    /** Source or author filters show every matching copy: a wanted outlet's copy may not be its group's representative. */
    boolean collapsesDuplicates() {
        return !showDuplicates && sources.isEmpty() && authors.isEmpty();
    }
}
