package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuoteExtractorTests {

    private static final Map<String, EntityType> PEOPLE = Map.of(
            "Anna Lee",
            EntityType.PERSON,
            "Lee",
            EntityType.PERSON,
            "Tom Park",
            EntityType.PERSON,
            "Park",
            EntityType.PERSON);

    /** kind | speakerKeys | verb | text — compact form for whole-list assertions. */
    private static String line(QuoteResult q) {
        return q.kind() + "|" + String.join("+", q.speakerKeys()) + "|" + q.verb() + "|" + q.text();
    }

    private static List<String> quotes(String body) {
        return TestModels.analyse(PEOPLE, body).quotes().stream()
                .map(QuoteExtractorTests::line)
                .toList();
    }

    @Test
    void attributionAfterClosingMarkAndPronounContinuation() {
        assertEquals(
                List.of("DIRECT|PERSON:Anna Lee|said|We are ready", "DIRECT|PERSON:Anna Lee|said|Nothing has changed."),
                quotes("\u201CWe are ready,\u201D Anna Lee said. \u201CNothing has changed.\u201D"));
        assertEquals(
                List.of("DIRECT|PERSON:Anna Lee|said|Go", "DIRECT|PERSON:Anna Lee|said|Stop"),
                quotes("\"Go,\" Anna Lee said.\n\n\"Stop,\" she said."));
    }

    @Test
    void verbBeforeSpeakerAndColonIntroducedQuotes() {
        assertEquals(List.of("DIRECT|PERSON:Anna Lee|said|Fine"), quotes("\"Fine,\" said Anna Lee."));
        assertEquals(
                List.of("DIRECT|PERSON:Tom Park|said|We will win."),
                quotes("In a statement, Tom Park said: \"We will win.\""));
        assertEquals(List.of("DIRECT|PERSON:Tom Park|said|We will win."), quotes("Tom Park said, \"We will win.\""));
    }

    @Test
    void missingClosingMarkIsCutAtTheAttribution() {
        assertEquals(
                List.of(
                        "DIRECT|PERSON:Anna Lee|posted|We are done here",
                        "DIRECT|PERSON:Anna Lee|posted|The talks went well."),
                quotes("\"We are done here, Anna Lee posted on Sunday. \"The talks went well.\""));
    }

    @Test
    void quotationContinuesOverParagraphBreak() {
        List<QuoteResult> quotes = TestModels.analyse(
                        PEOPLE, "\"First part,\" Anna Lee said. \"Second part.\n\n\"Third part,\" she said.")
                .quotes();
        assertEquals(
                List.of(
                        "DIRECT|PERSON:Anna Lee|said|First part",
                        "DIRECT|PERSON:Anna Lee|said|Second part. Third part"),
                quotes.stream().map(QuoteExtractorTests::line).toList());
        assertEquals("she", quotes.get(1).speakerSurface());
    }

    @Test
    void scareQuotesArePartialAndAttributedToTheSubject() {
        List<QuoteResult> quotes = TestModels.analyse(PEOPLE, "Tom Park called the plan \"a disaster\" on Friday.")
                .quotes();
        assertEquals(
                List.of("PARTIAL|PERSON:Tom Park|null|a disaster"),
                quotes.stream().map(QuoteExtractorTests::line).toList());
        assertFalse(quotes.get(0).direct());
    }

    @Test
    void jointAndUnnamedSpeakers() {
        assertEquals(
                List.of("DIRECT|PERSON:Anna Lee+PERSON:Tom Park|said|We agree"),
                quotes("\"We agree,\" Anna Lee and Tom Park said."));
        List<QuoteResult> quotes = TestModels.analyse(PEOPLE, "\"It is over,\" a senior official said.")
                .quotes();
        assertEquals(1, quotes.size());
        assertNull(quotes.get(0).speakerKey());
        assertEquals("a senior official", quotes.get(0).speakerDescription());
        assertTrue(quotes.get(0).direct());
    }

    @Test
    void reportedSpeech() {
        assertEquals(
                List.of("INDIRECT|PERSON:Tom Park|said|the deal was off"),
                quotes("Tom Park said on Monday that the deal was off."));
        assertEquals(
                List.of("INDIRECT|PERSON:Anna Lee|reported|Prices rose again"),
                quotes("Prices rose again, Anna Lee reported."));
        assertEquals(
                List.of("INDIRECT||said|the vote was delayed"),
                quotes("Two officials, speaking anonymously, said the vote was delayed."));
    }

    @Test
    void noQuotesInPlainText() {
        assertEquals(List.of(), quotes("The river rose overnight and the bridge closed."));
    }

    @Test
    void sampleArticleQuotes() {
        List<String> lines = TestModels.sample().quotes().stream()
                .map(q -> q.kind() + "|" + q.speakerKey() + "|" + q.speakerDescription() + "|" + q.verb() + "|"
                        + q.speakerRole() + "|"
                        + q.text().substring(0, Math.min(30, q.text().length())))
                .toList();
        assertEquals(
                List.of(
                        "DIRECT|PERSON:Rustem Unerov|null|posted|Ukrainian Defense Minister|We have concluded our meeting ",
                        "DIRECT|PERSON:Rustem Unerov|null|posted|Ukrainian Defense Minister|The discussion was productive ",
                        "DIRECT|PERSON:Steve Witkoff|null|said|US special envoy|I think that you're going to s",
                        "INDIRECT|null|A Ukrainian official|said|null|the Ukrainian delegation might",
                        "INDIRECT|ORGANIZATION:Bloomberg News|null|reported|null|The US hopes to reach a broad ",
                        "DIRECT|PERSON:Dmitry Kuznets|null|told|military analyst with the Russian news outlet Meduza|Both sides still believe that ",
                        "PARTIAL|PERSON:Dmitry Kuznets|null|adding|military analyst with the Russian news outlet Meduza|visions of what an agreement c",
                        "PARTIAL|PERSON:Donald Trump|null|null|US President|that the movement to peace wil",
                        "INDIRECT|LOCATION:Moscow|null|saying|null|Ukraine hit an oil depot in so",
                        "INDIRECT|LOCATION:Kyiv|null|said|null|Russia had struck hospitals an",
                        "DIRECT|PERSON:Volodymyr Zelensky|null|said|Ukrainian President|This week alone, more than 1,5",
                        "INDIRECT|ORGANIZATION:Ministry of Defense|null|said|null|it had shot down 59 Ukrainian ",
                        "INDIRECT|PERSON:Vladimir Putin|null|said|Russian President|he wants Ukraine to drop its a",
                        "INDIRECT|PERSON:John Coale|null|said|Trump's deputy Ukraine envoy|the US had not ruled out poten",
                        "INDIRECT|PERSON:Pete Hegseth|null|told|US Defense Secretary|Ukraine's military allies in B",
                        "INDIRECT|PERSON:Donald Trump|null|said|US President|he does not believe Russia wou",
                        "PARTIAL|PERSON:Donald Trump|null|said|US President|allow",
                        "INDIRECT|null|some Russian officials|said|null|they could not accept such a f",
                        "DIRECT|PERSON:Steve Witkoff|null|said|US special envoy|I just don't see that he wants",
                        "DIRECT|PERSON:Steve Witkoff|null|said|US special envoy|And I think the Europeans are ",
                        "INDIRECT|LOCATION:Ukraine|null|says|null|it already recognizes that it ",
                        "INDIRECT|LOCATION:Kyiv|null|says|null|it will never recognize Russia"),
                lines);
    }

    @Test
    void sampleQuoteDetails() {
        String body = SampleArticle.load().body();
        List<QuoteResult> direct = TestModels.sample().quotes().stream()
                .filter(QuoteResult::direct)
                .toList();
        assertEquals(7, direct.size());
        QuoteResult unclosed = direct.get(0);
        assertEquals("We have concluded our meeting with the American team", unclosed.text());
        assertEquals(unclosed.text(), body.substring(unclosed.start(), unclosed.end()));
        QuoteResult continued = direct.get(6);
        assertEquals("he", continued.speakerSurface());
        assertEquals(
                "And I think the Europeans are beginning to come to that belief, too. But it sort of doesn't matter. "
                        + "The agenda is stop the killing, stop the carnage. Let's end this thing",
                continued.text());
        assertTrue(body.substring(continued.start(), continued.end()).contains("\n\n\"The agenda"));
        QuoteResult joint = TestModels.sample().quotes().get(7);
        assertEquals(List.of("PERSON:Donald Trump", "PERSON:Vladimir Putin"), joint.speakerKeys());
        assertEquals("Donald Trump and Vladimir Putin", joint.speakerSurface());
        assertEquals("Kiev", TestModels.sample().quotes().get(9).speakerSurface());
    }

    @Test
    void anAcronymInBracketsBetweenSpeakerAndVerbIsSkipped() {
        Map<String, EntityType> names = Map.of("Joint Chiefs of Staff", EntityType.ORGANIZATION);
        assertEquals(
                List.of("INDIRECT|ORGANIZATION:Joint Chiefs of Staff|said|drones had crossed the border 14 times"),
                TestModels.analyse(
                                names, "The Joint Chiefs of Staff (JCS) said drones had crossed the border 14 times.")
                        .quotes()
                        .stream()
                        .map(QuoteExtractorTests::line)
                        .toList());
    }

    @Test
    void verbsThatReportOnlyWithAThatClause() {
        assertEquals(
                List.of("INDIRECT|PERSON:Anna Lee|alleged|farmers were paid late"),
                quotes("Anna Lee alleged on Monday that farmers were paid late."));
        assertEquals(List.of(), quotes("Anna Lee revealed a plan to pay farmers."));
    }

    @Test
    void aNameAfterTheDescriptionOfTheSpeakerIsTheSpeaker() {
        List<QuoteResult> found = TestModels.analyse(
                        PEOPLE, "\"Heat kills,\" said the state's chief health officer, Dr Anna Lee.")
                .quotes();
        assertEquals(
                List.of("DIRECT|PERSON:Anna Lee|said|Heat kills"),
                found.stream().map(QuoteExtractorTests::line).toList());
        assertEquals("the state's chief health officer", found.get(0).speakerRole());
    }

    @Test
    void anInstitutionNamedAfterItsDescriptionSpeaks() {
        Map<String, EntityType> names = Map.of("OCHA", EntityType.ORGANIZATION, "UN", EntityType.ORGANIZATION);
        assertEquals(
                List.of("INDIRECT|ORGANIZATION:OCHA|said|the drought was the worst in decades"),
                TestModels.analyse(
                                names, "The UN's humanitarian office, OCHA, said the drought was the worst in decades.")
                        .quotes()
                        .stream()
                        .map(QuoteExtractorTests::line)
                        .toList());
    }

    @Test
    void aDescriptionWithAnAcronymInBracketsStillIntroducesTheName() {
        Map<String, EntityType> names =
                Map.of("Anna Lee", EntityType.PERSON, "National Drought Management Authority", EntityType.ORGANIZATION);
        assertEquals(
                List.of("INDIRECT|PERSON:Anna Lee|said|two million people needed food"),
                TestModels.analyse(
                                names,
                                "The head of the National Drought Management Authority (NDMA), Anna Lee, said on Monday that"
                                        + " two million people needed food.")
                        .quotes()
                        .stream()
                        .map(QuoteExtractorTests::line)
                        .toList());
    }

    @Test
    void aTitleOfSeveralWordsBetweenVerbAndName() {
        Map<String, EntityType> names = Map.of("Tang Wen", EntityType.PERSON, "Commerce", EntityType.ORGANIZATION);
        assertEquals(
                List.of("DIRECT|PERSON:Tang Wen|said|Too much spoils"),
                TestModels.analyse(names, "\"Too much spoils,\" said Vice Minister of Commerce Tang Wen in Beijing.")
                        .quotes()
                        .stream()
                        .map(QuoteExtractorTests::line)
                        .toList());
    }

    @Test
    void lowerCaseWordsBeforeATitleAfterTheQuotation() {
        assertEquals(
                List.of("DIRECT|PERSON:Anna Lee|said|Store only what you need"),
                quotes("\"Store only what you need,\" city water secretary Anna Lee said."));
        assertEquals(
                List.of(),
                quotes("\"Store only what you need,\" and then secretary Anna Lee said nothing.").stream()
                        .filter(q -> q.startsWith("DIRECT|PERSON"))
                        .toList(),
                "a conjunction opens another clause");
    }

    @Test
    void aTrailingAttributionOverTheArticleOrAnOwner() {
        Map<String, EntityType> names =
                Map.of("Ministry of Foreign Affairs", EntityType.ORGANIZATION, "Qatar", EntityType.LOCATION);
        assertEquals(
                List.of(
                        "INDIRECT|ORGANIZATION:Ministry of Foreign Affairs|said|The meeting brought together five envoys"),
                TestModels.analyse(
                                names,
                                "The meeting brought together five envoys, Qatar's Ministry of Foreign Affairs said.")
                        .quotes()
                        .stream()
                        .map(QuoteExtractorTests::line)
                        .toList());
    }
}
