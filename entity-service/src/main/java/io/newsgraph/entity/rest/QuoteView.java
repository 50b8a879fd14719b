package io.newsgraph.entity.rest;

import io.newsgraph.entity.repository.AnalysisRepository.StoredQuote;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quote across the corpus: the quote and the article it is in. */
@Schema(name = "CorpusQuote", description = "A quote with the article it appears in.")
public record QuoteView(UUID articleId, AnalysisView.QuoteItem quote) {

    static QuoteView of(StoredQuote q) {
        return new QuoteView(q.articleId(), speakerQuote(q, null, null));
    }

    /** {@code key}, {@code principalKey}: the speaker's and principal's keys within an analysis, when shown inside one. */
    static AnalysisView.QuoteItem speakerQuote(StoredQuote q, String key, String principalKey) {
        return new AnalysisView.QuoteItem(q.start(), q.end(), q.text(), q.kind(), q.verb(), new AnalysisView.SpeakerItem(q.speakerId(),
                key, q.speakerName(), q.speakerSurface(), q.speakerDescription(), q.speakerRole()),
                AnalysisView.PrincipalItem.of(q.onBehalfOfId(), principalKey, q.onBehalfOfName()), q.confidence());
    }
}
