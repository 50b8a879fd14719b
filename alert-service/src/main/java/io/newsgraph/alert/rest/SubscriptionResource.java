package io.newsgraph.alert.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.alert.config.AlertConfig;
import io.newsgraph.alert.repository.DeliveryRepository;
import io.newsgraph.alert.repository.MatchRepository;
import io.newsgraph.alert.repository.Subscription;
import io.newsgraph.alert.rest.Views.AttemptView;
import io.newsgraph.alert.rest.Views.DeliveryPage;
import io.newsgraph.alert.rest.Views.DeliveryView;
import io.newsgraph.alert.rest.Views.MatchPage;
import io.newsgraph.alert.rest.Views.MatchView;
import io.newsgraph.alert.rest.Views.SecretView;
import io.newsgraph.alert.rest.Views.SubscriptionInput;
import io.newsgraph.alert.rest.Views.SubscriptionPage;
import io.newsgraph.alert.rest.Views.SubscriptionPatch;
import io.newsgraph.alert.rest.Views.SubscriptionView;
import io.newsgraph.alert.rest.Views.WebhookView;
import io.newsgraph.alert.service.EventStreams;
import io.newsgraph.alert.service.SubscriptionService;
import io.newsgraph.alert.service.WebhookDeliverer;
import io.newsgraph.common.http.Json;
import io.newsgraph.common.paging.CursorCodec;
import io.newsgraph.common.paging.NextLinks;
import io.newsgraph.common.paging.PageLimit;
import io.newsgraph.common.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Subscriptions",
        description = "Saved searches whose new matches are delivered by signed webhooks and Server-Sent Events.")
@RunOnVirtualThread
public class SubscriptionResource {
    static final String PATH = "/api/v1/subscriptions";
    private static final String ID = "Subscription id.";

    @Inject
    SubscriptionService service;

    @Inject
    ObjectMapper mapper;

    @Inject
    EventStreams streams;

    @Inject
    AlertConfig config;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSubscription", summary = "Save a search and follow it")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionInput.class)))
    @APIResponse(
            responseCode = "201",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "503")
    public Response create(@Valid @NotNull SubscriptionInput input) {
        Subscription created = service.create(
                Caller.owner(headers),
                input.name(),
                input.query(),
                input.webhook() == null ? null : input.webhook().url().strip());
        return Response.created(URI.create(PATH + "/" + created.id()))
                .entity(view(created, created.secret()))
                .build();
    }

