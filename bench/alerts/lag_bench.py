#!/usr/bin/env python3
"""Delivery lag of saved searches: ingest (POST through the gateway) to signed webhook received (bench/alerts, stdlib only).

    lag_bench.py --gateway URL --key KEY --ndjson FILE --queries FILE [--subscriptions 1000] [--rate 20] [--duration 60]
                 [--warmup 20 --warmup-rate 10] [--drain-timeout 300] [--terms 1]
                 [--summaries-to ARTICLE_SERVICE_URL] --out PREFIX

1. A webhook receiver on 127.0.0.1 (a free port; alert-service must allow-list loopback) records when each webhook
   arrives and verifies its Standard Webhooks signature with the subscription's secret.
2. --subscriptions saved searches are created through the gateway, all with a webhook to the receiver: one that
   matches every article (an empty query: each article gets exactly one webhook from it, the per-article lag), the
   others the generator's realistic search queries (bench/article-service/generate-corpus.py --queries), a quarter of
   them narrowed to one source of the corpus, so that articles match several subscriptions as real ones do.
   --terms 2 joins two of those queries per saved search (every word must match): selective ones, as a person or topic
   followed in a beat are, about 1 match per article instead of 36.
3. Warm-up (not counted): --warmup seconds at --warmup-rate, waited for until every warm-up article's webhook came.
4. Measured: open loop, article k sent at t0 + k/rate for --duration seconds (32 sender threads, so a slow POST does
   not delay the next ones), each a different article of FILE as JSON to POST /api/v1/articles. The send time is
   taken just before the request goes out; the receive time when the webhook's body is read (time.time(), one clock).
5. Drain: until every measured article's catch-all webhook arrived (else it counts as missing after --drain-timeout)
   and no webhook came for 5 s.
6. Split of the per-article lag: the change feed (GET /api/v1/articles/feed) gives when article-service recorded each
   article's ANALYSED event (entity-service's analysis stored): send -> ANALYSED is ingest + analysis, ANALYSED ->
   webhook is alert-service (feed poll, document, percolation, recording, delivery).
With --summaries-to, entity-service is not running: right after each article's 201 the bench stores an empty entity
summary for it (PUT /internal/articles/{id}/entities on article-service, as entity-service would after its analysis),
which announces it ANALYSED. That measures the saved-search path (ingest, indexing, matching, delivery) at the rate
without CoreNLP's share of the same cores; the saved searches are text and source queries, which need no entities.
Prints key=value lines; writes PREFIX.tsv (one line per webhook of a measured article).
"""
import argparse
import base64
import hashlib
import hmac
import http.client
import http.server
import json
import random
import statistics
import threading
import time
import urllib.parse

ap = argparse.ArgumentParser()
ap.add_argument("--gateway", required=True)
ap.add_argument("--key", required=True)
ap.add_argument("--ndjson", required=True)
ap.add_argument("--queries", required=True)
ap.add_argument("--subscriptions", type=int, default=1000)
ap.add_argument("--rate", type=float, default=20)
ap.add_argument("--duration", type=float, default=60)
ap.add_argument("--warmup", type=float, default=20)
ap.add_argument("--warmup-rate", type=float, default=10)
ap.add_argument("--drain-timeout", type=float, default=300)
ap.add_argument("--seed", type=int, default=20251205)
ap.add_argument("--terms", type=int, default=1,
                help="queries of the generator combined per saved search (all words must match): 1 = broad, 2 = selective")
ap.add_argument("--summaries-to", help="article-service URL: store each article's (empty) entity summary, no entity-service")
ap.add_argument("--out", required=True)
args = ap.parse_args()
rng = random.Random(args.seed)


def out(key, value):
    print(f"{key}={value:.3f}" if isinstance(value, float) else f"{key}={value}", flush=True)


# ---- receiver ----------------------------------------------------------------------------------------------------
lock = threading.Lock()
received = []          # (t, webhook_id, subscription_id, article_id, signature_ok)
secrets = {}           # subscription id -> whsec_...


def signature_ok(headers, body):
    sub_secret = None
    try:
        sub_id = json.loads(body)["data"]["subscription"]["id"]
        sub_secret = secrets.get(sub_id)
    except (ValueError, KeyError):
        return False
    if sub_secret is None:
        return False
    key = base64.b64decode(sub_secret[len("whsec_"):])
    signed = f"{headers.get('webhook-id')}.{headers.get('webhook-timestamp')}.".encode() + body
    expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return expected in (headers.get("webhook-signature") or "").split(" ")


class Receiver(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real endpoint

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        t = time.time()
        try:
            event = json.loads(body)
            sub, article = event["data"]["subscription"]["id"], event["data"]["article"]["id"]
        except (ValueError, KeyError):
            sub, article = "?", "?"
        ok = signature_ok(self.headers, body)
        with lock:
            received.append((t, self.headers.get("webhook-id"), sub, article, ok))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *a):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
