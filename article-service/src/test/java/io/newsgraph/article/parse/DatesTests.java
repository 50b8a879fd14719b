package io.newsgraph.article.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTests {

    @Test
    void isoForms() {
        assertEquals(Instant.parse("2025-03-24T10:00:00Z"), Dates.parse("2025-03-24T10:00:00Z"));
        assertEquals(Instant.parse("2025-03-24T10:00:00.250Z"), Dates.parse("2025-03-24T10:00:00.250Z"));
        assertEquals(Instant.parse("2025-03-24T09:00:00Z"), Dates.parse("2025-03-24T10:00:00+01:00"));
        assertEquals(Instant.parse("2025-03-24T09:00:00Z"), Dates.parse("2025-03-24T10:00:00+0100"));
        assertEquals(Instant.parse("2025-03-24T09:00:00Z"), Dates.parse("2025-03-24T10:00+01:00[Europe/Paris]"));
        assertEquals(Instant.parse("2025-03-24T10:00:00Z"), Dates.parse("2025-03-24T10:00:00"));
        assertEquals(Instant.parse("2025-03-24T10:00:00Z"), Dates.parse("2025-03-24 10:00"));
        assertEquals(Instant.parse("2025-03-24T00:00:00Z"), Dates.parse(" 2025-03-24 "));
    }

    @Test
    void unparseableIsNull() {
        assertNull(Dates.parse(null));
        assertNull(Dates.parse(""));
        assertNull(Dates.parse("yesterday"));
        assertNull(Dates.parse("2025-13-45"));
        assertNull(Dates.parse("2025-03-24T"));
    }
}
