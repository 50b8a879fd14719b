package io.newsgraph.entity.extract;

/**
 * Content of one quotation found by {@link QuoteMarkScanner}: [start, end) excludes the quote marks.
 * {@code innerVerb}/{@code innerSpeaker} are set when the closing mark was missing and the
 * quotation was cut at an attribution clause found inside it.
 */
record QuoteSpan(int openMark, int start, int end, int closeMark, Token innerVerb, Speaker innerSpeaker) {

    boolean closed() {
        return closeMark >= 0;
    }

    /** Offset just after the quotation, including its closing mark when present. */
    int after() {
        return closed() ? closeMark + 1 : end;
    }
}
