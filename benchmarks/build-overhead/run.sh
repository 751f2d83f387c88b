#!/usr/bin/env bash
# Build-time overhead of ArrSdk.Generators on a consumer project (issue 7), against the same project with the
# generator's output checked in. See README.md beside this script for what is measured and how to read it.
#
#   benchmarks/build-overhead/run.sh                 # full run: 10 timed rounds, a few minutes on 2 cores
#   benchmarks/build-overhead/run.sh --rounds 1      # quick mode (CI): every step once
#
# Options: --rounds N (timed incremental builds per variant, default 10), --analyzer-rounds N (builds per variant with
# -p:ReportAnalyzer=true on the warm server, default 5), --cold-rounds N (builds per variant with no compiler server,
# default 5), --warmup N (untimed builds per variant first, default 2), --driver-runs N (default 20), --work DIR (keep
# everything there instead of a temporary folder that is deleted), --out FILE (also write the tables there).
# The other round counts never exceed --rounds, so --rounds 1 runs each step once.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

rounds=10 analyzer_rounds=5 cold_rounds=5 warmup=2 driver_runs=20 work="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds|--analyzer-rounds|--cold-rounds|--warmup|--driver-runs|--work|--out)
      if [ $# -lt 2 ]; then echo "$1 needs a value (see --help)" >&2; exit 2; fi ;;
  esac
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --analyzer-rounds) analyzer_rounds=$2; shift 2 ;;
    --cold-rounds) cold_rounds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --driver-runs) driver_runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for pair in "--rounds=$rounds" "--analyzer-rounds=$analyzer_rounds" "--cold-rounds=$cold_rounds" "--warmup=$warmup" "--driver-runs=$driver_runs"; do
  n=${pair#*=}
  case "$n" in ''|*[!0-9]*|0) echo "${pair%%=*} must be a positive whole number, not '$n'" >&2; exit 2 ;; esac
  if [ "${#n}" -gt 4 ]; then echo "${pair%%=*} $n is more rounds than this script runs (at most 9999)" >&2; exit 2; fi
done
if [ -n "$out" ] && [ -d "$out" ]; then
  echo "--out $out is a folder; give a file name to write the tables to" >&2
  exit 2
fi
if [ -n "$out" ] && [ ! -d "$(dirname "$out")" ]; then
  echo "--out $out: the folder $(dirname "$out") does not exist" >&2
  exit 2
fi
if [ -n "$work" ] && [ -e "$work" ] && [ ! -d "$work" ]; then
  echo "--work $work is a file, not a folder; give a new or empty folder" >&2
  exit 2
fi
min() { [ "$1" -lt "$2" ] && echo "$1" || echo "$2"; }
analyzer_rounds=$(min "$analyzer_rounds" "$rounds")
cold_rounds=$(min "$cold_rounds" "$rounds")
warmup=$(min "$warmup" "$rounds")
if [ "$rounds" -eq 1 ]; then driver_runs=3; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

keep=1
if [ -z "$work" ]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/arrsdk-build-overhead.XXXXXX")
  keep=0
else
  # The folder is emptied of earlier results, so take only an empty one or one this script made before (its marker).
  if [ -d "$work" ] && [ -n "$(ls -A "$work")" ] && [ ! -f "$work/.arrsdk-build-overhead" ]; then
    echo "--work $work is not empty and was not made by this script; give a new or empty folder" >&2
    exit 2
  fi
  mkdir -p "$work"
  work=$(cd "$work" && pwd)
  touch "$work/.arrsdk-build-overhead"
  rm -rf "${work:?}"/{A,B,driver,feed,logs,data,packages}
fi
logs=$work/logs data=$work/data
mkdir -p "$logs" "$data"

