#!/usr/bin/env bash
# Issue 7's memory figures in one command:
#   1. the footprint of N accounts' cached tokens (ArrSdk.TokenMemory, default 10,000 accounts, 3 runs: min/median/max);
#   2. the peak resident memory of `arr token --emulator` (Release build, /usr/bin/time, 5 runs: min/median).
# Usage: benchmarks/ArrSdk.TokenMemory/run.sh [--quick] [--accounts N]
#   --quick: 100 accounts, one run of each; checks that everything still works (CI), figures too small to quote.
# Exits non-zero when a check of the program fails, `arr token --emulator` fails, or the tokens differ in size from the
# emulator's.
set -euo pipefail
cd "$(dirname "$0")/../.."

accounts="" quick=false
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --accounts)
      if [ $# -lt 2 ]; then echo "--accounts needs a number" >&2; exit 2; fi
      case "$2" in ''|*[!0-9]*|0) echo "--accounts must be a positive whole number, not '$2'" >&2; exit 2 ;; esac
      # The program counts in an int, and a million accounts already take a few GiB.
      if [ "${#2}" -gt 7 ] || [ "$2" -gt 1000000 ]; then echo "--accounts $2 is more than this script runs (at most 1,000,000)" >&2; exit 2; fi
      accounts="$2"; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: $0 [--quick] [--accounts N] (see --help)" >&2; exit 2 ;;
  esac
  shift
done
# --quick sets how many runs; an explicit --accounts wins over its 100 accounts, in whichever order they come.
if [ "$quick" = true ]; then runs=1 cli_runs=1 accounts=${accounts:-100}; else runs=3 cli_runs=5 accounts=${accounts:-10000}; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# GNU time's -v reports the peak resident set; Debian ships it as `time`, not installed everywhere.
if [ ! -x /usr/bin/time ]; then
  echo "== /usr/bin/time (GNU time) is missing: installing Debian's package 'time' with apt-get" >&2
  { apt-get update -qq && apt-get install -y -qq time >/dev/null; } \
    || { echo "could not install GNU time; install it (Debian: apt-get install time) and run again" >&2; exit 1; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== build (Release)"
dotnet build -c Release -v q -nologo benchmarks/ArrSdk.TokenMemory > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
dotnet build -c Release -v q -nologo src/ArrSdk.Cli > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
program=benchmarks/ArrSdk.TokenMemory/bin/Release/net10.0/ArrSdk.TokenMemory
arr=src/ArrSdk.Cli/bin/Release/net10.0/arr

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB," \
  ".NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}'), $(date -u +%F)"

# min, median and max of the numbers on stdin
stats() { sort -n | awk '{v[NR]=$1} END {printf "%s %s %s\n", v[1], v[int((NR+1)/2)], v[NR]}'; }
field() { grep -o " $1=[^ ]*" "$2" | cut -d= -f2; }

echo "== 1. $accounts accounts' tokens cached, $runs run(s)"
: > "$work/results"
for run in $(seq 1 "$runs"); do
  "$program" --accounts "$accounts" > "$work/run.$run.log" || { cat "$work/run.$run.log"; echo "run $run: a check failed" >&2; exit 1; }
  [ "$run" -eq 1 ] && cat "$work/run.1.log"
  grep '^RESULT ' "$work/run.$run.log" >> "$work/results"
done
echo
echo "over $runs run(s), min / median / max:"
for key in after_ws ws_per_account anon_per_account managed_per_account caches_per_account token_per_account; do
  printf '  %-22s %s\n' "$key" "$(field "$key" "$work/results" | stats)"
done
token_chars=$(field token_chars "$work/results" | head -1)

echo
echo "== 2. arr token --emulator (Release, $arr), $cli_runs run(s), /usr/bin/time -v"
# A state file that names no running emulator: each run starts its own in-process emulator, as a first-time user's does.
export ARR_EMULATOR_STATE_FILE="$work/no-emulator.json"
: > "$work/rss" ; : > "$work/elapsed"
for run in $(seq 1 "$cli_runs"); do
  /usr/bin/time -v -o "$work/time.$run" "$arr" token --emulator --json > "$work/token.$run.json" || { cat "$work/time.$run"; echo "arr token --emulator failed" >&2; exit 1; }
  grep -q '"accessToken": "ey' "$work/token.$run.json" || { echo "arr token --emulator printed no token" >&2; exit 1; }
  awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.$run" >> "$work/rss"
  # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:00.71"
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2, p, ":"); s=0; for (i=1; i<=n; i++) s=s*60+p[i]; print s}' "$work/time.$run" >> "$work/elapsed"
done
read -r rss_min rss_med _ < <(stats < "$work/rss")
read -r el_min el_med _ < <(stats < "$work/elapsed")
echo "peak RSS: min $((rss_min / 1024)) MiB, median $((rss_med / 1024)) MiB ($rss_min / $rss_med KiB); wall time: min $el_min s, median $el_med s"

emulator_chars=$(grep -o '"accessToken": "[^"]*"' "$work/token.1.json" | cut -d'"' -f4 | tr -d '\n' | wc -c)
echo "token size: the emulator issues $emulator_chars chars, the measured program cached $token_chars"
if [ "$emulator_chars" -ne "$token_chars" ]; then
  echo "the measured tokens are not the emulator's size: update EmulatorShapedTokens.cs" >&2
  exit 1
fi
if [ "$quick" = true ]; then echo "quick mode: this checks that everything works; its figures are too small to quote"; fi
echo "ok"
