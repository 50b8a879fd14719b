package io.newsgraph.common.search;

/**
 * The search cluster cannot answer now (down, overloaded, timed out): clients get 503 problem+json with Retry-After;
 * ingest never depends on it.
 */
public class SearchUnavailableException extends RuntimeException {
    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
