#!/usr/bin/env python3
"""Ingest-to-analysis lag of entity-service at a steady rate (bench/entity-service, stdlib only).

    e2e-lag.py --articles-url URL --entities-url URL --ndjson FILE --rate 20 --duration 60 --warmup 15
               --psql-articles "CMD..." --psql-entities "CMD..." --out PREFIX [--sample-every 10]

Open loop: article k of the measured phase is sent at t0 + k/rate (8 sender threads, so a slow POST does not
delay the next ones), each a different article of FILE (unique externalId and text), as JSON to
POST /api/v1/articles. The send time is taken just before the request goes out (time.time(), the same clock
PostgreSQL uses on this machine).

Completion time of an article's analysis = commit time of the transaction that wrote its article_analysis row,
read after the run from the entities database with pg_xact_commit_timestamp(xmin) (the server runs with
track_commit_timestamp=on): exactly when GET /api/v1/articles/{id}/analysis starts answering 200, without
polling every article (at 20/s that would be hundreds of GETs per second on the 2 cores being measured).
Cross-check: every --sample-every-th article is also polled over HTTP (every 50 ms for its first 5 s, then every
second) until 200; for those analysed within 4.5 s both measures are compared (http_minus_db_*).

A warm-up phase (--warmup seconds at --warmup-rate, below capacity) runs first, is not counted, and is waited for
until fully analysed, so the JIT and connection pools are warm and no warm-up backlog leaks into the measured phase.
An article whose analysis is still missing --drain-timeout seconds after the last POST counts as an infinite lag.
analysis_throughput_per_s = analyses committed per second between the first and last commit of the measured phase:
the service's capacity when it falls behind, the arrival rate when it keeps up.
Prints key=value lines; writes PREFIX.tsv (one line per measured article).
"""
import argparse
import http.client
import json
import statistics
import subprocess
import threading
import time
import urllib.parse

ap = argparse.ArgumentParser()
ap.add_argument("--articles-url", required=True)
ap.add_argument("--entities-url", required=True)
ap.add_argument("--ndjson", required=True)
ap.add_argument("--rate", type=float, default=20)
ap.add_argument("--duration", type=float, default=60)
ap.add_argument("--warmup", type=float, default=20, help="warm-up seconds (not counted)")
ap.add_argument("--warmup-rate", type=float, default=5, help="articles/s during the warm-up (kept below capacity)")
ap.add_argument("--sample-every", type=int, default=10)
ap.add_argument("--psql-articles", required=True)
ap.add_argument("--psql-entities", required=True)
ap.add_argument("--drain-timeout", type=float, default=480)
ap.add_argument("--out", required=True)
args = ap.parse_args()


def out(key, value):
    print(f"{key}={value:.3f}" if isinstance(value, float) else f"{key}={value}", flush=True)


class Conn(threading.local):
    def get(self, base):
        c = getattr(self, "c_" + base, None)
        if c is None:
            u = urllib.parse.urlparse(base)
            c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
            setattr(self, "c_" + base, c)
        return c

    def drop(self, base):
        setattr(self, "c_" + base, None)


conns = Conn()


def request(base, method, path, body=None, headers=None):
    for attempt in range(2):
        c = conns.get(base)
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            data = r.read()
            return r.status, data
        except (http.client.HTTPException, OSError):
            conns.drop(base)
            if attempt == 1:
                raise


def psql(cmd, sql):
    res = subprocess.run(cmd.split() + ["-AtX", "-F", "\t", "-c", sql], capture_output=True, text=True, timeout=60)
    if res.returncode != 0:
        raise SystemExit("psql failed: " + res.stderr)
    return [l.split("\t") for l in res.stdout.splitlines() if l]


articles_iter = open(args.ndjson, encoding="utf-8")


def next_article():
    line = articles_iter.readline()
    if not line:
        raise SystemExit("corpus exhausted: generate more articles")
    return json.loads(line)


