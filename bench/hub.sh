#!/usr/bin/env bash
# The hub in-process (issue 4), beside its anchor in the same run (BenchmarkDotNet's Ratio column):
#   RouteHopBenchmarks - an OSC fader message into the router, through a route with a range transform and an
#                        address rewrite, out to an endpoint actor; vs a raw Channel<T> producer/consumer hop
#                        (ChannelHop, the anchor); ChannelTwoHops, the two raw hops the route's path holds (into
#                        the router, out to the endpoint), is printed beside them for context
# Goal: per-hop cost <= 2x a raw Channel<T> hop. The route's path crosses two mailboxes (into the router, out to the
# endpoint), so its per-hop cost is RouteHop against ChannelTwoHops (the ratio of the two columns), judged on the
# medians of at least five launches; the Ratio column printed is RouteHop against one ChannelHop, the whole route
# against a single hop. docs/performance.md gives both.
# HISTORY=false measures only the cases without the history (the router alone), HISTORY=true only those with it.
# Pass "--job short" for a quick look, "--launchCount 5" for five processes per case (the goal is judged on medians
# over at least five); the recorded figures use the default job.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${HISTORY:-}" in
  "") filter='*RouteHopBenchmarks*' ;;
  false) filter='*RouteHopBenchmarks*History: False*' ;;
  true) filter='*RouteHopBenchmarks*History: True*' ;;
  *) echo "HISTORY must be true, false or unset, not '$HISTORY'" >&2; exit 2 ;;
esac
dotnet run -c Release --project tests/NetHub.Benchmarks -- --filter "$filter" "$@"
