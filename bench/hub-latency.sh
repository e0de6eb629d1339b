#!/usr/bin/env bash
# The whole node's latency on loopback (issue 4), each figure beside an anchor measured in the same run:
#   route:  the probe (bench/hub/latency_probe.c, core 0) sends "/bench/latency ,ih seq t" at 1,000 and at 20,000
#           msg/s to a server on core 1 that sends it on to the probe's own port; latency = receive time - t (both
#           CLOCK_MONOTONIC in the probe), so each figure holds the same two loopback hops and the probe's wake-up:
#             - anchor: bench/hub/udp_relay.c, a bare recvfrom -> sendto loop to a fixed destination,
#             - NetHub: a node (bench/hub/latency.conf) routing osc-udp endpoint in -> route -> endpoint out.
#           Goals: at 1k msg/s NetHub p99 <= 1 ms and <= 1.2x the relay's p99; at 20k msg/s p99 <= 2 ms, no loss.
#   cues:   the probe sends "/nethub/cue/goto k" at CUE_RATE to the node; cue k sends "/cue/fired k" out of the
#           endpoint, so each arrival pairs with the command that fired it; latency = arrival - command sent.
#           Measured idle (the anchor) and during a FLOOD_RATE "/fader/1" flood that the node routes on the
#           latest-value lane to the same endpoint. Goal: p99 during the flood <= idle p99 + 1 ms.
# Relay and node run side by side (both on core 1, the idle one blocked in a receive) and are measured in turn,
# REPS times, so a disturbance from elsewhere on the machine falls on both sides; a figure is the median over the
# REPS runs of each run's p99, and loss is summed. The 1k ratio goal is judged per pair (each NetHub run against the
# relay run just before it), as the median of the REPS ratios. The first WARMUP seconds of every run are sent but not counted;
# a datagram missing 1 s after the last send is lost.
# Prints one table (figure, NetHub, anchor, ratio, goal, met/MISSED) and exits 1 when a goal is missed.
# NODE_SET="nethub.history.size = 100" passes one more setting to the node (to measure what a setting costs).
# Needs gcc, python3 and the .NET SDK (the node is built in Release here). The node runs with
# DOTNET_TC_DelaySingleProcMultiplier=1 (see where it starts).
set -euo pipefail
cd "$(dirname "$0")/.."
REPS="${REPS:-3}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-4}"
WARMUP="${WARMUP:-1}"
CUE_RATE="${CUE_RATE:-20}"
CUE_SECONDS="${CUE_SECONDS:-10}"
FLOOD_RATE="${FLOOD_RATE:-10000}"
PORT="${PORT:-17950}"
CUES=100                                    # cues in bench/hub/latency.conf
RATES=(1000 20000)                          # the goals are stated at these rates
NODE_PORT="$PORT" PROBE_PORT="$((PORT + 1))" RELAY_PORT="$((PORT + 2))"

echo "Reproduce: NODE_SET=\"${NODE_SET:-}\" REPS=$REPS SECONDS_PER_RUN=$SECONDS_PER_RUN WARMUP=$WARMUP CUE_RATE=$CUE_RATE" \
  "CUE_SECONDS=$CUE_SECONDS FLOOD_RATE=$FLOOD_RATE PORT=$PORT bench/hub-latency.sh"

work="$(mktemp -d)"
server_pids=()
stop_servers() {
  local pid
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # The node stops cleanly on SIGTERM (endpoints, then the hub); whatever still runs after 10 s is killed.
  for pid in "${server_pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  server_pids=()
}
trap 'stop_servers; rm -rf "$work"' EXIT

gcc -O2 -Wall -o "$work/latency_probe" bench/hub/latency_probe.c
gcc -O2 -Wall -o "$work/udp_relay" bench/hub/udp_relay.c
if ! dotnet build -c Release src/NetHub.Node -nologo -clp:ErrorsOnly > "$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  exit 2
fi
# Pinned to one core, the runtime takes itself to be on a one-processor machine and waits ten times longer (1 s
# instead of 100 ms after the last newly compiled method) before optimising hot code; the multiplier of 1 keeps
# the tiering a node has on a real multi-core machine, so warm-up ends with the hot path optimised.
nethub=(env DOTNET_TC_DelaySingleProcMultiplier=1 dotnet src/NetHub.Node/bin/Release/net10.0/nethub.dll)

pinned() { command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; }
port_free() { python3 -c "import socket, sys; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).bind(('127.0.0.1', int(sys.argv[1])))" "$1" 2>/dev/null; }