def run_phase(name, seconds, rate, sample_every):
    n = int(round(seconds * rate))
    bodies = [json.dumps(next_article()).encode() for _ in range(n)]
    results = [None] * n  # (sent, responded, status, id, createdAt)
    http_done = {}  # k -> time the analysis GET first answered 200
    pending = {}  # k -> id, polled over HTTP
    lock = threading.Lock()
    counter = iter(range(n))
    t0 = time.time() + 0.5

    def sender():
        while True:
            with lock:
                k = next(counter, None)
            if k is None:
                return
            due = t0 + k / rate
            delay = due - time.time()
            if delay > 0:
                time.sleep(delay)
            sent = time.time()
            try:
                status, data = request(args.articles_url, "POST", "/api/v1/articles", bodies[k], {"Content-Type": "application/json"})
            except Exception as e:  # counted as an error
                results[k] = (sent, time.time(), -1, None, None)
                continue
            done = time.time()
            aid = created = None
            if status in (200, 201):
                view = json.loads(data)
                aid, created = view["id"], view.get("createdAt")
            results[k] = (sent, done, status, aid, created)
            if aid and sample_every and k % sample_every == 0:
                with lock:
                    pending[k] = aid

    stop = threading.Event()
    last_poll = {}

    def poller():
        while not stop.is_set() or pending:
            tick = time.time()
            with lock:
                items = list(pending.items())
            for k, aid in items:
                # every 50 ms for the first 5 s, then every second (a backlog must not turn into a polling storm)
                age = tick - results[k][0]
                if age > 5 and tick - last_poll.get(k, 0) < 1:
                    continue
                last_poll[k] = tick
                status, _ = request(args.entities_url, "GET", f"/api/v1/articles/{aid}/analysis")
                if status == 200:
                    http_done[k] = time.time()
                    with lock:
                        pending.pop(k, None)
                elif tick - results[k][0] > args.drain_timeout:
                    with lock:
                        pending.pop(k, None)
            time.sleep(max(0.0, 0.05 - (time.time() - tick)))

    senders = [threading.Thread(target=sender) for _ in range(8)]
    p = threading.Thread(target=poller)
    p.start()
    for s in senders:
        s.start()
    for s in senders:
        s.join()
    send_end = time.time()
    stop.set()
    # wait until every stored article of this phase has its analysis (bounded)
    ids = [r[3] for r in results if r and r[3]]
    id_list = ",".join(f"'{i}'" for i in ids)
    deadline = time.time() + args.drain_timeout
    analysed = 0
    while time.time() < deadline:
        analysed = int(psql(args.psql_entities, f"SELECT count(*) FROM article_analysis WHERE article_id IN ({id_list})")[0][0])
        if analysed >= len(ids):
            break
        time.sleep(1)
    p.join(timeout=args.drain_timeout)
    return n, results, http_done, ids, id_list, analysed, send_end - t0


def pct(values, q):
    s = sorted(values)
    if not s:
        return float("nan")
    i = min(len(s) - 1, max(0, int(round(q / 100 * len(s) + 0.5)) - 1))  # nearest rank
    return s[i]


# warm-up (not counted)
if args.warmup > 0:
    n, results, _, ids, _, analysed, _ = run_phase("warmup", args.warmup, args.warmup_rate, 0)
    out("warmup_articles", n)
    out("warmup_analysed", analysed)

n, results, http_done, ids, id_list, analysed, send_seconds = run_phase("measured", args.duration, args.rate, args.sample_every)
statuses = {}
for r in results:
    statuses[r[2]] = statuses.get(r[2], 0) + 1
