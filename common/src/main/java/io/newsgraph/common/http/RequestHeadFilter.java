package io.newsgraph.common.http;

import io.newsgraph.common.problem.Problem;
import io.newsgraph.common.problem.ProblemResponses;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request head that Quarkus or Vert.x' HTTP codec would otherwise refuse with a bare status and no
 * body (or serve it), as the first route and with problem+json: a protocol version other than HTTP/1.0, HTTP/1.1 or
 * HTTP/2 (400), a request target that is not a URI (400, Quarkus' own check,
 * which {@link ServiceMain} turns off for this), a request line over {@code newsgraph.http.max-request-line}
 * (414) and headers over {@code newsgraph.http.max-header-size} (431). The codec's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set above these in every
 * service, so that only what is far beyond them still gets the codec's bare answer (see docs/errors.md).
 */
@ApplicationScoped
public class RequestHeadFilter {
    static final int ORDER = RequestIdFilter.ORDER + 1;
    private static final int VERSION_LENGTH = "HTTP/1.1".length();

    @ConfigProperty(name = "newsgraph.http.max-request-line", defaultValue = "4096")
    int maxRequestLine;

    @ConfigProperty(name = "newsgraph.http.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.version() == null) {
            // Netty's codec takes any NAME/d.d for a version, and Vert.x would answer "HTTP/9.9 200" (RFC 9112 2.3).
            refuse(
                    context,
                    400,
                    "malformed-request",
                    "Malformed request",
                    "The request line's protocol version is not HTTP/1.0 or HTTP/1.1");
            return;
        }
        String target = request.uri();
        int line = request.method().name().length() + 1 + target.length() + 1 + VERSION_LENGTH;
        if (line > maxRequestLine) {
            refuse(
                    context,
                    414,
                    "uri-too-long",
                    "Request target too long",
                    "The request line has " + line + " bytes; the limit is " + maxRequestLine + " bytes");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + 2 + header.getValue().length(); // "name: value"
        }
        if (headers > maxHeaderSize.asLongValue()) {
            refuse(
                    context,
                    431,
                    "headers-too-large",
                    "Request headers too large",
                    "The request headers have about " + headers + " bytes; the limit is " + maxHeaderSize.asLongValue()
                            + " bytes");
            return;
        }
        try {
            if (!plainOriginForm(target)) {
                new URI(target);
            }
        } catch (URISyntaxException e) {
            // The reason and position only: the target itself is what could not be read.
            refuse(
                    context,
                    400,
                    "malformed-request",
                    "Malformed request",
                    "The request target is not a valid URI: " + e.getReason() + " at index " + e.getIndex());
            return;
        }
        context.next();
    }

    /**
     * Whether {@code target} is a path (and query) made only of characters that RFC 3986 allows there unencoded: such a
     * target always parses, so the common case skips building a {@link URI}. Anything else ('%', '#', brackets,
     * spaces, non-ASCII, an absolute URI, a leading "//") is left to {@link URI}.
     */
    static boolean plainOriginForm(String target) {
        // "//x" would start an authority (a network-path reference), which has rules of its own.
        if (target.isEmpty() || target.charAt(0) != '/' || target.startsWith("//")) {
            return false;
        }
        for (int i = 1; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private static void refuse(RoutingContext context, int status, String slug, String title, String detail) {
        ProblemResponses.send(
                context,
                new Problem(
                        Problem.type(slug),
                        title,
                        status,
                        detail,
                        FailureProblems.pathOf(context),
                        RequestIds.of(context),
                        null));
    }
}
