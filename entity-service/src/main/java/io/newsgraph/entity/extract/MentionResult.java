package io.newsgraph.entity.extract;

/** One mention of an entity: character offsets into the body, end exclusive. */
public record MentionResult(int start, int end, String surface) {}
