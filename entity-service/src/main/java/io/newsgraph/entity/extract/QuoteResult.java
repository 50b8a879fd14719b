package io.newsgraph.entity.extract;

import java.util.List;

/**
 * A quotation or piece of reported speech. Offsets cover {@code text} in the body (quote marks
 * excluded); a quotation continued over a paragraph break spans both paragraphs and its text joins
 * them with a space.
 *
 * @param speakerKey         entity key of the (first) speaker; null when unknown or unnamed
 * @param speakerKeys        all named speakers ("A and B said"), empty when unknown or unnamed
 * @param speakerSurface     how the speaker is referred to at this quote ("Witkoff", "he")
 * @param speakerDescription for unnamed speakers, e.g. "A Ukrainian official"
 * @param speakerRole        the speaker's title or appositive, when known
 * @param verb               the reporting verb ("said", "told", "posted"), when there is one
 * @param onBehalfOfKey      entity key of the principal a spokesperson speaks for ("..., quoting Y",
 *                           "on behalf of Y", "a spokesman for Y"); null when the speaker speaks for themselves
 * @param confidence         0..1, how sure the attribution is: highest for a speaker named next to the quote,
 *                           lower for pronouns, roles ("the envoy"), continued paragraphs and sentence subjects;
 *                           0 when no speaker was found
 */
public record QuoteResult(
        int start,
        int end,
        String text,
        String speakerKey,
        List<String> speakerKeys,
        String speakerSurface,
        String speakerDescription,
        String speakerRole,
        String verb,
        QuoteKind kind,
        String onBehalfOfKey,
        double confidence) {

    public QuoteResult {
        speakerKeys = List.copyOf(speakerKeys);
    }

    /** True for full quotations in quote marks; partial quotes and reported speech are not direct. */
    public boolean direct() {
        return kind == QuoteKind.DIRECT;
    }
}
