#!/usr/bin/env bash
# OSC address pattern matching against liblo, both measured in this run (performance.md item 6):
#   anchor - liblo's lo_pattern_match over the corpus (bench/liblo/pattern_bench.c, gcc -O2, median of 9 reps)
#   NetHub - OscPatternBenchmarks and OscPatternDispatchBenchmarks (BenchmarkDotNet, default job, median)
# Both run pinned to core 1 (taskset / BenchmarkDotNet --affinity) when the machine allows it; set
# OSC_BENCH_CPU to pin to another core when something else already occupies core 1.
# Prints one table: NetHub ns/match, liblo ns/match, ratio liblo/NetHub (goal >= 2x), allocated B/op, and the
# dispatch-table ns/dispatch against the 100 ns sanity bound (1,000 addresses + 20 patterns).
# Extra arguments go to BenchmarkDotNet. Avoid "--job short" for recorded figures: on a pinned core the
# background JIT can take seconds to replace tier-0 code, and three warmups may measure that code.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/need-liblo-dev.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cpu=${OSC_BENCH_CPU:-1}
pin=()
affinity=()
if command -v taskset >/dev/null 2>&1 && taskset -c "$cpu" true 2>/dev/null; then
  pin=(taskset -c "$cpu")
  affinity=(--affinity $((1 << cpu)))
fi

gcc -O2 -o "$work/pattern_bench" bench/liblo/pattern_bench.c -llo
liblo=$("${pin[@]}" "$work/pattern_bench")
echo "liblo: $liblo"

dotnet run -c Release --project tests/NetHub.Benchmarks -- \
  --filter '*OscPatternBenchmarks*' '*OscPatternDispatchBenchmarks*' \
  --exporters json --artifacts "$work/bdn" "${affinity[@]}" "$@"

python3 - "$work/bdn/results" "$liblo" tests/NetHub.Benchmarks/Osc/OscPatternCorpus.cs <<'PY'
import glob, json, re, sys

results_dir, liblo_line, corpus_file = sys.argv[1:4]
liblo = dict(kv.split("=") for kv in liblo_line.split())
liblo_ns = float(liblo["ns_per_match"])
expected = int(re.search(r"ExpectedMatches = (\d+)", open(corpus_file).read()).group(1))

rows = {}
for path in glob.glob(f"{results_dir}/*-report-full-compressed.json"):
    for b in json.load(open(path))["Benchmarks"]:
        stats = b.get("Statistics") or {}
        rows[b["Method"]] = (stats.get("Median"), (b.get("Memory") or {}).get("BytesAllocatedPerOperation"))

def ns(method):
    median = rows.get(method, (None, None))[0]
    return f"{median:.2f}" if median is not None else "failed"

def alloc(method):
    allocated = rows.get(method, (None, None))[1]
    return str(allocated) if allocated is not None else "?"

print()
print(f"liblo corpus matches: {liblo['matches']} of {liblo['calls']} pairs (NetHub must agree: {expected})")
if int(liblo["matches"]) != expected:
    print("WARNING: liblo and NetHub disagree on the corpus; the ratio compares different work")
print()
print("| Benchmark | NetHub ns/op | liblo ns/op | liblo/NetHub | Goal | Allocated B/op |")
print("|---|---:|---:|---:|---|---:|")
for method, label in [("MatchCorpus", "IsMatch, corpus, UTF-16 address"),
                      ("MatchCorpusUtf8", "IsMatch, corpus, UTF-8 address")]:
    median = rows.get(method, (None, None))[0]
    ratio = f"{liblo_ns / median:.2f}x" if median else "-"
    verdict = ("met" if median and liblo_ns / median >= 2 else "MISSED")
    print(f"| {label} | {ns(method)} | {liblo_ns:.2f} | {ratio} | >= 2x ({verdict}) | {alloc(method)} |")
print(f"| IsMatch, '//' patterns (NetHub only) | {ns('MatchPathWildcards')} | n/a | - | - | {alloc('MatchPathWildcards')} |")
for method, label in [("LiteralHit", "Dispatch, registered address (+3 patterns)"),
                      ("PatternHit", "Dispatch, pattern-only address, 1 hit"),
                      ("UnregisteredHit", "Dispatch, unregistered address, 2 of 5 candidates hit"),
                      ("Miss", "Dispatch, miss (5 candidates)")]:
    median = rows.get(method, (None, None))[0]
    verdict = "met" if median is not None and median <= 100 else "MISSED"
    print(f"| {label} | {ns(method)} | - | - | <= 100 ns ({verdict}) | {alloc(method)} |")
PY
