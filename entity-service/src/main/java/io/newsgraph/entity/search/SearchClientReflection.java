package io.newsgraph.entity.search;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.opensearch.client.json.JsonData;

/**
 * The OpenSearch client finds the deserializer of a document class by reflection: {@code JsonpMapperBase} reads the
 * static {@code _DESERIALIZER} field of a class annotated {@code @JsonpDeserializable}. The quotes search asks for its
 * hits as {@link JsonData} ({@link QuotesIndex}); without this registration a native executable answered every quotes
 * search with 503 ("No deserializer found in 'org.opensearch.client.json.JsonData._DESERIALIZER'", found by
 * FeedEndToEndIT natively).
 */
@RegisterForReflection(targets = JsonData.class, methods = false)
final class SearchClientReflection {
    private SearchClientReflection() {}
}
