package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsgraph.entity.client.ArticleVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference dates without a publication date (issue 14 §2) and the wire markup they come from. */
class ReferenceDateTests {

    private static final ExtractionPipeline PIPELINE = new ExtractionPipeline(
            TestModels.dictionary(Map.of("Mara Voss", EntityType.PERSON, "Kessa", EntityType.LOCATION)),
            AliasTable.defaults());

    private static Analysis analyse(
            String body, Instant published, String dateline, List<String> captions, LocalDate byline) {
        return PIPELINE.analyse(new ExtractionInput("", body, published, dateline, captions, byline));
    }

    private static Analysis analyse(String body) {
        return analyse(body, null, null, List.of(), null);
    }

    private static LocalDate resolved(Analysis a, String surface) {
        return a.dates().stream()
                .filter(d -> d.surface().equals(surface))
                .findFirst()
                .orElseThrow()
                .resolved();
    }

    @Test
    void publicationTimeComesFirst() {
        Analysis a = analyse(
                "KESSA, March 3, 2025 (Reuters) - Mara Voss spoke on Sunday.",
                Instant.parse("2025-03-10T08:00:00Z"),
                null,
                List.of(),
                null);
        assertEquals(
                new ReferenceDate(LocalDate.of(2025, 3, 10), ReferenceDate.Source.PUBLISHED_AT), a.referenceDate());
        assertEquals(LocalDate.of(2025, 3, 9), resolved(a, "Sunday"));
    }

    @Test
    void datedDatelineAtTheStartOfTheBody() {
        Analysis a = analyse("KESSA, March 3, 2025 (Reuters) - Mara Voss spoke on Sunday and will return on Tuesday.");
        assertEquals(new ReferenceDate(LocalDate.of(2025, 3, 3), ReferenceDate.Source.DATELINE), a.referenceDate());
        assertEquals(LocalDate.of(2025, 3, 2), resolved(a, "Sunday"));
        assertEquals(LocalDate.of(2025, 3, 4), resolved(a, "Tuesday"));
        assertEquals(
                List.of("PERSON:Mara Voss"),
                a.entities().stream().map(EntityResult::key).toList(),
                "the dateline's city and agency are no entities");
    }

    @Test
    void datelineTextFromTheFeedTakesItsYearFromAFullDateElsewhere() {
        Analysis a = analyse(
                "Mara Voss spoke on Wednesday.",
                null,
                "PARIS, June 4 (AFP) -",
                List.of("Travellers wait in Paris on June 4, 2025."),
                null);
        assertEquals(new ReferenceDate(LocalDate.of(2025, 6, 4), ReferenceDate.Source.DATELINE), a.referenceDate());
        assertEquals(LocalDate.of(2025, 6, 4), resolved(a, "Wednesday"));
    }

    @Test
    void datelineWithoutAnyYearGivesNoReference() {
        Analysis a = analyse("ZHENGZHOU, June 4 (Xinhua) -- Farmers began the harvest on Wednesday.");
        assertNull(a.referenceDate());
        assertNull(resolved(a, "Wednesday"), "relative dates stay unresolved rather than guessed");
    }

    @Test
    void datedCaptionThenBylineThenBody() {
        Analysis caption = analyse(
                "Floods hit Kessa on Monday.", null, null, List.of("A street in Kessa on Aug. 18, 2025."), null);
        assertEquals(
                new ReferenceDate(LocalDate.of(2025, 8, 18), ReferenceDate.Source.CAPTION), caption.referenceDate());
        assertEquals(LocalDate.of(2025, 8, 18), resolved(caption, "Monday"));

        Analysis byline = analyse("By Jane Roe | The Herald | Updated: 2025-09-16\n\nThe council voted on Monday.");
        assertEquals(new ReferenceDate(LocalDate.of(2025, 9, 16), ReferenceDate.Source.BYLINE), byline.referenceDate());
        assertEquals(LocalDate.of(2025, 9, 15), resolved(byline, "Monday"));
        assertEquals(List.of(), byline.entities(), "the byline's author is no entity of the story");

        Analysis body = analyse(
                "The survey ran from February 10 to March 14, 2025. Results came out on Tuesday, April 15, 2025.");
        assertEquals(new ReferenceDate(LocalDate.of(2025, 4, 15), ReferenceDate.Source.BODY), body.referenceDate());
        assertEquals(LocalDate.of(2025, 2, 10), resolved(body, "February 10"));
    }

    @Test
    void aPublicationTimeTakenFromTheBylineDoesNotOutrankADatedDateline() {
        // article-service fills publishedAt with an "Updated:" byline's day (source BYLINE) when nothing else dates the
        // copy; entity-service reads it as the byline it is, below the dateline.
        ArticleVersion version = new ArticleVersion(
                java.util.UUID.randomUUID(),
                1,
                "CREATED",
                "",
                "Mara Voss spoke on Sunday.",
                Instant.parse("2025-03-05T00:00:00Z"),
                "KESSA, March 3, 2025 (Reuters) -",
                List.of(),
                LocalDate.of(2025, 3, 5),
                "BYLINE");
        Analysis a = analyse(
                version.body(), version.statedPublishedAt(), version.datelineText(), List.of(), version.bylineDate());
        assertEquals(new ReferenceDate(LocalDate.of(2025, 3, 3), ReferenceDate.Source.DATELINE), a.referenceDate());
        assertEquals(LocalDate.of(2025, 3, 2), resolved(a, "Sunday"));

        ArticleVersion stated = new ArticleVersion(
                version.articleId(),
                1,
                "CREATED",
                "",
                version.body(),
                version.publishedAt(),
                version.datelineText(),
                List.of(),
                null,
                "REQUEST");
        assertEquals(version.publishedAt(), stated.statedPublishedAt(), "a client's or a page's own time stays first");
    }

    @Test
    void nothingDatedMeansNoReference() {
        Analysis a = analyse("Mara Voss spoke on Sunday.");
        assertNull(a.referenceDate());
        assertNull(resolved(a, "Sunday"));
    }

    @Test
    void wireMarkupIsBlankedOutButOffsetsStay() {
        String body =
                "Boats at Kessa harbour. (AP Photo/Jane Roe)\n\nMara Voss spoke. (Xinhua)\n\nReporting by Jane Roe; Editing by Tom Poe";
        WireMarkup.Markup markup = WireMarkup.find(body);
        String blank = markup.blank(body);
        assertEquals(body.length(), blank.length());
        assertEquals("Mara Voss spoke.", blank.strip());
    }
}
