#!/usr/bin/env bash
# The whole NetHub test suite, from a fresh Debian machine with the .NET SDK:
#   1. installs the system packages the suite needs (real peers for integration tests),
#   2. builds every project with warnings as errors,
#   3. runs every test project (unit and integration),
#   4. prints "N passed, N failed" as its last line; exits non-zero if anything failed.
# Usage: tests/run.sh [extra dotnet test arguments, e.g. --filter "Category!=Integration"]
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the tests use:
#   procps       - `kill`, to signal the node the way a service manager does;
#   liblo-tools  - oscsend/oscdump (and liblo7, which interop tests drive directly) as real OSC peers.
PACKAGES=(procps liblo-tools socat)

results="$(pwd)/TestResults"
rm -rf "$results"
mkdir -p "$results"

finish() { # passed failed
  echo "$1 passed, $2 failed"
  [ "$2" -eq 0 ]
  exit $?
}

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"; } >"$results/apt.log" 2>&1; then
    echo "could not install ${missing[*]}; see $results/apt.log"
    finish 0 1
  fi
fi

echo "== build"
if ! dotnet build NetHub.sln -warnaserror -nologo -clp:ErrorsOnly >"$results/build.log" 2>&1; then
  cat "$results/build.log"
  echo "the build failed (warnings are errors)"
  finish 0 1
fi

passed=0
failed=0
for project in tests/*.Tests/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  # A hung test host is killed and reported rather than stalling CI.
  timeout 1500 dotnet test "$project" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" --blame-hang-timeout 5m "$@"
  code=$?
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    if [ "$code" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
      echo "$name: the test run failed (exit $code) without a failed test; counted as one failure"
      failed=$((failed + 1))
    fi
  else
    echo "$name: no results written (exit $code); counted as one failure"
    failed=$((failed + 1))
  fi
done

finish "$passed" "$failed"
