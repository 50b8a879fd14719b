package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs double quote marks into quotation spans, paragraph by paragraph, tolerating the two
 * irregularities common in wire copy:
 * <ul>
 *   <li>a quotation continued into the next paragraph: the paragraph ends without a closing mark and
 *       the next one opens with a quote mark, so the quotation runs on;</li>
 *   <li>a missing closing mark: a second opening mark (or the paragraph end) arrives while a quotation
 *       is open; the quotation is then cut at an attribution clause inside it
 *       (", Defense Minister X posted"), or runs to that point if there is none.</li>
 * </ul>
 * Curly quotes in the original text say which way they face; straight quotes are judged by the
 * characters around them.
 */
final class QuoteMarkScanner {

    private enum Facing {
        OPEN,
        CLOSE,
        UNKNOWN
    }

    private final Segmentation segmentation;
    private final String original;
    private final String text;
    private final AttributionFinder attribution;
    private final Lexicon lexicon;

    QuoteMarkScanner(Segmentation segmentation, String original, AttributionFinder attribution, Lexicon lexicon) {
        this.segmentation = segmentation;
        this.original = original;
        this.text = segmentation.text();
        this.attribution = attribution;
        this.lexicon = lexicon;
    }

    List<QuoteSpan> scan() {
        List<QuoteSpan> spans = new ArrayList<>();
        List<Segmentation.Paragraph> paragraphs = segmentation.paragraphs();
        int openMark = -1;
        for (int p = 0; p < paragraphs.size(); p++) {
            Segmentation.Paragraph paragraph = paragraphs.get(p);
            int from = paragraph.start();
            if (openMark >= 0) {
                if (text.charAt(paragraph.start()) == '"') {
                    from = paragraph.start() + 1; // continuation mark, not a new quotation
                } else {
                    spans.add(unclosed(openMark, paragraphs.get(p - 1).end()));
                    openMark = -1;
                }
            }
            for (int i = text.indexOf('"', from); i >= 0 && i < paragraph.end(); i = text.indexOf('"', i + 1)) {
                Facing facing = facing(i);
                boolean opens = facing == Facing.OPEN || (facing == Facing.UNKNOWN && openMark < 0);
                if (opens) {
                    if (openMark >= 0) {
                        spans.add(unclosed(openMark, i));
                    }
                    openMark = i;
                } else if (openMark >= 0) {
                    spans.add(new QuoteSpan(openMark, openMark + 1, i, i, null, null));
                    openMark = -1;
                }
            }
            boolean continues = p + 1 < paragraphs.size()
                    && text.charAt(paragraphs.get(p + 1).start()) == '"';
            if (openMark >= 0 && !continues) {
                spans.add(unclosed(openMark, paragraph.end()));
                openMark = -1;
            }
        }
        return spans;
    }

    private Facing facing(int i) {
        char c = original.charAt(i);
        if (c == '\u201C' || c == '\u201E' || c == '\u00AB') {
            return Facing.OPEN;
        }
        if (c == '\u201D' || c == '\u00BB') {
            return Facing.CLOSE;
        }
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        char after = i + 1 >= text.length() ? ' ' : text.charAt(i + 1);
        boolean spaceBefore = Character.isWhitespace(before) || "([{—–-/:".indexOf(before) >= 0;
        boolean spaceAfter = Character.isWhitespace(after) || ".,;:!?)]—–-".indexOf(after) >= 0;
        if (spaceBefore && !spaceAfter) {
            return Facing.OPEN;
        }
        if (!spaceBefore && spaceAfter) {
            return Facing.CLOSE;
        }
        return Facing.UNKNOWN;
    }

    /** A quotation whose closing mark is missing before {@code limit}. */
    private QuoteSpan unclosed(int openMark, int limit) {
        int start = openMark + 1;
        for (Token token : segmentation.tokensIn(start, limit)) {
            if (!lexicon.isReportingVerb(token.text())) {
                continue;
            }
            Speaker speaker = attribution.speakerBefore(start, token.start());
            if (speaker != null && precededByComma(start, speaker.phraseStart())) {
                int comma = text.lastIndexOf(',', speaker.phraseStart());
                return new QuoteSpan(openMark, start, comma, -1, token, speaker);
            }
        }
        int end = limit;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new QuoteSpan(openMark, start, end, -1, null, null);
    }

    private boolean precededByComma(int floor, int phraseStart) {
        int p = phraseStart;
        while (p > floor && Character.isWhitespace(text.charAt(p - 1))) {
            p--;
        }
        return p > floor && text.charAt(p - 1) == ',';
    }
}
