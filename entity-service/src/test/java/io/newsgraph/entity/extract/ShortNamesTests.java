package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortNamesTests {

    private static EntityResult only(Analysis a, EntityType type) {
        List<EntityResult> found =
                a.entities().stream().filter(e -> e.type() == type).toList();
        assertEquals(1, found.size(), () -> "one " + type + " expected: " + found);
        return found.get(0);
    }

    @Test
    void anAcronymDefinedInBracketsIsTheOrganisationWhereverItIsUsed() {
        String body = "The World Food Programme (WFP) cut rations. WFP said funds were short, and WFP staff left.";
        EntityResult wfp = only(
                TestModels.analyse(Map.of("World Food Programme", EntityType.ORGANIZATION), body),
                EntityType.ORGANIZATION);
        assertEquals("World Food Programme", wfp.canonicalName());
        assertEquals(
                List.of("World Food Programme", "WFP", "WFP", "WFP"),
                wfp.mentions().stream().map(MentionResult::surface).toList());
    }

    @Test
    void aNameInTheOrganisationsOwnLanguageCountsToo() {
        String body =
                "The Federal Network Agency (Bundesnetzagentur) said prices fell. Bundesnetzagentur data show it.";
        EntityResult agency = only(
                TestModels.analyse(Map.of("Federal Network Agency", EntityType.ORGANIZATION), body),
                EntityType.ORGANIZATION);
        assertEquals(
                List.of("Federal Network Agency", "Bundesnetzagentur", "Bundesnetzagentur"),
                agency.mentions().stream().map(MentionResult::surface).toList());
    }

    @Test
    void bracketsAfterOtherWordsDefineNothing() {
        String body =
                "The summit (Monday) ended. Talks in Geneva (Switzerland) went on with the Red Cross (ICRC) absent.";
        Analysis a =
                TestModels.analyse(Map.of("Geneva", EntityType.LOCATION, "Switzerland", EntityType.LOCATION), body);
        assertEquals(
                List.of("Geneva", "Switzerland"),
                a.entities().stream().map(EntityResult::canonicalName).toList(),
                "a place's bracket names no organisation; an undefined acronym is left to the recognizers");
    }
}
