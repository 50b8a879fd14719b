package io.newsgraph.article.query;

import java.util.List;

/** A parsed search text (see {@link QueryParser} for the syntax). */
public sealed interface QueryNode {

    /** A word, optionally a prefix ({@code ukrain*}), in one field or all text fields ({@code field} null). */
    record Word(String text, boolean prefix, Field field) implements QueryNode {}

    /** {@code "black sea"}, or {@code "black sea"~3}: the words within {@code slop} positions of each other. */
    record Phrase(String text, int slop, Field field) implements QueryNode {}

    record And(List<QueryNode> all) implements QueryNode {}

    record Or(List<QueryNode> any) implements QueryNode {}

    record Not(QueryNode excluded) implements QueryNode {}

    /** The field scopes a query may name ({@code title:}, {@code body:}, {@code author:}, {@code source:}). */
    enum Field {
        TITLE,
        BODY,
        AUTHOR,
        SOURCE
    }
}
