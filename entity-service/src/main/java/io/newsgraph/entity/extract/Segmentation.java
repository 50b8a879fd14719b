package io.newsgraph.entity.extract;

import java.util.List;

/**
 * Paragraphs, sentences and tokens of one text, each list ordered by offset. Sentences never
 * cross paragraph boundaries.
 */
final class Segmentation {

    record Paragraph(int start, int end) {}

    record Sentence(int start, int end, int paragraph) {}

    private final String text;
    private final List<Paragraph> paragraphs;
    private final List<Sentence> sentences;
    private final List<Token> tokens;

    Segmentation(String text, List<Paragraph> paragraphs, List<Sentence> sentences, List<Token> tokens) {
        this.text = text;
        this.paragraphs = List.copyOf(paragraphs);
        this.sentences = List.copyOf(sentences);
        this.tokens = List.copyOf(tokens);
    }

    String text() {
        return text;
    }

    List<Paragraph> paragraphs() {
        return paragraphs;
    }

    List<Sentence> sentences() {
        return sentences;
    }

    List<Token> tokens() {
        return tokens;
    }

    /** Index of the first token whose start is at or after {@code offset} (tokens.size() if none). */
    int firstTokenAtOrAfter(int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Tokens lying entirely inside [from, to). */
    List<Token> tokensIn(int from, int to) {
        int first = firstTokenAtOrAfter(from);
        int last = first;
        while (last < tokens.size() && tokens.get(last).end() <= to) {
            last++;
        }
        return tokens.subList(first, last);
    }

    /** The sentence containing {@code offset}, or the nearest one before it. */
    Sentence sentenceAt(int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sentences.get(mid).start() <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return sentences.get(found);
    }

    int paragraphIndexAt(int offset) {
        for (int i = paragraphs.size() - 1; i >= 0; i--) {
            if (paragraphs.get(i).start() <= offset) {
                return i;
            }
        }
        return 0;
    }
}
