package io.newsgraph.gateway.client;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Turns REST client outcomes into replies, and failures into the words of a warning. */
final class Failures {
    private Failures() {}

    /** 4xx answers are replies (e.g. a 404 passes through); 5xx answers are failures. */
    static boolean clientError(Throwable failure) {
        return failure instanceof WebApplicationException web
                && web.getResponse().getStatus() < 500;
    }

    static UpstreamReply reply(Throwable clientError) {
        return UpstreamReply.of(((WebApplicationException) clientError).getResponse());
    }

    static Throwable serverError(String service, Throwable failure) {
        return failure instanceof WebApplicationException web
                ? new UpstreamFailure(service, web.getResponse().getStatus())
                : failure;
    }

    static UpstreamReply checked(String service, Response response) {
        if (response.getStatus() >= 500) {
            throw new UpstreamFailure(service, response.getStatus());
        }
        return UpstreamReply.of(response);
    }

    static String reason(String service, Throwable failure) {
        if (failure instanceof TimeoutException) {
            return service + " timed out";
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return service + " is failing (circuit open)";
        }
        if (failure instanceof BulkheadException) {
            return service + " is busy";
        }
        if (failure instanceof UpstreamFailure) {
            return failure.getMessage();
        }
        return service + " is unreachable";
    }
}
