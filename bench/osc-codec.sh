#!/usr/bin/env bash
# OSC codec against liblo, performance.md 9.2 items 1, 3 and 5, both measured in this one invocation:
#   NetHub  tests/NetHub.Benchmarks/Osc/OscCodecBenchmarks.cs (BenchmarkDotNet, MemoryDiagnoser)
#   liblo   bench/liblo/codec_bench.c (lo_message_deserialise + free / lo_message_serialise, median of 7 loops)
# over the same four packets (/cue/go ,i; /mixer/ch/12/fader ,f; /a/b/c ,ifsb; a 4-message bundle). The
# benchmark checks that NetHub's bytes equal liblo's before it measures. Both sides run on core 1 when the
# machine has more than one; liblo runs before and after BenchmarkDotNet and the two medians are averaged,
# so drift in the machine's speed during the run affects both sides alike.
# A .NET process confined to one core never gets its methods to tier 1 on this runtime: the tiering delay
# timer starves behind the busy benchmark thread and the code stays at tier 0 (about 10x slower). The delay is
# set to 0 so tier-up happens during BenchmarkDotNet's warmup, as it does on an unpinned process; the measured
# steady-state code is the usual tier-1 code.
# Goal: liblo ns / NetHub ns >= 3 for decode and encode, and 0 B allocated per operation.
# Pass "--job short" for a quick look, and NETHUB_CODEC_CASES=mixed,cue to measure only those packets; the recorded
# figures use the default job and every packet.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/need-liblo-dev.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

gcc -O2 -Wall -o "$work/codec_bench" bench/liblo/codec_bench.c -llo
"$work/codec_bench" --dump >"$work/liblo-packets.txt"

pin=()
affinity=()
if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -gt 1 ]; then
  pin=(taskset -c 1)
  affinity=(--affinity 2)
fi

"${pin[@]}" "$work/codec_bench" >"$work/liblo-before.txt"
NETHUB_LIBLO_PACKETS="$work/liblo-packets.txt" DOTNET_TC_CallCountingDelayMs=0 "${pin[@]}" dotnet run -c Release --project tests/NetHub.Benchmarks -- \
  --filter '*OscCodecBenchmarks*' --exporters json --artifacts "$work/bdn" "${affinity[@]}" "$@"
"${pin[@]}" "$work/codec_bench" >"$work/liblo-after.txt"

python3 - "$work" <<'PY'
import glob, json, statistics, sys

work = sys.argv[1]
liblo = {}
for name in ("liblo-before.txt", "liblo-after.txt"):
    for line in open(f"{work}/{name}"):
        op, case, ns = line.split()[:3]
        liblo.setdefault((op, case), []).append(float(ns))

nethub = {}
for path in glob.glob(f"{work}/bdn/results/*.json"):
    for b in json.load(open(path))["Benchmarks"]:
        case = b["Parameters"].split("=", 1)[1]
        if b.get("Statistics") is None:
            # BenchmarkDotNet lists a benchmark that did not run (a build error or timeout, printed above) without figures.
            nethub[(b["Method"].lower(), case)] = None
            continue
        nethub[(b["Method"].lower(), case)] = (b["Statistics"]["Median"], b["Memory"]["BytesAllocatedPerOperation"])

print()
print(f"{'op':<7} {'case':<7} {'NetHub ns/op':>13} {'liblo ns/op':>12} {'liblo/NetHub':>13} {'NetHub B/op':>12}  goal")
failed = False
for op in ("decode", "encode"):
    for case in ("cue", "fader", "mixed", "bundle"):
        if (op, case) not in nethub:
            continue  # left out through NETHUB_CODEC_CASES
        if nethub[(op, case)] is None:
            failed = True
            print(f"{op:<7} {case:<7} {'not run':>13}  (BenchmarkDotNet did not run it: see its output above)")
            continue
        ns, allocated = nethub[(op, case)]
        anchor = statistics.mean(liblo[(op, case)])
        ratio = anchor / ns
        ok = ratio >= 3 and allocated == 0
        failed |= not ok
        print(f"{op:<7} {case:<7} {ns:>13.1f} {anchor:>12.1f} {ratio:>12.2f}x {allocated:>12}  {'met' if ok else 'MISSED'} (>= 3x, 0 B)")
sys.exit(1 if failed else 0)
PY
