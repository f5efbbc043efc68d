#!/usr/bin/env bash
# Build-time cost of LlmTelemetry's generator and analyzers under csc, on the synthetic projects of
# bench/LlmTelemetry.BuildBenchmarks (see bench/README.md). Usage: bash bench/BuildTime/run.sh
#   BUILD_TIME_ROUNDS (default 3): measured builds per project with ReportAnalyzer; the report takes the median of each
#   figure. 0 skips them (the marginal measurement alone).
#   BUILD_TIME_SERVER (default true): build through the compiler server, warmed first, as `dotnet build` does on a
#   developer's machine; false measures a fresh csc process per build (JIT included, as on a CI agent).
#   BUILD_TIME_MARGINAL_ROUNDS (default 20): rounds of the marginal measurement (marginal.py), without ReportAnalyzer.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${BUILD_TIME_WORK:-$(mktemp -d)}"
rounds="${BUILD_TIME_ROUNDS:-3}"
server="${BUILD_TIME_SERVER:-true}"
variants=(without with with-string-logs with-helper-logs with-overwritten-logs with-flow-logs logger-message)
marginal_rounds="${BUILD_TIME_MARGINAL_ROUNDS:-20}"
# The marginal measurement: these projects also with LlmTelemetry's analyzers off, and with its generated code as plain sources.
# The [LoggerMessage] calibration has two: as shipped, and the logging generator's output as plain sources.
marginal_bases=(with with-helper-logs with-flow-logs logger-message)
forms_of() { # base: its forms, as suffixes of its name ("" is as shipped)
  if [ "$1" = logger-message ]; then forms=("" +generated-sources); else forms=("" +analyzers-off +generated-sources); fi
}
other_forms=()
for base in "${marginal_bases[@]}"; do forms_of "$base"; for form in "${forms[@]:1}"; do other_forms+=("$base$form"); done; done
dotnet build "$repo/bench/LlmTelemetry.BuildBenchmarks" -c Release -v:q -nologo
writer="$repo/bench/LlmTelemetry.BuildBenchmarks/bin/Release/net10.0/LlmTelemetry.BuildBenchmarks"
rebuild() { # project, extra arguments...
  touch "$work/$1"/Code/*.cs
  dotnet build "$work/$1/Synthetic.csproj" -c Release --no-restore --no-dependencies -p:UseSharedCompilation="$server" "${@:2}"
}
for variant in "${variants[@]}" "${other_forms[@]}"; do
  "$writer" write "$work/$variant" "$variant"
  if [ "$variant" = logger-message+generated-sources ]; then
    # What the logging generator adds to the compilation, from csc's own run of it (touched: an up-to-date build
    # would skip csc and write nothing).
    touch "$work/logger-message"/Code/*.cs
    dotnet build "$work/logger-message/Synthetic.csproj" -c Release --no-restore --no-dependencies -p:EmitCompilerGeneratedFiles=true \
      -p:CompilerGeneratedFilesOutputPath="$work/logger-message.generated" -v:q -nologo
    mkdir -p "$work/$variant/Generated"
    find "$work/logger-message.generated" -name '*.cs' -exec cp {} "$work/$variant/Generated/" \;
    [ -n "$(ls -A "$work/$variant/Generated")" ] || { echo "The logging generator wrote no file to $work/logger-message.generated." >&2; exit 1; }
  fi
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
# What LlmTelemetry adds to the build, without ReportAnalyzer's per-callback clock: the three forms of a project are
# built back to back in each round, so a slow spell of the machine falls on all three, starting with another each round.
# Through the compiler server, the CPU time the server spent on the build is read from /proc beside the Csc task's
# wall time: both cores work during a compile, and CPU time is what the work costs, whichever thread waited for whom.
server_cpu() { # "<pid> <user+system clock ticks>" of the compiler server, or nothing
  local pid
  pid="$(pgrep -f VBCSCompiler | head -1 || true)"
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] && awk -v pid="$pid" '{print pid, $14 + $15}' "/proc/$pid/stat"
}
ticks_per_second="$(getconf CLK_TCK)"
mkdir -p "$work/marginal"
for round in $(seq 1 "$marginal_rounds"); do
  for base in "${marginal_bases[@]}"; do
    forms_of "$base"
    for k in "${!forms[@]}"; do
      variant="$base${forms[$(( (k + round) % ${#forms[@]} ))]}"
      log="$work/marginal/$variant.$round.log"
      before="$(server_cpu || true)"
      rebuild "$variant" -v:m -nologo -clp:PerformanceSummary > "$log"
      after="$(server_cpu || true)"
      # Only when one server ran the whole build (it may have started, or restarted, meanwhile).
      if [ "$server" = true ] && [ -n "$before" ] && [ "${before%% *}" = "${after%% *}" ]; then
        echo "Compiler server CPU: $(( ${after##* } - ${before##* } )) ticks of 1/$ticks_per_second s" >> "$log"
      fi
    done
  done
done
if [ "$rounds" -gt 0 ]; then
  for variant in with with-string-logs with-helper-logs with-overwritten-logs with-flow-logs; do
    echo "== $variant"
    python3 "$here/report.py" "$work" "$variant"
  done
  # The calibration the budget names: the logging generator on 1,000 [LoggerMessage] methods, without LlmTelemetry.
  echo "== logger-message"
  python3 "$here/report.py" "$work" logger-message
fi
for variant in "${marginal_bases[@]}"; do
  echo "== $variant, marginal"
  python3 "$here/marginal.py" "$work/marginal" "$variant"
done
