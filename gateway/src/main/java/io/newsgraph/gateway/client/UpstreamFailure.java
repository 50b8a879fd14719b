package io.newsgraph.gateway.client;

/** An upstream answered 5xx: counts as a failure for retry and circuit breaker, unlike 4xx answers. */
class UpstreamFailure extends RuntimeException {
    UpstreamFailure(String service, int status) {
        super(service + " answered " + status, null, false, false);
    }
}
