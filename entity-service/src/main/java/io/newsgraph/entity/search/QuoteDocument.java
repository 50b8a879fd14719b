package io.newsgraph.entity.search;

import io.newsgraph.entity.repository.AnalysisRepository.StoredQuote;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * One quote as the quotes index holds it (mapping: resources/search/quotes-v1.json): everything a hit shows, so that a
 * search answers from the index alone. Its id is {@code <articleId>-<ordinal>} (ordinal: position among the article's
 * quotes in text order), which the same analysis always gives the same quote: re-projecting is idempotent.
 */
@RegisterForReflection // (de)serialised by the OpenSearch client's Jackson mapper, which no REST signature shows
// Quarkus
public record QuoteDocument(
        String quoteId,
        UUID articleId,
        int articleVersion,
        int ordinal,
        Instant articleDate,
        int start,
        int end,
        String text,
        String kind,
        String verb,
        Double confidence,
        UUID speakerId,
        String speakerName,
        String speakerSurface,
        String speakerDescription,
        String speakerRole,
        UUID onBehalfOfId,
        String onBehalfOfName) {

    public static String id(UUID articleId, int ordinal) {
        return articleId + "-" + ordinal;
    }

    static QuoteDocument of(StoredQuote q, int version, int ordinal, Instant articleDate) {
        return new QuoteDocument(
                id(q.articleId(), ordinal),
                q.articleId(),
                version,
                ordinal,
                articleDate,
                q.start(),
                q.end(),
                q.text(),
                q.kind(),
                q.verb(),
                q.confidence(),
                q.speakerId(),
                q.speakerName(),
                q.speakerSurface(),
                q.speakerDescription(),
                q.speakerRole(),
                q.onBehalfOfId(),
                q.onBehalfOfName());
    }

    public StoredQuote toQuote() {
        return new StoredQuote(
                articleId,
                start,
                end,
                text,
                speakerId,
                speakerName,
                speakerSurface,
                speakerDescription,
                speakerRole,
                verb,
                kind,
                onBehalfOfId,
                onBehalfOfName,
                confidence);
    }
}
