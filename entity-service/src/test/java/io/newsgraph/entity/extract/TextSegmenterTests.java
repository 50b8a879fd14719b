package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSegmenterTests {

    private final TextSegmenter segmenter = new TextSegmenter(Lexicon.standard());

    private List<String> sentences(String text) {
        Segmentation s = segmenter.segment(text);
        return s.sentences().stream()
                .map(x -> text.substring(x.start(), x.end()))
                .toList();
    }

    @Test
    void abbreviationsAndInitialsDoNotSplit() {
        assertEquals(
                List.of("Mr. Smith met U.S. officials on Jan. 5 in Washington.", "John F. Kennedy was there too."),
                sentences("Mr. Smith met U.S. officials on Jan. 5 in Washington. John F. Kennedy was there too."));
    }

    @Test
    void splitsBeforeQuotesAndKeepsClosingQuoteWithSentence() {
        assertEquals(List.of("\"It is over.\"", "He left."), sentences("\"It is over.\" He left."));
        assertEquals(
                List.of("Witkoff said.", "\"And I think so,\" he said."),
                sentences("Witkoff said. \"And I think so,\" he said."));
    }

    @Test
    void sentencesNeverCrossParagraphs() {
        Segmentation s = segmenter.segment("First line without stop\n\nSecond paragraph. Third sentence.");
        assertEquals(2, s.paragraphs().size());
        assertEquals(3, s.sentences().size());
        assertEquals(0, s.sentences().get(0).paragraph());
        assertEquals(1, s.sentences().get(2).paragraph());
    }

    @Test
    void tokensKeepPossessivesHyphensAndNumbers() {
        List<String> tokens = TextSegmenter.tokenize("Russia's 30-day cease-fire: 1,580 bombs.").stream()
                .map(Token::text)
                .toList();
        assertEquals(List.of("Russia's", "30", "-", "day", "cease-fire", ":", "1,580", "bombs", "."), tokens);
    }

    @Test
    void sampleArticleSentenceCount() {
        Segmentation s = segmenter.segment(SampleArticle.load().body());
        assertEquals(27, s.paragraphs().size());
        assertEquals(
                "US and Russian delegations will meet in Saudi Arabia on Monday to discuss a potential 30-day cease-fire in the Ukraine-Russia war.",
                s.text()
                        .substring(
                                s.sentences().get(0).start(),
                                s.sentences().get(0).end()));
    }

    @Test
    void emptyText() {
        Segmentation s = segmenter.segment("");
        assertEquals(0, s.paragraphs().size());
        assertEquals(0, s.sentences().size());
    }
}
