#!/usr/bin/env python3
"""Turns reliability-tests/target/reliability/results.tsv and the failsafe reports into RESULTS.md (stdout).
   --check: exit 1 when a test other than a "finding" failed."""
import glob, os, platform, subprocess, sys, xml.etree.ElementTree as ET

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MODULE = os.path.join(ROOT, "reliability-tests", "target")

def cases():
    out = []
    for f in sorted(glob.glob(os.path.join(MODULE, "failsafe-reports", "TEST-*.xml"))):
        for tc in ET.parse(f).getroot().iter("testcase"):
            failed = tc.find("failure") is not None or tc.find("error") is not None
            msg = ""
            if failed:
                node = tc.find("failure") if tc.find("failure") is not None else tc.find("error")
                msg = (node.get("message") or "").replace("\n", " ")[:220]
            finding = tc.get("name", "").startswith("f") and tc.get("name", "")[1:2].isdigit()
            out.append((tc.get("classname").split(".")[-1], tc.get("name"), float(tc.get("time", 0)), failed, finding, msg))
    return out

if len(sys.argv) > 1 and sys.argv[1] == "--check":
    bad = [c for c in cases() if c[3] and not c[4]]
    for c in bad:
        print("FAILED:", c[0], c[1], c[5])
    sys.exit(1 if bad else 0)

started, elapsed, soak, step = sys.argv[1:5]
def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return "?"
cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
mem = sh("free -g | awk '/Mem:/{print $2\" GiB\"}'")
java = sh("java -version 2>&1 | head -1")
pg = sh("pg_ctl --version 2>/dev/null || ls /usr/lib/postgresql")
print("# Reliability results\n")
print("Produced by `bench/reliability/run.sh` (do not edit by hand; rerun it). Everything on 127.0.0.1: a PostgreSQL cluster")
print("of the run's own (fsync off), article-service, entity-service and the gateway from their packaged jars (`-Xmx512m`),")
print("and the load/fault drivers in the test JVM, all on the same machine.\n")
print(f"- date: {started}, wall time {int(elapsed)//60} min {int(elapsed)%60} s")
print(f"- machine: {os.cpu_count()} cores ({cpu}), {mem} RAM, {platform.system()} {platform.release()}")
print(f"- {java}; {pg}")
print(f"- command: `SOAK_MINUTES={soak} RAMP_STEP_SECONDS={step} bench/reliability/run.sh` "
      f"(= `./mvnw -B -pl reliability-tests verify -Dreliability.profile=full -Dreliability.exclude=none`)\n")
print("## Tests\n")
print("| class | test | time | result |\n|---|---|---|---|")
for c in cases():
    result = ("FAILED (finding, expected until fixed): " if c[4] else "FAILED: ") + c[5] if c[3] else "passed"
    print(f"| {c[0]} | {c[1]} | {c[2]:.0f} s | {result.replace('|', '/')} |")
print("\n## Numbers\n")
rows = []
path = os.path.join(MODULE, "reliability", "results.tsv")
if os.path.exists(path):
    rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8") if l.strip()]
current = None
for r in rows:
    r += [""] * (4 - len(r))
    if r[0] != current:
        current = r[0]
        print(f"\n### {current}\n\n| metric | value | target |\n|---|---|---|")
    print(f"| {r[1]} | {r[2].replace('|', '/')} | {r[3]} |")
