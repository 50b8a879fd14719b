#!/usr/bin/env python3
"""Match cost per article with 100 / 1,000 / 10,000 saved searches, on the percolator index alert-service builds.

The index copies the articles index's analysis and mapping (article-service/src/main/resources/search/articles-index.json,
what POST /internal/search/compile answers) plus the percolator fields; the stored queries have the shapes
ArticleSearch.matchQuery compiles (text as multi_match with operator and, entity/source/language filters, mixed).
Each article is one percolate request (as FeedFollower sends it); the figure is the request's wall time.
Standard library only.  Usage: percolate_bench.py OPENSEARCH_URL [--articles 200] [--sizes 100,1000,10000]
"""
import argparse, json, pathlib, random, statistics, time, urllib.request, uuid

ROOT = pathlib.Path(__file__).resolve().parents[2]
# A vocabulary of 5,000 words, so that a one-word saved search matches a few per cent of articles, as news words do.
WORDS = ("cease-fire talks harbour drone missile election parliament budget inflation strike flood wildfire summit "
         "sanctions grain export pipeline vaccine court ruling protest minister envoy border refugees tariff").split() \
    + ["w%04dx" % i for i in range(4975)]
SOURCES = ["reuters.com", "apnews.com", "afp.com", "bbc.co.uk", "chinadaily.com.cn"]


def call(base, method, path, body=None, ndjson=False):
    data = None if body is None else (body if ndjson else json.dumps(body)).encode()
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Content-Type": "application/x-ndjson" if ndjson else "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read() or b"{}")


def query(rng, entities):
    must, flt = [], []
    kind = rng.random()
    if kind < 0.5:
        text = " ".join(rng.sample(WORDS, rng.choice([1, 2])))
        must.append({"multi_match": {"query": text, "type": "best_fields", "fields": ["title^3", "body"], "operator": "and"}})
    if kind >= 0.3:
        flt.append({"term": {"entityIds": rng.choice(entities)}})
    if rng.random() < 0.3:
        flt.append({"terms": {"source": [rng.choice(SOURCES)]}})
    if rng.random() < 0.2:
        flt.append({"terms": {"language": ["en"]}})
    return {"bool": {"must": must, "filter": flt}}


def document(rng, entities):
    ids = rng.sample(entities, 8)
    title = " ".join(rng.sample(WORDS, 5)).capitalize()
    body = ". ".join(" ".join(rng.sample(WORDS, 12)) for _ in range(25))
    return {"id": str(uuid.uuid4()), "version": 1, "title": title, "body": body, "source": rng.choice(SOURCES),
            "language": "en", "date": "2025-03-23T12:00:00Z", "publishedAt": "2025-03-23T12:00:00Z",
            "storedAt": "2025-03-23T12:00:00Z", "entityIds": ids, "entityTypes": ["PERSON"], "countries": ["UA"],
            "representative": True}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--sizes", default="100,1000,10000")
    args = ap.parse_args()
    base = args.url.rstrip("/")
    definition = json.loads((ROOT / "article-service/src/main/resources/search/articles-index.json").read_text())
    rng = random.Random(15)
    entities = [str(uuid.uuid4()) for _ in range(2000)]
    docs = [document(rng, entities) for _ in range(args.articles)]
    print("| subscriptions | articles | matches/article (mean) | mean ms | p50 ms | p95 ms |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size in [int(s) for s in args.sizes.split(",")]:
        index = "bench-subscriptions-%d" % size
        try:
            call(base, "DELETE", "/" + index)
        except urllib.error.HTTPError:
            pass
        props = dict(definition["mappings"]["properties"])
        props.update({"query": {"type": "percolator"}, "subscriptionId": {"type": "keyword"}, "active": {"type": "boolean"}})
        call(base, "PUT", "/" + index, {"settings": {"number_of_shards": 1, "analysis": definition["settings"]["analysis"]},
                                       "mappings": {"dynamic": "strict", "properties": props}})
        lines = []
        for i in range(size):
            sid = str(uuid.uuid4())
            lines.append(json.dumps({"index": {"_index": index, "_id": sid}}))
            lines.append(json.dumps({"query": query(rng, entities), "subscriptionId": sid, "active": True}))
            if len(lines) >= 2000 or i == size - 1:
                answer = call(base, "POST", "/_bulk", "\n".join(lines) + "\n", ndjson=True)
                assert not answer.get("errors"), answer
                lines = []
        call(base, "POST", "/%s/_refresh" % index)
        for d in docs[:10]:  # warm-up
            call(base, "POST", "/%s/_search" % index, percolate(d))
        times, matches = [], []
        for d in docs:
            t = time.perf_counter()
            answer = call(base, "POST", "/%s/_search" % index, percolate(d))
            times.append((time.perf_counter() - t) * 1000)
            matches.append(len(answer["hits"]["hits"]))
        times.sort()
        print("| %d | %d | %.1f | %.1f | %.1f | %.1f |" % (size, len(docs), statistics.mean(matches), statistics.mean(times),
                                                         times[len(times) // 2], times[int(len(times) * 0.95) - 1]))
        call(base, "DELETE", "/" + index)


def percolate(doc):
    return {"size": 10000, "_source": False, "query": {"bool": {"filter": [
        {"percolate": {"field": "query", "document": doc}}, {"term": {"active": True}}]}}}


if __name__ == "__main__":
    main()
