package io.newsgraph.common.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestHeadFilterTests {
    private static final String PLAIN = "abcXYZ019-._~!$&'()*+,;=:@/?";

    /** The fast path may only skip targets that java.net.URI accepts: random ones built from its characters do. */
    @Test
    void everyPlainTargetParses() {
        Random random = new Random(42);
        int plain = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder target = new StringBuilder("/");
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                target.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
            }
            String candidate = target.toString();
            if (RequestHeadFilter.plainOriginForm(candidate)) {
                plain++;
                assertDoesNotThrow(() -> new URI(candidate), candidate);
            } else {
                assertTrue(candidate.startsWith("//"), candidate);
            }
        }
        assertTrue(plain > 190_000, "nearly all take the fast path: " + plain);
    }

    @Test
    void anythingElseGoesToTheParser() {
        for (String target : new String[] {
            "",
            "*",
            "http://x/y",
            "/a b",
            "/%G1",
            "/%41",
            "/a#b",
            "/[x]",
            "/a\"b",
            "/é",
            "/a{b}",
            "/a|b",
            "/a\\b",
            "/a^b"
        }) {
            assertFalse(RequestHeadFilter.plainOriginForm(target), target);
        }
    }
}
