package io.newsgraph.article.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts candidate paragraphs, in document order, into body paragraphs, captions, footers and metadata: bylines
 * before the first body paragraph, a dateline opening it, credit footers anywhere, and bylines, agency tags and
 * end markers after the last one. Shared by the wire-copy, JSON-body and HTML parsers so all apply identical
 * rules; only what is not prose leaves the body.
 */
final class BodyCollector {

    /** An agency tag on a line of its own: "(Xinhua)", "-- Xinhua", "— AFP", "Xinhua". */
    private static final Pattern TAG_LINE = Pattern.compile("(?:--?|[–—])?\\s*\\(?\\s*([^()]{2,40}?)\\s*\\)?\\.?");
    /** An agency tag closing the last sentence: "... the ministry said. (Xinhua)". */
    private static final Pattern TRAILING_TAG = Pattern.compile("(?<=[.!?”\"’])\\s*\\(([^()]{2,40})\\)\\s*$");
    /** Trailing metadata paragraphs are examined at most this deep from the end. */
    private static final int TRAILER_DEPTH = 6;

    private final List<String> paragraphs = new ArrayList<>();
    private final List<Caption> captions = new ArrayList<>();
    private final List<String> footers = new ArrayList<>();
    private final List<Credit> credits = new ArrayList<>();
    private Byline headerByline = Byline.NONE;
    private Byline trailerByline = Byline.NONE;
    private Datelines.Match dateline;
    private boolean bylineUnderStandfirst;

    void add(String paragraph) {
        if (paragraph.isBlank() || NoiseRules.isShareMarker(paragraph)) {
            return;
        }
        Caption caption = Captions.parse(paragraph);
        if (caption != null) {
            addCaption(caption);
        } else if (NoiseRules.isFooter(paragraph)) {
            addFooter(paragraph);
        } else if (paragraphs.isEmpty() && dateline == null) {
            addFirstParagraph(paragraph);
        } else if (bylineUnderStandfirst(paragraph)) {
            return;
        } else {
            paragraphs.add(paragraph);
        }
    }

    /** Only below a headline does a first paragraph read as a standfirst (not in a body sent without its title). */
    void acceptBylineUnderStandfirst(boolean accept) {
        this.bylineUnderStandfirst = accept;
    }

    /** Credit-only captions (no text) are kept: the credit is metadata of the story's pictures. */
    void addCaption(Caption caption) {
        if (!caption.text().isBlank() || caption.credit() != null) {
            captions.add(caption);
        }
    }

    /**
     * @param byline   byline from headers/metadata; bylines in the text and the dateline only fill its missing parts
     * @param language declared language, or {@code null} to guess from the body
     */
    ParsedArticle build(String title, Byline byline, Instant publishedAt, String language, String url) {
        String tagAgency = takeTrailer();
        Dateline found = dateline == null ? null : dateline.dateline();
        Byline merged =
                Bylines.merge(Bylines.merge(byline, headerByline), dateline == null ? Byline.NONE : dateline.byline());
        merged = Bylines.merge(merged, trailerByline);
        // A broadcaster in a dateline ("Hong Kong CNN —") is the source, not a news agency.
        String agency = found != null && Agencies.isAgency(found.agency()) ? found.agency() : tagAgency;
        if (agency == null && merged.source() != null && Agencies.isAgency(merged.source())) {
            agency = Agencies.canonical(merged.source());
        }
        if (merged.source() == null && agency != null) {
            merged = new Byline(merged.author(), merged.place(), agency, merged.date());
        }
        if (merged.author() == null) {
            merged = new Byline(authorFromCredits(), merged.place(), merged.source(), merged.date());
        }
        return new ParsedArticle(
                title,
                merged,
                found,
                paragraphs,
                captions,
                footers,
                credits,
                agency,
                publishedAt,
                language != null ? language : LanguageGuess.guess(paragraphs),
                url);
    }

    private void addFooter(String paragraph) {
        footers.add(paragraph);
        List<Credit> parsed = Credits.parse(paragraph);
        if (parsed != null) {
            credits.addAll(parsed);
        }
    }

