package io.newsgraph.gateway.rest;

import static io.newsgraph.gateway.FakeUpstreams.READ_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Request heads that Quarkus or the HTTP codec would refuse with a bare status get problem+json (common's
 * RequestHeadFilter). Raw sockets: no HTTP client sends such requests.
 */
@QuarkusTest
class RequestHeadTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTargetThatIsNotAUriIsAMalformedRequest() throws IOException {
        assertProblem(exchange("/api/v1/entities/%G1", ""), 400, "malformed-request", "/api/v1/entities/%G1");
        assertProblem(exchange("/api/v1/search?q=<script>", ""), 400, "malformed-request", "/api/v1/search");
    }

    /** The codec takes any NAME/d.d for a version; such a request is refused, not served in that "version". */
    @Test
    void aRequestLineInAnUnknownProtocolVersionIsAMalformedRequest() throws IOException {
        assertProblem(exchange("/api/v1/search?q=x", "", "HTTP/9.9"), 400, "malformed-request", "/api/v1/search");
        assertProblem(exchange("/api/v1/search?q=x", "", "HTTX/1.1"), 400, "malformed-request", "/api/v1/search");
        assertProblem(exchange("/q/health/ready", "", "HTTP/2.5"), 400, "malformed-request", "/q/health/ready");
    }

    @Test
    void anOverLongRequestLineIs414() throws IOException {
        assertProblem(exchange("/api/v1/search?q=" + "a".repeat(5000), ""), 414, "uri-too-long", "/api/v1/search");
    }

    @Test
    void overLargeHeadersAre431() throws IOException {
        assertProblem(
                exchange("/api/v1/search?q=x", "X-Big: " + "b".repeat(30_000) + "\r\n"),
                431,
                "headers-too-large",
                "/api/v1/search");
    }

    private static void assertProblem(String response, int status, String slug, String instance) throws IOException {
        String[] parts = response.split("\r\n\r\n", 2);
        assertEquals(String.valueOf(status), parts[0].split(" ")[1], parts[0]);
        assertTrue(parts[0].toLowerCase(Locale.ROOT).contains("\r\ncontent-type: application/problem+json"), parts[0]);
        JsonNode problem = JSON.readTree(parts[1]);
        assertEquals(
                "https://newsgraph.io/problems/" + slug, problem.get("type").asText());
        assertEquals(status, problem.get("status").asInt());
        assertEquals(instance, problem.get("instance").asText());
        assertTrue(
                problem.hasNonNull("title") && problem.hasNonNull("detail") && problem.hasNonNull("requestId"),
                parts[1]);
    }

    /** One GET with the given target and extra header lines; the whole response (the server closes the connection). */
    private static String exchange(String target, String headers) throws IOException {
        return exchange(target, headers, "HTTP/1.1");
    }

    private static String exchange(String target, String headers, String version) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write(("GET " + target + " " + version + "\r\nHost: 127.0.0.1\r\nX-API-Key: " + READ_KEY + "\r\n"
                                    + headers + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
