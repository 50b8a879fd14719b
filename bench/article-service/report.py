#!/usr/bin/env python3
"""Renders the results of run.sh as Markdown (stdout).

    report.py RESULTS_TXT STARTUPS_TXT COMMANDS_TXT SKIP_LOAD SKIP_STARTUP
"""
import statistics
import sys

REFERENCE = {"start_ms": 2400, "rss_mb": 207, "aot_start_ms": 1450}   # minimal app, earlier measurement here


def read_kv(path):
    d = {}
    for line in open(path, encoding="utf-8"):
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            d[k] = v
    return d


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def fmt(v, digits=1):
    return "n/a" if v is None else f"{v:,.{digits}f}"


def verdict(ok):
    return "n/a" if ok is None else ("met" if ok else "**missed**")


def main():
    r = read_kv(sys.argv[1])
    skip_load, skip_startup = sys.argv[4] == "1", sys.argv[5] == "1"
    p = print
    p("# article-service benchmark — results")
    p()
    p(f"Recorded by `bench/article-service/run.sh {r.get('args', '')}` on {r.get('date')}.")
    p()
    p("## Machine and conditions")
    p()
    p("| what | value |")
    p("|---|---|")
    p(f"| CPU | {r.get('nproc')} cores ({r.get('cpu')}) |")
    p(f"| memory | {r.get('memory')} |")
    p(f"| kernel | {r.get('kernel')} |")
    p(f"| JDK | {r.get('jdk')} |")
    p(f"| JVM options | {r.get('java_opts')} (JVM defaults otherwise; same for both apps) |")
    p(f"| PostgreSQL | {r.get('pg_version')} (local cluster from `scripts/pg`, loopback TCP; {r.get('pg_settings')}) |")
    p(f"| load generator | {r.get('wrk')} on the same machine (2 threads) |")
    p(f"| article-service jar | built {r.get('article_jar_built')}, run from a snapshot copy of `article-service/target/quarkus-app` |")
    for key, label in (("load_conditions", "during batch load"),
                       ("ingest1_conditions", "before ingest x1"), ("ingest8_conditions", "before ingest x8"),
                       ("startup_conditions", "before start-up runs")):
        if key in r:
            p(f"| machine load {label} | {r[key]} |")
    p()
    p("Machine load: 1/5/15-minute load average and the four busiest processes at that moment (`ps` %CPU, averaged "
      "over each process's life), including this benchmark's own app and PostgreSQL; 2 cores means a load above 2 "
      "is contention. Processes this run started are marked `(bench)` where the run could tell.")
    p()

    p("## Commands")
    p()
    p("```")
    p("bench/article-service/run.sh " + r.get("args", ""))
    p("# which ran:")
    for line in open(sys.argv[3], encoding="utf-8"):
        p(line.rstrip("\n"))
    p("```")
    p()

    p("## Results")
    p()
    p("| measure | value | target | ratio to target | verdict |")
    p("|---|---|---|---|---|")
    if not skip_load:
        rate = num(r.get("batch_rate"))
        p(f"| corpus load via `POST /articles/batch` (≤ 1000 lines and ≤ 4,000,000 bytes per request, 2 connections; {r.get('batch_requests')} requests) | {fmt(rate)} articles/s "
          f"({r.get('batch_created')} stored in {r.get('batch_seconds')} s; {r.get('batch_failed')} failed lines, "
          f"{r.get('batch_http_errors')} HTTP errors) | — | — | — |")
        for c in ("1", "8"):
            v = num(r.get(f"ingest{c}_rps"))
            p(f"| single `POST /articles` (JSON), {c} connection{'s' if c != '1' else ''}, {r.get('args','').split('--duration ')[1].split()[0]} s "
              f"| {fmt(v)} articles/s (p50 {r.get(f'ingest{c}_p50_ms')} ms, p95 {r.get(f'ingest{c}_p95_ms')} ms; "
              f"{r.get(f'ingest{c}_created')} created, {r.get(f'ingest{c}_not_created')} not created, "
              f"{r.get(f'ingest{c}_non2xx')} non-2xx, socket errors c/r/w/t {r.get(f'ingest{c}_err_connect')}/"
              f"{r.get(f'ingest{c}_err_read')}/{r.get(f'ingest{c}_err_write')}/{r.get(f'ingest{c}_err_timeout')}) "
              f"| ≥ 500/s | {fmt(v / 500 if v else None, 2)}× | {verdict(None if v is None else v >= 500)} |")

    starts = {}
    if not skip_startup:
        for line in open(sys.argv[2], encoding="utf-8"):
            parts = line.split()
            if len(parts) >= 5:
                starts.setdefault((parts[0], parts[1]), []).append((int(parts[3]), int(parts[4]), parts[5] if len(parts) > 5 else ""))

        def med(app, mode, i):
            vals = [x[i] for x in starts.get((app, mode), [])]
            return statistics.median(vals) if vals else None

        ms_min, ms_art = med("minimal-app", "plain", 0), med("article-service", "plain", 0)
        rss_min, rss_art = med("minimal-app", "plain", 1), med("article-service", "plain", 1)
        aot_min, aot_art = med("minimal-app", "aot", 0), med("article-service", "aot", 0)
        rssa_min, rssa_art = med("minimal-app", "aot", 1), med("article-service", "aot", 1)
        ratio = lambda a, b: None if a is None or not b else a / b
        p(f"| start → ready, minimal app, plain JVM (median) | {fmt(ms_min, 0)} ms | reference {REFERENCE['start_ms']} ms | — | — |")
        p(f"| start → ready, article-service, plain JVM (median) | {fmt(ms_art, 0)} ms | ≤ 1.0× minimal app | "
          f"{fmt(ratio(ms_art, ms_min), 2)}× | {verdict(None if ratio(ms_art, ms_min) is None else ratio(ms_art, ms_min) <= 1.0)} |")
        p(f"| idle RSS, minimal app, plain JVM (median) | {fmt(rss_min, 0)} MB | reference {REFERENCE['rss_mb']} MB | — | — |")
        p(f"| idle RSS, article-service, plain JVM (median) | {fmt(rss_art, 0)} MB | ≤ 1.0× minimal app | "
          f"{fmt(ratio(rss_art, rss_min), 2)}× | {verdict(None if ratio(rss_art, rss_min) is None else ratio(rss_art, rss_min) <= 1.0)} |")
        p(f"| start → ready, minimal app, AOT cache (median) | {fmt(aot_min, 0)} ms | reference {REFERENCE['aot_start_ms']} ms | "
          f"{fmt(ratio(aot_min, ms_min), 2)}× of its plain start | — |")
        p(f"| start → ready, article-service, AOT cache (median) | {fmt(aot_art, 0)} ms | ≤ 0.6× its plain start | "
          f"{fmt(ratio(aot_art, ms_art), 2)}× | {verdict(None if ratio(aot_art, ms_art) is None else ratio(aot_art, ms_art) <= 0.6)} |")
        p(f"| start → ready with AOT cache, article-service vs minimal app | — | (≤ 1.0×, same target as plain) | "
          f"{fmt(ratio(aot_art, aot_min), 2)}× | {verdict(None if ratio(aot_art, aot_min) is None else ratio(aot_art, aot_min) <= 1.0)} |")
        p(f"| idle RSS with AOT cache, minimal app / article-service (median) | {fmt(rssa_min, 0)} MB / {fmt(rssa_art, 0)} MB | — | "
          f"{fmt(ratio(rssa_art, rssa_min), 2)}× | — |")
        p(f"| AOT cache size, minimal app / article-service | {r.get('aot_minimal-app_mb')} MB / {r.get('aot_article-service_mb')} MB "
          f"(written in {r.get('aot_minimal-app_dump_s')} s / {r.get('aot_article-service_dump_s')} s at exit of the training run) | — | — | — |")
    p()

    if not skip_load:
        p("## Data")
        p()
        p(f"- Corpus: {r.get('corpus_articles')} articles, {r.get('corpus_mb')} MB NDJSON, ~{r.get('corpus_words_avg')} words per body "
          f"(seed from the command line; generated in {r.get('corpus_generate_s', 'an earlier run: cached')} s).")
        p(f"- Database after the load: {r.get('db_articles')} articles, {r.get('db_size')} "
          f"(`VACUUM (ANALYZE)` of the three tables after the load took {r.get('vacuum_s')} s); "
          f"{r.get('db_articles_end')} articles after the ingest phases.")
        p()
    if not skip_startup:
        p("## Start-up runs (all)")
        p()
        p("Start → ready: from just before `java` is launched to the first 200 of `/q/health/ready` (polled every ~20 ms "
          "with curl). RSS: `VmRSS` of the java process 5 s after ready, no requests in between. "
          "`Quarkus` is the time the app itself logs (`started in`). Runs were interleaved round-robin.")
        p()
        p("| app | mode | run | ready ms | RSS MB | Quarkus s | AOT warnings in log |")
        p("|---|---|---|---:|---:|---:|---:|")
        for line in open(sys.argv[2], encoding="utf-8"):
            a = line.split()
            if len(a) >= 5:
                p(f"| {a[0]} | {a[1]} | {a[2]} | {a[3]} | {a[4]} | {a[5] if len(a) > 5 else ''} | {a[6] if len(a) > 6 else ''} |")
        p()


if __name__ == "__main__":
    main()