# The measured builds use the shared compiler server (VBCSCompiler), whatever the environment says (some CI machines
# set UseSharedCompilation=false). If this script is what starts the server, it shuts it down at the end.
server_was_running=0
if pgrep -u "$(id -u)" -f VBCSCompiler.dll >/dev/null 2>&1; then server_was_running=1; fi
cleanup() {
  if [ "$server_was_running" -eq 0 ]; then dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true; fi
  if [ "$keep" -eq 0 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

fail() { echo "build-overhead: $*" >&2; exit 1; }
step() { echo "== $*"; }
# Runs a command with its output in a log file; on failure shows the end of the log.
logged() {
  local log=$1; shift
  if ! "$@" >"$log" 2>&1; then tail -40 "$log" >&2; fail "failed: $* (log: $log)"; fi
}
no_warnings() {
  if grep -E ": warning [A-Z]+[0-9]+" "$1" >/dev/null; then grep -E ": warning [A-Z]+[0-9]+" "$1" | sort -u >&2; fail "warnings in $1"; fi
}

# Every build below: no restore, no lingering MSBuild nodes, the compiler server unless a step says otherwise.
build_flags=(--no-restore -nologo -nodeReuse:false -p:UseSharedCompilation=true)

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
sdk=$(dotnet --version)
load() { cut -d' ' -f1 /proc/loadavg; }
load_start=$(load)
step "machine: $(nproc) cores, ${cpu:-unknown CPU}, .NET SDK $sdk, load average $load_start; work folder $work"

# --- 1. The generator as a package consumer gets it -----------------------------------------------------------
step "pack ArrSdk.Generators into a local feed"
logged "$logs/pack.log" dotnet pack "$repo/packaging/ArrSdk.Generators.Package" -c Release -o "$work/feed" -nologo
package=$(cd "$work/feed" && ls ArrSdk.Generators.*.nupkg | head -1)
[ -n "$package" ] || fail "no ArrSdk.Generators package in $work/feed"
version=${package#ArrSdk.Generators.}
version=${version%.nupkg}

# The temporary folder is its own little repository: the repo's SDK pin, nothing inherited from folders above, a
# package folder of its own (so a stale ArrSdk.Generators of the same version elsewhere cannot be picked up).
cp "$repo/global.json" "$work/global.json"
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
cat > "$work/NuGet.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$work/packages" />
  </config>
  <packageSources>
    <add key="arrsdk-build-overhead" value="$work/feed" />
  </packageSources>
</configuration>
EOF

# --- 2. Variant A: the generator and the specs -----------------------------------------------------------------
step "variant A: ArrSdk.Generators $version, specs/sts.api.json and specs/arr.api.json as AdditionalFiles"
mkdir -p "$work/A/specs"
cp "$repo/specs/sts.api.json" "$repo/specs/arr.api.json" "$work/A/specs/"
cp "$here/template/Program.cs" "$work/A/Program.cs"
sed "s/@ARRSDK_GENERATORS_VERSION@/$version/" "$here/template/A.csproj" > "$work/A/Consumer.csproj"
logged "$logs/A-first.log" dotnet build "$work/A" -nologo -nodeReuse:false -p:UseSharedCompilation=true -p:EmitCompilerGeneratedFiles=true
no_warnings "$logs/A-first.log"

# The package's ARR0001 guard is in force in A: a pretended older compiler fails the build with it.
if dotnet build "$work/A" "${build_flags[@]}" -p:ArrSdkCompilerVersionOverride=5.8 >"$logs/A-guard.log" 2>&1; then
  fail "variant A built with a pretended Roslyn 5.8; the ARR0001 guard is not in force"
fi
grep -q "error ARR0001" "$logs/A-guard.log" || { tail -20 "$logs/A-guard.log" >&2; fail "the pretended Roslyn 5.8 build failed without ARR0001"; }
echo "ok: ARR0001 guard in force (a pretended Roslyn 5.8 fails the build)"

# --- 3. Variant B: our generator's output checked in ------------------------------------------------------------
# Pre-compilation outputs are written under obj/generated like any generator's; only ours are taken.
ours="$work/A/obj/Debug/net10.0/generated/ArrSdk.Generators/ArrSdk.Generators.ArrSdkGenerator"
ls "$ours"/*.cs >/dev/null 2>&1 || fail "EmitCompilerGeneratedFiles wrote no ArrSdk.Generators sources under $ours"
refit=$(grep -o '"Refit/[0-9][^"]*"' "$work/A/obj/project.assets.json" | head -1 | tr -d '"')
refit=${refit#Refit/}
[ -n "$refit" ] || fail "cannot tell which Refit variant A resolved"
mkdir -p "$work/B/Generated"
cp "$ours"/*.cs "$work/B/Generated/"
cp "$here/template/Program.cs" "$work/B/Program.cs"
sed "s/@REFIT_VERSION@/$refit/" "$here/template/B.csproj" > "$work/B/Consumer.csproj"
files=$(ls "$work/B/Generated" | wc -l)
chars=$(cat "$work/B/Generated"/*.cs | wc -c)
step "variant B: no ArrSdk.Generators, its $files sources ($chars bytes) checked in under Generated/, Refit $refit"
logged "$logs/B-first.log" dotnet build "$work/B" -nologo -nodeReuse:false -p:UseSharedCompilation=true
no_warnings "$logs/B-first.log"

# Same program, same types: run both and compare what they print, then their types and public members.
run_a=$(dotnet "$work/A/bin/Debug/net10.0/Consumer.dll") || fail "variant A's program failed"
run_b=$(dotnet "$work/B/bin/Debug/net10.0/Consumer.dll") || fail "variant B's program failed"
[ "$run_a" = "$run_b" ] || { printf 'A:\n%s\nB:\n%s\n' "$run_a" "$run_b" >&2; fail "the two programs print different things"; }
echo "$run_a" | grep -q "token: OK canned-token" || fail "unexpected output: $run_a"
dotnet "$work/A/bin/Debug/net10.0/Consumer.dll" --api > "$data/A.api"
dotnet "$work/B/bin/Debug/net10.0/Consumer.dll" --api > "$data/B.api"
diff -u "$data/A.api" "$data/B.api" > "$data/api.diff" || { head -40 "$data/api.diff" >&2; fail "A and B differ in types or public members"; }
echo "ok: both variants build with no warning, print the same and have the same $(grep -vc ' :: \| @ ' "$data/A.api") types and $(grep -c ' :: ' "$data/A.api") public members"

# --- 4. Measurements ---------------------------------------------------------------------------------------------
# A new value each time (a counter would not survive the subshells that time builds).
edit() { sed -i "s|^// edit: .*|// edit: $(date +%s%N)|" "$work/$1/Program.cs"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# One incremental build of variant $1 after an edit of Program.cs; extra MSBuild arguments follow. Prints the wall time.
timed_build() {
  local v=$1 log=$2; shift 2
  edit "$v"
  local start end
  start=$(now_ms)
  dotnet build "$work/$v" "${build_flags[@]}" "$@" >"$log" 2>&1 || { tail -40 "$log" >&2; fail "build of $v failed (log: $log)"; }
  end=$(now_ms)
  echo $((end - start))
}
# The Csc task's time from a performance summary; fails when Csc did not run (the build would not have compiled).
csc_ms() {
  local ms
  ms=$(awk '/Task Performance Summary/ { t = 1 } t && $3 == "Csc" { print $1; exit }' "$1")
  [ -n "$ms" ] || fail "Csc did not run in $1"
  echo "$ms"
}
# Per-generator seconds from a detailed log of a -p:ReportAnalyzer=true build, as "name seconds" lines: the driver's
# total first, then each generator assembly, then what the total has beyond their sum ("unattributed": the
# pre-compilation phase, where ArrSdk.Generators does its work, is not attributed to any generator).
generator_seconds() {
  awk '
    function close_section() { if (g) printf "unattributed %.3f\n", total - sum; g = 0 }
    /Total generator execution time:/ {
      total = $0; sub(/.*time: /, "", total); sub(/ .*/, "", total); total += 0
      print "total", total; g = 1; sum = 0; next
    }
    g && (/Time \(s\)/ || /^[[:space:]]*$/) { next }
    g && /Version=/ { name = $3; sub(/,$/, "", name); s = $1; if (s ~ /^</) s = 0; print name, s; sum += s; next }
    g && !/^[[:space:]]*<?[0-9.]+[[:space:]]/ { close_section() }
    END { close_section() }
  ' "$1"
}
record_generators() {
  local v=$1 kind=$2 log=$3 name s found=0
  while read -r name s; do
    found=1
    echo "$s" >> "$data/$kind.$v.gen.$name"
  done < <(generator_seconds "$log")
  [ "$found" -eq 1 ] || fail "no generator timings in $log (ReportAnalyzer)"
}
order() { if [ $(($1 % 2)) -eq 1 ]; then echo "A B"; else echo "B A"; fi; }

