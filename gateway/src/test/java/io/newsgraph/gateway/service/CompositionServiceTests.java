package io.newsgraph.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositionServiceTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsArticleIdsFromAPageOrAList() throws Exception {
        assertEquals(
                List.of("a", "b"),
                CompositionService.articleIds(JSON.readTree("{\"items\":[{\"articleId\":\"a\"},{\"id\":\"b\"}]}")));
        assertEquals(List.of("a"), CompositionService.articleIds(JSON.readTree("[{\"id\":\"a\"},{\"id\":7}]")));
        assertEquals(
                5,
                CompositionService.articleIds(JSON.readTree("[" + "{\"id\":\"x\"},".repeat(9) + "{\"id\":\"y\"}]"))
                        .size());
    }
}
