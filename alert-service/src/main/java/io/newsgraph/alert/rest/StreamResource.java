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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
    private static final String DESCRIPTION =
            "Streams every article analysed from now on that matches the search, as Server-Sent "
                    + "Events: the filter parameters of `GET /search` (`q` with the search syntax, `entity` + `entityMode`, `source`, "
                    + "`author`, `language`, `entityType`, `speaker`, `place`, `from`, `to`), validated the same way before the stream "
                    + "opens (400 naming the parameter and, for `q`, the character). Each match is an event `article.matched` whose "
                    + "`data` has the shape of a subscription's event (article summary, its entities with those the query names marked "
                    + "`matched`, links) and whose `id` is its position in the change feed. Reconnect with `Last-Event-ID` (browsers do "
                    + "it themselves) to receive the matches after that id first, also on another replica; a resume from further back "
                    + "than 10,000 feed events starts with a `stream.gap` event. Nothing is stored: for a search to be followed while "
                    + "disconnected, save it as a subscription. A comment line comes every 15 s when nothing else does. Open streams per "
                    + "API key are capped together with subscription streams (429 beyond).";
    private static final String EXAMPLE = """
            id: 4711
            event: article.matched
            data: {"type": "article.matched", "timestamp": "2025-03-23T12:00:02Z", "data": {"article": {"id": "6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d11", "version": 1, "title": "Zelensky meets envoys", "source": "example.org", "summary": "KYIV - Volodymyr Zelensky met European envoys in Kyiv on Tuesday."}, "entities": [{"id": "0b6f3f0e-4a53-4a38-9a41-0f8d2a7c1e11", "name": "Volodymyr Zelensky", "type": "PERSON", "matched": true}], "links": {"article": "/api/v1/articles/6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d11", "analysis": "/api/v1/articles/6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d11/analysis"}}}

            """;

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
    @Operation(
            operationId = "streamSearch",
            summary = "Follow a search live (Server-Sent Events)",
            description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The event stream.",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            examples = @ExampleObject(name = "event", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "An invalid parameter (`errors` names it) or `Last-Event-ID`.")
    @APIResponse(responseCode = "429", description = "This API key has the most streams open it may.")
    @APIResponse(
            responseCode = "503",
            description = "article-service, which validates searches, or the search cluster is unavailable; retry.")
    public void stream(
            @Parameter(
                            description =
                                    "Search text (the syntax of `GET /search`), up to 500 characters; absent: every article matching the filters.",
                            example = "cease-fire \"Black Sea\"")
                    @QueryParam("q")
                    String q,
            @Parameter(description = "Only these sources (repeatable; case-insensitive), e.g. `reuters.com`.")
                    @QueryParam("source")
                    List<String> source,
            @Parameter(description = "Only these authors (repeatable; case-insensitive).") @QueryParam("author")
                    List<String> author,
            @Parameter(description = "Only these languages (repeatable; ISO 639-1), e.g. `en`.") @QueryParam("language")
                    List<String> language,
            @Parameter(
                            description =
                                    "Only articles dated from this time: RFC 3339, a date, or date math such as `now-1d`.",
                            example = "now-1d")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Only articles dated up to this time (same forms as `from`).", example = "now")
                    @QueryParam("to")
                    String to,
            @Parameter(
                            description = "Entity ids the articles mention (repeatable).",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = UUID.class))
                    @QueryParam("entity")
                    List<String> entity,
            @Parameter(
                            description = "`all` (default): every `entity` must be mentioned; `any`: at least one.",
                            schema = @Schema(enumeration = {"all", "any"}))
                    @QueryParam("entityMode")
                    String entityMode,
            @Parameter(
                            description = "Only articles mentioning an entity of these types (repeatable).",
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = String.class,
                                            enumeration = {"PERSON", "ORGANIZATION", "LOCATION"}))
                    @QueryParam("entityType")
                    List<String> entityType,
            @Parameter(description = "Only articles quoting these people (entity ids, repeatable).")
                    @QueryParam("speaker")
                    List<String> speaker,
            @Parameter(
                            description =
                                    "Only articles about places in these countries (ISO 3166-1 alpha-2, repeatable), e.g. `UA`.")
                    @QueryParam("place")
                    List<String> place,
            @Parameter(
                            description = "The id of the last event received; the stream resumes after it.",
                            example = "4711")
                    @HeaderParam("Last-Event-ID")
                    String lastEventId,
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
