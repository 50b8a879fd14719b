#!/usr/bin/env python3
"""Measurements of the search benchmark that wrk cannot make (stdlib only). See README.md beside this file.

    search_bench.py broad QUERIES OUT                 one-word queries of the query set (the broad ones)
    search_bench.py known-item CORPUS OUT [--count N] queries from distinctive title words: "title<TAB>query" lines
    search_bench.py top3 BASE KNOWN                   top-3 hit rate of those queries against BASE/api/v1/search
    search_bench.py open-loop BASE URLS --rate R --duration S [--key K]
                                                      requests sent on a fixed schedule (not when the previous
                                                      answered), latency counted from the scheduled time
    search_bench.py mixed QUERIES CORPUS OUT          search URLs with filters and facets, for open-loop
    search_bench.py freshness BASE --rate R --duration S
                                                      ingest at R articles/s; time until each is searchable
    search_bench.py entities BASE CORPUS --articles N  entity summaries (people and places named in each text) for
                                                      the newest N articles, through the internal operation that
                                                      entity-service calls, so that entity suggest has real data
    search_bench.py suggest CORPUS OUT                suggest URLs: prefixes of 1-4 letters of people, places,
                                                      sources and authors, for open-loop

Every line printed last is `RESULT key=value ...`, the form run.sh reads.
"""
import argparse
import collections
import concurrent.futures
import json
import random
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

WORD = re.compile(r"[a-z]{4,}")


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def get(url, headers=None, timeout=30):
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, r.read()


def broad(args):
    with open(args.queries) as f, open(args.out, "w") as out:
        words = [q.strip() for q in f if re.fullmatch(r"[A-Za-z]+", q.strip())]
        out.write("\n".join(words) + "\n")
    print(f"RESULT broad_queries={len(words)}")


def known_item(args):
    """The N articles at even spacing; each one's two title words rarest in the corpus's titles."""
    titles = [json.loads(line)["title"] for line in open(args.corpus, encoding="utf-8")]
    df = collections.Counter(w for t in titles for w in set(WORD.findall(t.lower())))
    step = max(1, len(titles) // args.count)
    written = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for title in titles[::step][: args.count]:
            words = sorted(set(WORD.findall(title.lower())), key=lambda w: (df[w], w))[:2]
            if words:
                out.write(f"{title}\t{' '.join(words)}\n")
                written += 1
    print(f"RESULT known_item_queries={written}")


def top3(args):
    """Share of known-item queries whose article (same title) is among the first three hits."""
    found = total = 0
    for line in open(args.known, encoding="utf-8"):
        title, query = line.rstrip("\n").split("\t")
        status, body = get(f"{args.base}/api/v1/search?limit=3&q={urllib.parse.quote(query)}")
        total += 1
        found += any(h.get("title") == title for h in json.loads(body)["hits"])
    print(f"RESULT top3_rate={found / total:.3f} found={found} queries={total}")


def mixed(args):
    """Queries of the set, each with one or two filters and facets, as a reader's client would send them."""
    r = random.Random("mixed")
    queries = [q.strip() for q in open(args.queries) if q.strip()]
    sources = sorted({json.loads(line)["source"] for _, line in zip(range(5000), open(args.corpus, encoding="utf-8"))})
    with open(args.out, "w") as out:
        for i in range(1000):
            params = [("q", r.choice(queries))]
            kind = i % 4
            if kind == 0:
                params += [("source", r.choice(sources)), ("facets", "source,date")]
            elif kind == 1:
                year = r.choice([2023, 2024])
                month = r.randint(1, 12)
                params += [("from", f"{year}-{month:02d}-01"), ("to", f"{year}-{month:02d}-28"), ("facets", "source,entity,date")]
            elif kind == 2:
                params += [("sort", "-date"), ("facets", "source")]
            else:
                params += [("source", r.choice(sources)), ("source", r.choice(sources)), ("from", "2024-01-01")]
            out.write("/api/v1/search?" + urllib.parse.urlencode(params) + "\n")
    print("RESULT mixed_urls=1000")


def open_loop(args):
    """Sends request k at start + k/rate whatever happened before; latency is measured from that scheduled time, so
    a stall shows as latency of every request it delayed (no coordinated omission)."""
    paths = [p.strip() for p in open(args.urls) if p.strip()]
    headers = {"X-API-Key": args.key} if args.key else {}
    total = int(args.rate * args.duration)
    latencies, errors, statuses = [], [], collections.Counter()
    lock = threading.Lock()

    def one(k, scheduled):
        try:
            status, _ = get(args.base + paths[k % len(paths)], headers, timeout=10)
        except urllib.error.HTTPError as e:
            status = e.code
        except Exception as e:  # connection refused, timeout: an error of the run
            status = type(e).__name__
        elapsed = (time.monotonic() - scheduled) * 1000
        with lock:
            statuses[status] += 1
            (latencies if status == 200 else errors).append(elapsed)

    start = time.monotonic() + 0.5
    with concurrent.futures.ThreadPoolExecutor(max_workers=64) as pool:
        for k in range(total):
            scheduled = start + k / args.rate
            delay = scheduled - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one, k, scheduled)
    achieved = total / (time.monotonic() - start)
    print(f"RESULT requests={total} rate={achieved:.1f} p50_ms={percentile(latencies, 50):.1f} p95_ms={percentile(latencies, 95):.1f} "
          f"p99_ms={percentile(latencies, 99):.1f} max_ms={max(latencies or [0]):.1f} errors={len(errors)} "
          f"statuses={'/'.join(f'{k}:{v}' for k, v in sorted(statuses.items(), key=str))}")


