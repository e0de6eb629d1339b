#!/usr/bin/env bash
# OSC over UDP, receive rate and receive cost (docs/performance.md, issue 3):
#   one C sendmmsg sender (core 0) feeds, in turn, the same message to
#     - recv:   a bare C recvmmsg loop (the kernel floor),
#     - liblo:  a liblo server thread, no-op handler, timetag queue off (the anchor),
#     - nethub: a NetHub osc-udp endpoint (receive thread, validation, counters, peers, history),
#   each pinned to core 1, each with a 1 MiB kernel receive buffer (NetHub's default).
#
# Two measures, both printed with the ratio NetHub / liblo (goal >= 1.5):
#   1. Sustained rate. Rates step up; a receiver sustains a rate when its median loss over REPS runs is
#      under 0.1%. The sender prints how fast it really sent: a step it could not reach (below 97% of the
#      rate asked) is marked "sender-limited" and ends the sweep, because beyond it every receiver is fed the
#      same slower stream and the steps no longer tell receivers apart. On a 2-core virtual machine the
#      sender (which also does the kernel's loopback delivery) tops out near 250,000-300,000 msg/s.
#   2. Receive cost: CPU time per datagram of the whole receiver process (every thread, from
#      /proc/PID/task/*/schedstat, over the send window only) at CPU_RATE, a rate every receiver takes without
#      loss. 1 s / that time is the rate the receiver could take on its one core; the ratio of the costs is the
#      ratio of those rates, and it holds whether or not the sender can reach them.
# Also prints NetHub's GC bytes per datagram (goal 0).
#
# QUOTA=P (a percentage, 25 to 100) runs each receiver in its own cgroup (v1 cpu controller) limited to P% of one
# core (CFS quota over a 4 ms period), so that the receivers, not the sender, set the highest rate: the sustained-
# rate ratio then compares them directly on the same CPU share. The group is created for the run and removed at
# its end. In that mode the receive-cost figures are left out (past its share a receiver loses datagrams).
#
# The NetHub process runs with DOTNET_TC_DelaySingleProcMultiplier=1: pinned to one core, the runtime takes
# itself to be on a one-processor machine and waits ten times longer (1 s instead of 100 ms after the last
# newly compiled method) before optimising hot code, so the run would measure unoptimised code that a node on
# a real multi-core machine has long replaced.
# Needs gcc and liblo-dev (installed if missing). SINKS="liblo nethub" measures only those receivers.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS="${REPS:-3}"
SECONDS_PER_STEP="${SECONDS_PER_STEP:-2}"
CPU_RATE="${CPU_RATE:-200000}"
PORT="${PORT:-17900}"
QUOTA="${QUOTA:-}"

. bench/need-liblo-dev.sh
work="$(mktemp -d)"
cgroup=""
# On any exit: a receiver still in the group (the run was interrupted) is stopped, so the group can be removed.
release_cgroup() {
  [ -n "$cgroup" ] || return 0
  xargs -r kill < "$cgroup/cgroup.procs" 2>/dev/null || true
  for _ in $(seq 1 50); do [ -s "$cgroup/cgroup.procs" ] || break; sleep 0.1; done
  rmdir "$cgroup" 2>/dev/null || echo "could not remove $cgroup (a process is still in it)" >&2
}
trap 'release_cgroup; rm -rf "$work"' EXIT
if [ -n "$QUOTA" ]; then
  if ! [[ "$QUOTA" =~ ^[0-9]+$ ]] || [ "$QUOTA" -lt 25 ] || [ "$QUOTA" -gt 100 ]; then
    echo "QUOTA must be a whole percentage from 25 to 100 (CFS allows no quota under 1 ms of its 4 ms period); got '$QUOTA'" >&2
    exit 2
  fi
  if [ ! -d /sys/fs/cgroup/cpu ] || ! mkdir "/sys/fs/cgroup/cpu/nethub-udp-bench-$$" 2>/dev/null; then
    echo "QUOTA needs the cgroup v1 cpu controller at /sys/fs/cgroup/cpu, writable (run as root)" >&2
    exit 2
  fi
  cgroup="/sys/fs/cgroup/cpu/nethub-udp-bench-$$"
  echo 4000 > "$cgroup/cpu.cfs_period_us"
  echo $((QUOTA * 40)) > "$cgroup/cpu.cfs_quota_us"
