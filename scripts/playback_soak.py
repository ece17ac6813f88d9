#!/usr/bin/env python3
"""The playback soak and the demo's delivered loudness, as Google Benchmark-shaped JSON.

Usage: playback_soak.py BUILD_DIR RESULTS_DIR [SECONDS=600]
Plays the real mixer (postline_playback_soak: its own jackd dummy server, 256-frame buffers) for
SECONDS while postline-cli renders the full demo project again and again (the render the soak must
survive). Then measures the last complete render with FFmpeg's ebur128 filter (an independent
meter) against the demo's -14 LUFS target. Writes RESULTS_DIR/postline_playback_soak.json.
"""
import json
import os
import re
import subprocess
import sys
import time


def ebur128(path):
    err = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", path, "-vn", "-af", "ebur128=peak=true",
                          "-f", "null", "-"], capture_output=True, text=True).stderr
    summary = err[err.rfind("Summary:"):]
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))
    peak = float(re.search(r"Peak:\s+(-?[\d.]+) dBFS", summary).group(1))
    return integrated, peak


def main():
    build, results = sys.argv[1], sys.argv[2]
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 600.0
    cli = os.path.join(build, "app", "postline-cli")
    demo = os.path.join(build, "bench-demo")
    project = os.path.join(demo, "Origin_Coffee_Commercial.postline")
    if not os.path.exists(project):
        subprocess.run([cli, "demo", demo], check=True, stdout=subprocess.DEVNULL)
    soak = subprocess.Popen([os.path.join(build, "tests", "bench", "postline_playback_soak"), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    renders, done = 0, None
    while soak.poll() is None:
        out = os.path.join(demo, f"soak-render-{renders % 2}.mp4")
        subprocess.run([cli, "render", project, "--out", out], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if os.path.exists(out):
            renders, done = renders + 1, out
        time.sleep(0.1)
    figures = json.loads(soak.stdout.read().strip().splitlines()[-1])
    if done is None:
        subprocess.run([cli, "render", project, "--out", os.path.join(demo, "soak-render-0.mp4")], check=True,
                       stdout=subprocess.DEVNULL)
        done = os.path.join(demo, "soak-render-0.mp4")
    integrated, peak = ebur128(done)
    bench = [
        {"run_name": "BM_PlaybackSoak", "aggregate_name": "median", "real_time": figures["seconds"] * 1e3,
         "time_unit": "ms", "underruns": figures["underruns"], "callbacks": figures["callbacks"],
         "ring_fill_low_ms": figures["max_ring_fill_low"] / 48.0, "renders_during": renders},
        {"run_name": "BM_DemoRenderLoudness", "aggregate_name": "median", "real_time": 0.0, "time_unit": "ms",
         "integrated_lufs": integrated, "error_lu": abs(integrated + 14.0), "true_peak_dbtp": peak},
    ]
    os.makedirs(results, exist_ok=True)
    with open(os.path.join(results, "postline_playback_soak.json"), "w") as f:
        json.dump({"benchmarks": bench}, f, indent=2)
    print(json.dumps(bench))
    return 0 if figures["underruns"] == 0 and figures["device_kept"] else 1


if __name__ == "__main__":
    sys.exit(main())
