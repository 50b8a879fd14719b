#!/usr/bin/env python3
"""Renders bench/search/run.sh's results (key=value lines) as RESULTS.md: the two paths side by side with ratios.

    report.py RESULTS_TXT COMMANDS_TXT "COMMAND LINE" > RESULTS.md
"""
import datetime as dt
import sys


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def main():
    r = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            r[k] = v
    commands = open(sys.argv[2], encoding="utf-8").read().strip()
    out = [f"# Search benchmark — results\n",
           f"Recorded by `{sys.argv[3]}` on {dt.datetime.now(dt.timezone.utc):%Y-%m-%dT%H:%M:%SZ}, code at `{r.get('head')}` "
           f"(baseline: article-service at `{r.get('baseline')}`, the PostgreSQL full-text path).\n",
           "## Machine and conditions\n", "| what | value |", "|---|---|"]
    for k, label in [("cpu", "CPU"), ("jdk", "JDK"), ("pg_version", "PostgreSQL"), ("opensearch_heap", "OpenSearch node heap"),
                     ("corpus_articles", "corpus articles"), ("queries", "query sets"),
                     ("pg_mixed_conditions", "load before PG search"), ("os_mixed_conditions", "load before OpenSearch search"),
                     ("gw_conditions", "load before the open-loop run"), ("suggest_conditions", "load before the suggest run")]:
        out.append(f"| {label} | {r.get(k, '—')} |")
    out += ["", "## Side by side (closed loop, 50 connections, wrk on the same 2 cores)\n",
            "| measure | PostgreSQL path | OpenSearch path | ratio (OS / PG) | target | verdict |", "|---|---|---|---|---|---|"]

    def row(label, pg, os, target=None, better="higher", limit=None):
        a, b = num(r.get(pg)), num(r.get(os))
        ratio = b / a if a and b is not None else None
        verdict = "—"
        if limit is not None and ratio is not None:
            ok = ratio >= limit if better == "higher" else ratio <= limit
            verdict = "met" if ok else "**missed**"
        out.append(f"| {label} | {r.get(pg, '—')} | {r.get(os, '—')} | {'%.2f×' % ratio if ratio is not None else '—'} | {target or '—'} | {verdict} |")

    row("project query set: searches/s", "pg_mixed_rps", "os_mixed_rps", "≥ 4×", "higher", 4)
    row("project query set: p95 ms", "pg_mixed_p95_ms", "os_mixed_p95_ms", "≤ 0.25×", "lower", 0.25)
    row("project query set: p50 ms", "pg_mixed_p50_ms", "os_mixed_p50_ms")
    row("project query set: p99 ms", "pg_mixed_p99_ms", "os_mixed_p99_ms")
    row("broad one-word queries: searches/s", "pg_broad_rps", "os_broad_rps", "≥ 1× (not slower)", "higher", 1)
    row("broad one-word queries: p95 ms", "pg_broad_p95_ms", "os_broad_p95_ms")
    row("known-item top-3 hit rate (200 queries)", "pg_known_top3_rate", "os_known_top3_rate", "≥ 1×", "higher", 1)
    row("corpus load via the batch endpoint: articles/s", "pg_load_rate", "os_load_rate")
    out.append(f"\nErrors (non-2xx / timeouts): PG mixed {r.get('pg_mixed_non2xx')}/{r.get('pg_mixed_err_timeout')}, "
               f"PG broad {r.get('pg_broad_non2xx')}/{r.get('pg_broad_err_timeout')}, OS mixed {r.get('os_mixed_non2xx')}/"
               f"{r.get('os_mixed_err_timeout')}, OS broad {r.get('os_broad_non2xx')}/{r.get('os_broad_err_timeout')}.\n")

    def check(label, value, target, ok):
        if value is None or str(value).startswith("None"):   # a phase left out of a partial run (--phases)
            out.append(f"| {label} | not run | {target} | — |")
            return
        out.append(f"| {label} | {value} | {target} | {'met' if ok else '**missed**'} |")

    out += ["## OpenSearch path alone\n", "| measure | value | target | verdict |", "|---|---|---|---|"]
    p95, p99, errors = num(r.get("gw_p95_ms")), num(r.get("gw_p99_ms")), num(r.get("gw_errors"))
    check("open loop through the gateway, mixed queries with filters and facets, p95 ms",
          f"{r.get('gw_p95_ms')} (p50 {r.get('gw_p50_ms')}, max {r.get('gw_max_ms')}; {r.get('gw_requests')} requests at {r.get('gw_rate')}/s; statuses {r.get('gw_statuses')})",
          "< 50 ms", p95 is not None and p95 < 50)
    check("open loop through the gateway, p99 ms", r.get("gw_p99_ms"), "< 100 ms", p99 is not None and p99 < 100)
    check("open loop through the gateway, errors", r.get("gw_errors"), "0", errors == 0)
    fp95 = num(r.get("fresh_p95_ms"))
    check("ingest → searchable at 100 articles/s, p95 ms",
          f"{r.get('fresh_p95_ms')} (p50 {r.get('fresh_p50_ms')}, p99 {r.get('fresh_p99_ms')}, max {r.get('fresh_max_ms')}; "
          f"{r.get('fresh_searchable')}/{r.get('fresh_posted')} searchable, at {r.get('fresh_rate')}/s)", "< 2000 ms at ≥ 95/s posted", fp95 is not None and fp95 < 2000 and (num(r.get("fresh_rate")) or 0) >= 95)
    rebuild = r.get("rebuild") or None   # None: the rebuild phase was left out
    seconds = None
    if rebuild and '"seconds":' in rebuild:
        seconds = num(rebuild.split('"seconds":')[1].split("}")[0].split(",")[0])
    check("full rebuild of the articles index", rebuild, "< 180 s", seconds is not None and seconds < 180)
    sp95 = num(r.get("suggest_p95_ms"))
    check("suggest through the gateway, open loop at 100/s (entity, source and author prefixes of 1–4 letters), p95 ms",
          f"{r.get('suggest_p95_ms')} (p50 {r.get('suggest_p50_ms')}, p99 {r.get('suggest_p99_ms')}, max {r.get('suggest_max_ms')}; "
          f"{r.get('suggest_requests')} requests at {r.get('suggest_rate')}/s; statuses {r.get('suggest_statuses')}; "
          f"entity summaries for {r.get('summaries_summaries')} articles, {r.get('summaries_entities_per_article')} entities each; "
          f"{r.get('suggest_sample')})",
          "≤ 20 ms", sp95 is not None and sp95 <= 20 and num(r.get("suggest_errors")) == 0)
    out.append(f"| load → lag 0 (indexing keeps up with the batch load) | {r.get('os_indexed_s')} | — | — |")
    out.append(f"| OpenSearch node memory after the rebuild | {r.get('node_memory')} | stated | — |")
    out.append(f"| article-service RSS | {r.get('article_service_rss_mb')} MB | — | — |")
    out += ["", "## Commands\n", "```", commands, "```", ""]
    print("\n".join(out))


if __name__ == "__main__":
    main()
