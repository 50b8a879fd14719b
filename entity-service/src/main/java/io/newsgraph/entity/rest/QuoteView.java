package io.newsgraph.entity.rest;

import io.newsgraph.entity.repository.AnalysisRepository.StoredQuote;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quote across the corpus: the quote and the article it is in. */
@Schema(name = "CorpusQuote", description = "A quote with the article it appears in.")
public record QuoteView(UUID articleId, AnalysisView.QuoteItem quote) {

    static QuoteView of(StoredQuote q) {
        return new QuoteView(q.articleId(), speakerQuote(q, null));
    }

    /** {@code key}: the speaker's key within an analysis, when the quote is shown inside one. */
    static AnalysisView.QuoteItem speakerQuote(StoredQuote q, String key) {
        return new AnalysisView.QuoteItem(q.start(), q.end(), q.text(), q.kind(), q.verb(), new AnalysisView.SpeakerItem(q.speakerId(),
                key, q.speakerName(), q.speakerSurface(), q.speakerDescription(), q.speakerRole()));
    }
}
