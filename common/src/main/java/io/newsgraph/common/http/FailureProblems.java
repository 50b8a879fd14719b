package io.newsgraph.common.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.newsgraph.common.problem.Problem;
import io.newsgraph.common.problem.ProblemResponses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Requests that fail in Vert.x before any resource sees them (an HTTP/1.1 request without Host, a failing
 * route, …) get problem+json like every other error, instead of an empty body or Quarkus' error page. What
 * Quarkus and the HTTP codec refuse before the router is {@link RequestHeadFilter}'s.
 */
@ApplicationScoped
public class FailureProblems {
    private static final Logger LOG = Logger.getLogger(FailureProblems.class);

    void register(@Observes Router router) {
        router.route().order(RequestIdFilter.ORDER).failureHandler(this::answer);
        // Requests the router refuses before any route (no Host on HTTP/1.1, a path it cannot decode).
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
        String detail = status >= 500
                ? "The server could not handle the request; quote the request id when reporting it"
                : "The request could not be read: " + known.reasonPhrase();
        String path = pathOf(context);
        String id = RequestIds.of(context);
        if (id == null) { // failed before RequestIdFilter ran
            id = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
            context.response().putHeader(RequestIds.HEADER, id);
        }
        String type = status >= 500
                ? Problem.type("internal-error")
                : status == 400 ? Problem.type("malformed-request") : "about:blank";
        ProblemResponses.send(
                context,
                new Problem(
                        type,
                        status == 400 ? "Malformed request" : known.reasonPhrase(),
                        status,
                        detail,
                        path,
                        id,
                        null));
    }

    /** The request path for a problem's instance, also when the request is too broken to have one. */
    static String pathOf(RoutingContext context) {
        try {
            String path = context.request().path();
            return path == null ? "/" : path;
        } catch (RuntimeException e) {
            return "/";
        }
    }
}
