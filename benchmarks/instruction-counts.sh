#!/usr/bin/env bash
# Instructions per call of the clients the BenchmarkDotNet comparison times, counted by callgrind: a figure that repeats
# to within about 1 % on a shared VM whose timings move by 30 % within one run (docs/benchmarks.md, "How to read the figures").
#
#   benchmarks/instruction-counts.sh                  # STS call and GET session, every client (about 10 min on 2 cores)
#   benchmarks/instruction-counts.sh --all            # also the GET session breakdown (about 16 min)
#   benchmarks/instruction-counts.sh --quick          # two STS cases, few calls: checks that it runs (CI)
#
# Options: --calls N (measured calls per case, default 2000), --case Class.Method (repeatable; instead of the sets
# above), --out FILE (also write the table there). Each case runs the benchmark method of ArrSdk.Benchmarks itself
# (`--call-loop`), after its [GlobalSetup] and a warm-up that lasts until the runtime stops compiling; callgrind
# counts only the measured calls, on their own thread.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }
calls=2000 out="" set=comparison cases=()
while [ $# -gt 0 ]; do
  case "$1" in
    --calls|--case|--out)
      if [ $# -lt 2 ]; then echo "$1 needs a value (see --help)" >&2; exit 2; fi ;;
  esac
  case "$1" in
    --calls) calls=$2; shift 2 ;;
    --case) cases+=("$2"); shift 2 ;;
    --out) out=$2; shift 2 ;;
    --all) set=all; shift ;;
    --quick) set=quick; calls=200; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$calls" in ''|*[!0-9]*|0) echo "--calls must be a positive whole number, not '$calls'" >&2; exit 2 ;; esac
# Each call is about 10 us under callgrind x 50; a million calls of one case already take hours.
if [ "${#calls}" -gt 7 ] || [ "$calls" -gt 1000000 ]; then echo "--calls $calls is more than this script runs (at most 1,000,000)" >&2; exit 2; fi
if [ -n "$out" ] && [ -d "$out" ]; then
  echo "--out $out is a folder; give a file name to write the table to" >&2; exit 2
fi
if [ -n "$out" ] && [ ! -d "$(dirname "$out")" ]; then
  echo "--out $out: the folder $(dirname "$out") does not exist" >&2; exit 2
fi

if ! command -v valgrind >/dev/null 2>&1; then
  echo "== valgrind is missing: installing Debian's package 'valgrind' with apt-get" >&2
  { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; } \
    || { echo "could not install valgrind; install it (Debian: apt-get install valgrind) and run again" >&2; exit 1; }
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The runtime normally writes JIT code through a second, file-backed (memfd) mapping of it. Callgrind does not watch
# file-backed code for changes, so it kept running stale translations of patched code: wrong results, then a crash.
# With write-xor-execute off the code is written where it runs, and callgrind sees every change.
export DOTNET_EnableWriteXorExecute=0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== build (Release)"
dotnet build -c Release -v q -nologo benchmarks/ArrSdk.Benchmarks > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
program=benchmarks/ArrSdk.Benchmarks/bin/Release/net10.0/ArrSdk.Benchmarks

# Every case the program knows, in its order (the first of each class is the row the others are compared with).
known=$("$program" --call-loop --list)
if [ ${#cases[@]} -eq 0 ]; then
  case "$set" in
    comparison) pattern='^(StsCallBenchmarks|GetSessionBenchmarks)\.' ;;
    all) pattern='^(StsCallBenchmarks|GetSessionBenchmarks|GetSessionBreakdownBenchmarks)\.' ;;
    quick) pattern='^StsCallBenchmarks\.(Floor|ArrSdk)$' ;;
  esac
  mapfile -t cases < <(grep -E "$pattern" <<< "$known")
else
  for c in "${cases[@]}"; do
    grep -qx -- "$c" <<< "$known" || { echo "no case '$c'; known cases:" >&2; sed 's/^/  /' <<< "$known" >&2; exit 2; }
  done
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(valgrind --version)," \
  ".NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}'), $(date -u +%F)"
echo "== ${#cases[@]} case(s), $calls measured calls each, $(nproc) at a time under callgrind"

count() { # case: prints "case instructions", or fails with the program's output
  local log="$work/$1.log"
  if ! valgrind --tool=callgrind --collect-atstart=no --toggle-collect=bsearch --callgrind-out-file=/dev/null \
      "$program" --call-loop "$1" "$calls" > "$log" 2>&1; then
    echo "$1 failed:" >&2; tail -20 "$log" >&2; return 1
  fi
  grep -q '^warning:' "$log" && grep '^warning:' "$log" | sed "s/^/$1: /" >&2
  local total; total=$(grep -o 'Collected : [0-9]*' "$log" | awk '{print $3}')
  [ -n "$total" ] || { echo "$1: callgrind printed no count" >&2; tail -20 "$log" >&2; return 1; }
  echo "$1 $total"
}
export -f count
export work program calls
printf '%s\n' "${cases[@]}" | xargs -P "$(nproc)" -I{} bash -c 'count "$@"' _ {} > "$work/counts"
[ "$(wc -l < "$work/counts")" -eq ${#cases[@]} ] || { echo "some cases failed" >&2; exit 1; }

# In the program's order; the ratio is to the first case of the same class.
{
  echo "| Case | Instructions per call | Ratio to the first row of its class |"
  echo "| --- | ---: | ---: |"
  for c in "${cases[@]}"; do grep "^$c " "$work/counts"; done | awk -v calls="$calls" '
    { split($1, part, "."); per = $2 / calls
      if (part[1] != class) { class = part[1]; base = per }
      printf "| %s | %d | %.2f |\n", $1, per, per / base }'
} | tee "$work/table"
[ -z "$out" ] || cp "$work/table" "$out"
if [ "$set" = quick ]; then echo "quick mode: 200 calls check that it runs; quote the figures of a run with 2,000 (the default)"; fi
