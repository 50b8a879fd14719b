package io.newsgraph.alert.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the subscription operations. */
public final class Views {
    static final String ID_EXAMPLE = "5b1c8e0a-3f7d-4a52-9d0e-1c2b3a4d5e6f";

    private Views() {}

    @Schema(
            name = "SubscriptionInput",
            description = "A new subscription: a name, the search it follows and, optionally, a webhook.")
    public record SubscriptionInput(
            @NotBlank @Size(max = 200) @Schema(examples = "Black Sea talks")
            String name,

            @NotNull @Valid SubscriptionQuery query,

            @Valid @Schema(description = "Absent: matches are recorded and streamed (SSE) only.")
            WebhookInput webhook) {}

    @Schema(name = "SubscriptionPatch", description = "Changes to a subscription; absent fields stay as they are.")
    public record SubscriptionPatch(
            @Size(min = 1, max = 200) String name,
            @Valid SubscriptionQuery query,
            @Valid WebhookInput webhook,

            @Schema(description = "false pauses matching; true resumes it.")
            Boolean active) {}

    @Schema(name = "WebhookInput")
    public record WebhookInput(
            @NotBlank
            @Schema(
                    description =
                            "https URL to POST matches to; private, loopback and link-local addresses are refused.",
                    examples = "https://hooks.example.com/newsgraph")
            String url) {}

    @Schema(name = "Webhook")
    public record WebhookView(
            @Schema(examples = "https://hooks.example.com/newsgraph")
            String url) {}

    @Schema(name = "Subscription", description = "A saved search and how its matches are delivered.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscriptionView(
            @Schema(examples = ID_EXAMPLE) UUID id,
            @Schema(examples = "Black Sea talks") String name,
            SubscriptionQuery query,
            WebhookView webhook,
            boolean active,
            Instant createdAt,
            Instant updatedAt,

            @Schema(
                    description = "The webhook signing secret (`whsec_` + base64): only in the answer that "
                            + "creates the subscription or rotates the secret.",
                    examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret) {}

    @Schema(name = "SubscriptionPage", description = "Your subscriptions, newest first.")
    public record SubscriptionPage(
            List<SubscriptionView> items,

            @Schema(description = "Opaque cursor of the next page; absent on the last page.")
            String nextCursor,

            @Schema(description = "Link to the next page; absent on the last page.")
            String next) {}

    @Schema(
            name = "SecretRotation",
            description = "The new signing secret; the previous one keeps signing (a second signature) for a day.")
    public record SecretView(
            @Schema(examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret,

            @Schema(description = "Until when the previous secret also signs.")
            Instant previousSecretUntil) {}

    @Schema(name = "Match", description = "An article version that matched, with the event delivered for it.")
    public record MatchView(
            @Schema(description = "Match id; also the SSE event id.", examples = "42")
            long id,

            UUID articleId,
            @Schema(examples = "1") int articleVersion,
            Instant matchedAt,

            @Schema(
                    type = SchemaType.OBJECT,
                    implementation = Object.class,
                    description = "The event as webhooks and streams deliver it.")
            JsonNode event) {}

    @Schema(name = "MatchPage", description = "Matches, newest first.")
    public record MatchPage(List<MatchView> items, String nextCursor, String next) {}

    @Schema(name = "Delivery", description = "One webhook delivery of one match, with every attempt.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(
            @Schema(
                    description = "The webhook-id header of every attempt.",
                    examples = "msg_5b1c8e0a3f7d4a529d0e1c2b3a4d5e6f")
            String id,

            @Schema(examples = "42") long matchId,

            @Schema(enumeration = {"PENDING", "DELIVERED", "PARKED"})
            String state,

            @Schema(examples = "3") int attempts,

            @Schema(description = "HTTP status of the last attempt; absent when there was no answer.", examples = "503")
            Integer lastStatus,

            String lastError,
            Instant createdAt,
            Instant deliveredAt,

            @Schema(description = "When the next attempt is due (PENDING only).")
            Instant nextAttemptAt,

            List<AttemptView> attemptLog) {}

    @Schema(name = "DeliveryAttempt")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptView(
            @Schema(examples = "1") int attempt,
            Instant at,
            @Schema(examples = "503") Integer status,
            String error,
            @Schema(examples = "41") int durationMillis) {}

    @Schema(name = "DeliveryPage", description = "Webhook deliveries, newest first.")
    public record DeliveryPage(List<DeliveryView> items, String nextCursor, String next) {}
}
