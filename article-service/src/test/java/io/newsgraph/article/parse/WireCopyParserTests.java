package io.newsgraph.article.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WireCopyParserTests {

    private static final String BODY_1 = "The minister said on Monday that the talks would continue.";
    private static final String BODY_2 = "Officials from both sides are expected to meet again next week.";

    private final WireCopyParser parser = new WireCopyParser();

    /** Asserts every field of a plain-text parse; language is "en" for the English fixtures. */
    private static void assertArticle(
            ParsedArticle actual,
            String title,
            Byline byline,
            List<String> paragraphs,
            List<Caption> captions,
            List<String> footers) {
        assertEquals(title, actual.title(), "title");
        assertEquals(byline, actual.byline(), "byline");
        assertEquals(paragraphs, actual.paragraphs(), "paragraphs");
        assertEquals(captions, actual.captions(), "captions");
        assertEquals(footers, actual.footers(), "footers");
        assertNull(actual.publishedAt(), "publishedAt");
        assertNull(actual.url(), "url");
        assertEquals(paragraphs.isEmpty() ? null : "en", actual.language(), "language");
    }

    private static String article(String... blocks) {
        return String.join("\n\n", blocks);
    }

    // ---- bylines -----------------------------------------------------------------------------

    @Test
    void byName() {
        ParsedArticle a = parser.parse(article("Talks to resume", "By Jane Doe", BODY_1, BODY_2));
        assertArticle(
                a,
                "Talks to resume",
                new Byline("Jane Doe", null, null),
                List.of(BODY_1, BODY_2),
                List.of(),
                List.of());
    }

    @Test
    void byTwoNamesAndAgency() {
        ParsedArticle a = parser.parse(article("Talks to resume", "By Jane Doe and John Roe, Reuters", BODY_1, BODY_2));
        assertArticle(
                a,
                "Talks to resume",
                new Byline("Jane Doe and John Roe", null, "Reuters"),
                List.of(BODY_1, BODY_2),
                List.of(),
                List.of());
    }

    @Test
    void nameInCity() {
        ParsedArticle a = parser.parse(article("Talks to resume", "Jane Doe in Berlin", BODY_1, BODY_2));
        assertArticle(
                a,
                "Talks to resume",
                new Byline("Jane Doe", "Berlin", null),
                List.of(BODY_1, BODY_2),
                List.of(),
                List.of());
    }

    @Test
    void byNameInCityAndSourceLine() {
        ParsedArticle a =
                parser.parse(article("Talks to resume", "By Jane Doe in Berlin\nSource: Example News", BODY_1));
        assertArticle(
                a,
                "Talks to resume",
                new Byline("Jane Doe", "Berlin", "Example News"),
                List.of(BODY_1),
                List.of(),
                List.of());
    }

    @Test
    void bylineOnTheLineRightAfterTheTitle() {
        ParsedArticle a = parser.parse("Talks to resume\nBy Jane Doe\n\n" + BODY_1);
        assertArticle(a, "Talks to resume", new Byline("Jane Doe", null, null), List.of(BODY_1), List.of(), List.of());
    }

    @Test
    void fullWidthChineseMarkers() {
        ParsedArticle a = parser.parse(article("会谈将继续", "作者：李明 in Beijing来源：中国日报\n编辑：王芳", BODY_1));
        assertArticle(a, "会谈将继续", new Byline("李明", "Beijing", "中国日报"), List.of(BODY_1), List.of(), List.of());
    }

    @Test
    void chineseSourceMarkerAlone() {
        ParsedArticle a = parser.parse(article("Talks to resume", "来源:chinadaily.com.cn", BODY_1));
        assertArticle(
                a,
                "Talks to resume",
                new Byline(null, null, "chinadaily.com.cn"),
                List.of(BODY_1),
                List.of(),
                List.of());
    }

    @Test
    void noBylineAtAll() {
        ParsedArticle a = parser.parse(article("Talks to resume", BODY_1, BODY_2));
        assertArticle(a, "Talks to resume", Byline.NONE, List.of(BODY_1, BODY_2), List.of(), List.of());
    }

    @Test
    void sentenceStartingWithByIsBody() {
        String first = "By Monday, the troops had withdrawn from the city.";
        ParsedArticle a = parser.parse(article("Troops withdraw", first, BODY_1));
        assertArticle(a, "Troops withdraw", Byline.NONE, List.of(first, BODY_1), List.of(), List.of());
    }

    @Test
    void firstParagraphEndingWithPeriodIsNotATitle() {
        ParsedArticle a = parser.parse(article(BODY_1, BODY_2));
        assertArticle(a, null, Byline.NONE, List.of(BODY_1, BODY_2), List.of(), List.of());
    }

    // ---- datelines ---------------------------------------------------------------------------

    @Test
    void apDateline() {
        ParsedArticle a = parser.parse(article(
                "Senate passes bill", "WASHINGTON (AP) — The Senate voted on Tuesday to pass the bill.", BODY_2));
        assertArticle(
                a,
                "Senate passes bill",
                new Byline(null, "WASHINGTON", "AP"),
                List.of("The Senate voted on Tuesday to pass the bill.", BODY_2),
                List.of(),
                List.of());
    }

    @Test
    void apDatelineWithCountry() {
        ParsedArticle a = parser.parse(article(
                "Strikes hit Ukraine", "KYIV, Ukraine (AP) — Russia launched a wave of drones overnight.", BODY_2));
        assertArticle(
                a,
                "Strikes hit Ukraine",
                new Byline(null, "KYIV, Ukraine", "AP"),
                List.of("Russia launched a wave of drones overnight.", BODY_2),
                List.of(),
                List.of());
    }

    @Test
    void reutersDatelineWithDateAndFooter() {
        ParsedArticle a = parser.parse(article(
                "UK sets out plan",
                "By Jane Doe",
                "LONDON, March 3 (Reuters) - Britain said on Monday it would raise spending.",
                BODY_2,
                "(Reporting by Jane Doe; Editing by John Roe)"));
        assertArticle(
                a,
                "UK sets out plan",
                new Byline("Jane Doe", "LONDON", "Reuters"),
                List.of("Britain said on Monday it would raise spending.", BODY_2),
                List.of(),
                List.of("(Reporting by Jane Doe; Editing by John Roe)"));
    }

    @Test
    void dashOnlyDateline() {
        ParsedArticle a =
                parser.parse(article("Storm nears", "MIAMI — Residents boarded up their homes on Friday.", BODY_2));
        assertArticle(
                a,
                "Storm nears",
                new Byline(null, "MIAMI", null),
                List.of("Residents boarded up their homes on Friday.", BODY_2),
                List.of(),
                List.of());
    }

    @Test
    void parenthesesInOrdinaryProseAreNotADateline() {
        String first = "The World Health Organization (WHO) - which met on Friday - issued new guidance.";
        ParsedArticle a = parser.parse(article("New guidance", first));
        assertArticle(a, "New guidance", Byline.NONE, List.of(first), List.of(), List.of());
    }

    @Test
    void parseBodyStripsDatelineIntoByline() {
        ParsedArticle a =
                parser.parseBody("BEIJING, March 24 (Xinhua) -- China's economy grew steadily in the first quarter, the"
                        + " statistics bureau said.\n\n" + BODY_2);
        assertArticle(
                a,
                null,
                new Byline(null, "BEIJING", "Xinhua"),
                List.of("China's economy grew steadily in the first quarter, the statistics bureau said.", BODY_2),
                List.of(),
                List.of());
    }

    @Test
    void parseBodyDoesNotDetectTitleOrByline() {
        ParsedArticle a = parser.parseBody(article("Talks to resume", "By Jane Doe", BODY_1));
        assertArticle(a, null, Byline.NONE, List.of("Talks to resume", "By Jane Doe", BODY_1), List.of(), List.of());
    }

    // ---- captions ----------------------------------------------------------------------------

    @Test
    void captionWithPhotographerCredit() {
        ParsedArticle a = parser.parse(article(
                "Harvest season",
                "Farmers harvest rice in Hunan province on Sept 3. [Photo by Zhang Wei/China Daily]",
                BODY_1));
        assertArticle(
                a,
                "Harvest season",
                Byline.NONE,
                List.of(BODY_1),
                List.of(new Caption("Farmers harvest rice in Hunan province on Sept 3.", "Zhang Wei/China Daily")),
                List.of());
    }

    @Test
    void captionWithoutCredit() {
        String caption = "A photo shows the damaged bridge near the border.";
        ParsedArticle a = parser.parse(article("Bridge damaged", caption, BODY_1));
        assertArticle(
                a, "Bridge damaged", Byline.NONE, List.of(BODY_1), List.of(new Caption(caption, null)), List.of());
    }

    @Test
    void otherCreditForms() {
        ParsedArticle a = parser.parse(article(
                "Market day",
                "Traders work on the floor. (Photo: Reuters)",
                "Crowds gather in the square. Photo: AP",
                "Lanterns hang over a street. [Photo/IC]",
                BODY_1));
        assertArticle(
                a,
                "Market day",
                Byline.NONE,
                List.of(BODY_1),
                List.of(
                        new Caption("Traders work on the floor.", "Reuters"),
                        new Caption("Crowds gather in the square.", "AP"),
                        new Caption("Lanterns hang over a street.", "IC")),
                List.of());
    }

    @Test
    void photoWordInsideProseIsNotACaption() {
        String text = "The photo shows how far the river has fallen, officials said.";
        ParsedArticle a = parser.parse(article("Drought", text));
        assertArticle(a, "Drought", Byline.NONE, List.of(text), List.of(), List.of());
    }

    // ---- noise and footers -------------------------------------------------------------------

    @Test
    void shareLineRemovedButShareInSentenceKept() {
        String sentence = "Investors will share the cost of the new plant, the company said.";
        ParsedArticle a = parser.parse(
                article("Plant deal", "Share", sentence, "Share on Facebook\nTweet\nPRINT", "Advertisement"));
        assertArticle(a, "Plant deal", Byline.NONE, List.of(sentence), List.of(), List.of());
    }

    @Test
    void contributionFooters() {
        List<String> footers = List.of(
                "Xinhua contributed to this story.",
                "Reuters contributed reporting.",
                "Additional reporting by Li Hong in Shanghai.",
                "Contact the writer at jane@example.com.",
                "Associated Press writer John Roe in Paris contributed to this report.");
        ParsedArticle a = parser.parse(article(
                "Talks to resume",
                BODY_1,
                footers.get(0),
                footers.get(1),
                footers.get(2),
                footers.get(3),
                footers.get(4)));
        assertArticle(a, "Talks to resume", Byline.NONE, List.of(BODY_1), List.of(), footers);
    }

    @Test
    void singleNewlinesInsideAParagraphBecomeSpaces() {
        ParsedArticle a = parser.parse(
                article("Talks to resume", "The minister said\non Monday that\nthe talks would continue."));
        assertEquals(List.of(BODY_1), a.paragraphs());
    }

    @Test
    void textWithoutBlankLinesHasOneParagraphPerLine() {
        ParsedArticle a =
                parser.parseBody("First paragraph here.\nSecond paragraph here.\nAgencies contributed to this story.");
        assertEquals(List.of("First paragraph here.", "Second paragraph here."), a.paragraphs());
        assertEquals(List.of("Agencies contributed to this story."), a.footers());
    }

    // ---- quotes and normalisation ------------------------------------------------------------

    @Test
    void unbalancedQuotesNeverRepaired() {
        String straight = "\"We are ready to talk, the spokesman said on Friday.";
        String curly = "“The deal is done,” she said. “We move on now.";
        ParsedArticle a = parser.parse(article("Ready to talk", straight, curly));
        assertArticle(a, "Ready to talk", Byline.NONE, List.of(straight, curly), List.of(), List.of());
    }

    @Test
    void crlfBomAndNbspGiveTheSameResultAsCleanInput() throws IOException {
        String clean;
        try (InputStream in = getClass().getResourceAsStream("/samples/seed-article.txt")) {
            clean = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String dirty = "\uFEFF"
                + clean.replace("\n", " \t\r\n")
                        .replace(" in ", "\u00A0in\u202F")
                        .replace("war", "w\u200Bar");
        ParsedArticle expected = parser.parse(clean);
        assertEquals(expected, parser.parse(dirty));
        assertEquals(new Byline("HENG WEILI", "New York", "chinadaily.com.cn"), expected.byline());
    }

    // ---- degenerate input --------------------------------------------------------------------

    @Test
    void emptyInput() {
        assertArticle(parser.parse(""), null, Byline.NONE, List.of(), List.of(), List.of());
        assertArticle(parser.parseBody(""), null, Byline.NONE, List.of(), List.of(), List.of());
        assertArticle(parser.parse(null), null, Byline.NONE, List.of(), List.of(), List.of());
        assertEquals("", parser.parse("").body());
    }

    @Test
    void whitespaceOnlyInput() {
        assertArticle(parser.parse(" \r\n\t\u00A0\n\n\u3000 "), null, Byline.NONE, List.of(), List.of(), List.of());
    }

    @Test
    void noiseOnlyInput() {
        assertArticle(parser.parse("分享\n\nShare this"), null, Byline.NONE, List.of(), List.of(), List.of());
    }

    @Test
    void resultListsAreImmutable() {
        ParsedArticle a = parser.parse(article("Talks to resume", BODY_1));
        assertThrows(UnsupportedOperationException.class, () -> a.paragraphs().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> a.captions().clear());
        assertThrows(UnsupportedOperationException.class, () -> a.footers().clear());
    }

    @Test
    void oneMegabyteOfRandomInputCompletes() {
        String alphabet = "abcXYZ 作者来源分享:：()[]（）-—–\"“”/.,\n\n\r\t\u00A0\uFEFF\u200BPhoto by (Reuters) LONDON";
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder(1 << 20);
        while (sb.length() < 1 << 20) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        assertNotNull(parser.parse(sb.toString()).paragraphs());
        assertNotNull(parser.parseBody(sb.toString()).paragraphs());
    }

    @Test
    void adversarialRepetitionsComplete() {
        for (String unit : List.of("(", "[Photo ", "LONDON ", "A ", "By A ", " in ", "作者:", "Photo: A ", "- ")) {
            String input = unit.repeat((1 << 20) / unit.length());
            ParsedArticle a = parser.parse(input);
            assertTrue(a.body().length() <= input.length(), unit);
        }
    }
}
