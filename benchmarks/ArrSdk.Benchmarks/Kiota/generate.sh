#!/usr/bin/env bash
# Regenerates the Kiota clients the benchmarks compare against, from the official OpenAPI (Swagger 2.0) descriptions in
# ../shared/realdata, with the Kiota version pinned in .config/dotnet-tools.json. The output is committed so that the
# benchmark builds without the tool; `generate.sh --check` regenerates into a temporary folder and fails if the
# committed files differ, which is how .ci/run proves they are Kiota's unedited output.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
here="benchmarks/ArrSdk.Benchmarks/Kiota"
specs="../shared/realdata/azure-rest-api-specs/data-plane/Microsoft.MixedReality"
cd "$repo"

target="$here"
case "${1:-}" in
  "") ;;
  --check)
    scratch="$(mktemp -d)"
    trap 'rm -rf "$scratch"' EXIT
    target="$scratch/Kiota" ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

export KIOTA_OFFLINE_ENABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore > /dev/null

# Kiota derives a fallback base URL from the folder the description is read from (the official descriptions name no
# host), so the same description read from another clone would generate different code. Reading copies from one fixed
# folder keeps the output the same on every machine; the benchmarks always set the base URL themselves.
descriptions=/tmp/arrsdk-kiota-descriptions
mkdir -p "$descriptions"
exec 9> "$descriptions/.lock"
flock 9
cp "$specs/preview/2019-02-28-preview/mr-sts.json" "$descriptions/mr-sts.json"
cp "$specs/stable/2021-01-01/mr-arr.json" "$descriptions/mr-arr.json"

generate() { # description, client class, namespace suffix, output folder
  dotnet kiota generate --language CSharp --openapi "$1" --class-name "$2" --namespace-name "ArrSdk.Benchmarks.Kiota.$3" \
    --output "$4" --exclude-backward-compatible --clean-output --log-level Error > /dev/null 2>&1 \
    || { echo "kiota failed for $1" >&2; exit 1; }
  rm -f "$4/.kiota.log"
}

generate "$descriptions/mr-sts.json" KiotaStsClient Sts "$target/Sts"
generate "$descriptions/mr-arr.json" KiotaArrClient Arr "$target/Arr"

if [ "$target" != "$here" ]; then
  # kiota-lock.json records where the description was read from, relative to the output folder; compare the rest.
  if ! diff -r -q -x kiota-lock.json -x generate.sh -x README.md "$here" "$target" > /dev/null; then
    diff -r -x kiota-lock.json -x generate.sh -x README.md "$here" "$target" | head -40 >&2 || true
    echo "The committed Kiota clients differ from what Kiota generates now; run $here/generate.sh" >&2
    exit 1
  fi
  echo "ok: the committed Kiota clients are Kiota's output"
fi