fi
# Warm-up datagrams before each measured run: on a limited share the runtime's background compilation of the
# hot path takes proportionally longer, and it should be done before the measured window, as in a running node.
if [ -n "$QUOTA" ]; then
  WARMUP=$((100000 * 100 / QUOTA))
  RATES=(${RATES:-20000 40000 60000 80000 100000 120000 140000 160000 180000 200000 220000 240000})
else
  WARMUP=20000
  RATES=(${RATES:-25000 50000 100000 150000 200000 250000 300000 400000 600000 800000})
fi
gcc -O2 -o "$work/udp_flood" bench/udp/udp_flood.c
gcc -O2 -o "$work/liblo_sink" bench/udp/liblo_sink.c -llo -lpthread
gcc -O2 -o "$work/recv_sink" bench/udp/recv_sink.c -lpthread
dotnet build -c Release tests/NetHub.Benchmarks -nologo -clp:ErrorsOnly >/dev/null
nethub_sink=(env DOTNET_TC_DelaySingleProcMultiplier=1 dotnet tests/NetHub.Benchmarks/bin/Release/net10.0/NetHub.Benchmarks.dll udp-sink)

pinned() { command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; }

# Starts COMMAND on core 1 (when it can be pinned) with stdin from $work/in and stdout to $work/out; the pid kept is
# the command's own (taskset and env exec into it), so its threads are the receiver's.
start_sink() {
  # With QUOTA the receiver first moves itself into the limited group, then execs (keeping its pid).
  local grouped=()
  [ -n "$cgroup" ] && grouped=(sh -c 'echo $$ > "$0/cgroup.procs" && exec "$@"' "$cgroup")
  if pinned; then taskset -c 1 "${grouped[@]}" "$@" < "$work/in" > "$work/out" & else "${grouped[@]}" "$@" < "$work/in" > "$work/out" & fi
  sink_pid=$!
}

flood() { if pinned; then taskset -c 0 "$work/udp_flood" "$@"; else "$work/udp_flood" "$@"; fi; }

# CPU time (ns) the process has used so far, all threads together.
cpu_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ s += $1 } END { printf "%d\n", s }'; }

# run_once SINK RATE -> prints "received sent achieved-rate cpu-ns-per-datagram [allocated-per-datagram]"
run_once() {
  local sink="$1" rate="$2" count out flooded
  count=$((rate * SECONDS_PER_STEP))
  mkfifo "$work/in"; : > "$work/out"
  case "$sink" in
    recv) start_sink "$work/recv_sink" "$PORT" ;;
    liblo) start_sink "$work/liblo_sink" "$PORT" ;;
    nethub) start_sink "${nethub_sink[@]}" "$PORT" ;;
  esac
  exec 3> "$work/in"
  for _ in $(seq 1 200); do grep -q ready "$work/out" && break; sleep 0.05; done
  flood 127.0.0.1 "$PORT" 50000 "$WARMUP" > /dev/null   # warm-up
  sleep 0.3; echo mark >&3; sleep 0.2
  local before after
  before="$(cpu_ns "$sink_pid")"
  flooded="$(flood 127.0.0.1 "$PORT" "$rate" "$count")"
  after="$(cpu_ns "$sink_pid")"
  sleep 0.5; echo report >&3
  wait "$sink_pid" || true
  exec 3>&-
  rm -f "$work/in"
  out="$(grep received "$work/out")"
  local received per="" seconds
  received="$(awk '{print $2}' <<<"$out")"
  seconds="$(awk '{print $4}' <<<"$flooded")"   # "sent N in S s"
  [[ "$out" == *"B/datagram"* ]] && per="$(sed -n 's/.*(\([0-9.]*\) B\/datagram).*/\1/p' <<<"$out")"
  python3 -c "print($received, $count, round($count / $seconds), round(($after - $before) / $count), '$per')"
}

