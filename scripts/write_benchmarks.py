#!/usr/bin/env python3
"""Writes BENCHMARKS.md from Google Benchmark JSON files (median of the repetitions).

Usage: write_benchmarks.py RESULTS_DIR OUT.md
Each figure's target lives in TARGETS below, next to the issue that asked for it.
"""
import datetime
import glob
import json
import os
import platform
import sys

# benchmark name -> (issue, what it measures, target in ms)
TARGETS = {
    "BM_RippleDeleteEdit": ("Foundation", "one edit: ripple delete at the head of a 10,000-clip sequence", 1.0),
    "BM_RippleDeleteUndo": ("Foundation", "undo of that ripple delete", 1.0),
    "BM_RazorEdit": ("Foundation", "one edit: razor through V1+A1 mid-sequence (10,000 clips)", 1.0),
    "BM_RazorUndo": ("Foundation", "undo of that razor", 1.0),
    "BM_Save": ("Foundation", "save a 10,000-clip project (atomic)", 300.0),
    "BM_Load": ("Foundation", "load + validate a 10,000-clip project", 300.0),
}

UNIT_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def medians(results_dir):
    rows = {}
    for path in sorted(glob.glob(os.path.join(results_dir, "*.json"))):
        data = json.load(open(path))
        for b in data["benchmarks"]:
            if b.get("aggregate_name") != "median":
                continue
            name = b["run_name"].split("/")[0]
            rows[name] = b["real_time"] * UNIT_MS[b["time_unit"]]
    return rows


def main():
    results_dir, out = sys.argv[1], sys.argv[2]
    rows = medians(results_dir)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmarks",
        "",
        "Written by `scripts/bench` (release build, Google Benchmark, median of 5 repetitions).",
        "These machines are shared and noisy: compare figures from one run, not across runs.",
        "",
        f"- Machine: {cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"- Date: {now}",
        "",
        "| Issue | Figure | Measured | Target | Result |",
        "|---|---|---|---|---|",
    ]
    failed = 0
    for name, (issue, what, target) in TARGETS.items():
        if name not in rows:
            lines.append(f"| {issue} | {what} | not run | <= {target:g} ms | MISSING |")
            failed += 1
            continue
        ms = rows[name]
        ok = ms <= target
        failed += 0 if ok else 1
        lines.append(f"| {issue} | {what} | {ms:.3f} ms | <= {target:g} ms | {'pass' if ok else 'FAIL'} |")
    open(out, "w").write("\n".join(lines) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
