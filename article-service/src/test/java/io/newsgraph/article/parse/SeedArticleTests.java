package io.newsgraph.article.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference wire copy from chinadaily.com.cn. */
class SeedArticleTests {

    private static String raw;
    private static ParsedArticle article;

    @BeforeAll
    static void parseSeed() throws IOException {
        try (InputStream in = SeedArticleTests.class.getResourceAsStream("/samples/seed-article.txt")) {
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        article = new WireCopyParser().parse(raw);
    }

    @Test
    void title() {
        assertEquals("US talks set on Russia-Ukraine war", article.title());
    }

    @Test
    void bylineFromChineseSiteMarkers() {
        assertEquals(new Byline("HENG WEILI", "New York", "chinadaily.com.cn"), article.byline());
    }

    @Test
    void singleCreditedCaption() {
        assertEquals(
                List.of(new Caption(
                        "This photo taken on Aug 15, 2024 shows a Ukrainian tank destroyed during Russian attacks in Toretsk.",
                        "Xinhua")),
                article.captions());
    }

    @Test
    void footerSeparatedFromBody() {
        assertEquals(List.of("Agencies contributed to this story."), article.footers());
    }

    @Test
    void paragraphs() {
        List<String> paragraphs = article.paragraphs();
        assertEquals(27, paragraphs.size());
        assertTrue(paragraphs.get(0).startsWith("US and Russian delegations will meet"));
        assertTrue(paragraphs.get(26).startsWith("Ukraine says it already recognizes"));
        assertTrue(paragraphs.stream().noneMatch(p -> p.contains("分享")));
        assertTrue(paragraphs.stream().noneMatch(p -> p.contains("作者") || p.contains("[Photo")));
        assertTrue(paragraphs.stream().noneMatch(p -> p.contains("contributed to this story")));
    }

    @Test
    void unbalancedQuoteKeptVerbatim() {
        String expected = "\"We have concluded our meeting with the American team, Ukrainian Defense Minister Rustem"
                + " Unerov posted on X on Sunday. \"The discussion was productive and focused — we addressed key"
                + " points including energy.\"";
        assertEquals(expected, article.paragraphs().get(2));
        assertTrue(raw.contains(expected));
    }

    @Test
    void everyParagraphIsVerbatimFromTheSource() {
        for (String paragraph : article.paragraphs()) {
            assertTrue(raw.contains(paragraph), paragraph);
        }
    }

    @Test
    void bodyIsParagraphsJoinedByBlankLines() {
        assertEquals(String.join("\n\n", article.paragraphs()), article.body());
        assertFalse(article.body().contains("\n\n\n"));
    }

    @Test
    void plainTextMetadata() {
        assertNull(article.publishedAt());
        assertNull(article.url());
        assertEquals("en", article.language());
    }

    @Test
    void parsingIsDeterministic() {
        assertEquals(article, new WireCopyParser().parse(raw));
    }
}
