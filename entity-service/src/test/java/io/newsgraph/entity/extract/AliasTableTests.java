package io.newsgraph.entity.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AliasTableTests {

    @Test
    void defaultsMapVariantsToCanonicalNames() {
        AliasTable defaults = AliasTable.defaults();
        assertEquals(Optional.of("Kyiv"), defaults.canonicalFor("Kiev", EntityType.LOCATION));
        assertEquals(Optional.of("Kyiv"), defaults.canonicalFor("kiev", EntityType.LOCATION));
        assertEquals(Optional.of("United States"), defaults.canonicalFor("US", EntityType.LOCATION));
        assertEquals(Optional.of("United States"), defaults.canonicalFor("U.S.", EntityType.ORGANIZATION));
    }

    @Test
    void respectsTypeAndAcronymCase() {
        AliasTable defaults = AliasTable.defaults();
        assertEquals(Optional.empty(), defaults.canonicalFor("Kiev", EntityType.PERSON));
        assertEquals(Optional.empty(), defaults.canonicalFor("us", EntityType.LOCATION));
    }

    @Test
    void userAliasesTakePrecedence() {
        AliasTable table = AliasTable.of(Map.of("Kiev", "Kyiv City")).orElse(AliasTable.defaults());
        assertEquals(Optional.of("Kyiv City"), table.canonicalFor("Kiev", EntityType.LOCATION));
        assertEquals(Optional.of("Kharkiv"), table.canonicalFor("Kharkov", EntityType.LOCATION));
        assertEquals(Optional.empty(), AliasTable.empty().canonicalFor("Kiev", EntityType.LOCATION));
    }
}
