package io.newsgraph.common.search;

import com.fasterxml.jackson.databind.JsonNode;

/** OpenSearch refused a request (4xx other than 429): a missing index, a version conflict, a query it cannot run. */
public class SearchRejectedException extends RuntimeException {
    private final int status;
    private final transient JsonNode body;

    public SearchRejectedException(int status, String reason, JsonNode body) {
        super(status + " " + reason);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public JsonNode body() {
        return body;
    }
}
