package io.newsgraph.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.io.UncheckedIOException;

/**
 * The one ObjectMapper of a service for code that cannot inject it (static writers, records): Quarkus' own, with
 * every {@code ObjectMapperCustomizer} applied (e.g. {@link JsonStrictness}), the same that JAX-RS uses. Outside a
 * running application (plain unit tests) a mapper with the same customizations.
 */
public final class Json {
    private static volatile ObjectMapper standalone;

    private Json() {}

    public static ObjectMapper mapper() {
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            return container.instance(ObjectMapper.class).get();
        }
        ObjectMapper mapper = standalone;
        if (mapper == null) {
            mapper = new ObjectMapper().findAndRegisterModules();
            new JsonStrictness().customize(mapper);
            standalone = mapper;
        }
        return mapper;
    }

    /**
     * Parses JSON that the service wrote itself (a stored column, a compiled query): unreadable JSON there is a
     * bug, not bad input, so it is not a checked case for the caller.
     */
    public static JsonNode stored(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
