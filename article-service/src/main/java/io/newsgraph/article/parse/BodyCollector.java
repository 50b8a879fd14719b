package io.newsgraph.article.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts candidate paragraphs, in document order, into body paragraphs, captions and footers, and
 * strips a dateline from the first body paragraph. Shared by the wire-copy and HTML parsers so
 * both apply identical rules.
 */
final class BodyCollector {

    private final List<String> paragraphs = new ArrayList<>();
    private final List<Caption> captions = new ArrayList<>();
    private final List<String> footers = new ArrayList<>();
    private Byline dateline = Byline.NONE;

    void add(String paragraph) {
        if (paragraph.isBlank() || NoiseRules.isShareMarker(paragraph)) {
            return;
        }
        Caption caption = Captions.parse(paragraph);
        if (caption != null) {
            addCaption(caption);
        } else if (NoiseRules.isFooter(paragraph)) {
            footers.add(paragraph);
        } else if (paragraphs.isEmpty() && Byline.NONE.equals(dateline)) {
            addFirstParagraph(paragraph);
        } else {
            paragraphs.add(paragraph);
        }
    }

    /** Credit-only captions (no text) carry nothing worth keeping. */
    void addCaption(Caption caption) {
        if (!caption.text().isBlank()) {
            captions.add(caption);
        }
    }

    /**
     * @param byline   byline from headers/metadata; the dateline only fills its missing parts
     * @param language declared language, or {@code null} to guess from the body
     */
    ParsedArticle build(String title, Byline byline, Instant publishedAt, String language, String url) {
        return new ParsedArticle(title, Bylines.merge(byline, dateline), paragraphs, captions, footers, publishedAt,
                language != null ? language : LanguageGuess.guess(paragraphs), url);
    }

    private void addFirstParagraph(String paragraph) {
        Datelines.Dateline found = Datelines.match(paragraph);
        if (found == null) {
            paragraphs.add(paragraph);
            return;
        }
        dateline = found.byline();
        if (!found.rest().isEmpty()) {
            paragraphs.add(found.rest());
        }
    }
}
