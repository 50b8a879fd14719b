package io.newsgraph.gateway.openapi;

import io.smallrye.openapi.api.util.FilterUtil;
import io.smallrye.openapi.api.util.UnusedSchemaFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Turns the merged service documents into the public one, at build time: the gateway's security schemes,
 * the errors and headers every call can get from the gateway itself, and the composed reads it adds.
 */
public class GatewayOpenApiFilter implements OASFilter {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM = SCHEMAS + "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> GATEWAY_RESPONSES = List.of(
            "Unauthenticated",
            "Forbidden",
            "RateLimited",
            "PayloadTooLarge",
            "UpstreamUnavailable",
            "UpstreamTimeout",
            "Error");
    private final java.util.Set<String> used = new java.util.HashSet<>();
    private static final String ARTICLE_WITH_ANALYSIS = """
            {"id": "6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d11", "version": 1, "title": "US talks set on Russia-Ukraine war",
             "author": "HENG WEILI", "source": "chinadaily.com.cn",
             "analysis": null, "warnings": ["analysis unavailable: entity-service timed out"]}""";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components =
                openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(
                "ApiKey",
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-API-Key")
                        .description(
                                "API key issued by the operator; scopes `read` (GET/HEAD), `write` (POST/PUT/DELETE), `subscriptions:write` (changes under /subscriptions), `admin` (all)."));
        components.addSecurityScheme(
                "Bearer",
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("The same API key as `Authorization: Bearer <key>`."));
        openAPI.setSecurity(List.of(
                OASFactory.createSecurityRequirement().addScheme("ApiKey"),
                OASFactory.createSecurityRequirement().addScheme("Bearer")));
        openAPI.setServers(List.of(OASFactory.createServer()
                .url("http://localhost:8080")
                .description("Local gateway started by scripts/run")));

        components.addHeader(
                "X-Request-Id",
                header(
                        "Id of this request: the caller's when it sent a safe one, otherwise a new one.",
                        "3f1c2a9e-6c1d-4a63-9a4e-1f0c5b2e7d11"));
        components.addHeader(
                "RateLimit",
                header(
                        "Remaining quota (`r`) and seconds until it is full again (`t`), "
                                + "draft-ietf-httpapi-ratelimit-headers.",
                        "\"read\";r=1187;t=1"));
        components.addHeader(
                "RateLimit-Policy",
                header(
                        "The key's quota (`q`) per window of `w` seconds for this kind of request.",
                        "\"read\";q=1200;w=60"));
        components.addHeader(
                "Retry-After",
                OASFactory.createHeader()
                        .description("Seconds to wait before trying again.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                        .example(1));
        components.addHeader("WWW-Authenticate", header("How to authenticate.", "Bearer realm=\"newsgraph\""));

        components.addResponse(
                "Unauthenticated",
                problem(
                                "No API key, or one the gateway does not accept.",
                                401,
                                "unauthenticated",
                                "API key required",
                                "Send your key in the X-API-Key header or as Authorization: Bearer <key>")
                        .addHeader("WWW-Authenticate", ref("WWW-Authenticate")));
        components.addResponse(
                "Forbidden",
                problem(
                        "The key lacks the scope this operation needs.",
                        403,
                        "forbidden",
                        "Scope missing",
                        "This operation needs the 'write' scope, which the key does not have"));
        components.addResponse(
                "RateLimited",
                problem(
                                "The key's quota for this kind of request is used up.",
                                429,
                                "rate-limited",
                                "Too many requests",
                                "The key's 'read' quota of 1200 requests per 60 s is used up; retry after 1 s")
                        .addHeader("Retry-After", ref("Retry-After"))
                        .addHeader("RateLimit", ref("RateLimit"))
                        .addHeader("RateLimit-Policy", ref("RateLimit-Policy")));
        components.addResponse(
                "PayloadTooLarge",
                problem(
                        "The request body is over the gateway's limit.",
                        413,
                        "payload-too-large",
                        "Request body too large",
                        "The request body exceeds the limit of 4194304 bytes"));
        components.addResponse(
                "UpstreamUnavailable",
                problem(
                                "The service behind this operation is down, failing or saturated.",
                                503,
                                "upstream-unavailable",
                                "Upstream unavailable",
                                "article-service is unreachable")
                        .addHeader("Retry-After", ref("Retry-After")));
        components.addResponse(
                "UpstreamTimeout",
                problem(
                        "The service behind this operation did not answer in time.",
                        504,
                        "upstream-timeout",
                        "Upstream timed out",
                        "article-service did not answer within 5000 ms"));
        components.addResponse(
                "Error",
                problem(
                        "Any other error, e.g. 400 invalid input or 404 unknown id.",
                        404,
                        "not-found",
                        "Resource not found",
                        "Article 6f1c8a52-3a6e-4c8e-9a53-0d8f0b0f5d11 does not exist"));

        if (openAPI.getPaths() != null) {
            // The services' internal operations (/internal/...) are not routed by the gateway: not part of the public
            // API.
            List.copyOf(openAPI.getPaths().getPathItems().keySet()).stream()
                    .filter(path -> !path.startsWith("/api/"))
                    .forEach(openAPI.getPaths()::removePathItem);
            if (openAPI.getTags() != null) {
                // getTags() may be unmodifiable: set a filtered copy.
                openAPI.setTags(openAPI.getTags().stream()
                        .filter(tag -> !"Internal".equals(tag.getName()))
                        .toList());
            }
            openAPI.getPaths().getPathItems().forEach(this::filterPath);
        }
        // The services may document some of these errors themselves: keep only the components in use.
        GATEWAY_RESPONSES.stream().filter(name -> !used.contains(name)).forEach(components::removeResponse);
        removeUnreachableSchemas(openAPI);
    }

    /**
     * Drops the schemas that only the removed internal operations used (a compiled search, an entity summary input, a
     * rebuild report...): clients generated from the public document should not get models they can never send or
     * receive. SmallRye's own filter for this (what {@code mp.openapi.extensions.smallrye.remove-unused-schemas.enable}
     * runs), here because it must run after the internal operations are gone; it drops schemas that nothing refers to,
     * repeatedly, so that what only a dropped schema used goes too.
     */
    private static void removeUnreachableSchemas(OpenAPI openAPI) {
        FilterUtil.applyFilter(new UnusedSchemaFilter(), openAPI);
    }

    /**
     * SmallRye writes the type of a referenced schema beside the {@code $ref} when the property carries {@code @Schema}
     * attributes; client generators then warn and clear it. The referenced schema alone says the type.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null) {
            schema.setType(null);
        }
        return schema;
    }

    private void filterPath(String path, PathItem item) {
        if (!path.startsWith("/api/")) {
            return;
        }
        for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                item.getOperations().entrySet()) {
            Operation operation = entry.getValue();
            if (operation.getRequestBody() != null) {
                textExamplesAsText(operation.getRequestBody().getContent());
            }
            addGatewayResponses(operation);
            if ("getArticle".equals(operation.getOperationId())) {
                composeArticle(operation);
            }
            if (path.equals("/api/v1/entities/{id}") && entry.getKey() == PathItem.HttpMethod.GET) {
                composeEntity(operation);
            }
        }
    }

    private void addGatewayResponses(Operation operation) {
        var responses = operation.getResponses();
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2")) {
                response.addHeader("X-Request-Id", ref("X-Request-Id"));
                response.addHeader("RateLimit", ref("RateLimit"));
                response.addHeader("RateLimit-Policy", ref("RateLimit-Policy"));
            }
        });
        addIfAbsent(operation, "401", "Unauthenticated");
        addIfAbsent(operation, "403", "Forbidden");
        if (operation.getRequestBody() != null) {
            addIfAbsent(operation, "413", "PayloadTooLarge");
        }
        addIfAbsent(operation, "429", "RateLimited");
        addIfAbsent(operation, "503", "UpstreamUnavailable");
        addIfAbsent(operation, "504", "UpstreamTimeout");
        addIfAbsent(operation, "default", "Error");
    }

    private static void composeArticle(Operation operation) {
        operation.setDescription(operation.getDescription() + " With `include=analysis` the gateway adds the article's "
                + "analysis from entity-service, fetched in parallel: `analysis` (null when entity-service cannot give it) and "
                + "`warnings` saying why. A partial outage never turns into an error; the ETag then does not apply.");
        operation.addParameter(OASFactory.createParameter()
                .name("include")
                .in(Parameter.In.QUERY)
                .description("`analysis` to add the article's analysis (entities, quotes, claims, dates).")
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .addEnumeration("analysis"))
                .example("analysis"));
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null && ok.getContent() != null) {
            MediaType json = ok.getContent().getMediaType("application/json");
            if (json != null) {
                json.addExample(
                        "withAnalysisDegraded",
                        example("`include=analysis` while entity-service is down", ARTICLE_WITH_ANALYSIS));
            }
        }
    }

    private static void composeEntity(Operation operation) {
        operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + " ")
                + "The gateway adds `recentArticles` (id and title of up to 5 recent articles, titles from article-service) "
                + "and `warnings`; when article-service cannot answer, titles are null and `warnings` says why.");
    }

    /**
     * SmallRye parses an example that looks like JSON even when the media type is text (e.g. NDJSON, whose
     * first line it keeps): turn such values back into text, so that examples match their string schema.
     */
    private static void textExamplesAsText(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().values().forEach(media -> {
            Schema schema = media.getSchema();
            boolean text = schema != null
                    && schema.getType() != null
                    && schema.getType().equals(List.of(Schema.SchemaType.STRING));
            if (text && media.getExamples() != null) {
                media.getExamples().values().stream()
                        .filter(example -> example.getValue() != null && !(example.getValue() instanceof String))
                        .forEach(example -> example.setValue(json(example.getValue())));
            }
        });
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("example is not serialisable", e);
        }
    }

    private void addIfAbsent(Operation operation, String code, String component) {
        if (operation.getResponses().getAPIResponse(code) == null) {
            used.add(component);
            operation
                    .getResponses()
                    .addAPIResponse(code, OASFactory.createAPIResponse().ref("#/components/responses/" + component));
        }
    }

    private static APIResponse problem(String description, int status, String slug, String title, String detail) {
        String value = "{\"type\": \"https://newsgraph.io/problems/" + slug + "\", \"title\": \"" + title
                + "\", \"status\": " + status
                + ", \"detail\": \"" + detail.replace("\"", "\\\"") + "\", \"instance\": \"/api/v1/articles\", "
                + "\"requestId\": \"3f1c2a9e-6c1d-4a63-9a4e-1f0c5b2e7d11\"}";
        Content content = OASFactory.createContent()
                .addMediaType(
                        PROBLEM_JSON,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM))
                                .addExample(slug, example(title, value)));
        return OASFactory.createAPIResponse()
                .description(description)
                .content(content)
                .addHeader("X-Request-Id", ref("X-Request-Id"));
    }

    private static Example example(String summary, String json) {
        try {
            return OASFactory.createExample().summary(summary).value(JSON.readValue(json, Object.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("example is not JSON: " + json, e);
        }
    }

    private static Header header(String description, String example) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .example(example);
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }
}
