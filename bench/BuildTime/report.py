#!/usr/bin/env python3
"""Reads two detailed build logs (without and with LlmTelemetry) and prints the compiler's time and each
LlmTelemetry generator's and analyzer's share of it, from csc's -p:ReportAnalyzer=true summary."""
import re
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
    rows = []
    for match in re.finditer(r"^\s*(\d+(?:\.\d+)?)\s+(?:\d+|<1)\s+([\w.]+), Version=", log, re.M):
        if not match.group(2).startswith("LlmTelemetry"):
            rows.append((match.group(2), float(match.group(1))))
    return sorted(rows, key=lambda row: -row[1])


without, with_ = (open(path, encoding="utf-8", errors="replace").read() for path in sys.argv[1:3])
base, compile_ = csc_seconds(without), csc_seconds(with_)
rows = llm_rows(with_)
print(f"Csc without LlmTelemetry: {base:.2f} s; with: {compile_:.2f} s")
print(f"All analyzers: {totals(with_)['analyzer']:.3f} s; all generators: {totals(with_)['generator']:.3f} s")
share_total = 0.0
for name, seconds in rows:
    share_total += seconds
    print(f"  {name:<75} {seconds:7.3f} s  {100 * seconds / compile_:5.1f}%")
print(f"LlmTelemetry total: {share_total:.3f} s = {100 * share_total / compile_:.1f}% of the compile (budget 5%)")
print("For scale, the SDK's own analyzers and generators in the same build:")
for name, seconds in other_assemblies(with_)[:4]:
    print(f"  {name:<75} {seconds:7.3f} s  {100 * seconds / compile_:5.1f}%")
