#!/usr/bin/env python3
"""Reads the build logs of run.sh's marginal measurement (<dir>/<variant>.N.log, <variant>+analyzers-off.N.log and
<variant>+generated-sources.N.log, one per round, built without ReportAnalyzer) and prints what LlmTelemetry adds to
the build: its analyzers (as shipped minus analyzers off), its generator (analyzers off minus the generated code as
plain sources) and both; for the [LoggerMessage] calibration, the logging generator (as shipped minus its output as
plain sources). Two measures: the compiler server's CPU time for the build (when run.sh could read it) and the Csc
task's wall time. Each difference is taken within one round, where the forms were built back to back; printed are
its median over the rounds and its mean with a 95 % interval (mean +- Student's t standard errors), as a share of the
median build as shipped. Usage: marginal.py <dir> <variant>"""
import glob
import math
import re
import statistics
import sys

# Student's t, two-sided 95 %, for 1 to 30 degrees of freedom; 1.96 would be too narrow for a few rounds.
T_95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def t_95(degrees):
    if degrees <= len(T_95):
        return T_95[degrees - 1]
    z = 1.959964  # beyond the table, the Cornish-Fisher expansion around the normal quantile
    return z + (z ** 3 + z) / (4 * degrees) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * degrees ** 2)


def measures(path):
    # -clp:PerformanceSummary lists task times: "   1234 ms  Csc   1 calls"; run.sh appends the server's CPU time.
    log = open(path, encoding="utf-8", errors="replace").read()
    wall = re.search(r"^\s*(\d+) ms\s+Csc\s+\d+ calls", log, re.M)
    if wall is None:
        sys.exit(f"{path}: no Csc task time (did the build fail?)")
    found = {"Csc wall time": int(wall.group(1)) / 1000}
    cpu = re.search(r"^Compiler server CPU: (-?\d+) ticks of 1/(\d+) s", log, re.M)
    if cpu is not None:
        found["compiler server CPU"] = int(cpu.group(1)) / int(cpu.group(2))
    return found


def by_round(directory, name):
    found = {}
    for path in glob.glob(f"{directory}/{glob.escape(name)}.*.log"):
        round_ = path[len(f"{directory}/{name}."):-len(".log")]
        if round_.isdigit():
            found[int(round_)] = measures(path)
    return found


def report(measure, shipped, off, plain):
    rounds = sorted(r for r in set(shipped) & set(plain) & (set(off) if off else set(shipped))
                    if all(measure in forms[r] for forms in ([shipped, plain] + ([off] if off else []))))
    if len(rounds) < 2:
        print(f"{measure}: fewer than two rounds with every form")
        return
    def median_of(times):
        return statistics.median(times[r][measure] for r in rounds)
    build = median_of(shipped)
    forms = [("as shipped", shipped)] + ([("analyzers off", off)] if off else []) + [("generated code as plain sources", plain)]
    print(f"{measure}, {len(rounds)} rounds, median: " + "; ".join(f"{name} {median_of(times):.2f} s" for name, times in forms))
    if off:
        differences = [
            ("LlmTelemetry's analyzers", shipped, off),
            ("LlmOperationGenerator", off, plain),
            ("All of LlmTelemetry", shipped, plain),
        ]
    else:
        differences = [("The logging generator", shipped, plain)]
    for label, more, less in differences:
        values = [more[r][measure] - less[r][measure] for r in rounds]
        mean = statistics.mean(values)
        half = t_95(len(values) - 1) * statistics.stdev(values) / math.sqrt(len(values))
        print(f"  {label:<26} median {statistics.median(values):+.3f} s {100 * statistics.median(values) / build:+5.1f} %;"
              f" mean {100 * mean / build:+5.1f} % (95 % interval {100 * (mean - half) / build:+5.1f} to {100 * (mean + half) / build:+5.1f} %)")


directory, variant = sys.argv[1:3]
shipped = by_round(directory, variant)
off = by_round(directory, f"{variant}+analyzers-off")
plain = by_round(directory, f"{variant}+generated-sources")
if not shipped or not plain:
    sys.exit(f"{directory}: no logs of {variant} and {variant}+generated-sources")
for measure in ("compiler server CPU", "Csc wall time"):
    report(measure, shipped, off, plain)