    @GET
    @Operation(operationId = "listSubscriptions", summary = "List your subscriptions")
    @APIResponse(
            responseCode = "200",
            description = "One page.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionPage.class)))
    public SubscriptionPage list(
            @QueryParam("cursor") String cursor,
            @Parameter(
                            example = "20",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @QueryParam("limit")
                    String limitParam) {
        int limit = PageLimit.parse(limitParam, 20, 100);
        Long before = cursor == null || cursor.isBlank() ? null : position(cursor, "s");
        List<Subscription> rows = service.page(Caller.owner(headers), before, limit + 1);
        List<Subscription> items = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit
                ? CursorCodec.encode(
                        "s", String.valueOf(items.get(items.size() - 1).listSeq()))
                : null;
        return new SubscriptionPage(
                items.stream().map(s -> view(s, null)).toList(),
                next,
                next == null ? null : NextLinks.of(PATH, "limit", String.valueOf(limit), "cursor", next));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSubscription", summary = "A subscription")
    @APIResponse(
            responseCode = "200",
            description = "The subscription (without its secret).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404")
    public SubscriptionView get(
            @Parameter(
                            description = ID,
                            example = Views.ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    UUID id) {
        return view(service.get(Caller.owner(headers), id), null);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSubscription", summary = "Change a subscription")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionPatch.class)))
    @APIResponse(
            responseCode = "200",
            description = "The changed subscription.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "404")
    public SubscriptionView update(
            @Parameter(
                            description = ID,
                            example = Views.ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    UUID id,
            @Valid @NotNull SubscriptionPatch patch) {
        return view(
                service.update(
                        Caller.owner(headers),
                        id,
                        patch.name(),
                        patch.query(),
                        patch.webhook() == null ? null : patch.webhook().url().strip(),
                        patch.active()),
                null);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteSubscription", summary = "Delete a subscription")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404")
    public void delete(
            @Parameter(
                            description = ID,
                            example = Views.ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    UUID id) {
        service.delete(Caller.owner(headers), id);
    }

    @POST
    @Path("{id}/secret")
    @Operation(operationId = "rotateSubscriptionSecret", summary = "Rotate the webhook signing secret")
    @APIResponse(
            responseCode = "200",
            description = "The new secret.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SecretView.class)))
    @APIResponse(responseCode = "404")
    public SecretView rotate(
            @Parameter(
                            description = ID,
                            example = Views.ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    UUID id) {
        SubscriptionService.Rotation rotation = service.rotateSecret(Caller.owner(headers), id);
        return new SecretView(rotation.secret(), rotation.previousUntil());
    }

    @GET
    @Path("{id}/matches")
    @Operation(operationId = "listSubscriptionMatches", summary = "What matched, newest first")
    @APIResponse(
            responseCode = "200",
            description = "One page.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MatchPage.class)))
    @APIResponse(responseCode = "404")
    public MatchPage matches(
            @Parameter(
                            description = ID,
                            example = Views.ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    UUID id,
            @QueryParam("cursor") String cursor,
            @Parameter(
                            example = "20",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @QueryParam("limit")
                    String limitParam) {
        int limit = PageLimit.parse(limitParam, 20, 100);
        Long before = cursor == null || cursor.isBlank() ? null : position(cursor, "m");
        List<MatchRepository.Match> rows = service.matches(Caller.owner(headers), id, before, limit + 1);
        List<MatchRepository.Match> items = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit
                ? CursorCodec.encode(
                        "m", String.valueOf(items.get(items.size() - 1).id()))
                : null;
        return new MatchPage(
                items.stream()
                        .map(m -> new MatchView(
                                m.id(),
                                m.articleId(),
                                m.articleVersion(),
                                m.matchedAt(),
                                Json.stored(mapper, m.payload())))
                        .toList(),
                next,
                next == null
                        ? null
                        : NextLinks.of(PATH + "/" + id + "/matches", "limit", String.valueOf(limit), "cursor", next));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listSubscriptionDeliveries", summary = "Webhook deliveries, newest first")
    @APIResponse(
            responseCode = "200",
            description = "One page.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "404")
    public DeliveryPage deliveries(
            @Parameter(
                            description = ID,
                            example = Views.ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    UUID id,
            @QueryParam("cursor") String cursor,
            @Parameter(
                            example = "20",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @QueryParam("limit")
                    String limitParam) {
        int limit = PageLimit.parse(limitParam, 20, 100);
        Instant beforeCreated = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> parts = CursorCodec.decode(cursor, 3);
            try {
                if (!parts.get(0).equals("d")) {
                    throw CursorCodec.invalid();
                }
                beforeCreated = Instant.parse(parts.get(1));
                beforeId = UUID.fromString(parts.get(2));
            } catch (RuntimeException e) {
                throw CursorCodec.invalid();
            }
        }
        String owner = Caller.owner(headers);
        List<DeliveryRepository.Delivery> rows = service.deliveries(owner, id, beforeCreated, beforeId, limit + 1);
        List<DeliveryRepository.Delivery> items = rows.subList(0, Math.min(limit, rows.size()));
        Map<UUID, List<DeliveryRepository.Attempt>> attempts = service.attempts(
                items.stream().map(DeliveryRepository.Delivery::id).toList());
        DeliveryRepository.Delivery last = items.isEmpty() ? null : items.get(items.size() - 1);
        String next = rows.size() > limit
                ? CursorCodec.encode("d", last.createdAt().toString(), last.id().toString())
                : null;
        return new DeliveryPage(
                items.stream()
                        .map(d -> new DeliveryView(
                                WebhookDeliverer.messageId(d.id()),
                                d.matchId(),
                                d.state(),
                                d.attempts(),
                                d.lastStatus(),
                                d.lastError(),
                                d.createdAt(),
                                d.deliveredAt(),
                                "PENDING".equals(d.state()) ? d.nextAttemptAt() : null,
                                attempts.getOrDefault(d.id(), List.of()).stream()
                                        .map(a -> new AttemptView(
                                                a.attempt(), a.at(), a.status(), a.error(), a.durationMillis()))
                                        .toList()))
                        .toList(),
                next,
                next == null
                        ? null
                        : NextLinks.of(
                                PATH + "/" + id + "/deliveries", "limit", String.valueOf(limit), "cursor", next));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Deliver a webhook again")
    @APIResponse(responseCode = "202")
    @APIResponse(responseCode = "404")
    public Response redeliver(
            @Parameter(
                            description = ID,
                            example = Views.ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    UUID id,
            @Parameter(example = "msg_5b1c8e0a3f7d4a529d0e1c2b3a4d5e6f") @PathParam("deliveryId") String deliveryId) {
        UUID delivery = WebhookDeliverer.deliveryId(deliveryId)
                .orElseThrow(() -> ProblemException.notFound("delivery", deliveryId));
        service.redeliver(Caller.owner(headers), id, delivery);
        return Response.accepted().build();
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamSubscriptionEvents", summary = "Follow a subscription live (Server-Sent Events)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "429")
    public void events(
            @Parameter(
                            description = ID,
                            example = Views.ID_EXAMPLE,
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    UUID id,
            @Parameter(example = "42") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        String owner = Caller.owner(headers);
        service.get(owner, id);
        long after = resumeAfter(id, lastEventId);
        streams.open(owner);
        try (sink) {
            long heartbeatMillis = config.streams().heartbeat().toMillis();
            // The first write commits the response head, so that clients (and the gateway) see the stream open at once.
            if (!StreamResource.send(
                    sink, sse.newEventBuilder().comment("subscription " + id).build())) {
                return;
            }
            while (!sink.isClosed()) {
                List<MatchRepository.Match> fresh = service.matchesAfter(id, after, 100);
                for (MatchRepository.Match m : fresh) {
                    // The payload is JSON text already: written as is (a media type would add a non-SSE content-type
                    // line).
                    if (!StreamResource.send(
                            sink,
                            sse.newEventBuilder()
                                    .id(String.valueOf(m.id()))
                                    .name("article.matched")
                                    .data(m.payload())
                                    .build())) {
                        return;
                    }
                    after = m.id();
                }
                if (fresh.size() < 100) {
                    streams.await(heartbeatMillis);
                    if (service.matchesAfter(id, after, 1).isEmpty()
                            && !StreamResource.send(
                                    sink,
                                    sse.newEventBuilder().comment("heartbeat").build())) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ProblemException gone) {
            // the subscription was deleted while streaming: the stream ends
        } finally {
            streams.close(owner);
        }
    }

    /** Where a stream starts: after Last-Event-ID, else after the newest match (only what comes next). */
    private long resumeAfter(UUID id, String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return service.lastMatchId(id);
        }
        return StreamResource.eventId(lastEventId, "a match id");
    }

    private SubscriptionView view(Subscription s, String secret) {
        try {
            return new SubscriptionView(
                    s.id(),
                    s.name(),
                    mapper.readValue(s.query(), SubscriptionQuery.class),
                    s.webhookUrl() == null ? null : new WebhookView(s.webhookUrl()),
                    s.active(),
                    s.createdAt(),
                    s.updatedAt(),
                    secret);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long position(String cursor, String kind) {
        List<String> parts = CursorCodec.decode(cursor, 2);
        try {
            if (!parts.get(0).equals(kind)) {
                throw CursorCodec.invalid();
            }
            return Long.parseLong(parts.get(1));
        } catch (NumberFormatException e) {
            throw CursorCodec.invalid();
        }
    }
}
