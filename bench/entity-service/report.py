#!/usr/bin/env python3
"""Renders bench/entity-service/RESULTS.md from the key=value lines run.sh collected.

    report.py RESULTS_TXT COMMANDS_TXT > RESULTS.md
"""
import statistics
import sys

kv = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if "=" in line:
        k, v = line.rstrip("\n").split("=", 1)
        kv[k] = v
commands = [l.rstrip("\n") for l in open(sys.argv[2], encoding="utf-8") if l.strip()]


def f(key, default=float("nan")):
    try:
        return float(kv[key])
    except (KeyError, ValueError):
        return default


def fields(s):
    return dict(p.split("=", 1) for p in s.split() if "=" in p)


def verdict(ok):
    return "met" if ok else "**missed**"


rows = []  # (number, measure, value, target, ratio, verdict)

# 1. throughput
crf_cpu, pipe_cpu = f("throughput_crf_cpu_rate"), f("throughput_pipeline_cpu_rate")
crf_wall, pipe_wall = f("throughput_crf_wall_rate"), f("throughput_pipeline_wall_rate")
ratio_cpu, ratio_wall = f("throughput_ratio_cpu"), f("throughput_ratio_wall")
rows.append(("1a", "pipeline / bare CRF, articles per CPU-second of the thread", f"{ratio_cpu:.3f} "
             f"(per-round {f('throughput_ratio_cpu_round_min'):.3f}–{f('throughput_ratio_cpu_round_max'):.3f})",
             "≥ 0.9", f"{ratio_cpu / 0.9:.2f}", verdict(ratio_cpu >= 0.9)))
rows.append(("1b", "pipeline articles/s per core (CPU time)", f"{pipe_cpu:.1f} (bare CRF {crf_cpu:.1f})", "≳ 40",
             f"{pipe_cpu / 40:.2f}", verdict(pipe_cpu >= 40)))
rows.append(("1c", "pipeline / bare CRF, wall clock", f"{ratio_wall:.3f} "
             f"(per-round {f('throughput_ratio_wall_round_min'):.3f}–{f('throughput_ratio_wall_round_max'):.3f})",
             "≥ 0.9", f"{ratio_wall / 0.9:.2f}", verdict(ratio_wall >= 0.9)))
rows.append(("1d", "pipeline articles/s, wall clock, 1 thread", f"{pipe_wall:.1f} (bare CRF {crf_wall:.1f})", "≳ 40",
             f"{pipe_wall / 40:.2f}", verdict(pipe_wall >= 40)))

# 2+3. start-up and RSS per heap setting
heaps = kv.get("heaps", "default").split(";")
start_rows = []
per_heap = {}
for i, heap in enumerate(heaps):
    runs = [fields(v) for k, v in sorted(kv.items()) if k.startswith(f"start_{i}_")]
    per_heap[heap] = runs
    for r, run in enumerate(runs, 1):
        start_rows.append((r, heap, run))
for heap, runs in per_heap.items():
    if not runs:
        continue
    ready = statistics.median(float(r["ready_ms"]) for r in runs)
    rss = statistics.median(float(r["rss_mb"]) for r in runs)
    label = "no heap flag (JVM default)" if heap == "default" else heap
    rows.append(("2", f"start → /q/health/ready 200, median of {len(runs)} [{label}]", f"{ready:.0f} ms", "report", "—", "—"))
    rows.append(("3", f"VmRSS 5 s after ready, idle, median [{label}]", f"{rss:.0f} MB", "< 350 MB", f"{rss / 350:.2f}", verdict(rss < 350)))

# 4. end-to-end
PHASES = ("default", "scaled", "low", "low-tuned")
for phase in PHASES:
    if f"e2e_{phase}_lag_p95_ms" not in kv:
        continue
    st = fields(kv.get(f"e2e_{phase}_settings", ""))
    p95 = f(f"e2e_{phase}_lag_p95_ms")
    rows.append(("4", f"ingest → analysis visible, p95 [{phase}: {st.get('rate')}/s for {st.get('duration')} s, "
                      f"{st.get('replicas')} replica(s), feed {st.get('feed')}, worker {st.get('worker')}]",
                 f"{p95:.0f} ms (p50 {f(f'e2e_{phase}_lag_p50_ms'):.0f}, max {f(f'e2e_{phase}_lag_max_ms'):.0f}; "
                 f"analysed {f(f'e2e_{phase}_analysis_throughput_per_s'):.1f}/s)", "< 2000 ms", f"{p95 / 2000:.2f}",
                 verdict(p95 < 2000)))

o = []
w = o.append
w("# entity-service benchmark\n")
w(f"- Date: {kv.get('date')}; command: `bench/entity-service/run.sh` ({kv.get('args')})")
w(f"- Machine: {kv.get('machine')}; JVM: {kv.get('java')} (JVM defaults on this machine: {kv.get('java_default_heap')});")
w(f"  PostgreSQL {kv.get('pg_version')} ({kv.get('pg_settings')}), on the same machine.")
w(f"- entity-service jar built {kv.get('entity_jar_built')} (run from a snapshot copy of `target/quarkus-app`).")
w("- **Shared machine**: other people's builds and benchmarks ran during this run. Load before/after each part:")
for key, label in (("throughput_conditions_before", "1 before"), ("throughput_conditions_after", "1 after"),
                   ("startup_conditions_before", "2/3 before"), ("startup_conditions_after", "2/3 after"),
                   ("e2e_default_conditions_before", "4 default before"), ("e2e_default_conditions_after", "4 default after"),
                   ("e2e_tuned_conditions_before", "4 tuned before"), ("e2e_tuned_conditions_after", "4 tuned after")):
    if key in kv:
        w(f"  - {label}: {kv[key]}")
