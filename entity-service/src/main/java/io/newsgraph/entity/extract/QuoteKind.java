package io.newsgraph.entity.extract;

/** How a {@link QuoteResult} reproduces speech. */
public enum QuoteKind {
    /** A full quotation in quote marks. */
    DIRECT,
    /** A fragment in quote marks inside the reporter's own sentence ("would \"allow\""). */
    PARTIAL,
    /** Indirect (reported) speech without quote marks ("X said the talks had stalled"). */
    INDIRECT
}