def freshness(args):
    """Posts R articles/s, all with one run token, for S seconds; a poller asks for the newest matches of the token
    every 50 ms and notes when each id first shows up. Latency = first seen - the POST's answer (resolution ~50 ms)."""
    token = "fresh" + format(int(time.time() * 1000), "x")
    posted, seen = {}, {}
    done = threading.Event()
    lock = threading.Lock()

    def poll():
        first = f"{args.base}/api/v1/search?limit=100&sort=-date&duplicates=show&q={token}"
        while not done.is_set() or len(seen) < len(posted):
            url = first
            try:
                while url:   # newest first; further pages only while a whole page is new (nothing missed in a slow poll)
                    _, body = get(url, timeout=5)
                    now = time.monotonic()
                    page = json.loads(body)
                    with lock:
                        new = [h["id"] for h in page["hits"] if h["id"] not in seen]
                        for ident in new:
                            seen[ident] = now
                    cursor = page.get("nextCursor")
                    url = f"{first}&cursor={urllib.parse.quote(cursor)}" if cursor and len(new) == len(page["hits"]) else None
            except Exception:
                pass
            if done.is_set() and time.monotonic() > deadline:
                return
            time.sleep(0.05)

    def post(k):
        body = json.dumps({"title": f"{token} council vote {k}", "body": f"The council met on day {k}.\n\nA {token} vote was held.",
                           "source": "fresh.example"}).encode()  # no publishedAt: dated when stored, so -date is newest first
        req = urllib.request.Request(f"{args.base}/api/v1/articles", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            ident = json.loads(r.read())["id"]
        with lock:
            posted[ident] = time.monotonic()

    deadline = float("inf")
    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    total = int(args.rate * args.duration)
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        for k in range(total):
            delay = start + k / args.rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(post, k)
    rate = total / (time.monotonic() - start)   # posts answered / time to answer them all (the pool waits for them)
    deadline = time.monotonic() + 60
    done.set()
    poller.join()
    lat = [(seen[i] - t) * 1000 for i, t in posted.items() if i in seen]
    print(f"RESULT posted={len(posted)} searchable={len(lat)} rate={rate:.1f} "
          f"p50_ms={percentile(lat, 50):.0f} p95_ms={percentile(lat, 95):.0f} p99_ms={percentile(lat, 99):.0f} max_ms={max(lat or [0]):.0f}")


def corpus_module():
    """generate-corpus.py's name lists (people, places), so that summaries name what the texts name."""
    import importlib.util
    import pathlib
    path = pathlib.Path(__file__).resolve().parent.parent / "article-service" / "generate-corpus.py"
    spec = importlib.util.spec_from_file_location("generate_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def named_in(text, gen):
    """People ("First Last" of the generator's lists) and places (cities and countries) a text names."""
    first, last = set(gen.FIRST), set(gen.LAST)
    people = {f"{a} {b}" for a, b in re.findall(r"\b([A-Z][a-z]+(?:-[a-z]+)?) ([A-Z][A-Za-z]+)\b", text) if a in first and b in last}
    places = {p for city, country, _ in gen.PLACES for p in (city, country.removeprefix("the ")) if p in text}
    return sorted(people), sorted(places)


def entities(args):
    """Pages the newest articles (GET /api/v1/articles), finds each one's text in the corpus by title and stores an
    entity summary for it with PUT /internal/articles/{id}/entities (ids: uuid5 of type + name, as stable as
    entity-service's canonical ids). 8 concurrent writers."""
    import uuid
    gen = corpus_module()
    bodies = {}
    for line in open(args.corpus, encoding="utf-8"):
        a = json.loads(line)
        bodies.setdefault(a["title"], a["body"])
    todo, url = [], f"{args.base}/api/v1/articles?limit=100"
    while url and len(todo) < args.articles:
        page = json.loads(get(url)[1])
        todo += [(i["id"], i["version"], bodies.get(i["title"], "")) for i in page["items"]]
        url = args.base + page["next"] if page.get("next") else None
    todo = todo[: args.articles]

    def put(item):
        article_id, version, body = item
        people, places = named_in(body, gen)
        ents = [{"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{t}:{n}")), "name": n, "type": t, "salience": round(1 / (k + 1), 3)}
                for k, (t, n) in enumerate([("PERSON", p) for p in people] + [("LOCATION", p) for p in places])][:500]
        speakers = [{"id": e["id"], "name": e["name"]} for e in ents if e["type"] == "PERSON"][:3]
        body = json.dumps({"version": version, "entities": ents, "speakers": speakers, "countries": []}).encode()
        req = urllib.request.Request(f"{args.base}/internal/articles/{article_id}/entities", data=body, method="PUT",
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, len(ents)

    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(put, todo))
    seconds = time.monotonic() - t0
    stored = sum(1 for status, _ in results if status == 204)
    print(f"RESULT summaries={stored} entities_per_article={sum(n for _, n in results) / max(1, len(results)):.1f} "
          f"seconds={seconds:.1f} rate={stored / seconds:.1f}")


