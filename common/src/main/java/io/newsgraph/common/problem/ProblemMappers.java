package io.newsgraph.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.newsgraph.common.http.RequestIds;
import io.newsgraph.common.search.SearchUnavailableException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every exception that reaches JAX-RS to RFC 9457 problem+json; never leaks a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(new Problem(
                Problem.type(e.slug()),
                e.title(),
                e.status(),
                e.getMessage(),
                request.path(),
                RequestIds.of(request),
                e.errors()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request %s failed", RequestIds.of(request));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String detail = status >= 500 ? "The server could not handle the request" : e.getMessage();
        Response.ResponseBuilder builder = Response.status(status);
        // Keep the headers a client needs to act on the error (Allow on 405, Retry-After on 503).
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return build(
                builder,
                new Problem("about:blank", title, status, detail, request.path(), RequestIds.of(request), null));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(
                Problem.type("validation-failed"),
                "Request is not valid",
                400,
                detail,
                request.path(),
                RequestIds.of(request),
                errors));
    }

    // Listed one by one: Quarkus ships mappers for some of these subtypes, and the most specific mapper wins.
    @ServerExceptionMapper({
        JsonProcessingException.class,
        com.fasterxml.jackson.core.JsonParseException.class,
        com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
        com.fasterxml.jackson.databind.exc.InvalidFormatException.class,
        com.fasterxml.jackson.databind.exc.ValueInstantiationException.class,
        com.fasterxml.jackson.databind.exc.InvalidDefinitionException.class,
        com.fasterxml.jackson.core.exc.StreamConstraintsException.class
    })
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String detail = "The body is not valid JSON for this operation: " + e.getOriginalMessage();
        List<FieldError> errors =
                field.isEmpty() ? null : List.of(new FieldError(field, "has the wrong type or format"));
        return respond(new Problem(
                Problem.type("malformed-body"),
                "Request body is malformed",
                400,
                detail,
                request.path(),
                RequestIds.of(request),
                errors));
    }

    @ServerExceptionMapper
    public Response searchUnavailable(SearchUnavailableException e, HttpServerRequest request) {
        // Not a bug: the search cluster is down, restarting or overloaded; ingest goes on without it.
        LOG.warnf("request %s: search unavailable (%s)", RequestIds.of(request), e.getMessage());
        return build(
                Response.status(503).header("Retry-After", "5"),
                new Problem(
                        Problem.type("search-unavailable"),
                        "Search unavailable",
                        503,
                        "Search cannot answer right now; retry in a few seconds (stored articles are safe)",
                        request.path(),
                        RequestIds.of(request),
                        null));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (databaseUnavailable(e)) {
            // Not a bug: the database is down or restarting; the pool reconnects by itself.
            LOG.warnf("request %s: database unavailable (%s)", RequestIds.of(request), e.toString());
            return build(
                    Response.status(503).header("Retry-After", "5"),
                    new Problem(
                            Problem.type("database-unavailable"),
                            "Database unavailable",
                            503,
                            "The database cannot be reached right now; retry in a few seconds",
                            request.path(),
                            RequestIds.of(request),
                            null));
        }
        if (e instanceof java.io.IOException && "Request too large".equals(e.getMessage())) {
            // RESTEasy Reactive's body reader met a chunked body over the limit and has already answered 413 itself.
            LOG.debugf("request %s: body over the limit (%s)", RequestIds.of(request), e.toString());
            return respond(new Problem(
                    Problem.type("payload-too-large"),
                    "Request body too large",
                    413,
                    "The request body exceeds the limit",
                    request.path(),
                    RequestIds.of(request),
                    null));
        }
        if (clientGone(e)) {
            // The client closed the connection before its body arrived: nobody reads this answer; not a bug.
            LOG.debugf("request %s: client closed the connection (%s)", RequestIds.of(request), e.toString());
            return respond(new Problem(
                    Problem.type("malformed-body"),
                    "Request body is malformed",
                    400,
                    "The request body did not arrive completely",
                    request.path(),
                    RequestIds.of(request),
                    null));
        }
        LOG.errorf(e, "request %s failed", RequestIds.of(request));
        return respond(new Problem(
                Problem.type("internal-error"),
                "Internal error",
                500,
                "The server could not handle the request; quote the request id when reporting it",
                request.path(),
                RequestIds.of(request),
                null));
    }

    /** A lost or refused database connection (SQLState class 08) or a pool that cannot get one in time. */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            // 08: connection exceptions; 57P01-03: the server is shutting down, crashed or not accepting connections
            // yet.
            if (t instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql
                    && sql.getMessage() != null
                    && sql.getMessage().contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    public static Response respond(Problem problem) {
        return build(Response.status(problem.status()), problem);
    }

    private static Response build(Response.ResponseBuilder builder, Problem problem) {
        return builder.type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // Method-parameter paths look like "ingest.request.title": keep what a client sent (the last nodes).
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2
                ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
