package io.newsgraph.entity.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.common.problem.FieldError;
import io.newsgraph.common.problem.ProblemException;
import io.newsgraph.common.search.SearchConfig;
import io.newsgraph.common.search.SearchUnavailableException;
import io.newsgraph.entity.repository.AnalysisRepository.ArticleQuotes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Conflicts;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * The {@code quotes} index (docs/search.md "Quotes index"): alias {@code quotes} on the versioned index {@code quotes-v1}
 * (mapping: resources/search/quotes-v1.json), both behind the configured index prefix. entity-service is its only writer.
 */
@ApplicationScoped
public class QuotesIndex {
    private static final Logger LOG = Logger.getLogger(QuotesIndex.class);
    static final String ALIAS = "quotes";
    static final String INDEX = "quotes-v1";
    /** Query syntax offered to users: no fuzzy or slop operators (costly, rarely meant), no leading wildcards (never supported). */
    private static final String QUERY_FLAGS = "AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|ESCAPE|WHITESPACE";
    /** Longest time the node spends on one search; past it the hits found so far are returned. */
    private static final String SEARCH_TIMEOUT = "2s";

    @Inject
    OpenSearchClient client;

    @Inject
    SearchConfig config;

    @Inject
    ObjectMapper mapper;

    String alias() {
        return config.index(ALIAS);
    }