step "warm-up: $warmup untimed incremental build(s) of each variant (compiler server warm)"
for r in $(seq 1 "$warmup"); do
  for v in $(order "$r"); do timed_build "$v" "$logs/warmup-$r-$v.log" >/dev/null; done
done

step "timed: $rounds round(s), each an edit of Program.cs and 'dotnet build --no-restore' of A and of B (ABBA order)"
for r in $(seq 1 "$rounds"); do
  line="round $r:"
  for v in $(order "$r"); do
    log="$logs/timed-$r-$v.log"
    wall=$(timed_build "$v" "$log" -v:q -clp:PerformanceSummary)
    csc=$(csc_ms "$log")
    echo "$wall" >> "$data/timed.$v.wall"
    echo "$csc" >> "$data/timed.$v.csc"
    line="$line $v ${wall} ms (Csc ${csc} ms)"
  done
  echo "$line"
done

step "compiler's own accounting, warm server: $analyzer_rounds round(s) with -p:ReportAnalyzer=true"
for r in $(seq 1 "$analyzer_rounds"); do
  for v in $(order "$r"); do
    log="$logs/analyzer-$r-$v.log"
    timed_build "$v" "$log" -p:ReportAnalyzer=true -v:d >/dev/null
    grep -q "CompilerServer: server - server processed compilation" "$log" || fail "the warm-server build did not use the compiler server ($log)"
    record_generators "$v" warm "$log"
  done
