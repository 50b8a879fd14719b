package io.newsgraph.entity.service;

import io.newsgraph.entity.repository.JobRepository.Job;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.trace.IdGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The span of one extraction job. The job runs long after the write that caused it, in a trace of its own: its
 * span starts a new trace and carries a span link (not a parent) to the write's trace context from the feed, so a
 * trace viewer leads from the ingest to its analysis and back without stretching the ingest's trace over minutes.
 */
@ApplicationScoped
public class JobTracing {
    /** Reads the one stored {@code traceparent}. */
    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of("traceparent");
        }

        @Override
        public String get(String traceparent, String key) {
            return "traceparent".equals(key) ? traceparent : null;
        }
    };

    @Inject
    Tracer tracer;

    /** Starts the job's span (a new trace, linked to the write's); the caller makes it current and ends it. */
    public Span start(Job job) {
        SpanBuilder span = tracer.spanBuilder("extraction job " + job.kind())
                .setNoParent()
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("newsgraph.article.id", job.articleId().toString())
                .setAttribute("newsgraph.article.version", job.version())
                .setAttribute("newsgraph.feed.seq", job.seq())
                .setAttribute("newsgraph.job.attempt", job.attempts() + 1);
        SpanContext write = writeContext(job.traceparent());
        if (write.isValid()) {
            span.addLink(write);
        }
        return span.startSpan();
    }

    /**
     * A context in which nothing is recorded: a valid parent that is not sampled, so that the parent-based sampler
     * (Quarkus' default) drops the spans of the work below it, here and, through the propagated flags, in
     * article-service. For the background work: the feed puller's and the workers' polling (HTTP call, SQL) and the
     * scheduled refreshes; a poll every 250 ms would otherwise be a trace of its own, burying the traces that matter.
     * The jobs themselves are traced. Log lines of that work carry the id of this unrecorded trace.
     */
    static Context untraced() {
        IdGenerator ids = IdGenerator.random();
        return Context.root()
                .with(Span.wrap(SpanContext.create(
                        ids.generateTraceId(),
                        ids.generateSpanId(),
                        TraceFlags.getDefault(),
                        TraceState.getDefault())));
    }

    /** The write's span context from its stored {@code traceparent}; invalid when there is none or it is malformed. */
    static SpanContext writeContext(String traceparent) {
        if (traceparent == null) {
            return SpanContext.getInvalid();
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, STORED);
        return Span.fromContext(extracted).getSpanContext();
    }
}
