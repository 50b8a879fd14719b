package io.newsgraph.article.service;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;

/** The current trace context as a W3C `traceparent`, to be stored with what this work produces. */
final class TraceParents {
    private TraceParents() {}

    /** The {@code traceparent} of the current span; null when nothing is traced (tracing off). */
    static String current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }
}