median() { sort -g | sed -n "$(( (REPS + 1) / 2 ))p"; }

declare -A best cost limited bytes
for sink in recv liblo nethub; do best[$sink]=0; cost[$sink]=""; limited[$sink]=""; done
for sink in ${SINKS:-recv liblo nethub}; do
  for rate in "${RATES[@]}"; do
    losses=(); achieved=(); costs=()
    for _ in $(seq 1 "$REPS"); do
      read -r received sent reached ns per < <(run_once "$sink" "$rate")
      losses+=("$(python3 -c "print(max(0.0, 1 - $received / $sent))")")
      achieved+=("$reached"); costs+=("$ns")
      [ -n "$per" ] && bytes[$sink]="$per"
    done
    loss="$(printf '%s\n' "${losses[@]}" | median)"
    reached="$(printf '%s\n' "${achieved[@]}" | median)"
    ns="$(printf '%s\n' "${costs[@]}" | median)"
    printf '%-7s %8d msg/s  sender reached %8d msg/s  median loss %.4f%%  CPU %5d ns/datagram\n' \
      "$sink" "$rate" "$reached" "$(python3 -c "print($loss * 100)")" "$ns"
    [ "$rate" -eq "$CPU_RATE" ] && cost[$sink]="$ns"
    if ! python3 -c "import sys; sys.exit(0 if $loss < 0.001 else 1)"; then break; fi
    best[$sink]=$((reached < rate ? reached : rate))
    if [ $((reached * 100)) -lt $((rate * 97)) ]; then limited[$sink]="$reached"; break; fi
  done
done

echo
share=""
[ -n "$QUOTA" ] && share=", each receiver limited to ${QUOTA}% of its core"
echo "Highest rate sustained with < 0.1% loss (median of $REPS runs of ${SECONDS_PER_STEP} s, sender on core 0, receiver on core 1${share}):"
for sink in recv liblo nethub; do
  case "$sink" in
    recv) label="bare recvmmsg loop (kernel floor)" ;;
    liblo) label="liblo 0.31 server thread (anchor)" ;;
    nethub) label="NetHub osc-udp endpoint" ;;
  esac
  note=""
  [ -n "${limited[$sink]}" ] && note="  (sender-limited: the next step asked for more and the sender reached only this)"
  printf '  %-34s %8s msg/s%s\n' "$label" "${best[$sink]}" "$note"
done
echo "CPU time per datagram at $CPU_RATE msg/s (whole process), and the rate it allows on one core:"
limits="${limited[liblo]:-}${limited[nethub]:-}"
python3 - "${cost[recv]:-}" "${cost[liblo]:-}" "${cost[nethub]:-}" "${best[nethub]}" "${best[liblo]}" "$limits" "${bytes[nethub]:-?}" "$QUOTA" <<'PY'
import sys
costs = [float(x) if x else None for x in sys.argv[1:4]]
n_best, l_best = float(sys.argv[4]), float(sys.argv[5])
sender_limited, b, quota = sys.argv[6], sys.argv[7], sys.argv[8]
if quota:
    costs = [None, None, None]
    print("  (not measured with QUOTA: past its share a receiver loses datagrams)")
for label, c in zip(["bare recvmmsg loop", "liblo server thread", "NetHub osc-udp endpoint"], costs):
    print(f"  {label:34} {c:8.0f} ns -> {1e9 / c:10,.0f} msg/s" if c else f"  {label:34} not measured")
r, l, n = costs
if l_best:
    note = " (the sender, not the receivers, set the highest rate, so this does not compare them)" if sender_limited else ""
    goal = "   (goal >= 1.5)" if quota and not sender_limited else ""
    print(f"  ratio NetHub / liblo, sustained rate       {n_best / l_best:.2f}{goal}{note}")
if l and n:
    print(f"  ratio NetHub / liblo, receive cost         {l / n:.2f}   (goal >= 1.5)")
if r and n:
    print(f"  ratio NetHub / recvmmsg floor, cost        {r / n:.2f}   (sanity bound >= 0.5)")
print(f"  NetHub GC bytes per datagram               {b}   (goal 0)")
PY
