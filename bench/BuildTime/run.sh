#!/usr/bin/env bash
# Build-time cost of LlmTelemetry's generator and analyzers under csc, on the synthetic project of
# bench/LlmTelemetry.BuildBenchmarks (see bench/README.md). Usage: bash bench/BuildTime/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${BUILD_TIME_WORK:-$(mktemp -d)}"
dotnet build "$repo/bench/LlmTelemetry.BuildBenchmarks" -c Release -v:q -nologo
writer="$repo/bench/LlmTelemetry.BuildBenchmarks/bin/Release/net10.0/LlmTelemetry.BuildBenchmarks"
"$writer" write "$work/with" on
"$writer" write "$work/without" off
for variant in without with; do
  dotnet restore "$work/$variant/Synthetic.csproj" -v:q
  # Release, as the package ships the generator and analyzers
  dotnet build "$work/$variant/Synthetic.csproj" -c Release --no-restore -v:q -nologo   # warm: build the referenced projects once
  touch "$work/$variant"/Code/*.cs
  dotnet build "$work/$variant/Synthetic.csproj" -c Release --no-restore --no-dependencies -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$work/$variant.log"
done
python3 "$here/report.py" "$work/without.log" "$work/with.log"
