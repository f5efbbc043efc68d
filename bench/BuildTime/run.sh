#!/usr/bin/env bash
# Build-time cost of LlmTelemetry's generator and analyzers under csc, on the synthetic projects of
# bench/LlmTelemetry.BuildBenchmarks (see bench/README.md). Usage: bash bench/BuildTime/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${BUILD_TIME_WORK:-$(mktemp -d)}"
dotnet build "$repo/bench/LlmTelemetry.BuildBenchmarks" -c Release -v:q -nologo
writer="$repo/bench/LlmTelemetry.BuildBenchmarks/bin/Release/net10.0/LlmTelemetry.BuildBenchmarks"
for variant in without with with-redacted-prompts; do
  "$writer" write "$work/$variant" "$variant"
  dotnet restore "$work/$variant/Synthetic.csproj" -v:q
  # Release, as the package ships the generator and analyzers; the first build also builds the referenced projects.
  dotnet build "$work/$variant/Synthetic.csproj" -c Release --no-restore -v:q -nologo
  touch "$work/$variant"/Code/*.cs
  dotnet build "$work/$variant/Synthetic.csproj" -c Release --no-restore --no-dependencies -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$work/$variant.log"
done
for variant in with with-redacted-prompts; do
  echo "== $variant"
  python3 "$here/report.py" "$work/without.log" "$work/$variant.log"
done
