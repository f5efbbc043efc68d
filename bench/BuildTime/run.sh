#!/usr/bin/env bash
# Build-time cost of LlmTelemetry's generator and analyzers under csc, on the synthetic projects of
# bench/LlmTelemetry.BuildBenchmarks (see bench/README.md). Usage: bash bench/BuildTime/run.sh
#   BUILD_TIME_ROUNDS (default 3): measured builds per project; the report takes the median of each figure.
#   BUILD_TIME_SERVER (default true): build through the compiler server, warmed first, as `dotnet build` does on a
#   developer's machine; false measures a fresh csc process per build (JIT included, as on a CI agent).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${BUILD_TIME_WORK:-$(mktemp -d)}"
rounds="${BUILD_TIME_ROUNDS:-3}"
server="${BUILD_TIME_SERVER:-true}"
variants=(without with with-string-logs with-helper-logs with-overwritten-logs with-flow-logs logger-message)
dotnet build "$repo/bench/LlmTelemetry.BuildBenchmarks" -c Release -v:q -nologo
writer="$repo/bench/LlmTelemetry.BuildBenchmarks/bin/Release/net10.0/LlmTelemetry.BuildBenchmarks"
rebuild() { # project, extra arguments...
  touch "$work/$1"/Code/*.cs
  dotnet build "$work/$1/Synthetic.csproj" -c Release --no-restore --no-dependencies -p:UseSharedCompilation="$server" "${@:2}"
}
for variant in "${variants[@]}"; do
  "$writer" write "$work/$variant" "$variant"
  dotnet restore "$work/$variant/Synthetic.csproj" -v:q
  # Release, as the package ships the generator and analyzers; the first build also builds the referenced projects.
  dotnet build "$work/$variant/Synthetic.csproj" -c Release --no-restore -p:UseSharedCompilation="$server" -v:q -nologo
  rebuild "$variant" -v:q -nologo > /dev/null
done
# Rounds alternate between the projects, so that a slow spell of a shared machine does not fall on one of them.
for round in $(seq 1 "$rounds"); do
  for variant in "${variants[@]}"; do
    rebuild "$variant" -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$work/$variant.$round.log"
  done
done
for variant in with with-string-logs with-helper-logs with-overwritten-logs with-flow-logs; do
  echo "== $variant"
  python3 "$here/report.py" "$work" "$variant"
done
# The calibration the budget names: the logging generator on 1,000 [LoggerMessage] methods, without LlmTelemetry.
echo "== logger-message"
python3 "$here/report.py" "$work" logger-message