# start_server PORT OUTPUT COMMAND... : runs COMMAND, which will listen on PORT, on core 1 in the background with its
# output in OUTPUT. The pid kept is COMMAND's own (not a subshell's), so stop_servers ends it. A port already in use
# stops the script: the probe would measure whatever holds it.
start_server() {
  if ! port_free "$1"; then
    echo "UDP port $1 is in use: stop that program or pick another PORT" >&2
    exit 2
  fi
  if pinned; then taskset -c 1 "${@:3}" > "$2" 2>&1 & else "${@:3}" > "$2" 2>&1 & fi
  server_pids+=($!)
}

# probe MODE PORT ARGS... : the probe on core 0, sending to 127.0.0.1:PORT and receiving on PROBE_PORT.
probe() {
  local command=("$work/latency_probe" "$1" 127.0.0.1 "$2" "$PROBE_PORT" "${@:3}")
  if pinned; then taskset -c 0 "${command[@]}"; else "${command[@]}"; fi
}

# measure NAME MODE PORT ARGS... : runs the probe, keeps its result line in $work/NAME and shows it.
measure() {
  probe "${@:2}" > "$work/$1"
  printf '  %-16s %s\n' "$1" "$(cat "$work/$1")"
}

port_free "$PROBE_PORT" || { echo "UDP port $PROBE_PORT (the probe's) is in use: pick another PORT" >&2; exit 2; }
start_server "$RELAY_PORT" "$work/relay.log" "$work/udp_relay" "$RELAY_PORT" 127.0.0.1 "$PROBE_PORT"
start_server "$NODE_PORT" "$work/node.log" "${nethub[@]}" run --config bench/hub/latency.conf \
  --set nethub.node.log-level=warning ${NODE_SET:+--set "$NODE_SET"} \
  --set "nethub.endpoints.in.bind=\"127.0.0.1:$NODE_PORT\"" --set "nethub.endpoints.out.remote=\"127.0.0.1:$PROBE_PORT\""
probe wait "$RELAY_PORT" 5 || { echo "the relay did not answer" >&2; exit 2; }
if ! probe wait "$NODE_PORT" 30; then
  echo "the node did not route within 30 s; its log:" >&2
  cat "$work/node.log" >&2
  exit 2
fi

echo "Route: C relay and NetHub node on core 1, probe on core 0, $REPS x (${WARMUP} s warm-up + ${SECONDS_PER_RUN} s):"
for rep in $(seq 1 "$REPS"); do
  for rate in "${RATES[@]}"; do
    measure "relay-$rate-$rep" stream "$RELAY_PORT" "$rate" "$WARMUP" "$SECONDS_PER_RUN"
    measure "nethub-$rate-$rep" stream "$NODE_PORT" "$rate" "$WARMUP" "$SECONDS_PER_RUN"
  done
done
echo "Cues: GOTO at $CUE_RATE Hz, idle and during a $FLOOD_RATE msg/s fader flood, $REPS x (${WARMUP} s + ${CUE_SECONDS} s):"
for rep in $(seq 1 "$REPS"); do
  measure "cues-idle-$rep" cues "$NODE_PORT" "$CUE_RATE" "$CUES" 0 "$WARMUP" "$CUE_SECONDS"
  measure "cues-flood-$rep" cues "$NODE_PORT" "$CUE_RATE" "$CUES" "$FLOOD_RATE" "$WARMUP" "$CUE_SECONDS"
done
stop_servers
if [ -s "$work/node.log" ]; then
  echo "The node logged (warning and above):"
  sed 's/^/  /' "$work/node.log"
fi

echo
python3 - "$work" "$REPS" "$FLOOD_RATE" <<'PY'
import pathlib, statistics, sys

work, reps, flood_rate = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])

def runs(name):
    return [{k: float(v) for k, v in (kv.split("=") for kv in (work / f"{name}-{r}").read_text().split())}
            for r in range(1, reps + 1)]

def p99(rs, key="p99_us"):
    # A run where nothing arrived has no p99: it counts as infinitely slow.
    return statistics.median(r[key] if r[key] >= 0 else float("inf") for r in rs)

def total(rs, key): return sum(r[key] for r in rs)
def us(x): return f"{x:,.0f} us" if x != float("inf") else "none arrived"
def spread(rs, key="p99_us"): return ", ".join(us(r[key]) if r[key] >= 0 else "-" for r in rs)