out("sent", n)
out("send_seconds", send_seconds)
out("achieved_rate", n / send_seconds)
out("post_status", " ".join(f"{k}:{v}" for k, v in sorted(statuses.items())))
post_ms = [(r[1] - r[0]) * 1000 for r in results if r[2] in (200, 201)]
out("post_p50_ms", pct(post_ms, 50))
out("post_p95_ms", pct(post_ms, 95))
lateness = [(r[0] - (results[0][0] + k / args.rate)) * 1000 for k, r in enumerate(results)]
out("send_lateness_max_ms", max(lateness))
out("analysed", analysed)

rows = psql(args.psql_entities,
            "SELECT article_id, extract(epoch FROM pg_xact_commit_timestamp(xmin)), extract(epoch FROM analysed_at) "
            f"FROM article_analysis WHERE article_id IN ({id_list})")
commit = {r[0]: float(r[1]) for r in rows if r[1]}
claimed = {r[0]: float(r[2]) for r in rows}
arows = psql(args.psql_articles, f"SELECT id, extract(epoch FROM pg_xact_commit_timestamp(xmin)) FROM article WHERE id IN ({id_list})")
article_commit = {r[0]: float(r[1]) for r in arows if r[1]}

lag = []            # analysis commit - client send (primary)
lag_article = []    # analysis commit - article commit
lag_claim = []      # analysed_at (now() of the job's transaction = claim time) - client send
pairs = []          # (db lag, http lag) for the HTTP-polled sample
missing = 0
with open(args.out + ".tsv", "w") as f:
    f.write("k\tarticle_id\tsent\tpost_ms\tarticle_commit\tanalysis_commit\tanalysed_at\thttp_200\tlag_ms\n")
    for k, r in enumerate(results):
        sent, done, status, aid, _ = r
        if not aid:
            continue
        c = commit.get(aid)
        if c is None:
            missing += 1
            continue
        lag.append((c - sent) * 1000)
        if aid in article_commit:
            lag_article.append((c - article_commit[aid]) * 1000)
        lag_claim.append((claimed[aid] - sent) * 1000)
        h = http_done.get(k)
        if h is not None and (c - sent) < 4.5:  # only where the poll resolution was 50 ms
            pairs.append(((c - sent) * 1000, (h - sent) * 1000))
        f.write(f"{k}\t{aid}\t{sent:.3f}\t{(done - sent) * 1000:.1f}\t{article_commit.get(aid, 0):.3f}\t{c:.3f}\t{claimed[aid]:.3f}\t"
                f"{h or 0:.3f}\t{(c - sent) * 1000:.1f}\n")
out("missing_analysis", missing)
# an analysis still missing after the drain timeout counts as an infinite lag (percentiles then read "inf")
lag.extend([float("inf")] * missing)
commits = sorted(commit.values())
if len(commits) > 1:
    out("analysis_throughput_per_s", (len(commits) - 1) / (commits[-1] - commits[0]))
for q in (50, 90, 95, 99):
    out(f"lag_p{q}_ms", pct(lag, q))
out("lag_max_ms", max(lag) if lag else float("nan"))
out("lag_mean_ms", statistics.fmean(lag) if lag else float("nan"))
out("lag_from_article_commit_p50_ms", pct(lag_article, 50))
out("lag_from_article_commit_p95_ms", pct(lag_article, 95))
job = [(commit[a] - claimed[a]) * 1000 for a in commit]  # claim (now() of the job's transaction) -> commit
out("job_p50_ms", pct(job, 50))
out("job_p95_ms", pct(job, 95))
out("claim_lag_p50_ms", pct(lag_claim, 50))
out("claim_lag_p95_ms", pct(lag_claim, 95))
out("http_sample", len(pairs))
if pairs:
    out("http_sample_db_p50_ms", pct([p[0] for p in pairs], 50))
    out("http_sample_http_p50_ms", pct([p[1] for p in pairs], 50))
    out("http_sample_http_p95_ms", pct([p[1] for p in pairs], 95))
    out("http_minus_db_median_ms", statistics.median([p[1] - p[0] for p in pairs]))
    out("http_minus_db_min_ms", min(p[1] - p[0] for p in pairs))
