package io.newsgraph.alert.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the queries of a batch's ad-hoc streams are spread over the searches of one _msearch. */
class ArticlesIndexTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode text(String words) throws Exception {
        return JSON.readTree("""
                {"bool": {"must": [{"multi_match": {"query": "%s", "type": "best_fields", "fields": ["title^3", "body"], "operator": "and"}}],
                 "filter": [{"terms": {"source": ["reuters.com"]}}]}}""".formatted(words));
    }

    @Test
    void aQueryCostsOneClausePerObjectAndFourPerWord() throws Exception {
        assertEquals(6 + 4 * 3, ArticlesIndex.clauses(text("black sea talks")));
        assertEquals(
                4,
                ArticlesIndex.clauses(JSON.readTree("{\"bool\": {\"filter\": [{\"term\": {\"entityIds\": \"x\"}}]}}")));
    }

    @Test
    void fewQueriesShareOneSearchAndManyAreSplitByCountOrClauses() throws Exception {
        List<JsonNode> small = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            small.add(JSON.readTree("{\"bool\": {\"filter\": [{\"term\": {\"entityIds\": \"" + i + "\"}}]}}"));
        }
        assertEquals(List.of(List.of(0, 1, 2)), ArticlesIndex.chunks(small.subList(0, 3), 100));
        List<List<Integer>> byCount = ArticlesIndex.chunks(small, 100);
        assertEquals(List.of(100, 100, 50), byCount.stream().map(List::size).toList());
        List<JsonNode> wordy = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            wordy.add(
                    text(
                            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"));
        }
        List<List<Integer>> byClauses = ArticlesIndex.chunks(wordy, 100);
        assertTrue(byClauses.size() > 1, byClauses.toString());
        byClauses.forEach(chunk -> assertTrue(chunk.stream()
                        .mapToInt(q -> ArticlesIndex.clauses(wordy.get(q)))
                        .sum()
                <= ArticlesIndex.CLAUSE_BUDGET));
        assertEquals(10, byClauses.stream().mapToInt(List::size).sum());
    }

    @Test
    void noQueryStillMakesOneSearch() {
        assertEquals(List.of(List.of()), ArticlesIndex.chunks(List.of(), 100));
    }
}