server.daemon_threads = True
threading.Thread(target=server.serve_forever, daemon=True).start()
hook_url = f"http://127.0.0.1:{server.server_address[1]}/hook"

# ---- HTTP ---------------------------------------------------------------------------------------------------------
class Conn(threading.local):
    """A keep-alive connection per thread to one base URL; a request is sent again once on a new connection."""
    c = None

    def __init__(self, url, headers):
        self.url = urllib.parse.urlparse(url)
        self.headers = headers

    def request(self, method, path, body=None):
        for attempt in range(2):
            if self.c is None:
                self.c = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=60)
            try:
                payload = None if body is None else json.dumps(body).encode()
                headers = dict(self.headers, **({"Content-Type": "application/json"} if payload else {}))
                self.c.request(method, path, body=payload, headers=headers)
                r = self.c.getresponse()
                return r.status, r.read()
            except (http.client.HTTPException, OSError):
                self.c.close()
                self.c = None
                if attempt:
                    raise


conn = Conn(args.gateway, {"X-API-Key": args.key})
summaries = Conn(args.summaries_to, {}) if args.summaries_to else None


def store_summary(article_id, version):
    """What entity-service does after analysing a version: the summary makes article-service announce it ANALYSED."""
    try:
        status, _ = summaries.request("PUT", f"/internal/articles/{article_id}/entities",
                                      {"version": version, "entities": [], "speakers": [], "countries": []})
        return status == 204
    except (http.client.HTTPException, OSError):
        return False

# ---- subscriptions -----------------------------------------------------------------------------------------------
articles = [json.loads(line) for line in open(args.ndjson, encoding="utf-8")]
queries = [q.strip() for q in open(args.queries, encoding="utf-8") if q.strip() and len(q.strip()) <= 200]
sources = sorted({a["source"] for a in articles})
specs = [{"name": "everything", "query": {}}]
for i in range(args.subscriptions - 1):
    query = {"q": " ".join(rng.choice(queries) for _ in range(args.terms))}
    if rng.random() < 0.25:
        query["source"] = [rng.choice(sources)]
    specs.append({"name": f"bench {i}", "query": query})
catch_all = None
created, refused = 0, 0
t_sub = time.time()
sub_lock = threading.Lock()


def create(spec_slice):
    global catch_all, created, refused
    for spec in spec_slice:
        body = dict(spec, webhook={"url": hook_url})
        status, answer = conn.request("POST", "/api/v1/subscriptions", body)
        with sub_lock:
            if status == 201:
                a = json.loads(answer)
                secrets[a["id"]] = a["secret"]
                created += 1
                if spec["name"] == "everything":
                    catch_all = a["id"]
            else:
                refused += 1


