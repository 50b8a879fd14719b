package io.newsgraph.article.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.article.query.QueryNode.And;
import io.newsgraph.article.query.QueryNode.Field;
import io.newsgraph.article.query.QueryNode.Not;
import io.newsgraph.article.query.QueryNode.Or;
import io.newsgraph.article.query.QueryNode.Phrase;
import io.newsgraph.article.query.QueryNode.Word;
import java.util.List;

/**
 * Translates a parsed query into OpenSearch's query DSL over the `articles` index. Words and phrases match the
 * stemmed title (weight 3) and body; prefixes the unstemmed word fields, expanding to at most 50 terms (a prefix
 * cannot turn into a scan of the term dictionary); author and source scopes their text sub-fields.
 */
public final class QueryDsl {
    static final int PREFIX_EXPANSIONS = 50;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private QueryDsl() {}

    public static ObjectNode toQuery(QueryNode node) {
        return switch (node) {
            case Word w when w.prefix() -> multiMatch(w.text(), "phrase_prefix", fields(w.field(), true), 0);
            case Word w -> multiMatch(w.text(), "best_fields", fields(w.field(), false), 0);
            case Phrase p -> multiMatch(p.text(), "phrase", fields(p.field(), false), p.slop());
            case And a -> bool(a.all());
            case Or o -> {
                ObjectNode q = JSON.objectNode();
                ArrayNode should = q.putObject("bool").putArray("should");
                o.any().forEach(n -> should.add(toQuery(n)));
                q.with("bool").put("minimum_should_match", 1);
                yield q;
            }
            case Not n -> bool(List.of(n));
        };
    }

    /** Every positive clause must match, every negated one must not; only negations: everything else matches. */
    private static ObjectNode bool(List<QueryNode> clauses) {
        ObjectNode q = JSON.objectNode();
        ObjectNode bool = q.putObject("bool");
        for (QueryNode clause : clauses) {
            if (clause instanceof Not not) {
                bool.withArray("must_not").add(toQuery(not.excluded()));
            } else {
                bool.withArray("must").add(toQuery(clause));
            }
        }
        if (!bool.has("must")) {
            bool.withArray("must").addObject().putObject("match_all");
        }
        return q;
    }

    private static ObjectNode multiMatch(String text, String type, List<String> fields, int slop) {
        ObjectNode q = JSON.objectNode();
        ObjectNode m = q.putObject("multi_match").put("query", text).put("type", type);
        ArrayNode f = m.putArray("fields");
        fields.forEach(f::add);
        if ("phrase".equals(type) && slop > 0) {
            m.put("slop", slop);
        }
        if ("phrase_prefix".equals(type)) {
            m.put("max_expansions", PREFIX_EXPANSIONS);
        }
        if ("best_fields".equals(type)) {
            m.put("operator", "and"); // "cease-fire" is two tokens: both, not either
        }
        return q;
    }

    private static List<String> fields(Field field, boolean prefix) {
        String suffix = prefix ? ".words" : "";
        if (field == null) {
            return List.of("title" + suffix + "^3", "body" + suffix);
        }
        return switch (field) {
            case TITLE -> List.of("title" + suffix);
            case BODY -> List.of("body" + suffix);
            case AUTHOR -> List.of("author.text");
            case SOURCE -> List.of("source.text");
        };
    }
}
