package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quote attribution by kind of error (issue 14 §1): each test is one rule, on invented names. */
class AttributionDiscourseTests {

    private static final EntityType P = EntityType.PERSON;
    private static final EntityType O = EntityType.ORGANIZATION;
    private static final EntityType L = EntityType.LOCATION;
    private static final Map<String, EntityType> NAMES = Map.ofEntries(
            Map.entry("Mara Voss", P),
            Map.entry("Voss", P),
            Map.entry("Ilya Brandt", P),
            Map.entry("Brandt", P),
            Map.entry("Omar Safi", P),
            Map.entry("Safi", P),
            Map.entry("Lena Ortiz", P),
            Map.entry("Ortiz", P),
            Map.entry("Relief Agency", O),
            Map.entry("Foreign Ministry", O),
            Map.entry("Port Authority", O),
            Map.entry("Valdor", L),
            Map.entry("Kessa", L));

    private static List<QuoteResult> quotes(String body) {
        return TestModels.analyse(NAMES, body).quotes();
    }

    private static QuoteResult quote(String body, String textStart) {
        return quotes(body).stream()
                .filter(q -> q.text().startsWith(textStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no quote starting with " + textStart + " in " + quotes(body)));
    }

    @Test
    void spokespersonIsTheSpeakerAndTheOrganisationOnlyTheRole() {
        QuoteResult q =
                quote("\"Supplies are running low,\" Relief Agency spokesperson Mara Voss told reporters.", "Supplies");
        assertEquals("PERSON:Mara Voss", q.speakerKey());
        assertEquals(QuoteKind.DIRECT, q.kind());
        assertTrue(q.confidence() >= 0.9, "named next to the quote: " + q.confidence());
    }

    @Test
    void spokespersonQuotingHisPrincipalKeepsBoth() {
        QuoteResult q = quote(
                "\"The attack is a crime,\" Mara Voss told reporters, quoting Secretary-General Ilya Brandt.",
                "The attack");
        assertEquals("PERSON:Mara Voss", q.speakerKey());
        assertEquals("PERSON:Ilya Brandt", q.onBehalfOfKey());
        QuoteResult read = quote(
                "\"We remain open to talks,\" Mara Voss said, reading a statement on behalf of Ilya Brandt.",
                "We remain");
        assertEquals("PERSON:Ilya Brandt", read.onBehalfOfKey());
    }

    @Test
    void descriptionThenNameBetweenCommasNamesTheSpeaker() {
        QuoteResult q = quote(
                "Its chief executive, Omar Safi, said the port had \"every chance\" of reopening.", "every chance");
        assertEquals("PERSON:Omar Safi", q.speakerKey());
        assertEquals("Its chief executive", q.speakerRole());
    }

    @Test
    void organisationSpeaksOnlyWhenNoPersonIsNamed() {
        QuoteResult q =
                quote("The Foreign Ministry said on Monday that the survey was \"unacceptable\".", "unacceptable");
        assertEquals("ORGANIZATION:Foreign Ministry", q.speakerKey());
        QuoteResult it = quote(
                "Boats were seen near Kessa, the Foreign Ministry said. It said the crews had been warned.",
                "the crews");
        assertEquals("ORGANIZATION:Foreign Ministry", it.speakerKey(), "\"it\" is the topic organisation");
        QuoteResult definite = quote(
                "The Port Authority closed the dock. The authority said the dock would reopen.", "the dock would");
        assertEquals(
                "ORGANIZATION:Port Authority",
                definite.speakerKey(),
                "\"the authority\" is the organisation of that name");
    }

    @Test
    void pronounResolvesToTheTopicNotTheLastPersonNamed() {
        String body = "Mara Voss spoke at a conference, a day after Ilya Brandt said the plan was delayed.\n\n"
                + "\"We will go ahead,\" she said.";
        assertEquals("PERSON:Mara Voss", quote(body, "We will go ahead").speakerKey());
    }

    @Test
    void pronounAfterAnotherSpeakersQuoteFollowsTheNewTopic() {
        String body =
                "\"We stand together,\" Mara Voss said.\n\nIlya Brandt welcomed the plan. \"Allies are showing the way,\" he wrote.";
        assertEquals("PERSON:Ilya Brandt", quote(body, "Allies").speakerKey());
    }

    @Test
    void roleNounResolvesThroughRolesSeenEarlier() {
        String body = "Special envoy Mara Voss met Foreign Minister Ilya Brandt in Valdor.\n\n"
                + "\"Both sides have delivered,\" the envoy said. \"Now they must show courage.\"";
        assertEquals("PERSON:Mara Voss", quote(body, "Both sides").speakerKey());
        assertEquals("PERSON:Mara Voss", quote(body, "Now they").speakerKey());
        String unnamed = "Talks were held, according to a diplomat in Valdor.\n\n\"We are closer,\" the diplomat said.";
        QuoteResult q = quote(unnamed, "We are closer");
        assertNull(q.speakerKey(), "nobody named holds that role: still unnamed");
        assertEquals("the diplomat", q.speakerDescription());
    }

    @Test
    void personNamedOnlyAsObjectIsNeverTheSpeaker() {
        String body = "Mara Voss met Ilya Brandt on Thursday.\n\n\"Open markets need fair rules,\" she told him.";
        assertEquals("PERSON:Mara Voss", quote(body, "Open markets").speakerKey());
        String told = "\"The talks were useful,\" Mara Voss told Ilya Brandt.";
        assertEquals("PERSON:Mara Voss", quote(told, "The talks").speakerKey());
    }

    @Test
    void quoteParagraphContinuesThePreviousParagraphsSpeaker() {
        String body = "\"The people voted, Lena Ortiz told reporters.\n\nShe said results would come on Thursday.\n\n"
                + "\"We will keep working for ordinary people.\"";
        QuoteResult last = quote(body, "We will keep working");
        assertEquals("PERSON:Lena Ortiz", last.speakerKey());
        assertTrue(last.confidence() < 0.9, "a continuation is less certain than an adjacent name");
        assertEquals(
                "PERSON:Lena Ortiz", quote(body, "The people voted").speakerKey(), "missing closing mark still works");
    }

    @Test
    void scareQuotesArePartialQuotesOfTheSentencesSubject() {
        String body =
                "Mara Voss said growth would slow only \"modestly\" this year. Ilya Brandt called the move \"uninformed\".";
        QuoteResult modestly = quote(body, "modestly");
        assertEquals(QuoteKind.PARTIAL, modestly.kind());
        assertEquals("PERSON:Mara Voss", modestly.speakerKey());
        assertEquals("PERSON:Ilya Brandt", quote(body, "uninformed").speakerKey());
        QuoteResult he =
                quote("Mara Voss raised the forecast. She said customers were still \"cautious\".", "cautious");
        assertEquals("PERSON:Mara Voss", he.speakerKey());
    }

    @Test
    void titlesOfWorksAndNicknamesAreNotQuotes() {
        String body =
                "\"The Quiet Harbour\", a drama, won the prize. Mara Voss, known to fans as \"the northern master\", "
                        + "said the film was about \"ordinary people making choices\". The runner-up was \"Salt and Stone\".";
        List<String> texts = quotes(body).stream()
                .filter(q -> q.kind() != QuoteKind.INDIRECT)
                .map(QuoteResult::text)
                .toList();
        assertEquals(List.of("ordinary people making choices"), texts);
    }

    @Test
    void placeInsideTheSpeakerPhraseIsNotTheSpeaker() {
        QuoteResult q = quote("Residents of villages near Kessa said drones still flew overhead.", "drones");
        assertNull(q.speakerKey());
        assertEquals("Residents of villages near Kessa", q.speakerDescription());
        QuoteResult joint =
                quote("The prime ministers of Valdor and Kessa said they would patrol together.", "they would");
        assertNull(joint.speakerKey());
    }

    @Test
    void jointAndUnnamedSpeakersKeepWorking() {
        QuoteResult joint = quote(
                "\"We will look after it together,\" Mara Voss and Ilya Brandt said in a statement.", "We will look");
        assertEquals(List.of("PERSON:Mara Voss", "PERSON:Ilya Brandt"), joint.speakerKeys());
        QuoteResult unnamed = quote("\"Nobody is walking away,\" a senior official said.", "Nobody");
        assertNull(unnamed.speakerKey());
        assertEquals("a senior official", unnamed.speakerDescription());
    }

    @Test
    void quoteWithoutAnySpeakerHasZeroConfidence() {
        QuoteResult q = quote("The rain stopped.\n\n\"It was a long night.\"", "It was");
        assertNull(q.speakerKey());
        assertEquals(0.0, q.confidence());
    }
}