def suggest(args):
    """1,000 suggest URLs: half entities (prefixes of the people and places the summaries name), a quarter sources,
    a quarter authors, prefixes of 1-4 letters as typed."""
    gen = corpus_module()
    r = random.Random(20250323)
    names = [f"{a} {b}" for a in gen.FIRST for b in gen.LAST[:40]] + [c for c, _, _ in gen.PLACES]
    sources, authors = set(), []
    for line in open(args.corpus, encoding="utf-8"):
        a = json.loads(line)
        sources.add(a["source"])
        if len(authors) < 5000:
            authors.append(a["author"])
    sources = sorted(sources)
    with open(args.out, "w") as out:
        for k in range(1000):
            kind = "entity" if k % 4 < 2 else ("source" if k % 4 == 2 else "author")
            value = r.choice(names if kind == "entity" else sources if kind == "source" else authors)
            prefix = value[: r.randint(1, 4)]
            out.write("/api/v1/suggest?" + urllib.parse.urlencode({"prefix": prefix, "kind": kind}) + "\n")
    print("RESULT suggest_urls=1000")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("broad"); p.add_argument("queries"); p.add_argument("out"); p.set_defaults(fn=broad)
    p = sub.add_parser("known-item"); p.add_argument("corpus"); p.add_argument("out"); p.add_argument("--count", type=int, default=200)
    p.set_defaults(fn=known_item)
    p = sub.add_parser("top3"); p.add_argument("base"); p.add_argument("known"); p.set_defaults(fn=top3)
    p = sub.add_parser("mixed"); p.add_argument("queries"); p.add_argument("corpus"); p.add_argument("out"); p.set_defaults(fn=mixed)
    p = sub.add_parser("open-loop"); p.add_argument("base"); p.add_argument("urls"); p.add_argument("--rate", type=float, required=True)
    p.add_argument("--duration", type=float, required=True); p.add_argument("--key"); p.set_defaults(fn=open_loop)
    p = sub.add_parser("freshness"); p.add_argument("base"); p.add_argument("--rate", type=float, required=True)
    p.add_argument("--duration", type=float, required=True); p.set_defaults(fn=freshness)
    p = sub.add_parser("entities"); p.add_argument("base"); p.add_argument("corpus"); p.add_argument("--articles", type=int, default=20000)
    p.set_defaults(fn=entities)
    p = sub.add_parser("suggest"); p.add_argument("corpus"); p.add_argument("out"); p.set_defaults(fn=suggest)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
