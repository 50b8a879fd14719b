package io.newsgraph.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsgraph.common.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorCodecTests {

    @Test
    void roundTripsItsParts() {
        String cursor = CursorCodec.encode("2025-03-23T12:00:00Z", "b2c1", "");
        assertEquals(List.of("2025-03-23T12:00:00Z", "b2c1", ""), CursorCodec.decode(cursor, 3));
    }

    @Test
    void rejectsWhatItDidNotIssue() {
        for (String bad : new String[] {"", "!!!", "dGVzdA", "%00", "x".repeat(600), CursorCodec.encode("a")}) {
            ProblemException e = assertThrows(ProblemException.class, () -> CursorCodec.decode(bad, 2), bad);
            assertEquals(400, e.status());
            assertEquals("invalid-cursor", e.slug());
        }
    }
}
