package io.newsgraph.entity.rest;

import io.newsgraph.entity.repository.AnalysisRepository.StoredQuote;
import io.newsgraph.entity.search.Highlights;
import io.newsgraph.entity.search.QuotesIndex.QuoteHit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quote across the corpus: the quote and the article it is in; from a search also its score and highlights. */
@Schema(name = "CorpusQuote", description = "A quote with the article it appears in.")
public record QuoteView(
        UUID articleId,
        AnalysisView.QuoteItem quote,

        @Schema(
                description = "Relevance (BM25) when the quotes were searched with `q`; null otherwise.",
                examples = "7.91")
        Double score,

        @Schema(
                description =
                        "Where `q` matched the quote text: fragments (HTML-escaped, matches in `<mark>`) with their "
                                + "offsets into `quote.text`, and the offsets of each match. Null unless searched with `q`; empty when "
                                + "nothing in the text itself can be marked.")
        List<Highlights.Highlight> highlights) {

    static QuoteView of(StoredQuote q) {
        return new QuoteView(q.articleId(), speakerQuote(q, null, null), null, null);
    }

    static QuoteView ofHit(QuoteHit hit) {
        StoredQuote q = hit.document().toQuote();
        return new QuoteView(
                q.articleId(), speakerQuote(q, null, null), hit.score(), Highlights.locate(q.text(), hit.fragments()));
    }

    /** {@code key}, {@code principalKey}: the speaker's and principal's keys within an analysis, when shown inside one. */
    static AnalysisView.QuoteItem speakerQuote(StoredQuote q, String key, String principalKey) {
        return new AnalysisView.QuoteItem(
                q.start(),
                q.end(),
                q.text(),
                q.kind(),
                q.verb(),
                new AnalysisView.SpeakerItem(
                        q.speakerId(),
                        key,
                        q.speakerName(),
                        q.speakerSurface(),
                        q.speakerDescription(),
                        q.speakerRole()),
                AnalysisView.PrincipalItem.of(q.onBehalfOfId(), principalKey, q.onBehalfOfName()),
                q.confidence());
    }
}
