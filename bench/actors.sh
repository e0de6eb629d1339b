#!/usr/bin/env bash
# Actor runtime benchmarks, each beside its anchor in the same run (BenchmarkDotNet's Ratio column):
#   ActorHopBenchmarks  - one actor streaming to another vs a raw Channel<T> producer/consumer hop
#   PingPongBenchmarks  - two actors bouncing a message vs two tasks bouncing it through two channels
# Goal (issue 2): ratio <= 2.00 and no allocation per message ("-" in the Allocated column).
# Pass "--job short" for a quick look; the recorded figures use the default job.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project tests/NetHub.Benchmarks -- --filter '*ActorHopBenchmarks*' '*PingPongBenchmarks*' "$@"
