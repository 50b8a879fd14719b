package io.newsgraph.entity.extract;

/**
 * A title or appositive attached to one person mention, e.g. "US special envoy" before
 * "Steve Witkoff" or "Trump's deputy Ukraine envoy" after "John Coale,". The span covers the role
 * text; for appositives it also covers the introducing comma so later stages can skip it whole.
 */
record RoleSpan(Entity entity, Mention mention, String role, int start, int end, boolean appositive) {

    boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