    /** Creates {@code quotes-v1} with the alias unless the alias exists already (idempotent; replicas may race). */
    public void ensure() throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias())).value()) {
            return;
        }
        ObjectNode definition;
        try (InputStream in = QuotesIndex.class.getResourceAsStream("/search/" + INDEX + ".json")) {
            definition = (ObjectNode) mapper.readTree(in);
        }
        definition.putObject("aliases").putObject(alias());
        try (Response response = client.generic()
                .execute(Requests.builder()
                        .method("PUT")
                        .endpoint("/" + config.index(INDEX))
                        .json(mapper.writeValueAsString(definition))
                        .build())) {
            String body = response.getBody().map(Body::bodyAsString).orElse("");
            if (response.getStatus() == 200) {
                LOG.infof("created search index %s with alias %s", config.index(INDEX), alias());
            } else if (!body.contains("resource_already_exists_exception")) {
                throw new IOException(
                        "creating " + config.index(INDEX) + " answered " + response.getStatus() + ": " + body);
            }
        }
    }

    /**
     * Makes the index show exactly the given state of these articles: the quotes of each analysed article (document id
     * {@code <article>-<ordinal>}, external version = article version, so an older analysis never replaces a newer one),
     * and none of a deleted article's quotes up to its delete's version. Then removes what the new state no longer has.
     * Safe to repeat. Throws when the cluster could not take it all (the caller retries the same changes later).
     *
     * @param deleted deleted articles with the version of their delete
     */
    public Projection project(List<ArticleQuotes> current, Map<UUID, Integer> deleted) throws IOException {
        List<BulkOperation> operations = new ArrayList<>();
        for (ArticleQuotes article : current) {
            for (int i = 0; i < article.quotes().size(); i++) {
                QuoteDocument doc =
                        QuoteDocument.of(article.quotes().get(i), article.version(), i, article.publishedAt());
                operations.add(BulkOperation.of(op -> op.index(ix -> ix.id(doc.quoteId())
                        .document(doc)
                        .versionType(VersionType.ExternalGte)
                        .version((long) article.version()))));
            }
        }
        int indexed = 0;
        int stale = 0;
        if (!operations.isEmpty()) {
            // refresh: the clean-up below (and the next batch's) searches the index, which must see these documents.
            // require_alias: should the alias be gone, fail (and let the indexer create it) rather than auto-create a
            // dynamically mapped index under its name.
            BulkResponse response = client.bulk(b ->
                    b.index(alias()).requireAlias(true).operations(operations).refresh(Refresh.True));
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null) {
                    indexed++;
                } else if (item.status() == 409) {
                    stale++; // a newer version of the article is indexed already
                } else if (item.status() == 404 || item.status() == 429 || item.status() >= 500) {
                    // Alias gone (the indexer re-creates it), cluster busy or failing: the whole batch is retried.
                    throw new IOException("quotes index missing, busy or failing: " + item.status() + " "
                            + item.error().reason());
                } else {
                    // A document the mapping refuses is a bug; retrying would block every later change.
                    LOG.errorf(
                            "quotes index refused %s: %s %s",
                            item.id(), item.status(), item.error().reason());
                }
            }
        }
        Map<String, Integer> newest = newestVersions(current);
        List<Query> obsolete = new ArrayList<>();
        for (ArticleQuotes article : current) {
            // Everything older than the newest version indexed, whichever writer put it there and when; of this
            // version,
            // the quotes beyond its count (a re-analysis of the same version found fewer).
            int kept = Math.max(
                    article.version(), newest.getOrDefault(article.articleId().toString(), 0));
            obsolete.add(Query.of(q -> q.bool(b -> {
                b.filter(term("articleId", article.articleId().toString()))
                        .minimumShouldMatch("1")
                        .should(range("articleVersion", r -> r.lt(JsonData.of(kept))));
                if (kept == article.version()) {
                    b.should(s -> s.bool(same -> same.filter(term("articleVersion", kept))
                            .filter(range(
                                    "ordinal",
                                    r -> r.gte(JsonData.of(article.quotes().size()))))));
                }
                return b;
            })));
        }
        // A deleted article: all its quotes up to the delete's version.
        deleted.forEach((articleId, version) ->
                obsolete.add(Query.of(q -> q.bool(b -> b.filter(term("articleId", articleId.toString()))
                        .filter(range("articleVersion", r -> r.lte(JsonData.of(version))))))));
        long removed = 0;
        if (!obsolete.isEmpty()) {
            removed = client.deleteByQuery(d -> d.index(alias())
                            .conflicts(Conflicts.Proceed)
                            .refresh(Refresh.True)
                            .query(q -> q.bool(b -> b.should(obsolete).minimumShouldMatch("1"))))
                    .deleted();
        }
        return new Projection(indexed, stale, removed);
    }

    /** The newest article version indexed for each of these articles (those with no quote indexed are absent). */
    private Map<String, Integer> newestVersions(List<ArticleQuotes> articles) throws IOException {
        if (articles.isEmpty()) {
            return Map.of();
        }
        List<FieldValue> ids = articles.stream()
                .map(a -> FieldValue.of(a.articleId().toString()))
                .toList();
        SearchResponse<Void> response = client.search(
                s -> s.index(alias())
                        .size(0)
                        .query(q -> q.terms(t -> t.field("articleId").terms(v -> v.value(ids))))
                        .aggregations(
                                "articles",
                                a -> a.terms(t -> t.field("articleId").size(ids.size()))
                                        .aggregations("newest", n -> n.max(m -> m.field("articleVersion")))),
                Void.class);
        Map<String, Integer> newest = new HashMap<>();
        for (var bucket :
                response.aggregations().get("articles").sterms().buckets().array()) {
            Double max = bucket.aggregations().get("newest").max().value();
            if (max != null) {
                newest.put(bucket.key(), max.intValue());
            }
        }
        return newest;
    }

    /**
     * Ranked quotes matching {@code q} (simple query syntax), optionally of one speaker, after the sort values of the
     * previous page's last hit; {@code size} hits at most. Stable order: score, then article date, then quote id.
     */
    public List<QuoteHit> search(String q, UUID speaker, List<FieldValue> after, int size) {
        List<Query> filters = speaker == null ? List.of() : List.of(term("speakerId", speaker.toString()));
        try {
            SearchResponse<JsonData> response = client.search(
                    s -> {
                        s.index(alias())
                                .size(size)
                                .timeout(SEARCH_TIMEOUT)
                                .trackTotalHits(t -> t.enabled(false))
                                .query(query -> query.bool(b -> b.must(m -> m.simpleQueryString(sq -> sq.query(q)
                                                .fields("text")
                                                .defaultOperator(Operator.And)
                                                .flags(f -> f.multiple(QUERY_FLAGS))
                                                .lenient(true)))
                                        .filter(filters)))
                                .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                                .sort(o -> o.field(f -> f.field("articleDate")
                                        .order(SortOrder.Desc)
                                        .missing(FieldValue.of("_last"))))
                                .sort(o -> o.field(f -> f.field("quoteId").order(SortOrder.Asc)))
                                .highlight(h -> h.encoder(HighlighterEncoder.Html)
                                        .preTags("<mark>")
                                        .postTags("</mark>")
                                        .fields("text", f -> f.fragmentSize(160).numberOfFragments(3)));
                        if (after != null) {
                            s.searchAfter(after);
                        }
                        return s;
                    },
                    JsonData.class);
            List<QuoteHit> hits = new ArrayList<>();
            for (Hit<JsonData> hit : response.hits().hits()) {
                hits.add(new QuoteHit(
                        document(hit.source()),
                        hit.score() == null ? 0 : hit.score(),
                        hit.sort(),
                        hit.highlight().getOrDefault("text", List.of())));
            }
            return hits;
        } catch (OpenSearchException e) {
            if (e.status() == 404) {
                return List.of(); // the index is not created yet (first start): nothing is indexed
            }
            if (e.status() == 400) {
                // Only the query text reaches OpenSearch unchecked, and lenient parsing accepts any text: still, say
                // so.
                throw ProblemException.badRequest(
                        "q is not a query the search engine accepts", new FieldError("q", "cannot be parsed"));
            }
            throw new SearchUnavailableException("quotes search failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new SearchUnavailableException("quotes search failed: " + e, e);
        }
    }

    /**
     * A hit's source read as one whole JSON document. Not through the client's own deserialisation: that reads the source in
     * the middle of the response stream, which the service's ObjectMapper (common's JsonStrictness: FAIL_ON_TRAILING_TOKENS)
     * refuses as "trailing tokens".
     */
    private QuoteDocument document(JsonData source) throws IOException {
        return mapper.readValue(source.toJson().toString(), QuoteDocument.class);
    }

    private static Query term(String field, Object value) {
        return Query.of(q -> q.term(t ->
                t.field(field).value(value instanceof Integer i ? FieldValue.of(i) : FieldValue.of(value.toString()))));
    }

    private static Query range(
            String field,
            java.util.function.Function<
                            org.opensearch.client.opensearch._types.query_dsl.RangeQuery.Builder,
                            org.opensearch.client.opensearch._types.query_dsl.RangeQuery.Builder>
                    bounds) {
        return Query.of(q -> q.range(r -> bounds.apply(r.field(field))));
    }

    /** What one projection did: documents written, refused as stale (a newer version is indexed), removed. */
    public record Projection(int indexed, int stale, long removed) {}

    /**
     * @param sort      the hit's sort values: the search_after of the next page
     * @param fragments highlighted fragments of the quote text, HTML-escaped, matches in {@code <mark>}
     */
    public record QuoteHit(QuoteDocument document, double score, List<FieldValue> sort, List<String> fragments) {}
}