w("")
w("## Summary\n")
w("| # | measure | value | target | ratio | verdict |")
w("|---|---|---|---|---:|---|")
for r in rows:
    w("| " + " | ".join(r) + " |")
w("\nRatio: value / target (for 1a–1d ≥ 1 is good, for 3 and 4 < 1 is good).\n")

w("## 1. Pipeline vs bare CRF (single thread, same texts, interleaved)\n")
w(f"- {int(f('throughput_texts'))} distinct texts: the sample article plus {int(f('throughput_texts')) - 1} generated wire-length "
  f"articles; mean {f('throughput_mean_words'):.0f} words / {f('throughput_mean_chars'):.0f} characters.")
w(f"- JVM {kv.get('throughput_opts')}; model load {kv.get('throughput_model_load_ms')} ms; warm-up {kv.get('throughput_warmup_passes')} "
  f"passes; measured {kv.get('throughput_rounds')} rounds = {kv.get('throughput_articles_per_side')} articles per side.")
w("")
w("| side | articles / CPU-second (= per core) | articles / wall-second |")
w("|---|---:|---:|")
w(f"| bare CRF (`CrfEntityRecognizer.recognize`) | {crf_cpu:.1f} | {crf_wall:.1f} |")
w(f"| full pipeline (`ExtractionPipeline.standard(...).analyse`) | {pipe_cpu:.1f} | {pipe_wall:.1f} |")
w(f"| ratio pipeline / CRF | {ratio_cpu:.3f} | {ratio_wall:.3f} |")
w("")
w("Per-stage CPU time of one pipeline pass (diagnostic, mean ms per article; mirrors `ExtractionPipeline.analyse`):\n")
w("| stage | ms |")
w("|---|---:|")
for k, v in kv.items():
    if k.startswith("throughput_stage_ms_"):
        w(f"| {k[len('throughput_stage_ms_'):]} | {float(v):.3f} |")
w("")

w("## 2 + 3. Start-to-ready and idle RSS (every run)\n")
w("| round | heap flag | start → ready ms | Quarkus `started in` s | model load ms | VmRSS MB (5 s after ready) | heap used/committed MB | load avg (1 min) |")
w("|---:|---|---:|---:|---:|---:|---:|---:|")
for r, heap, run in sorted(start_rows, key=lambda x: (x[0], heaps.index(x[1]))):
    w(f"| {r} | {heap} | {run.get('ready_ms')} | {run.get('quarkus_s')} | {run.get('model_ms')} | {run.get('rss_mb')} | "
      f"{run.get('heap_used_committed_mb')} | {run.get('load')} |")
w("")

w("## 4. End-to-end lag (ingest → analysis)\n")
w("| phase | rate /s, replicas, feed / worker interval | sent | achieved rate /s | POST p50 / p95 ms | analysed (missing) | "
  "analyses /s | lag p50 | p90 | p95 | p99 | max ms | from article commit p50 / p95 ms | HTTP-polled check: n, HTTP − DB median (min) ms | "
  "job claim → commit p50 / p95 ms | CPU ms per article: entity-service / article-service | RSS after MB | heap used/committed after MB |")
w("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for phase in PHASES:
    p = f"e2e_{phase}_"
    if p + "lag_p95_ms" not in kv:
        continue
    st = fields(kv.get(p + "settings", ""))
    w(f"| {phase} | {st.get('rate')}, {st.get('replicas')}, {st.get('feed')} / {st.get('worker')} | {kv.get(p + 'sent')} | "
      f"{f(p + 'achieved_rate'):.2f} | {f(p + 'post_p50_ms'):.0f} / {f(p + 'post_p95_ms'):.0f} | {kv.get(p + 'analysed')} "
      f"({kv.get(p + 'missing_analysis')}) | {f(p + 'analysis_throughput_per_s'):.1f} | {f(p + 'lag_p50_ms'):.0f} | "
      f"{f(p + 'lag_p90_ms'):.0f} | {f(p + 'lag_p95_ms'):.0f} | {f(p + 'lag_p99_ms'):.0f} | {f(p + 'lag_max_ms'):.0f} | "
      f"{f(p + 'lag_from_article_commit_p50_ms'):.0f} / {f(p + 'lag_from_article_commit_p95_ms'):.0f} | "
      f"{kv.get(p + 'http_sample')}: {f(p + 'http_minus_db_median_ms', float('nan')):+.0f} ({f(p + 'http_minus_db_min_ms', float('nan')):+.0f}) | "
      f"{f(p + 'job_p50_ms'):.0f} / {f(p + 'job_p95_ms'):.0f} | {kv.get(p + 'entity_cpu_ms_per_article')} / {kv.get(p + 'article_cpu_ms_per_article')} | "
      f"{kv.get(p + 'rss_after_mb', '').strip()} | {kv.get(p + 'heap_after_mb', '').strip()} |")
w("")
w("Lag = commit time of the transaction that wrote the article's `article_analysis` row "
  "(`pg_xact_commit_timestamp(xmin)`: from then on `GET /api/v1/articles/{id}/analysis` answers 200) minus the "
  "client's clock just before it sent the POST to article-service (same machine, same clock). \"analyses /s\" = analyses "
  "committed per second over the measured phase: the service's capacity when it falls behind, the arrival rate when "
  "it keeps up. POST statuses, parked jobs: "
  + "; ".join(f"{ph}: {kv.get(f'e2e_{ph}_post_status')}, parked {kv.get(f'e2e_{ph}_parked')}"
              for ph in PHASES if f"e2e_{ph}_sent" in kv) + ".\n")

w("## Commands (paths relative to the repository; `.work/` = bench/entity-service/.work)\n")
w("```")
o.extend(commands)
w("```")
print("\n".join(o))