first, rest = specs[:1], specs[1:]
create(first)
# Concurrent creations share the percolator index's refresh (each waits for its document to be searchable).
threads = [threading.Thread(target=create, args=(rest[i::16],)) for i in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
out("subscriptions_created", created)
out("subscriptions_refused", refused)
out("subscriptions_seconds", time.time() - t_sub)
if catch_all is None:
    raise SystemExit("the catch-all subscription was not created")


# ---- ingest ------------------------------------------------------------------------------------------------------
def send_phase(batch, rate):
    """Open loop: article k at t0 + k/rate; returns {article_id: send_time} and the POST latencies (s)."""
    sent, latencies, failures = {}, [], [0]
    t0 = time.time() + 0.5
    nxt = [0]
    plock = threading.Lock()

    def worker():
        while True:
            with plock:
                k = nxt[0]
                nxt[0] += 1
            if k >= len(batch):
                return
            due = t0 + k / rate
            delay = due - time.time()
            if delay > 0:
                time.sleep(delay)
            a = batch[k]
            ts = time.time()
            status, answer = conn.request("POST", "/api/v1/articles", {
                "title": a["title"], "body": a["body"], "author": a.get("author"), "source": a["source"],
                "publishedAt": a.get("publishedAt"), "externalId": a.get("externalId")})
            te = time.time()
            if status == 201 and args.summaries_to:
                stored = json.loads(answer)
                if not store_summary(stored["id"], stored.get("version", 1)):
                    status = -1
            with plock:
                if status == 201:
                    sent[json.loads(answer)["id"]] = ts
                    latencies.append(te - ts)
                else:
                    failures[0] += 1

    ws = [threading.Thread(target=worker) for _ in range(32)]
    for w in ws:
        w.start()
    for w in ws:
        w.join()
    return sent, latencies, failures[0], time.time() - t0


def catch_all_times():
    with lock:
        return {art: t for (t, _, sub, art, _) in received if sub == catch_all}


n_warm = int(args.warmup * args.warmup_rate)
n_meas = int(args.duration * args.rate)
if n_warm + n_meas > len(articles):
    raise SystemExit(f"{args.ndjson} has {len(articles)} articles, {n_warm + n_meas} needed")
warm, _, warm_fail, _ = send_phase(articles[:n_warm], args.warmup_rate)
deadline = time.time() + args.drain_timeout
while time.time() < deadline and not set(warm) <= set(catch_all_times()):
    time.sleep(0.5)
time.sleep(3)
out("warmup_articles", len(warm))
out("warmup_all_delivered", set(warm) <= set(catch_all_times()))
sent, latencies, failed, send_seconds = send_phase(articles[n_warm:n_warm + n_meas], args.rate)
last_send = time.time()
out("measured_articles", len(sent))
out("post_failures", failed)
out("send_seconds", send_seconds)
out("achieved_rate", len(sent) / send_seconds)
latencies.sort()
out("post_p50_ms", 1000 * latencies[len(latencies) // 2])
out("post_p95_ms", 1000 * latencies[int(len(latencies) * 0.95)])

quiet_since = time.time()
count = 0
while time.time() < last_send + args.drain_timeout:
    time.sleep(0.5)
    with lock:
        n = len(received)
    if n != count:
        count, quiet_since = n, time.time()
    done = set(sent) <= set(catch_all_times())
    if done and time.time() - quiet_since > 5:
        break
out("drain_seconds_after_last_send", time.time() - last_send)


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


first_lags = []
ca = catch_all_times()
for art, ts in sent.items():
    if art in ca:
        first_lags.append(ca[art] - ts)
missing = len(sent) - len(first_lags)
with lock:
    every = [r for r in received if r[3] in sent]
all_lags = [r[0] - sent[r[3]] for r in every]
ids = [r[1] for r in every]
out("webhooks_measured", len(every))
out("matches_per_article", len(every) / max(1, len(sent)))
out("duplicate_webhook_ids", len(ids) - len(set(ids)))
out("signature_failures", sum(1 for r in every if not r[4]))
out("catch_all_missing", missing)
for name, values in (("lag", first_lags), ("lag_all", all_lags)):
    out(f"{name}_count", len(values))
    if values:
        out(f"{name}_p50_ms", 1000 * pct(values, 50))
        out(f"{name}_p95_ms", 1000 * pct(values, 95))
        out(f"{name}_p99_ms", 1000 * pct(values, 99))
        out(f"{name}_max_ms", 1000 * max(values))
        out(f"{name}_mean_ms", 1000 * statistics.fmean(values))
# The lag over the phase: did it grow (falling behind) or stay flat?
by_send = sorted((sent[a], ca[a] - sent[a]) for a in sent if a in ca)
if by_send:
    tenth = max(1, len(by_send) // 10)
    out("lag_first_tenth_p50_ms", 1000 * pct([l for _, l in by_send[:tenth]], 50))
    out("lag_last_tenth_p50_ms", 1000 * pct([l for _, l in by_send[-tenth:]], 50))

# ---- split: send -> ANALYSED (ingest + analysis) and ANALYSED -> webhook (alert-service) ----------------------------
def epoch(iso):
    import datetime
    return datetime.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


analysed_at = {}
cursor = None
while True:
    path = "/api/v1/articles/feed?limit=1000" + ("&after=" + urllib.parse.quote(cursor) if cursor else "")
    page = json.loads(conn.request("GET", path)[1])
    for e in page.get("events", []):
        if e["kind"] == "ANALYSED" and e["articleId"] in sent and e["articleId"] not in analysed_at:
            analysed_at[e["articleId"]] = epoch(e["occurredAt"])
    cursor = page.get("cursor")
    if not page.get("hasMore"):
        break
to_analysed = [analysed_at[a] - sent[a] for a in sent if a in analysed_at]
to_webhook = [ca[a] - analysed_at[a] for a in sent if a in analysed_at and a in ca]
for name, values in (("ingest_to_analysed", to_analysed), ("analysed_to_webhook", to_webhook)):
    out(f"{name}_count", len(values))
    if values:
        out(f"{name}_p50_ms", 1000 * pct(values, 50))
        out(f"{name}_p95_ms", 1000 * pct(values, 95))
        out(f"{name}_p99_ms", 1000 * pct(values, 99))
        out(f"{name}_max_ms", 1000 * max(values))
with open(args.out + ".tsv", "w") as f:
    f.write("received_epoch\twebhook_id\tsubscription\tarticle\tlag_ms\tsignature_ok\n")
    for r in every:
        f.write(f"{r[0]:.3f}\t{r[1]}\t{r[2]}\t{r[3]}\t{1000 * (r[0] - sent[r[3]]):.1f}\t{r[4]}\n")
server.shutdown()