done
# Ours runs in A only; Refit's and System.Text.Json's in both.
grep -q "ArrSdk.Generators.ArrSdkGenerator" "$logs/analyzer-1-A.log" || fail "ArrSdk.Generators did not run in A"
if grep -q "ArrSdk.Generators" "$logs/analyzer-1-B.log"; then fail "ArrSdk.Generators ran in B"; fi
for v in A B; do
  grep -q "Refit.Generator.InterfaceStubGeneratorV2" "$logs/analyzer-1-$v.log" || fail "Refit's generator did not run in $v"
  grep -q "System.Text.Json.SourceGeneration.JsonSourceGenerator" "$logs/analyzer-1-$v.log" || fail "System.Text.Json's generator did not run in $v"
done
compiler=$(grep -m1 -o "Visual C# Compiler version [^ ]*" "$logs/analyzer-1-A.log" | awk '{ print $NF }')

step "no compiler server: $cold_rounds round(s) with -p:UseSharedCompilation=false -p:ReportAnalyzer=true (a new csc each build)"
for r in $(seq 1 "$cold_rounds"); do
  line="round $r:"
  for v in $(order "$r"); do
    log="$logs/cold-$r-$v.log"
    wall=$(timed_build "$v" "$log" -p:UseSharedCompilation=false -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary)
    grep -q "CompilerServer: tool - using command line tool by design" "$log" || fail "the cold build used a compiler server ($log)"
    csc=$(csc_ms "$log")
    echo "$wall" >> "$data/cold.$v.wall"
    echo "$csc" >> "$data/cold.$v.csc"
    record_generators "$v" cold "$log"
    line="$line $v ${wall} ms (Csc ${csc} ms)"
  done
  echo "$line"
done

step "ArrSdk.Generators alone through Roslyn's GeneratorDriver ($driver_runs runs), and a check of the checked-in sources"
cp -r "$here/driver" "$work/driver"
rm -rf "$work/driver/bin" "$work/driver/obj"
logged "$logs/driver-build.log" dotnet build "$work/driver" -c Release -nologo -nodeReuse:false -p:UseSharedCompilation=true
no_warnings "$logs/driver-build.log"
generator_dll=$(ls "$work/packages/arrsdk.generators/$version/analyzers/dotnet/roslyn5.9/cs/ArrSdk.Generators.dll")
refit_dll=$(ls "$work/packages/refit/$refit/lib/net10.0/Refit.dll")
logged "$logs/driver.log" dotnet "$work/driver/bin/Release/net10.0/GeneratorTiming.dll" \
  --generator "$generator_dll" --spec "$work/A/specs/sts.api.json" --spec "$work/A/specs/arr.api.json" \
  --source "$work/A/Program.cs" --reference "$refit_dll" --compare "$work/B/Generated" --runs "$driver_runs"
cat "$logs/driver.log"
grep -q "differing=0 extra=0" "$logs/driver.log" || fail "the checked-in sources are not exactly what the generator produces"

