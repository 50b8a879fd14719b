package io.newsgraph.gateway.proxy;

import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Header rules of a proxy (RFC 9110 section 7.6.1, RFC 7239). */
final class Headers {
    /** Hop-by-hop: meaningful for one connection only, never forwarded. */
    private static final Set<String> HOP_BY_HOP = ignoringCase(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");
    /**
     * The gateway's own credentials stay at the gateway; Host is the upstream's; the caller's key name is the gateway's
     * to say ({@link #CALLER_KEY}), never the client's.
     */
    private static final Set<String> NOT_UPSTREAM =
            ignoringCase("host", "x-api-key", "authorization", "x-newsgraph-key");
    /** The name of the API key the gateway authenticated, for services that keep data per key (alert-service). */
    static final String CALLER_KEY = "X-Newsgraph-Key";

    private Headers() {}

    static MultiMap upstreamRequest(HttpServerRequest in, String callerKey) {
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        Set<String> dropped = connectionListed(in.headers());
        in.headers().forEach(e -> {
            String name = e.getKey();
            if (!HOP_BY_HOP.contains(name) && !NOT_UPSTREAM.contains(name) && !dropped.contains(name)) {
                out.add(name, e.getValue());
            }
        });
        if (callerKey != null) {
            out.set(CALLER_KEY, callerKey);
        }
        SocketAddress remote = in.remoteAddress();
        String client = remote == null ? "unknown" : remote.hostAddress();
        String proto = in.scheme() == null ? "http" : in.scheme();
        String host = in.authority() == null ? null : in.authority().toString();
        String previousFor = in.getHeader("X-Forwarded-For");
        out.set("X-Forwarded-For", previousFor == null ? client : previousFor + ", " + client);
        out.set("X-Forwarded-Proto", proto);
        if (host != null) {
            out.set("X-Forwarded-Host", host);
        }
        StringBuilder forwarded = new StringBuilder("for=")
                .append(forwardedNode(client))
                .append(";proto=")
                .append(proto);
        if (host != null) {
            forwarded.append(";host=\"").append(host.replace("\"", "")).append('"');
        }
        String previous = in.getHeader("Forwarded");
        out.set("Forwarded", previous == null ? forwarded.toString() : previous + ", " + forwarded);
        return out;
    }

    /**
     * Drops the client's trace headers (copied above): Quarkus' OpenTelemetry traces the Vert.x HTTP client the proxy
     * uses, and adds the context of the gateway's span of the upstream call, a child of its server span (which
     * continues the client's trace). Left in, the client's headers would make a second, conflicting context. Only for
     * traced requests: with tracing off the client's headers pass through unchanged.
     */
    static void dropTraceContext(TextMapPropagator propagator, MultiMap headers) {
        propagator.fields().forEach(headers::remove);
    }

    /** Copies the upstream's response headers, minus hop-by-hop ones, replacing what the gateway set. */
    static void copyResponse(MultiMap from, MultiMap to) {
        Set<String> dropped = connectionListed(from);
        for (String name : from.names()) {
            if (!HOP_BY_HOP.contains(name) && !dropped.contains(name)) {
                to.set(name, from.getAll(name));
            }
        }
    }

    /** The header names a Connection header lists (RFC 9110 7.6.1), compared ignoring case. */
    private static Set<String> connectionListed(MultiMap headers) {
        if (!headers.contains("Connection")) {
            return Set.of();
        }
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String value : headers.getAll("Connection")) {
            for (String token : value.split(",")) {
                names.add(token.trim());
            }
        }
        return names;
    }

    /** Header names are case-insensitive: sets that compare them so, without lower-casing each name. */
    private static Set<String> ignoringCase(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
    }

    /** RFC 7239 node: IPv6 addresses are bracketed and quoted. */
    private static String forwardedNode(String address) {
        return address.indexOf(':') >= 0 ? "\"[" + address + "]\"" : address;
    }
}
