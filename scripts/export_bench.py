#!/usr/bin/env python3
"""Export figures of issue 7, in Google Benchmark's JSON shape for write_benchmarks.py.

Usage: export_bench.py BUILD_DIR RESULTS_DIR [RUNS]
On the full-size demo project (kept in BUILD_DIR/bench-demo):
  1. `export --preset youtube-1080p` of 4 s against postline_x264_alone encoding the same 96 frames
     with the same preset's settings (rate control, profile, GOP; video only), in pairs A B A B:
     the median of the per-pair ratios (a drifting machine cancels out).
  2. six presets in one `export` (render once, encode many) against the six exported one by one,
     in pairs: the median ratio.
  3. the peak resident memory of `export --preset youtube-4k` of 4 s (the process's own ru_maxrss).
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

RANGE = "00:00:00:00-00:00:04:00"
SIX = ["youtube-1080p", "instagram-feed", "reels", "linkedin-16x9", "linkedin-1x1", "master-dnxhr"]


def run(cmd):
    """Wall seconds and peak RSS (MiB) of one child process."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(cmd)}")
    return wall, usage.ru_maxrss / 1024.0


def export(cli, project, presets, out_dir, rng=RANGE):
    cmd = [cli, "export", project, "--range", rng, "--out-dir", out_dir]
    for p in presets:
        cmd += ["--preset", p]
    return cmd


def row(name, ms, **counters):
    return dict({"run_name": name, "aggregate_name": "median", "real_time": ms, "time_unit": "ms"}, **counters)


def main():
    build, results = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    cli = os.path.join(build, "app", "postline-cli")
    x264 = os.path.join(build, "tests", "bench", "postline_x264_alone")
    demo = os.path.join(build, "bench-demo")
    project = os.path.join(demo, "Origin_Coffee_Commercial.postline")
    if not os.path.exists(project):
        subprocess.run([cli, "demo", demo], check=True, stdout=subprocess.DEVNULL)
    out = os.path.join(demo, "export-bench")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    # The frames x264 alone encodes: the exported 1080p delivery decoded back to raw 4:2:0.
    run(export(cli, project, ["youtube-1080p"], out))
    delivered = [f for f in os.listdir(out) if f.endswith(".mp4")][0]
    raw = os.path.join(demo, "frames.yuv")
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", os.path.join(out, delivered), "-f", "rawvideo",
                    "-pix_fmt", "yuv420p", raw], check=True)
    alone = [x264, raw, "1920", "1080", "24", "1", os.path.join(demo, "x264.mp4"), "--delivery", "youtube-1080p"]
    a_t, b_t, ratios = [], [], []
    for _ in range(runs):
        a, _ = run(export(cli, project, ["youtube-1080p"], out))
        b, _ = run(alone)
        a_t.append(a), b_t.append(b), ratios.append(a / b)
    os.remove(raw)
    together, apart, six_ratios = [], [], []
    short = "00:00:00:00-00:00:02:00"
    for _ in range(max(1, runs - 1)):
        t, _ = run(export(cli, project, SIX, out, short))
        s = sum(run(export(cli, project, [p], out, short))[0] for p in SIX)
        together.append(t), apart.append(s), six_ratios.append(t / s)
    _, rss = run(export(cli, project, ["youtube-4k"], out))
    shutil.rmtree(out, ignore_errors=True)
    bench = [
        row("BM_ExportYouTube1080p", statistics.median(a_t) * 1e3, ratio_vs_x264=statistics.median(ratios)),
        row("BM_X264AloneYouTube1080p", statistics.median(b_t) * 1e3),
        row("BM_ExportSixPresetsTogether", statistics.median(together) * 1e3,
            ratio_vs_separate=statistics.median(six_ratios)),
        row("BM_ExportSixPresetsApart", statistics.median(apart) * 1e3),
        row("BM_Export4kPeakRss", 0.0, peak_rss_mib=rss),
    ]
    os.makedirs(results, exist_ok=True)
    with open(os.path.join(results, "postline_export_bench.json"), "w") as f:
        json.dump({"benchmarks": bench}, f, indent=2)
    print(f"youtube-1080p export {statistics.median(a_t):.1f} s vs x264 alone {statistics.median(b_t):.1f} s: "
          f"{statistics.median(ratios):.2f} x; six together {statistics.median(together):.1f} s vs apart "
          f"{statistics.median(apart):.1f} s: {statistics.median(six_ratios):.2f} x; 4K peak RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