# --- 5. Tables -----------------------------------------------------------------------------------------------------
# Each round appended A's and B's figure to files of their own, so line n of the two files is one ABBA round.
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -n | head -1; }
paired() { paste -d' ' "$1" "$2" | awk '{ print $1 - $2 }' | median; }
build_row() { # label, kind (timed|cold), measure (wall|csc)
  local a=$data/$2.A.$3 b=$data/$2.B.$3
  awk -v l="$1" -v am="$(median < "$a")" -v bm="$(median < "$b")" -v d="$(paired "$a" "$b")" \
      -v an="$(minimum < "$a")" -v bn="$(minimum < "$b")" \
      'BEGIN { printf "| %s | %.0f | %.0f | %+.0f | %.3f | %.0f | %.0f |\n", l, am, bm, d, am / bm, an, bn }'
}
ms() { # median of a file of seconds, in ms; "–" when that generator did not run in that variant
  [ -f "$1" ] || { echo "–"; return; }
  median < "$1" | awk '{ if ($1 == 0) print "<1"; else printf "%.0f\n", $1 * 1000 }'
}
paired_ms() {
  [ -f "$1" ] && [ -f "$2" ] || { echo "–"; return; }
  paired "$1" "$2" | awk '{ printf "%+.0f\n", $1 * 1000 }'
}
gen_row() { # label, generator assembly (or total, unattributed)
  local w=$data/warm c=$data/cold
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" \
    "$(ms "$w.A.gen.$2")" "$(ms "$w.B.gen.$2")" "$(paired_ms "$w.A.gen.$2" "$w.B.gen.$2")" \
    "$(ms "$c.A.gen.$2")" "$(ms "$c.B.gen.$2")" "$(paired_ms "$c.A.gen.$2" "$c.B.gen.$2")"
}
ours_ms() { # ArrSdk.Generators as the compiler accounts it: its attributed time plus A - B of the unattributed time
  awk -v a="$(median < "$data/$1.A.gen.ArrSdk.Generators")" -v d="$(paired "$data/$1.A.gen.unattributed" "$data/$1.B.gen.unattributed")" \
    'BEGIN { printf "%.0f", (a + d) * 1000 }'
}
driver_row() {
  awk -v k="$1" -v l="$2" '$1 == k {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "| %s | %.1f | %.1f | %.2f |\n", l, v["stopwatch_ms"], v["driver_ms"], v["generator_ms"] }' "$logs/driver.log"
}

# Before anything of ours ran, the load shows whether other work shared the machine (a previous run of this script
# leaves about 1 on the 1-minute average for a minute or two).
busy=""
if awk -v a="$load_start" -v n="$(nproc)" 'BEGIN { exit !(a > 0.75 * n) }'; then
  busy=" Other work was running (load above 3/4 of the cores), so the times are noisier than usual."
fi
plural() { [ "$1" -eq 1 ] && echo "1 round" || echo "$1 rounds"; }
quick=""
if [ "$rounds" -eq 1 ]; then
  quick=" Quick mode (--rounds 1): every step ran once, to check that it works; do not quote these figures."
fi
tables=$(
  echo
  echo "### Build overhead of ArrSdk.Generators $version: A (generator + specs) vs B (its output checked in)"
  echo
  echo "$(nproc) cores, ${cpu:-unknown CPU}, .NET SDK $sdk, Roslyn $compiler, Refit $refit; $files generated sources ($chars bytes) from specs/sts.api.json and specs/arr.api.json. Load average (1 min) before the run: $load_start.$busy$quick"
  echo
  echo "Incremental build: edit Program.cs, \`dotnet build --no-restore\`; A and B alternate (ABBA). ms; A − B is the median of the rounds' own differences."
  echo
  echo "| build | A median | B median | A − B | A / B | A min | B min |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  build_row "wall, warm server ($(plural "$rounds"))" timed wall
  build_row "Csc task, warm server" timed csc
  build_row "wall, no server ($(plural "$cold_rounds"))" cold wall
  build_row "Csc task, no server" cold csc
  echo
  echo "The compiler's accounting (\`-p:ReportAnalyzer=true\`), ms, medians of $analyzer_rounds builds on the warm server and $cold_rounds with no server:"
  echo
  echo "| generator | A warm | B warm | A − B | A no server | B no server | A − B |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  gen_row "ArrSdk.Generators (attributed to it)" ArrSdk.Generators
  gen_row "Refit InterfaceStubGeneratorV2" InterfaceStubGeneratorV2
  gen_row "System.Text.Json source generator" System.Text.Json.SourceGeneration
  gen_row "not attributed to a generator (pre-compilation phase, driver)" unattributed
  gen_row "all generators (driver's total)" total
  echo
  echo "ArrSdk.Generators as the compiler accounts it (attributed time + A − B of the unattributed time): **$(ours_ms warm) ms** per incremental build on a warm server, **$(ours_ms cold) ms** per build with no server."
  echo
  echo "ArrSdk.Generators alone through Roslyn's GeneratorDriver, ms (median of $driver_runs; 'attributed' is what ReportAnalyzer would show for it):"
  echo
  echo "| run | stopwatch | driver total | attributed |"
  echo "| --- | ---: | ---: | ---: |"
  driver_row first "first in the process (our code JIT-compiled)"
  driver_row fresh "new driver, warm code (first build in a server)"
  driver_row cached-server "driver kept after an edit, new spec objects (incremental build, warm server)"
  driver_row cached-same-texts "driver kept after an edit, same spec objects (as in an IDE)"
)
echo "$tables"
if [ -n "$out" ]; then echo "$tables" > "$out"; fi
if [ "$keep" -eq 1 ]; then echo; echo "logs and raw figures: $logs, $data"; fi
