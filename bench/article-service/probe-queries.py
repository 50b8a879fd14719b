#!/usr/bin/env python3
"""One client, each of the first N queries once: milliseconds, HTTP status, reported total, query (TSV on stdout).

    probe-queries.py BASE_URL QUERIES_FILE [N]
"""
import http.client
import json
import sys
import time
import urllib.parse

base = urllib.parse.urlsplit(sys.argv[1])
if base.hostname not in ("127.0.0.1", "localhost", "::1"):
    sys.exit("probe-queries.py: only loopback targets are allowed")
limit = int(sys.argv[3]) if len(sys.argv) > 3 else 40
queries = [q.rstrip("\n") for q in open(sys.argv[2], encoding="utf-8") if q.strip()][:limit]
conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
for q in queries:
    t0 = time.perf_counter()
    try:
        conn.request("GET", "/api/v1/search?q=" + urllib.parse.quote(q))
        resp = conn.getresponse()
        data = resp.read()
        ms = (time.perf_counter() - t0) * 1000
        total = json.loads(data).get("total", "?") if resp.status == 200 else "?"
        print(f"{ms:.1f}\t{resp.status}\t{total}\t{q}")
    except (OSError, http.client.HTTPException, ValueError) as e:
        conn.close()
        conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
        print(f"{(time.perf_counter() - t0) * 1000:.1f}\t000\t?\t{q}")
