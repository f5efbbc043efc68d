#!/usr/bin/env bash
# Build-time cost of LlmTelemetry's generator and analyzers on a synthetic project (see README.md).
# Usage: bash bench/BuildTime/run.sh   (FILES and METHODS_PER_FILE override the size)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${BUILD_TIME_WORK:-$(mktemp -d)}"
python3 "$here/generate.py" "$work/with" on
python3 "$here/generate.py" "$work/without" off
for variant in without with; do
  dotnet restore "$work/$variant/Synthetic.csproj" -v:q
  dotnet build "$work/$variant/Synthetic.csproj" --no-restore -v:q -nologo   # warm: build the referenced projects once
  touch "$work/$variant"/Code/*.cs
  dotnet build "$work/$variant/Synthetic.csproj" --no-restore --no-dependencies -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$work/$variant.log"
done
python3 "$here/report.py" "$work/without.log" "$work/with.log"