relay1, relay20, hub1, hub20 = runs("relay-1000"), runs("relay-20000"), runs("nethub-1000"), runs("nethub-20000")
idle, flood = runs("cues-idle"), runs("cues-flood")

rows = []
def row(figure, hub, anchor, ratio, goal, met):
    rows.append((figure, hub, anchor, ratio, goal, "met" if met else "MISSED"))

h1, r1, h20, r20, ci, cf = p99(hub1), p99(relay1), p99(hub20), p99(relay20), p99(idle, "cue_p99_us"), p99(flood, "cue_p99_us")
row("route p99, 1k msg/s", us(h1), us(r1) + " relay", f"{h1 / r1:.2f}x", "<= 1,000 us", h1 <= 1000)
# Each NetHub run follows its relay run within seconds, so a disturbance of the machine tends to fall on the pair:
# the goal is judged on the median of the per-pair ratios. The ratio of the two medians (which may come from
# different pairs) is printed below it.
pairs = [(h["p99_us"] if h["p99_us"] >= 0 else float("inf")) / r["p99_us"] if r["p99_us"] > 0 else float("inf")
         for h, r in zip(hub1, relay1)]
paired = statistics.median(pairs)
row("route p99 vs relay, 1k msg/s", us(h1), us(r1) + " relay", f"{paired:.2f}x", "<= 1.20x relay (paired)", paired <= 1.2)
row("route p99, 20k msg/s", us(h20), us(r20) + " relay", f"{h20 / r20:.2f}x", "<= 2,000 us", h20 <= 2000)
row("route loss, 20k msg/s", f"{total(hub20, 'lost'):.0f} of {total(hub20, 'sent'):.0f}",
    f"{total(relay20, 'lost'):.0f} of {total(relay20, 'sent'):.0f} relay", "", "0 lost", total(hub20, "lost") == 0)
row(f"cue p99, {flood_rate / 1000:g}k/s fader flood", us(cf), us(ci) + " idle", f"{cf / ci:.2f}x",
    f"<= {us(ci + 1000)} (idle + 1 ms)", cf <= ci + 1000)
bad = total(flood, "replies_failed") + total(flood, "cue_unpaired")
row(f"cues lost, {flood_rate / 1000:g}k/s fader flood", f"{total(flood, 'cue_lost'):.0f} of {total(flood, 'cue_sent'):.0f}",
    f"{total(idle, 'cue_lost'):.0f} of {total(idle, 'cue_sent'):.0f} idle", "", "0 lost",
    total(flood, "cue_lost") == 0 and bad == 0)

head = ("figure", "NetHub", "anchor", "ratio", "goal", "result")
widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
for r in [head] + rows:
    print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
print(f"p99 = median over {reps} runs of each run's p99; latency = probe send -> probe receive on loopback. Per run:")
print(f"  route p99  1k: NetHub {spread(hub1)}; relay {spread(relay1)}")
print(f"  route p99  1k, NetHub / relay per pair: {', '.join(f'{x:.2f}x' for x in pairs)} (median {paired:.2f}x;"
      f" ratio of the medians {h1 / r1:.2f}x)")
print(f"  route p99 20k: NetHub {spread(hub20)}; relay {spread(relay20)}")
print(f"  route p50  1k: NetHub {spread(hub1, 'p50_us')}; relay {spread(relay1, 'p50_us')}")
print(f"  route p50 20k: NetHub {spread(hub20, 'p50_us')}; relay {spread(relay20, 'p50_us')}")
print(f"  route max 20k: NetHub {spread(hub20, 'max_us')}; relay {spread(relay20, 'max_us')}")
print(f"  cue p99: idle {spread(idle, 'cue_p99_us')}; flood {spread(flood, 'cue_p99_us')}")
print(f"  cue p50: idle {spread(idle, 'cue_p50_us')}; flood {spread(flood, 'cue_p50_us')}")
print(f"  cue commands refused {total(idle, 'replies_failed') + total(flood, 'replies_failed'):.0f},"
      f" unpaired arrivals {total(idle, 'cue_unpaired') + total(flood, 'cue_unpaired'):.0f}")
print(f"  flood: {total(flood, 'flood_received'):.0f} of {total(flood, 'flood_sent'):.0f} fader values left the node"
      f" (the latest-value lane coalesces); their p99 {spread(flood, 'flood_p99_us')}")
sys.exit(0 if all(r[5] == "met" for r in rows) else 1)
PY
