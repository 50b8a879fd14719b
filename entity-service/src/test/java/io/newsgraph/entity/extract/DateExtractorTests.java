package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateExtractorTests {

    private static final LocalDate SUNDAY = LocalDate.of(2025, 3, 23);

    private static List<String> dates(String text, LocalDate published) {
        Segmentation segmentation = new TextSegmenter(Lexicon.standard()).segment(text);
        return new DateExtractor(Lexicon.standard())
                .extract(segmentation, published).stream()
                        .map(d -> d.surface() + "=" + d.resolved() + "/" + d.granularity())
                        .toList();
    }

    @Test
    void weekdaysFollowTense() {
        assertEquals(
                List.of(
                        "Sunday=2025-03-23/DAY",
                        "Monday=2025-03-24/DAY",
                        "Friday=2025-03-21/DAY",
                        "next Friday=2025-03-28/DAY"),
                dates("He spoke on Sunday. They will meet on Monday. She left Friday. It ends next Friday.", SUNDAY));
        assertEquals(List.of("Tuesday=2025-03-25/DAY"), dates("Officials said talks might resume Tuesday.", SUNDAY));
    }

    @Test
    void reportedFutureAndCallsPointForward() {
        assertEquals(
                List.of("Tuesday=2025-03-25/DAY", "Monday=2025-03-24/DAY", "Wednesday=2025-03-26/DAY"),
                dates(
                        "The mayor said schools would reopen on Tuesday. She urged supporters to gather on Monday. "
                                + "Forecasters said the service forecast rain for Wednesday.",
                        SUNDAY));
    }

    @Test
    void explicitDates() {
        assertEquals(
                List.of(
                        "April 20=2025-04-20/DAY",
                        "Aug 15, 2024=2024-08-15/DAY",
                        "December 2023=2023-12-01/MONTH",
                        "2024-02-29=2024-02-29/DAY",
                        "5 May 2021=2021-05-05/DAY"),
                dates("By April 20, after Aug 15, 2024, since December 2023, on 2024-02-29 and 5 May 2021.", SUNDAY));
        assertEquals(List.of("Dec. 30=2024-12-30/DAY"), dates("It began Dec. 30.", LocalDate.of(2025, 1, 3)));
    }

    @Test
    void relativePeriodsUseSundayWeeks() {
        assertEquals(
                List.of(
                        "last week=2025-03-16/WEEK",
                        "This week=2025-03-23/WEEK",
                        "Last month=2025-02-01/MONTH",
                        "next year=2026-01-01/YEAR",
                        "yesterday=2025-03-22/DAY",
                        "two days ago=2025-03-21/DAY"),
                dates(
                        "It happened last week. This week is calm. Last month was not. Next: next year, yesterday, two days ago.",
                        SUNDAY));
    }

    @Test
    void yearsAndOffsets() {
        assertEquals(
                List.of("pre-2014=2014-01-01/YEAR", "2019=2019-01-01/YEAR"),
                dates("The pre-2014 borders were redrawn in 2019, while 2000 troops stayed.", SUNDAY));
        assertEquals(
                List.of("Monday=2025-03-17/DAY", "a day earlier=2025-03-16/DAY"),
                dates("He spoke Monday. She had spoken a day earlier.", SUNDAY));
        assertEquals(
                List.of("Last month=2025-02-01/MONTH", "a day earlier=null/DAY"),
                dates("Last month he spoke. She had a day earlier.", SUNDAY));
    }

    @Test
    void withoutPublicationDateOnlyAbsoluteDatesResolve() {
        assertEquals(
                List.of("Monday=null/DAY", "last week=null/WEEK", "Aug 15, 2024=2024-08-15/DAY", "April 20=null/DAY"),
                dates("On Monday and last week, as on Aug 15, 2024, and April 20.", null));
    }

    @Test
    void sampleArticleDates() {
        List<String> lines = TestModels.sample().dates().stream()
                .map(d -> d.surface() + "=" + d.resolved() + "/" + d.granularity())
                .toList();
        assertEquals(
                List.of(
                        "Monday=2025-03-24/DAY",
                        "Sunday=2025-03-23/DAY",
                        "Monday=2025-03-24/DAY",
                        "Monday=2025-03-24/DAY",
                        "Sunday=2025-03-23/DAY",
                        "Monday=2025-03-24/DAY",
                        "April 20=2025-04-20/DAY",
                        "Sunday=2025-03-23/DAY",
                        "last week=2025-03-16/WEEK",
                        "This week=2025-03-23/WEEK",
                        "Sunday=2025-03-23/DAY",
                        "Last month=2025-02-01/MONTH",
                        "pre-2014=2014-01-01/YEAR",
                        "a day earlier=null/DAY",
                        "pre-2014=2014-01-01/YEAR",
                        "Tuesday=2025-03-18/DAY"),
                lines);
    }
}
