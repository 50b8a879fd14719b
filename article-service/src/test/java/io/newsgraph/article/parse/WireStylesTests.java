package io.newsgraph.article.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per wire style: datelines, agency tags, credit footers, bylines and photo credits. */
class WireStylesTests {

    private static final String REST = "Officials said the talks would continue next week.";
    private static final String MORE = "Both sides are expected to meet again in April.";

    private final WireCopyParser parser = new WireCopyParser();

    private ParsedArticle story(String... blocks) {
        return parser.parse("Talks to resume\n\n" + String.join("\n\n", blocks));
    }

    // ---- datelines ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            LONDON, March 3 (Reuters) -              | LONDON         | --03-03 | Reuters
            BEIJING, March 3 (Xinhua) --             | BEIJING        | --03-03 | Xinhua
            KYIV, Ukraine, March 3 (AP) —            | KYIV, Ukraine  | --03-03 | AP
            ORLANDO, Fla. (AP) —                     | ORLANDO, Fla.  |         | AP
            Paris (AFP) -                            | Paris          |         | AFP
            Madrid, Mar 3 (EFE).-                    | Madrid         | --03-03 | EFE
            WASHINGTON, Sept. 12 (UPI) --            | WASHINGTON     | --09-12 | UPI
            PARIS, 4 March (AFP) -                   | PARIS          | --03-04 | AFP
            KYIV/MOSCOW, March 3 (Reuters) -         | KYIV/MOSCOW    | --03-03 | Reuters
            Berlin (dpa) -                           | Berlin         |         | DPA
            SEOUL, March 4 (Yonhap) --               | SEOUL          | --03-04 | Yonhap
            UNITED NATIONS, March 3 (Xinhua) --      | UNITED NATIONS | --03-03 | Xinhua
            THE HAGUE, March 3 (Reuters) -           | THE HAGUE      | --03-03 | Reuters
            (ANSA) - ROME, MAR 3 -                   | ROME           | --03-03 | ANSA
            MOSCOW, March 3. /TASS/.                 | MOSCOW         | --03-03 | TASS
            """)
    void datelineWithAgency(String dateline, String place, String monthDay, String agency) {
        ParsedArticle a = story(dateline + " " + REST, MORE);
        assertEquals(
                new Dateline(dateline, place, monthDay == null ? null : MonthDay.parse(monthDay), null, agency),
                a.dateline());
        assertEquals(List.of(REST, MORE), a.paragraphs(), "the dateline is cut from the body");
        assertEquals(agency, a.agency());
        assertEquals(place, a.byline().place());
        assertEquals(agency, a.byline().source(), "without a byline source the agency is the source");
    }

    @Test
    void ptiPrintsNoDashAfterItsTag() {
        ParsedArticle a = story("New Delhi, Mar 3 (PTI) The government extended the deadline on Monday.", MORE);
        assertEquals(new Dateline("New Delhi, Mar 3 (PTI)", "New Delhi", MonthDay.of(3, 3), null, "PTI"), a.dateline());
        assertEquals(
                "The government extended the deadline on Monday.",
                a.paragraphs().get(0));
    }

    @Test
    void printedYearIsKept() {
        ParsedArticle a = story("BEIJING, March 3, 2025 (Xinhua) -- " + REST);
        assertEquals(2025, a.dateline().year());
        assertEquals(MonthDay.of(3, 3), a.dateline().monthDay());
    }

    @Test
    void upperCaseCityWithLongDashAndNoAgency() {
        ParsedArticle a = story("WASHINGTON — " + REST, MORE);
        assertEquals(new Dateline("WASHINGTON —", "WASHINGTON", null, null, null), a.dateline());
        assertNull(a.agency());
        assertEquals(List.of(REST, MORE), a.paragraphs());
    }

    @Test
    void broadcasterBeforeTheDashIsTheSourceButNoAgency() {
        ParsedArticle a = story("Hong Kong CNN — " + REST);
        assertEquals("Hong Kong", a.dateline().place());
        assertEquals("CNN", a.byline().source());
        assertNull(a.agency());
    }

    @Test
    void datelineAfterABylineInAJsonBody() {
        ParsedArticle a = parser.parseBody("By Eva Brandt, dpa\n\nVIENNA (dpa) - " + REST + "\n\n" + MORE);
        assertEquals("Eva Brandt", a.byline().author());
        assertEquals("VIENNA", a.dateline().place());
        assertEquals("DPA", a.agency());
        assertEquals(List.of(REST, MORE), a.paragraphs());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "On Monday, March 3 — the day the talks began — officials met.",
                "The World Health Organization (WHO) - which met on Friday - issued guidance.",
                "Shares of the carmaker (Reuters) fell sharply on Monday.",
                "Officials in the capital - who asked not to be named - said so.",
                "Analysts said: the market will recover."
            })
    void proseIsNoDateline(String first) {
        ParsedArticle a = story(first, MORE);
        assertNull(a.dateline());
        assertEquals(List.of(first, MORE), a.paragraphs());
    }

    // ---- agency tags and end markers ---------------------------------------------------------

    @Test
    void agencyTagClosingTheLastSentence() {
        ParsedArticle a = story(REST, "Retailers must offer refills, the ministry said. (Xinhua)");
        assertEquals(List.of(REST, "Retailers must offer refills, the ministry said."), a.paragraphs());
        assertEquals("Xinhua", a.agency());
        assertEquals(List.of("(Xinhua)"), a.footers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(Xinhua)", "Xinhua", "-- Xinhua", "— Xinhua News Agency"})
    void agencyTagOnItsOwnLine(String tag) {
        ParsedArticle a = story(REST, MORE, tag);
        assertEquals(List.of(REST, MORE), a.paragraphs());
        assertEquals("Xinhua", a.agency());
        assertEquals(List.of(tag), a.footers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Enditem", "(END)", "###", "--0--"})
    void endMarkersLeaveTheBody(String marker) {
        assertEquals(List.of(REST, MORE), story(REST, MORE, marker).paragraphs());
    }

    @Test
    void endMarkerGluedToTheLastSentence() {
        assertEquals(List.of(REST, MORE), story(REST, MORE + " Enditem").paragraphs());
    }

    @Test
    void unknownNameInParenthesesAtTheEndIsProse() {
        String last = "The fund manages 3 billion dollars (Norway).";
        assertEquals(List.of(REST, last), story(REST, last).paragraphs());
    }

    // ---- credit footers ----------------------------------------------------------------------

    @Test
    void reutersStyleCreditsAreParsedRoleByRole() {
        String footer = "(Reporting by Jane Doe in Kyiv and John Roe in Moscow; Additional reporting by Max Weber; "
                + "Writing by Ann Lee; Editing by Tom Hart and Sue Kim)";
        ParsedArticle a = story(REST, MORE, footer);
        assertEquals(List.of(REST, MORE), a.paragraphs());
        assertEquals(List.of(footer), a.footers());
        assertEquals(
                List.of(
                        new Credit("reporting", List.of("Jane Doe", "John Roe")),
                        new Credit("additional reporting", List.of("Max Weber")),
                        new Credit("writing", List.of("Ann Lee")),
                        new Credit("editing", List.of("Tom Hart", "Sue Kim"))),
                a.credits());
        assertEquals("Jane Doe and John Roe", a.byline().author(), "without a byline the reporters are the authors");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Writing by Ann Lee                                                  | writing      | Ann Lee
            Compiled by Ann Lee                                                 | compiled     | Ann Lee
            Additional reporting by Ann Lee in Paris                            | additional reporting | Ann Lee
            Editor: Li Yan                                                      | editing      | Li Yan
            Associated Press writer Ann Lee in Denver contributed to this report. | contributing | Ann Lee
            Agencies contributed to this story.                                 | contributing | Agencies
            """)
    void singleCreditLines(String line, String role, String name) {
        ParsedArticle a = story(REST, MORE, line);
        assertEquals(List.of(REST, MORE), a.paragraphs());
        assertEquals(List.of(new Credit(role, List.of(name))), a.credits());
    }

    @Test
    void bylineWinsOverCreditsForTheAuthor() {
        ParsedArticle a = story("By Sue Kim", REST, "(Reporting by Jane Doe; Editing by Tom Hart)");
        assertEquals("Sue Kim", a.byline().author());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Reporting by the state broadcaster suggested the talks had stalled.",
                "Writing by hand is still taught in most schools, the ministry said.",
                "Editing by committee rarely works, she said."
            })
    void creditWordsInProseStayInTheBody(String prose) {
        ParsedArticle a = story(REST, prose);
        assertEquals(List.of(REST, prose), a.paragraphs());
        assertEquals(List.of(), a.credits());
    }

    // ---- bylines -----------------------------------------------------------------------------

    @Test
    void pipeBylineWithOutletAndUpdatedDate() {
        ParsedArticle a = story("By ZHANG YI in Chengdu | China Daily | Updated: 2025-03-03 07:32", REST);
        assertEquals(new Byline("ZHANG YI", "Chengdu", "China Daily", LocalDate.of(2025, 3, 3)), a.byline());
        assertEquals(List.of(REST), a.paragraphs());
    }

    @Test
    void pipeBylineWithoutAuthor() {
        ParsedArticle a = story("Xinhua | Updated: 2025-03-03 10:17", REST);
        assertEquals(new Byline(null, null, "Xinhua", LocalDate.of(2025, 3, 3)), a.byline());
        assertEquals("Xinhua", a.agency());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Updated: March 3, 2025                   | 2025-03-03
            Published: 2025-03-03T10:17:00Z          | 2025-03-03
            Last updated 2025-03-04 08:00 GMT        | 2025-03-04
            """)
    void datedLineUnderTheTitle(String line, String date) {
        ParsedArticle a = story(line, REST);
        assertEquals(LocalDate.parse(date), a.byline().date());
        assertEquals(List.of(REST), a.paragraphs());
    }

    @Test
    void proseStartingWithUpdatedIsNoByline() {
        String first = "Updated plans for the port were published on March 3, 2025 by the city.";
        assertEquals(List.of(first), story(first).paragraphs());
    }

    @Test
    void byNamesAndAgencyWithoutComma() {
        ParsedArticle a = story("By JANE ROE and MARK DELL Associated Press", REST);
        assertEquals("JANE ROE and MARK DELL", a.byline().author());
        assertEquals("Associated Press", a.byline().source());
        assertEquals("AP", a.agency());
    }

    @Test
    void byAgencyAloneIsASourceNotAnAuthor() {
        ParsedArticle a = story("By Reuters", REST);
        assertEquals(new Byline(null, null, "Reuters"), a.byline());
    }

    @Test
    void nameInCityAndSourceAtTheEnd() {
        ParsedArticle a = story(REST, MORE, "Lin Qiao in Shanghai", "Source: Global Times");
        assertEquals(new Byline("Lin Qiao", "Shanghai", "Global Times"), a.byline());
        assertEquals(List.of(REST, MORE), a.paragraphs());
        assertEquals(List.of("Lin Qiao in Shanghai", "Source: Global Times"), a.footers());
    }

    @Test
    void chineseMarkersWithoutSpaces() {
        ParsedArticle a = story("作者:WANG LI in Geneva来源:chinadaily.com.cn", REST);
        assertEquals(new Byline("WANG LI", "Geneva", "chinadaily.com.cn"), a.byline());
    }

    // ---- photo credits -----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Delegates arrive in Geneva. [Photo/Xinhua]                                  | Xinhua                           | Xinhua       |
            Delegates arrive in Geneva. [Photo/Agencies]                                | Agencies                         | Agencies     |
            Delegates arrive in Geneva. [Photo by Liu Hong/China Daily]                 | Liu Hong/China Daily             | China Daily  | Liu Hong
            A ship waits near the port on March 2, 2025. REUTERS/Oleh Petrenko          | REUTERS/Oleh Petrenko            | Reuters      | Oleh Petrenko
            A ship waits near the port. REUTERS/Oleh Petrenko/File Photo                | REUTERS/Oleh Petrenko/File Photo | Reuters      | Oleh Petrenko
            A man wades through water, Tuesday, March 4, 2025. (AP Photo/Carl Benson)   | AP Photo/Carl Benson             | AP           | Carl Benson
            A man wades through water in 2019. (AP Photo/Carl Benson, File)             | AP Photo/Carl Benson, File       | AP           | Carl Benson
            Visitors queue outside the museum. Photo: Claire Dubois/AFP                 | Claire Dubois/AFP                | AFP          | Claire Dubois
            Delegates arrive for the talks. Fabrice Morel/AFP via Getty Images          | Fabrice Morel/AFP via Getty Images | AFP        | Fabrice Morel
            Workers repair a bridge. State Emergency Service/Handout via REUTERS        | State Emergency Service/Handout via REUTERS | Reuters |
            Officials meet in Ankara. Press Office/ANKA (Ankara News Agency)/Handout via REUTERS | Press Office/ANKA (Ankara News Agency)/Handout via REUTERS | Reuters |
            A passenger boards a train in Beijing, March 3, 2025. (Xinhua/Li Wen)       | Xinhua/Li Wen                    | Xinhua       | Li Wen
            The minister speaks in Kuala Lumpur. (Photo by Aziz Rahman/Bernama)         | Aziz Rahman/Bernama              | Bernama      | Aziz Rahman
            The minister presents the plan in Madrid. EFE/Juan Ortega                   | EFE/Juan Ortega                  | EFE          | Juan Ortega
            Crowds gather in the square. Photograph: Ana Ruiz/Reuters                   | Ana Ruiz/Reuters                 | Reuters      | Ana Ruiz
            Rescuers search the rubble. EPA-EFE/SERGEY KOZLOV                           | EPA-EFE/SERGEY KOZLOV            | EPA          | SERGEY KOZLOV
            """)
    void captionCredit(String paragraph, String credit, String agency, String photographer) {
        ParsedArticle a = story(paragraph, REST);
        assertEquals(List.of(REST), a.paragraphs(), "the caption is not story text");
        assertEquals(1, a.captions().size());
        assertEquals(credit, a.captions().get(0).credit());
        assertEquals(
                new PhotoCredit(agency, photographer),
                PhotoCredit.of(a.captions().get(0).credit()));
    }

    @Test
    void reutersLicensingFurnitureIsDropped() {
        ParsedArticle a = story("A ship waits. REUTERS/Oleh Petrenko Purchase Licensing Rights, opens new tab", REST);
        assertEquals(List.of(new Caption("A ship waits.", "REUTERS/Oleh Petrenko")), a.captions());
    }

    @Test
    void creditOnItsOwnLineIsKept() {
        ParsedArticle a = story("REUTERS/Oleh Petrenko", REST);
        assertEquals(List.of(new Caption("", "REUTERS/Oleh Petrenko")), a.captions());
        assertEquals(List.of(REST), a.paragraphs());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Support for the party stands at 30 percent, according to a Reuters/Ipsos poll.",
                "The minister spoke to Xinhua/Li Wen about the plan and the budget for next year.",
                "Talks resumed on Monday, officials told Reuters via telephone",
                "He said the deal was done. Officials and/or advisers declined to comment"
            })
    void slashesAndAgencyNamesInProseAreNoCredit(String prose) {
        ParsedArticle a = story(REST, prose);
        assertEquals(List.of(REST, prose), a.paragraphs());
        assertEquals(List.of(), a.captions());
    }

    // ---- canonical sources -------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Xinhua News Agency        | Xinhua
            XINHUA                    | Xinhua
            Agence France-Presse      | AFP
            The Associated Press      | AP
            Associated Press          | AP
            ap                        | AP
            Deutsche Presse-Agentur   | DPA
            Yonhap News Agency        | Yonhap
            Press Trust of India      | PTI
            Kyodo News                | Kyodo
            ITAR-TASS                 | TASS
            chinadaily.com.cn         | chinadaily.com.cn
            Daily Planet              | Daily Planet
            """)
    void canonicalSource(String printed, String canonical) {
        assertEquals(canonical, Agencies.canonical(printed));
    }

    // ---- hostile input -----------------------------------------------------------------------

    @Test
    void adversarialMetadataShapesComplete() {
        List<String> inputs = List.of(
                "A/".repeat(200_000),
                "(".repeat(100_000) + "Reuters" + ")".repeat(100_000),
                "KYIV, ".repeat(100_000) + "March 3 (Reuters) - x",
                "Reporting by " + "Jane Doe and ".repeat(50_000),
                "By " + "A | ".repeat(100_000),
                ("Text. REUTERS/" + "Name ".repeat(20) + "\n\n").repeat(5_000),
                "x. (Xinhua)".repeat(100_000));
        for (String input : inputs) {
            ParsedArticle a = parser.parse(input);
            assertTrue(a.body().length() <= input.length());
            assertTrue(a.footers().stream().mapToInt(String::length).sum() <= input.length());
        }
    }

    // ---- held-out styles (devset 33-40) --------------------------------------------------------

    @Test
    void bbcBylineNamesAuthorOutletAndPlace() {
        ParsedArticle a = story("By Jane Doe, BBC News, Nairobi", REST, MORE);
        assertEquals("Jane Doe", a.byline().author());
        assertEquals("BBC News", a.byline().source());
        assertEquals("Nairobi", a.byline().place());
        assertEquals(List.of(REST, MORE), a.paragraphs());
    }

    @Test
    void segmentedBylineWithDashesAndDottedDates() {
        ParsedArticle a = story("Ayse Demir - Anadolu Agency | 26.11.2025 - Updated: 27.11.2025", REST, MORE);
        assertEquals("Ayse Demir", a.byline().author());
        assertEquals("Anadolu Agency", a.byline().source());
        assertEquals(LocalDate.of(2025, 11, 26), a.byline().date(), "the first date is the publication's");
        assertEquals(List.of(REST, MORE), a.paragraphs());
    }

    @Test
    void aBareNameSegmentNeedsAnOutletBesideIt() {
        ParsedArticle a = story("Jane Doe | 26.11.2025", REST);
        assertTrue(a.paragraphs().contains("Jane Doe | 26.11.2025"), "no outlet: not a byline");
    }

    @Test
    void aPlaceInCapitalsAloneAboveTheBodyIsItsDateline() {
        ParsedArticle a = story("ANKARA", REST, MORE);
        assertEquals("ANKARA", a.dateline().place());
        assertEquals("ANKARA", a.byline().place());
        assertEquals(List.of(REST, MORE), a.paragraphs());
        assertNull(story("ANALYSIS", REST).dateline(), "a section label is no place");
        assertNull(story("Ankara", REST).dateline(), "only capitals mark a dateline");
    }

    @Test
    void aPictureAgencyAboveACaptionCreditsIt() {
        ParsedArticle a = story(REST, "Getty Images\nHerders say they have lost half of their animals", MORE);
        assertEquals(
                List.of(new Caption("Herders say they have lost half of their animals", "Getty Images")), a.captions());
        assertEquals(List.of(REST, MORE), a.paragraphs());
    }

    @Test
    void syndicationNotesAndKyodoEndMarkersAreNotBody() {
        ParsedArticle a = story(
                REST,
                MORE,
                "(This story has not been edited by Example Times staff and is auto-generated from a syndicated feed.)");
        assertEquals(List.of(REST, MORE), a.paragraphs());
        assertEquals(List.of(REST, MORE), story(REST, MORE, "==Kyodo").paragraphs());
    }

    @Test
    void publishedOnDateLine() {
        ParsedArticle a = story("Published On 4 Dec 2025", REST, MORE);
        assertEquals(LocalDate.of(2025, 12, 4), a.byline().date());
        assertEquals(List.of(REST, MORE), a.paragraphs());
    }

    @Test
    void aPlaceInCapitalsBeforeAColonIsADateline() {
        ParsedArticle a = story("SINGAPORE: " + REST, MORE);
        assertEquals("SINGAPORE", a.dateline().place());
        assertEquals(List.of(REST, MORE), a.paragraphs());
        assertNull(story("WARNING: " + REST, MORE).dateline(), "a label is no place");
    }

    @Test
    void aStaffBylineUnderTheStandfirst() {
        ParsedArticle a =
                story("Ministers promise an end to annual settlements", "Jane Doe Political correspondent", REST);
        assertEquals("Jane Doe", a.byline().author());
        assertEquals(List.of("Ministers promise an end to annual settlements", REST), a.paragraphs());
        assertEquals(
                List.of("The talks ended.", "Jane Doe Political correspondent", REST),
                story("The talks ended.", "Jane Doe Political correspondent", REST)
                        .paragraphs(),
                "under a paragraph that ends a sentence it is body text");
    }
}