    /**
     * "Eleanor Hart Political correspondent" under a standfirst (the summary under a headline: one paragraph without a
     * final stop): the byline of a page that prints the summary first, as the Guardian does.
     */
    private boolean bylineUnderStandfirst(String paragraph) {
        if (!bylineUnderStandfirst || paragraphs.size() != 1 || dateline != null || headerByline.author() != null) {
            return false;
        }
        String standfirst = paragraphs.get(0).strip();
        if (standfirst.isEmpty() || ".!?\"”’)".indexOf(standfirst.charAt(standfirst.length() - 1)) >= 0) {
            return false;
        }
        Byline byline = Bylines.parseLine(paragraph, false);
        if (byline == null || byline.author() == null) {
            return false;
        }
        headerByline = Bylines.merge(headerByline, byline);
        return true;
    }

    /** Bylines before any body text ("By Jane Doe", "Updated: 2025-03-03") are metadata; the first body paragraph may open with a dateline. */
    private void addFirstParagraph(String paragraph) {
        Byline byline = Bylines.parseLine(paragraph, false);
        if (byline != null) {
            headerByline = Bylines.merge(headerByline, byline);
            return;
        }
        Datelines.Match found = Datelines.match(paragraph);
        if (found == null) {
            found = Datelines.placeLine(paragraph);
        }
        if (found == null) {
            paragraphs.add(paragraph);
            return;
        }
        dateline = found;
        if (!found.rest().isEmpty()) {
            paragraphs.add(found.rest());
        }
    }

    /**
     * Removes end markers, agency tags and bylines from the end of the body (last paragraphs first), then an agency
     * tag closing the last sentence; returns the agency a tag named, or null.
     */
    private String takeTrailer() {
        String agency = null;
        int insertAt = footers.size(); // peeled from the end: each one goes before those peeled after it
        for (int depth = 0; depth < TRAILER_DEPTH && paragraphs.size() > 1; depth++) {
            String last = paragraphs.get(paragraphs.size() - 1);
            String tag = tagLineAgency(last);
            Byline byline = tag == null ? Bylines.parseLine(last, true) : null;
            if (NoiseRules.isEndMarker(last)) {
                paragraphs.remove(paragraphs.size() - 1);
            } else if (tag != null) {
                agency = agency == null ? tag : agency;
                footers.add(insertAt, last);
                paragraphs.remove(paragraphs.size() - 1);
            } else if (byline != null) {
                trailerByline = Bylines.merge(byline, trailerByline);
                footers.add(insertAt, last);
                paragraphs.remove(paragraphs.size() - 1);
            } else {
                break;
            }
        }
        if (!paragraphs.isEmpty()) {
            int lastIndex = paragraphs.size() - 1;
            String last = NoiseRules.withoutTrailingEndMarker(paragraphs.get(lastIndex));
            Matcher m = TRAILING_TAG.matcher(Texts.tail(last, 60));
            if (m.find() && Agencies.isAgency(m.group(1))) {
                agency = agency == null ? Agencies.canonical(m.group(1)) : agency;
                footers.add("(" + m.group(1).strip() + ")");
                last = last.substring(0, last.length() - (Texts.tail(last, 60).length() - m.start()))
                        .strip();
            }
            paragraphs.set(lastIndex, last);
        }
        return agency;
    }

    private static String tagLineAgency(String line) {
        if (line.length() > 50) {
            return null;
        }
        Matcher m = TAG_LINE.matcher(line.strip());
        return m.matches() && Agencies.isAgency(m.group(1)) ? Agencies.canonical(m.group(1)) : null;
    }

    /** Without a byline, the reporters credited in the footer wrote the story (else its writer or compiler). */
    private String authorFromCredits() {
        for (String role : List.of("reporting", "writing", "compiled")) {
            List<String> names = credits.stream()
                    .filter(c -> c.role().equals(role))
                    .flatMap(c -> c.names().stream())
                    .toList();
            if (!names.isEmpty()) {
                return names.size() == 1
                        ? names.get(0)
                        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
            }
        }
        return null;
    }
}
