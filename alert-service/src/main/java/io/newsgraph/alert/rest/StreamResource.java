package io.newsgraph.alert.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.alert.config.AlertConfig;
import io.newsgraph.alert.service.AdHocStreams;
import io.newsgraph.alert.service.EventStreams;
import io.newsgraph.alert.service.MatchEvents;
import io.newsgraph.alert.service.SubscriptionService;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** Ad-hoc streams: follow a search live without saving it (nothing is stored; see {@link AdHocStreams}). */
@Path("/api/v1/stream")
@Tag(name = "Streams", description = "Follow a search live over Server-Sent Events without saving it.")
@RunOnVirtualThread
public class StreamResource {
    private static final Logger LOG = Logger.getLogger(StreamResource.class);

    @Inject
    SubscriptionService subscriptions;

    @Inject
    AdHocStreams hub;

    @Inject
    EventStreams streams;

    @Inject
    AlertConfig config;

    @Inject
    ObjectMapper mapper;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamSearch", summary = "Follow a search live (Server-Sent Events)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "429")
    @APIResponse(responseCode = "503")
    public void stream(
            @Parameter(example = "cease-fire \"Black Sea\"") @QueryParam("q") String q,
            @QueryParam("source") List<String> source,
            @QueryParam("author") List<String> author,
            @QueryParam("language") List<String> language,
            @Parameter(example = "now-1d") @QueryParam("from") String from,
            @Parameter(example = "now") @QueryParam("to") String to,
            @Parameter(schema = @Schema(type = SchemaType.ARRAY, implementation = UUID.class)) @QueryParam("entity")
                    List<String> entity,
            @Parameter(schema = @Schema(enumeration = {"all", "any"})) @QueryParam("entityMode") String entityMode,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = String.class,
                                            enumeration = {"PERSON", "ORGANIZATION", "LOCATION"}))
                    @QueryParam("entityType")
                    List<String> entityType,
            @QueryParam("speaker") List<String> speaker,
            @QueryParam("place") List<String> place,
            @Parameter(example = "4711") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        String owner = Caller.owner(headers);
        Long resumeAfter = resumeAfter(lastEventId);
        SubscriptionQuery query = new SubscriptionQuery(
                q,
                list(source),
                list(author),
                list(language),
                from,
                to,
                list(entity),
                entityMode,
                list(entityType),
                list(speaker),
                list(place));
        JsonNode compiled = subscriptions.compile(query, "").query();
        AdHocStreams.Start start = start(resumeAfter);
        streams.open(owner);
        String ended = "the client left";
        try (sink) {
            AdHocStreams.Listener listener =
                    hub.listener(compiled, MatchEvents.namedEntities(mapper.valueToTree(query)));
            try {
                // The first write commits the response head, so that clients (and the gateway) see the stream open at
                // once.
                if (!send(sink, sse.newEventBuilder().comment("stream").build())) {
                    return;
                }
                long at = start.after();
                if (start.gap() && !send(sink, sse, hub.gap(start))) {
                    return;
                }
                for (OptionalLong behind = hub.join(listener, at);
                        behind.isPresent();
                        behind = hub.join(listener, at)) {
                    LOG.debugf("ad-hoc stream replays the feed after %d up to %d", at, behind.getAsLong());
                    if (!hub.replay(listener, at, behind.getAsLong(), e -> send(sink, sse, e))) {
                        return;
                    }
                    at = behind.getAsLong();
                }
                LOG.debugf("ad-hoc stream follows the feed after %d", at);
                long heartbeatMillis = config.streams().heartbeat().toMillis();
                while (!sink.isClosed() && !listener.overflowed()) {
                    AdHocStreams.StreamEvent event = listener.next(heartbeatMillis);
                    boolean sent = event == null
                            ? send(
                                    sink,
                                    sse.newEventBuilder().comment("heartbeat").build())
                            : send(sink, sse, event);
                    if (!sent) {
                        return;
                    }
                }
                ended = listener.overflowed() ? "the client read too slowly" : "the connection closed";
            } finally {
                hub.leave(listener);
            }
        } catch (InterruptedException e) {
            ended = "interrupted";
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            ended = e.toString();
            // The stream is open: it can only end. The client resumes with Last-Event-ID.
            LOG.warnf("ad-hoc stream ended: %s", e.toString());
        } finally {
            streams.close(owner);
            LOG.debugf("ad-hoc stream ended: %s", ended);
        }
    }

    private AdHocStreams.Start start(Long resumeAfter) {
        try {
            return hub.start(resumeAfter);
        } catch (ProblemException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(
                    503, "upstream-unavailable", "Stream unavailable", "The service is stopping; retry");
        } catch (RuntimeException e) {
            LOG.warnf("ad-hoc stream cannot start: %s", e.toString());
            throw new ProblemException(
                    503,
                    "upstream-unavailable",
                    "Stream unavailable",
                    "article-service's change feed cannot be read right now; retry in a few seconds");
        }
    }

    private static Long resumeAfter(String lastEventId) {
        return lastEventId == null || lastEventId.isBlank() ? null : eventId(lastEventId, "an event id");
    }

    /** A Last-Event-ID as sent by an SSE client: a whole number ≥ 0, else 400 naming the header ({@code what} it must be). */
    static long eventId(String lastEventId, String what) {
        try {
            long after = Long.parseLong(lastEventId.strip());
            if (after >= 0) {
                return after;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(
                "Last-Event-ID must be the id of an event of this stream",
                new FieldError("Last-Event-ID", "must be " + what + " (a whole number)"));
    }

    private static List<String> list(List<String> values) {
        return values == null || values.isEmpty() ? null : values;
    }

    private static boolean send(SseEventSink sink, Sse sse, AdHocStreams.StreamEvent event) {
        // The data is JSON text already: written as is (a media type would add a non-SSE content-type line).
        return send(
                sink,
                sse.newEventBuilder()
                        .id(String.valueOf(event.id()))
                        .name(event.name())
                        .data(event.data())
                        .build());
    }

    /** Writes one event (of an ad-hoc or a subscription stream); false when the client has gone. */
    static boolean send(SseEventSink sink, OutboundSseEvent event) {
        try {
            sink.send(event).toCompletableFuture().get(30, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.debugf("event stream write failed: %s", e.toString());
            return false;
        }
    }
}
