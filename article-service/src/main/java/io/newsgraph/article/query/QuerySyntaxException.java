package io.newsgraph.article.query;

/** The search text is not valid; {@code position} is the 0-based character where the problem is. */
public class QuerySyntaxException extends RuntimeException {
    private final int position;

    public QuerySyntaxException(String message, int position) {
        super(message + " (at character " + (position + 1) + ")", null, false, false);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
