package io.newsgraph.common.http;

import io.newsgraph.common.problem.Problem;
import io.newsgraph.common.problem.ProblemResponses;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Requests that fail in Vert.x before any resource sees them (a path with invalid percent-encoding, an
 * HTTP/1.1 request without Host, …) get problem+json like every other error, instead of an empty body or
 * Quarkus' error page.
 */
@ApplicationScoped
public class FailureProblems {
    private static final Logger LOG = Logger.getLogger(FailureProblems.class);

    void register(@Observes Router router) {
        router.route().order(RequestIdFilter.ORDER).failureHandler(this::answer);
        // Requests the router refuses before any route (invalid percent-encoding, no Host on HTTP/1.1).
        router.errorHandler(400, this::answer);
    }

    void answer(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf(context.failure(), "request %s failed", RequestIds.of(context));
        }
        HttpResponseStatus known = HttpResponseStatus.valueOf(status);
        String detail = status >= 500 ? "The server could not handle the request; quote the request id when reporting it"
                : "The request could not be read: " + known.reasonPhrase();
        String path;
        try {
            path = context.request().path();
        } catch (RuntimeException e) {
            path = "/";
        }
        String id = RequestIds.of(context);
        if (id == null) { // failed before RequestIdFilter ran
            id = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
            context.response().putHeader(RequestIds.HEADER, id);
        }
        ProblemResponses.send(context, new Problem(status >= 500 ? Problem.type("internal-error") : "about:blank",
                known.reasonPhrase(), status, detail, path == null ? "/" : path, id, null));
    }
}
