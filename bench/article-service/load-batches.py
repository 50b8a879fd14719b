#!/usr/bin/env python3
"""Loads an NDJSON corpus through POST /api/v1/articles/batch (stdlib only).

    load-batches.py URL FILE [--batch 1000] [--max-bytes 4000000] [--workers 2] [--timeout 3600]

Sends batches of at most --batch lines and at most --max-bytes bytes (the service takes at most 1000 lines and a
4 MiB body, and 1000 wire-length articles are more than 4 MiB) from --workers keep-alive connections, and prints
`RESULT articles=.. created=.. duplicates=.. failed=.. http_errors=.. requests=.. seconds=.. rate=..`
(rate: stored articles/s).
Bounded: every batch is sent once; the run stops after --timeout seconds whatever is left.
"""
import argparse
import http.client
import json
import queue
import sys
import threading
import time
import urllib.parse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("file")
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--max-bytes", type=int, default=4_000_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=3600)
    args = ap.parse_args()
    u = urllib.parse.urlsplit(args.url)
    if u.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("load-batches.py: only loopback targets are allowed")
    batches = queue.Queue(maxsize=args.workers * 2)
    totals = {"articles": 0, "created": 0, "duplicates": 0, "failed": 0, "http_errors": 0, "requests": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + args.timeout
    first_error = []

    def worker():
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
        while True:
            lines = batches.get()
            if lines is None:
                return
            if time.monotonic() > deadline:
                continue
            body = "".join(lines).encode("utf-8")
            try:
                conn.request("POST", u.path or "/api/v1/articles/batch", body,
                             {"Content-Type": "application/x-ndjson"})
                resp = conn.getresponse()
                data = resp.read()
            except (OSError, http.client.HTTPException) as e:
                conn.close()
                conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
                with lock:
                    totals["http_errors"] += 1
                    first_error or first_error.append(repr(e))
                continue
            with lock:
                totals["articles"] += len(lines)
                totals["requests"] += 1
                if resp.status != 200:
                    totals["http_errors"] += 1
                    first_error or first_error.append(f"HTTP {resp.status}: {data[:300]!r}")
                    continue
                r = json.loads(data)
                totals["created"] += r.get("created", 0)
                totals["duplicates"] += r.get("duplicates", 0)
                totals["failed"] += r.get("failed", 0)
                if r.get("failed") and not first_error:
                    bad = [x for x in r.get("results", []) if x.get("problem")]
                    first_error.append(json.dumps(bad[:1]))

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(args.workers)]
    start = time.monotonic()
    for t in threads:
        t.start()
    sent = 0
    last_report = start
    with open(args.file, encoding="utf-8") as f:
        chunk = []
        size = 0
        for line in f:
            if not line.strip():
                continue
            line = line if line.endswith("\n") else line + "\n"
            n = len(line.encode("utf-8"))
            full = bool(chunk) and size + n > args.max_bytes
            if not full:
                chunk.append(line)
                size += n
            if full or len(chunk) == args.batch:
                batches.put(chunk)
                sent += len(chunk)
                chunk, size = ([line], n) if full else ([], 0)
                now = time.monotonic()
                if now - last_report > 30:
                    last_report = now
                    with lock:
                        done = totals["articles"]
                    print(f"  ... {done} articles loaded in {now - start:.0f} s ({done / (now - start):.0f}/s)",
                          file=sys.stderr, flush=True)
                if now > deadline:
                    break
        if chunk:
            batches.put(chunk)
    for _ in threads:
        batches.put(None)
    for t in threads:
        t.join()
    seconds = time.monotonic() - start
    if first_error:
        print(f"  first error: {first_error[0]}", file=sys.stderr)
    print("RESULT " + " ".join(f"{k}={v}" for k, v in totals.items())
          + f" seconds={seconds:.1f} rate={totals['created'] / seconds:.1f}")


if __name__ == "__main__":
    main()
