package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Whole-pipeline checks on wire styles other than the tuning sample. */
class WireStyleTests {

    private static Analysis analyse(String resource) {
        return TestModels.pipeline()
                .analyse(new ExtractionInput("", SampleArticle.resource(resource), SampleArticle.PUBLISHED_AT));
    }

    private static List<String> quoteLines(Analysis a) {
        return a.quotes().stream()
                .map(q -> q.kind() + "|" + String.join("+", q.speakerKeys()) + "|" + q.speakerDescription() + "|"
                        + q.verb() + "|" + q.text())
                .toList();
    }

    @Test
    void apStyleCurlyQuotesNestedQuotesAndPronouns() {
        Analysis a = analyse("/samples/ap-style.txt");
        assertEquals(
                List.of(
                        "INDIRECT|PERSON:Andrii Sybiha|null|said|a new round of prisoner exchanges could happen \"within days,\" as negotiators met again in Istanbul",
                        "PARTIAL|PERSON:Andrii Sybiha|null|said|within days",
                        "DIRECT|PERSON:Andrii Sybiha|null|told|We are ready for a full exchange of all for all",
                        "DIRECT|PERSON:Andrii Sybiha|null|told|Our position has not changed.",
                        "INDIRECT|PERSON:Andrii Sybiha|null|said|the Russian side had handed over a list of 1,200 names",
                        "DIRECT|PERSON:Andrii Sybiha|null|said|The message from Moscow was clear: 'We will decide who comes home,'",
                        "DIRECT|PERSON:Andrii Sybiha|null|said|That is not how a humanitarian process works.",
                        "INDIRECT|PERSON:Dmitry Peskov|null|said|the talks were \"constructive\" and that Moscow would respond next week",
                        "PARTIAL|PERSON:Dmitry Peskov|null|said|constructive",
                        "INDIRECT|PERSON:Oleksandr Syrskyi|null|said|Russian troops had launched 47 assaults along the front line in the past 24 hours",
                        "INDIRECT||a spokeswoman|said|The European Commission on Monday approved $1.5 billion in new aid for Ukraine's energy grid"),
                quoteLines(a));
        Map<String, List<String>> roles = a.entities().stream()
                .filter(e -> e.type() == EntityType.PERSON)
                .collect(Collectors.toMap(EntityResult::key, EntityResult::roles));
        assertEquals(
                Map.of(
                        "PERSON:Andrii Sybiha",
                        List.of("Ukrainian Foreign Minister"),
                        "PERSON:Dmitry Peskov",
                        List.of("Kremlin spokesman"),
                        "PERSON:Oleksandr Syrskyi",
                        List.of("commander of Ukraine's armed forces")),
                roles);
        assertEquals(
                List.of(
                        "1200|names|PERSON:Andrii Sybiha",
                        "300|null|null",
                        "47|assaults|PERSON:Oleksandr Syrskyi",
                        "24|hours|PERSON:Oleksandr Syrskyi",
                        "1500000000|USD|null"),
                a.claims().stream()
                        .map(c -> c.value().toPlainString() + "|" + c.unit() + "|" + c.claimantKey())
                        .toList());
    }

    @Test
    void reutersStyleStraightQuotesJointSpeakersAndToldReporters() {
        Analysis a = analyse("/samples/reuters-style.txt");
        assertEquals(
                List.of(
                        "INDIRECT|PERSON:Friedrich Merz+PERSON:Emmanuel Macron|null|said|Europe must raise defence spending to 3.5% of economic output by 2030",
                        "DIRECT|PERSON:Friedrich Merz|null|told|We cannot wait for others to guarantee our security",
                        "DIRECT|PERSON:Friedrich Merz|null|told|Europe has to act now.",
                        "INDIRECT|PERSON:Emmanuel Macron|null|said|France would host a summit of European leaders in Paris next month",
                        "DIRECT|PERSON:Guillaume Faury|null|said|This is a turning point for the European defence industry",
                        "PARTIAL|PERSON:Mark Rutte|null|telling|a quantum leap"),
                quoteLines(a));
        List<String> keys =
                a.entities().stream().map(EntityResult::key).sorted().toList();
        assertEquals(
                List.of(
                        "LOCATION:Berlin",
                        "LOCATION:Europe",
                        "LOCATION:France",
                        "LOCATION:Paris",
                        "ORGANIZATION:Airbus",
                        "ORGANIZATION:NATO",
                        "ORGANIZATION:Reuters",
                        "PERSON:Alex Richardson",
                        "PERSON:Andreas Rinke",
                        "PERSON:Emmanuel Macron",
                        "PERSON:Friedrich Merz",
                        "PERSON:Guillaume Faury",
                        "PERSON:Mark Rutte"),
                keys);
        assertEquals(
                List.of("3.5|percent", "2.4|percent", "40|aircraft"),
                a.claims().stream()
                        .map(c -> c.value().toPlainString() + "|" + c.unit())
                        .toList());
    }

    @Test
    void listOfSpeakers() {
        Analysis a = analyse("/samples/speaker-list.txt");
        Map<String, List<String>> roles = a.entities().stream()
                .filter(e -> e.type() == EntityType.PERSON)
                .collect(Collectors.toMap(EntityResult::key, EntityResult::roles));
        assertEquals(
                Map.of(
                        "PERSON:Shigeru Ishiba",
                        List.of("Japanese Prime Minister"),
                        "PERSON:Narendra Modi",
                        List.of("Indian Prime Minister"),
                        "PERSON:Ajay Banga",
                        List.of("World Bank President", "former Mastercard executive"),
                        "PERSON:William Ruto",
                        List.of("Kenyan President")),
                roles);
        assertEquals(
                List.of(
                        "DIRECT|PERSON:William Ruto|null|said|Debt relief is no longer optional",
                        "INDIRECT|PERSON:Ajay Banga|null|said|the bank would double its lending to Africa within five years"),
                quoteLines(a));
    }

    @Test
    void textWithoutEntities() {
        Analysis a = TestModels.pipeline()
                .analyse(new ExtractionInput("Weather", "it rained all day and the river rose by two metres.", null));
        assertEquals(List.of(), a.entities());
        assertEquals(List.of(), a.quotes());
        assertEquals(
                List.of("2|metres"),
                a.claims().stream()
                        .map(c -> c.value().toPlainString() + "|" + c.unit())
                        .toList());
        assertEquals(List.of(), a.dates());
    }

    @Test
    void emptyAndNullBodies() {
        assertEquals(
                Analysis.empty(),
                TestModels.pipeline().analyse(new ExtractionInput("Title only", "", SampleArticle.PUBLISHED_AT)));
        assertEquals(Analysis.empty(), TestModels.pipeline().analyse(new ExtractionInput(null, null, null)));
    }
}
