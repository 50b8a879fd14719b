package io.newsgraph.entity.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule-based paragraph, sentence and token splitter. One linear pass per level; good enough for
 * edited news copy, where sentences end with . ! or ? followed by a capitalised word or a quote.
 */
final class TextSegmenter {

    /** Words keep inner apostrophes, hyphens and periods ("Russia's", "cease-fire", "U.S"). */
    private static final Pattern TOKEN = Pattern.compile(
            "\\p{L}[\\p{L}\\p{M}\\p{N}]*(?:['\\-.&][\\p{L}\\p{N}]+)*" + "|\\p{N}+(?:[.,]\\p{N}+)*" + "|\\S");

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*");

    private final Lexicon lexicon;

    TextSegmenter(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    Segmentation segment(String text) {
        List<Token> tokens = tokenize(text);
        List<Segmentation.Paragraph> paragraphs = paragraphs(text);
        List<Segmentation.Sentence> sentences = new ArrayList<>();
        int tokenIndex = 0;
        for (int p = 0; p < paragraphs.size(); p++) {
            Segmentation.Paragraph paragraph = paragraphs.get(p);
            while (tokenIndex < tokens.size() && tokens.get(tokenIndex).start() < paragraph.start()) {
                tokenIndex++;
            }
            int sentenceStart = paragraph.start();
            for (int i = tokenIndex; i < tokens.size() && tokens.get(i).end() <= paragraph.end(); i++) {
                if (endsSentence(text, tokens, i, paragraph.end())) {
                    int end = closingPunctuationEnd(text, tokens.get(i).end(), paragraph.end());
                    sentences.add(new Segmentation.Sentence(sentenceStart, end, p));
                    sentenceStart = skipSpace(text, end, paragraph.end());
                }
            }
            if (sentenceStart < paragraph.end()) {
                sentences.add(new Segmentation.Sentence(sentenceStart, paragraph.end(), p));
            }
        }
        return new Segmentation(text, paragraphs, sentences, tokens);
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(new Token(m.start(), m.end(), m.group()));
        }
        return tokens;
    }

    private static List<Segmentation.Paragraph> paragraphs(String text) {
        List<Segmentation.Paragraph> paragraphs = new ArrayList<>();
        Matcher m = PARAGRAPH_BREAK.matcher(text);
        int start = skipSpace(text, 0, text.length());
        while (m.find()) {
            addParagraph(text, paragraphs, start, m.start());
            start = m.end();
        }
        addParagraph(text, paragraphs, start, text.length());
        return paragraphs;
    }

    private static void addParagraph(String text, List<Segmentation.Paragraph> paragraphs, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            paragraphs.add(new Segmentation.Paragraph(start, end));
        }
    }

    private boolean endsSentence(String text, List<Token> tokens, int i, int paragraphEnd) {
        String t = tokens.get(i).text();
        if (!(t.equals(".") || t.equals("!") || t.equals("?"))) {
            return false;
        }
        int after = closingPunctuationEnd(text, tokens.get(i).end(), paragraphEnd);
        if (after >= paragraphEnd) {
            return false; // the paragraph end closes the sentence anyway
        }
        if (!Character.isWhitespace(text.charAt(after))) {
            return false;
        }
        int next = skipSpace(text, after, paragraphEnd);
        char c = text.charAt(next);
        if (!(Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '(' || c == '\'')) {
            return false;
        }
        if (t.equals(".") && i > 0 && tokens.get(i - 1).end() == tokens.get(i).start()) {
            String previous = tokens.get(i - 1).text();
            boolean initial = previous.length() == 1 && Character.isUpperCase(previous.charAt(0));
            return !initial && !lexicon.isAbbreviation(previous);
        }
        return true;
    }

    /** Extends past closing quotes/brackets that belong to the sentence: {@code ...end."}. */
    private static int closingPunctuationEnd(String text, int from, int limit) {
        int i = from;
        while (i < limit
                && (text.charAt(i) == '"'
                        || text.charAt(i) == ')'
                        || text.charAt(i) == ']'
                        || text.charAt(i) == '\'')) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String text, int from, int limit) {
        int i = from;
        while (i < limit && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
