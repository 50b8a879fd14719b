package io.newsgraph.alert.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A saved search compiled by article-service: the OpenSearch query and the articles mapping it is written for. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompiledSearch(ObjectNode query, ObjectNode mapping) {}
