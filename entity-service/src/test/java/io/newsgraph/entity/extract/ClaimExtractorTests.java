package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimExtractorTests {

    private static List<String> claims(String text) {
        Segmentation segmentation = new TextSegmenter(Lexicon.standard()).segment(text);
        List<DateResult> dates = new DateExtractor(Lexicon.standard()).extract(segmentation, LocalDate.of(2025, 3, 23));
        return new ClaimExtractor()
                .extract(segmentation, dates, List.of()).stream()
                        .map(c -> c.value().toPlainString() + "|" + c.qualifier() + "|" + c.unit() + "|" + c.surface())
                        .toList();
    }

    @Test
    void normalisesValuesQualifiersAndUnits() {
        assertEquals(
                List.of(
                        "1580|more than|guided aerial bombs|more than 1,580 guided aerial bombs",
                        "1100|almost|strike drones|almost 1,100 strike drones",
                        "15|null|missiles|15 missiles"),
                claims(
                        "It used more than 1,580 guided aerial bombs, almost 1,100 strike drones and 15 missiles of various types."));
    }

    @Test
    void hyphenatedUnitsWordNumbersMoneyAndPercentages() {
        assertEquals(
                List.of("30|null|day|30-day", "4|null|regions|four regions"),
                claims("A 30-day pause covers four regions."));
        assertEquals(
                List.of(
                        "1200000000|null|USD|$1.2 billion",
                        "3.5|null|percent|3.5%",
                        "12|about|percent|about 12 percent"),
                claims("They pledged $1.2 billion, or 3.5% of output, up about 12 percent."));
    }

    @Test
    void skipsDatesYearsIdentifiersAndBareCountWords() {
        assertEquals(
                List.of(),
                claims(
                        "On April 20, 2025, the F-16 and G7 talks at 10:30 recalled pre-2014 borders; the two met in 2019."));
    }

    @Test
    void sampleArticleClaims() {
        List<String> lines = TestModels.sample().claims().stream()
                .map(c -> c.value().toPlainString() + "|" + c.qualifier() + "|" + c.unit() + "|" + c.claimantKey() + "|"
                        + c.inQuote())
                .toList();
        assertEquals(
                List.of(
                        "30|null|day|null|false",
                        "2|null|sides|null|false",
                        "30|null|day|null|false",
                        "1580|more than|guided aerial bombs|PERSON:Volodymyr Zelensky|true",
                        "1100|almost|strike drones|PERSON:Volodymyr Zelensky|true",
                        "15|null|missiles|PERSON:Volodymyr Zelensky|true",
                        "59|null|Ukrainian drones|ORGANIZATION:Ministry of Defense|false",
                        "4|null|eastern Ukrainian regions|null|false",
                        "4|null|regions|null|false"),
                lines);
    }
}
