"""Renders bench/native/run.sh's results (key=value lines) into RESULTS.md on stdout.

usage: report.py RESULTS_TXT COMMANDS_TXT
"""
import sys

values = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if "=" in line:
        key, value = line.rstrip("\n").split("=", 1)
        values[key] = value
commands = open(sys.argv[2], encoding="utf-8").read().strip()

ENDPOINTS = {
    "article-service": "`GET /api/v1/articles/{id}`",
    "entity-service": "`POST /api/v1/extract` (the sample article: pipeline articles/s)",
    "gateway": "`GET /api/v1/articles/{id}` through the gateway",
    "alert-service": "`GET /api/v1/subscriptions` (a caller's 20 saved searches)",
}
TARGETS = {"article-service": ("≤ 0.1×", "≤ 0.5×"), "gateway": ("≤ 0.1×", "≤ 0.5×"), "entity-service": ("stated", "stated"),
           "alert-service": ("stated", "stated")}


def v(service, mode, measure):
    return values.get(f"{service}_{mode}_{measure}", "?")


def ratio(service, measure):
    try:
        return f"{float(v(service, 'native', measure)) / float(v(service, 'jvm', measure)):.2f}×"
    except (ValueError, ZeroDivisionError):
        return "?"


out = [
    "# Native executables vs JVM jars",
    "",
    f"- Command: `{commands}`",
    f"- Date: {values.get('date', '?')}",
    f"- Machine: {values.get('machine', '?')}; JVM: {values.get('java', '?')}; JVM `-Xmx512m`, native `{values.get('native_flags', '-Xmx512m')}`; wrk and every "
    "process on the same 2 cores, shared with other builds: the load average (1 min) is given beside each figure.",
    f"- native-image: {values.get('native_image') or 'see docs/native.md'}",
    f"- Load per service and mode: {values.get('warmup', '?')} s of warm-up ({values.get('entity_warmup', '?')} s for entity-service) at "
    f"the measured load, not counted, then {values.get('duration', '?')} s measured; the warm-up lets the JVM's JIT reach its "
    "steady state, so the throughput rows compare steady states (native: no PGO).",
    f"- Search: one local OpenSearch node ({values.get('search', '?')}) for every service that indexes or percolates.",
    f"- Builds: " + "; ".join(f"{s} {values.get(s + '_built', '?')}, executable {values.get(s + '_native_mb', '?')} MB"
                              for s in ENDPOINTS if s + "_built" in values),
    "",
]
for service, endpoint in ENDPOINTS.items():
    if f"{service}_jvm_ready_ms" not in values:
        continue  # not measured in this run (SERVICES)
    ready_target, rss_target = TARGETS[service]
    out += [
        f"## {service}",
        "",
        f"Main endpoint: {endpoint}.",
        "",
        "| measure | JVM jar | native | native / JVM | target |",
        "|---|---:|---:|---:|---|",
        f"| start → ready (ms) | {v(service, 'jvm', 'ready_ms')} | {v(service, 'native', 'ready_ms')} | {ratio(service, 'ready_ms')} | {ready_target} |",
        f"| idle RSS (MB) | {v(service, 'jvm', 'idle_rss')} | {v(service, 'native', 'idle_rss')} | {ratio(service, 'idle_rss')} | {rss_target} |",
        f"| RSS after the load run (MB) | {v(service, 'jvm', 'load_rss')} | {v(service, 'native', 'load_rss')} | {ratio(service, 'load_rss')} | — |",
        f"| throughput (req/s) | {v(service, 'jvm', 'rps')} | {v(service, 'native', 'rps')} | {ratio(service, 'rps')} | stated |",
        f"| latency p50 / p99 (ms) | {v(service, 'jvm', 'p50')} / {v(service, 'jvm', 'p99')} | {v(service, 'native', 'p50')} / {v(service, 'native', 'p99')} | — | — |",
        f"| non-2xx answers | {v(service, 'jvm', 'non2xx')} | {v(service, 'native', 'non2xx')} | — | 0 |",
        f"| load average at start / after the load | {v(service, 'jvm', 'load_start')} / {v(service, 'jvm', 'load_end')} | {v(service, 'native', 'load_start')} / {v(service, 'native', 'load_end')} | — | — |",
        "",
    ]
out += [
    "Raw wrk output and service logs: `target/bench-native/` (not committed). Interpretation and the decisions taken from",
    "these figures: [docs/native.md](../../docs/native.md).",
    "",
]
print("\n".join(out))
