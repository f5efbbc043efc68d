#!/usr/bin/env python3
"""Reads the detailed build logs run.sh wrote (<dir>/without.N.log and <dir>/<variant>.N.log, one per round) and
prints the compiler's time and each LlmTelemetry generator's and analyzer's share of it, from csc's
-p:ReportAnalyzer=true summary: the median of each figure over the rounds. Usage: report.py <dir> <variant>"""
import glob
import re
import statistics
import sys


def csc_seconds(log):
    # -clp:PerformanceSummary lists task times: "   1234 ms  Csc   1 calls"
    match = re.search(r"^\s*(\d+) ms\s+Csc\s+\d+ calls", log, re.M)
    return int(match.group(1)) / 1000 if match else None


def llm_rows(log):
    rows = []
    for match in re.finditer(r"^\s*(<?\d+(?:\.\d+)?)\s+(\d+|<1)\s+(LlmTelemetry\.Generators\.[\w.]+)(?:\s+\([^)]*\))?\s*$", log, re.M):
        seconds = match.group(1)
        rows.append((match.group(3), 0.0005 if seconds.startswith("<") else float(seconds)))
    return rows


def totals(log):
    found = {}
    for kind in ("analyzer", "generator"):
        match = re.search(rf"Total {kind} execution time:\s*([\d.]+) seconds", log)
        found[kind] = float(match.group(1)) if match else 0.0
    return found


def other_assemblies(log):
    # For scale: the SDK's own analyzers and generators in the same build, one row per assembly.
    # An assembly holding both analyzers and generators is listed in both summaries: keep its larger time.
    rows = {}
    for match in re.finditer(r"^\s*(\d+(?:\.\d+)?)\s+(?:\d+|<1)\s+([\w.]+), Version=", log, re.M):
        if not match.group(2).startswith("LlmTelemetry"):
            rows[match.group(2)] = max(rows.get(match.group(2), 0.0), float(match.group(1)))
    return sorted(rows.items(), key=lambda row: -row[1])


def read(pattern):
    return [open(path, encoding="utf-8", errors="replace").read() for path in sorted(glob.glob(pattern))]


def median_by_name(rows_per_log):
    names = {name for rows in rows_per_log for name, _ in rows}
    medians = {name: statistics.median(dict(rows).get(name, 0.0) for rows in rows_per_log) for name in names}
    return sorted(medians.items(), key=lambda row: -row[1])


def min_by_name(rows_per_log):
    # csc charges an analyzer for the time its callbacks wait on work another thread is doing for the same tree (the
    # bound tree, the operation tree): on a loaded machine one analyzer's figure swings several-fold between rounds.
    # The least over the rounds is the closest to what the analyzer itself costs.
    names = {name for rows in rows_per_log for name, _ in rows}
    return {name: min(dict(rows).get(name, 0.0) for rows in rows_per_log) for name in names}


directory, variant = sys.argv[1:3]
withouts, withs = read(f"{directory}/without.*.log"), read(f"{directory}/{variant}.*.log")
base = statistics.median(csc_seconds(log) for log in withouts)
compile_ = statistics.median(csc_seconds(log) for log in withs)
print(f"Median of {len(withs)} rounds. Csc without LlmTelemetry: {base:.2f} s; with: {compile_:.2f} s")
print(f"All analyzers: {statistics.median(totals(log)['analyzer'] for log in withs):.3f} s; "
      f"all generators: {statistics.median(totals(log)['generator'] for log in withs):.3f} s")
print("Each row: median over the rounds (least in brackets), and its share of the median compile.")
llm_per_log = [llm_rows(log) for log in withs]
least = min_by_name(llm_per_log)
for name, seconds in median_by_name(llm_per_log):
    print(f"  {name:<75} {seconds:7.3f} s  {100 * seconds / compile_:5.1f}%  ({least[name]:.3f} s  {100 * least[name] / compile_:4.1f}%)")
share_total = statistics.median(sum(seconds for _, seconds in rows) for rows in llm_per_log)
least_total = min(sum(seconds for _, seconds in rows) for rows in llm_per_log)
if any(llm_per_log):
    print(f"LlmTelemetry total: {share_total:.3f} s = {100 * share_total / compile_:.1f}% of the compile "
          f"(least round {least_total:.3f} s = {100 * least_total / compile_:.1f}%; budget 5%)")
print("For scale, the SDK's own analyzers and generators in the same build:")
other_per_log = [other_assemblies(log) for log in withs]
least = min_by_name(other_per_log)
for name, seconds in median_by_name(other_per_log)[:4]:
    print(f"  {name:<75} {seconds:7.3f} s  {100 * seconds / compile_:5.1f}%  ({least[name]:.3f} s  {100 * least[name] / compile_:4.1f}%)")
