package io.newsgraph.entity.extract;

import java.util.List;

/** Finds named-entity mentions in a text. Implementations must be safe for concurrent use. */
public interface EntityRecognizer {

    /** Mentions ordered by start offset; never null. */
    List<Mention> recognize(String text);
}
