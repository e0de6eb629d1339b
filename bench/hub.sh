#!/usr/bin/env bash
# The hub in-process (issue 4), beside its anchor in the same run (BenchmarkDotNet's Ratio column):
#   RouteHopBenchmarks - an OSC fader message into the router, through a route with a range transform and an
#                        address rewrite, out to an endpoint actor; vs a raw Channel<T> producer/consumer hop
#                        (ChannelHop, the anchor); ChannelTwoHops, the two raw hops the route's path holds (into
#                        the router, out to the endpoint), is printed beside them for context
# Goal: RouteHop's ratio to ChannelHop <= 2.00 per message. The route's path crosses two mailboxes, so its cost per
# hop is RouteHop against ChannelTwoHops (the ratio of the two Mean columns); docs/performance.md gives both.
# Pass "--job short" for a quick look; the recorded figures use the default job.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project tests/NetHub.Benchmarks -- --filter '*RouteHopBenchmarks*' "$@"
