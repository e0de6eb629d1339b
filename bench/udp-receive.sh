#!/usr/bin/env bash
# OSC over UDP, sustained receive rate (docs/performance.md, issue 3):
#   one C sendmmsg sender (core 0) feeds, in turn, the same message to
#     - recv:   a bare C recvmmsg loop (the kernel floor),
#     - liblo:  a liblo server thread, no-op handler, timetag queue off (the anchor),
#     - nethub: a NetHub osc-udp endpoint (receive thread, validation, counters, peers, history),
#   each pinned to core 1, each with a 1 MiB kernel receive buffer (NetHub's default). Rates step up; a receiver sustains a rate when its median loss over
#   REPS runs is under 0.1%. Prints each receiver's highest sustained rate, the ratio NetHub/liblo
#   (goal >= 1.5) and NetHub/recv (goal >= 0.5), and NetHub's GC bytes per datagram (goal 0).
# Needs gcc and liblo-dev (installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
REPS="${REPS:-3}"
SECONDS_PER_STEP="${SECONDS_PER_STEP:-2}"
RATES=(${RATES:-25000 50000 100000 150000 200000 300000 400000 600000 800000})
PORT="${PORT:-17900}"

. bench/need-liblo-dev.sh
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/udp_flood" bench/udp/udp_flood.c
gcc -O2 -o "$work/liblo_sink" bench/udp/liblo_sink.c -llo -lpthread
gcc -O2 -o "$work/recv_sink" bench/udp/recv_sink.c -lpthread
dotnet build -c Release tests/NetHub.Benchmarks -nologo -clp:ErrorsOnly >/dev/null
nethub_sink=(dotnet tests/NetHub.Benchmarks/bin/Release/net10.0/NetHub.Benchmarks.dll udp-sink)

pin() { if command -v taskset >/dev/null; then taskset -c "$1" "${@:2}"; else "${@:2}"; fi; }

# run_once SINK RATE -> prints "received sent [allocated-per-datagram]"
run_once() {
  local sink="$1" rate="$2" count out
  count=$((rate * SECONDS_PER_STEP))
  mkfifo "$work/in"; : > "$work/out"
  case "$sink" in
    recv) pin 1 "$work/recv_sink" "$PORT" < "$work/in" > "$work/out" & ;;
    liblo) pin 1 "$work/liblo_sink" "$PORT" < "$work/in" > "$work/out" & ;;
    nethub) pin 1 "${nethub_sink[@]}" "$PORT" < "$work/in" > "$work/out" & ;;
  esac
  local pid=$!
  exec 3> "$work/in"
  for _ in $(seq 1 200); do grep -q ready "$work/out" && break; sleep 0.05; done
  pin 0 "$work/udp_flood" 127.0.0.1 "$PORT" 50000 20000 > /dev/null   # warm-up
  sleep 0.3; echo mark >&3
  pin 0 "$work/udp_flood" 127.0.0.1 "$PORT" "$rate" "$count" > /dev/null
  sleep 0.5; echo report >&3
  wait "$pid" || true
  exec 3>&-
  rm -f "$work/in"
  out="$(grep received "$work/out")"
  local received per=""
  received="$(awk '{print $2}' <<<"$out")"
  [[ "$out" == *"B/datagram"* ]] && per="$(sed -n 's/.*(\([0-9.]*\) B\/datagram).*/\1/p' <<<"$out")"
  echo "$received $count $per"
}

declare -A best
declare -A bytes
for sink in recv liblo nethub; do
  best[$sink]=0
  for rate in "${RATES[@]}"; do
    losses=()
    for _ in $(seq 1 "$REPS"); do
      read -r received sent per < <(run_once "$sink" "$rate")
      losses+=("$(python3 -c "print(max(0.0, 1 - $received / $sent))")")
      [ -n "$per" ] && bytes[$sink]="$per"
    done
    median="$(printf '%s\n' "${losses[@]}" | sort -g | sed -n "$(( (REPS + 1) / 2 ))p")"
    printf '%-7s %8d msg/s  median loss %.4f%%\n' "$sink" "$rate" "$(python3 -c "print($median * 100)")"
    if python3 -c "import sys; sys.exit(0 if $median < 0.001 else 1)"; then best[$sink]=$rate; else break; fi
  done
done

echo
echo "Highest rate sustained with < 0.1% loss (median of $REPS runs of ${SECONDS_PER_STEP} s, sender on core 0, receiver on core 1):"
printf '  %-34s %8s msg/s\n' "bare recvmmsg loop (kernel floor)" "${best[recv]}" "liblo 0.31 server thread (anchor)" "${best[liblo]}" "NetHub osc-udp endpoint" "${best[nethub]}"
python3 - "${best[nethub]}" "${best[liblo]}" "${best[recv]}" "${bytes[nethub]:-?}" <<'PY'
import sys
n, l, r, b = (float(x) if x != "?" else None for x in sys.argv[1:])
print(f"  ratio NetHub / liblo            {n / l:.2f}   (goal >= 1.5)" if l else "  liblo sustained no rate")
print(f"  ratio NetHub / recvmmsg floor   {n / r:.2f}   (goal >= 0.5)" if r else "  the floor sustained no rate")
print(f"  NetHub GC bytes per datagram    {b}   (goal 0)")
PY
