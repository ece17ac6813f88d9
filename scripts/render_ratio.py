#!/usr/bin/env python3
"""Times `postline-cli render` of the demo timeline (full grade) against x264 alone on the same frames.

Usage: render_ratio.py BUILD_DIR RESULTS_DIR [RUNS]
Renders the full-size demo project once (kept in BUILD_DIR/bench-demo), then RUNS times, in turn:
  A: postline-cli render PROJECT --out a.mp4 --range 00:00:00:00-00:00:04:00 (decode, GL pipeline
     with every clip's grade and the timeline look, 4:2:0 readback, libx264 medium CRF 18 + AAC)
  B: postline_x264_alone on the same 96 frames as raw yuv420p (the same encoder settings, video only)
and writes RESULTS_DIR/postline_render_ratio.json in Google Benchmark's JSON shape: the median wall
time of each and the median of the per-pair ratios A/B (pairs, so a drifting machine cancels out).
"""
import json
import os
import statistics
import subprocess
import sys
import time

RANGE = "00:00:00:00-00:00:04:00"


def timed(cmd):
    start = time.monotonic()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def main():
    build, results = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    cli = os.path.join(build, "app", "postline-cli")
    x264 = os.path.join(build, "tests", "bench", "postline_x264_alone")
    demo = os.path.join(build, "bench-demo")
    project = os.path.join(demo, "Origin_Coffee_Commercial.postline")
    if not os.path.exists(project):
        subprocess.run([cli, "demo", demo], check=True, stdout=subprocess.DEVNULL)
    out_a = os.path.join(demo, "render.mp4")
    raw = os.path.join(demo, "frames.yuv")
    out_b = os.path.join(demo, "x264.mp4")
    render = [cli, "render", project, "--out", out_a, "--range", RANGE]
    subprocess.run(render, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", out_a, "-f", "rawvideo", "-pix_fmt", "yuv420p", raw], check=True)
    alone = [x264, raw, "1920", "1080", "24", "1", out_b, "medium", "18"]
    a_times, b_times, ratios = [], [], []
    for _ in range(runs):
        a = timed(render)
        b = timed(alone)
        a_times.append(a)
        b_times.append(b)
        ratios.append(a / b)
    os.remove(raw)
    bench = [
        {"run_name": "BM_RenderDemoTimeline", "aggregate_name": "median", "real_time": statistics.median(a_times) * 1e3,
         "time_unit": "ms", "ratio_vs_x264": statistics.median(ratios)},
        {"run_name": "BM_X264AloneSameFrames", "aggregate_name": "median", "real_time": statistics.median(b_times) * 1e3,
         "time_unit": "ms"},
    ]
    os.makedirs(results, exist_ok=True)
    with open(os.path.join(results, "postline_render_ratio.json"), "w") as f:
        json.dump({"benchmarks": bench}, f, indent=2)
    print(f"render {statistics.median(a_times):.1f} s, x264 alone {statistics.median(b_times):.1f} s, "
          f"ratio {statistics.median(ratios):.2f} (pairs: {', '.join(f'{r:.2f}' for r in ratios)})")


if __name__ == "__main__":
    main()
