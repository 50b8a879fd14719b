package io.newsgraph.gateway.proxy;

import jakarta.inject.Singleton;

/**
 * Which service owns a public path. Decided from the path's first segment after {@code /api/v1/} with string
 * comparisons, not regular expressions: it runs twice per proxied request (routing and metrics).
 */
@Singleton
public class RouteTable {
    static final String PREFIX = "/api/v1/";

    enum Owner {
        ARTICLES,
        ENTITIES,
        ALERTS
    }

    private final Upstreams upstreams;

    RouteTable(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    /** The owner of {@code path}, or null when no service serves it. */
    public Upstream route(String path) {
        Owner owner = owner(path);
        if (owner == null) {
            return null;
        }
        return switch (owner) {
            case ARTICLES -> upstreams.articles();
            case ENTITIES -> upstreams.entities();
            case ALERTS -> upstreams.alerts();
        };
    }

    /**
     * {@code /api/v1/articles/{id}/analysis} and {@code extract}, {@code quotes}, {@code claims}, {@code entities/**},
     * {@code extraction/**} are entity-service's; the rest of {@code articles/**}, {@code search}, {@code suggest} and
     * {@code trends/**} article-service's; {@code subscriptions/**} and {@code stream} alert-service's. A segment
     * marked {@code /**} owns itself and everything under it; the others only themselves.
     */
    static Owner owner(String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        int end = path.indexOf('/', PREFIX.length());
        String segment = end < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), end);
        boolean exact = end < 0;
        return switch (segment) {
            case "articles" -> isAnalysis(path, end) ? Owner.ENTITIES : Owner.ARTICLES;
            case "entities", "extraction" -> Owner.ENTITIES;
            case "extract", "quotes", "claims" -> exact ? Owner.ENTITIES : null;
            case "search", "suggest" -> exact ? Owner.ARTICLES : null;
            case "trends" -> Owner.ARTICLES;
            case "subscriptions" -> Owner.ALERTS;
            case "stream" -> exact ? Owner.ALERTS : null;
            default -> null;
        };
    }

    /** {@code /api/v1/articles/{id}/analysis}: one non-empty segment between the two. */
    private static boolean isAnalysis(String path, int slash) {
        String suffix = "/analysis";
        if (slash < 0 || !path.endsWith(suffix)) {
            return false;
        }
        int idEnd = path.length() - suffix.length();
        return idEnd > slash + 1 && path.indexOf('/', slash + 1) == idEnd;
    }
}
