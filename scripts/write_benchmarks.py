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


class Target:
    """A target read from a named counter of the benchmark instead of its real time (value None:
    the counter is shown for context only)."""

    def __init__(self, value, counter, unit, higher=False):
        self.value, self.counter, self.unit, self.higher = value, counter, unit, higher


# benchmark name (optionally ":counter", to list one benchmark twice) -> (issue, what it
# measures, target in ms of median real time, a Target naming a counter, or None for context only)
TARGETS = {
    "BM_RippleDeleteEdit": ("Foundation", "one edit: ripple delete at the head of a 10,000-clip sequence", 1.0),
    "BM_RippleDeleteUndo": ("Foundation", "undo of that ripple delete", 1.0),
    "BM_RazorEdit": ("Foundation", "one edit: razor through V1+A1 mid-sequence (10,000 clips)", 1.0),
    "BM_RazorUndo": ("Foundation", "undo of that razor", 1.0),
    "BM_Save": ("Foundation", "save a 10,000-clip project (atomic)", 300.0),
    "BM_Load": ("Foundation", "load + validate a 10,000-clip project", 300.0),
    "BM_Probe1080p": ("Media", "probe one clip (1080p H.264 mp4, 10 s, ~11 Mbit/s)", 20.0),
    "BM_DecodeSequential1080p": ("Media", "sequential decode, 1080p H.264, 2 threads: time per frame (150 fps)", 1000.0 / 150),
    "BM_DecodeSequential1080p:fps": ("Media", "sequential decode, 1080p H.264, 2 threads: frames per second",
                                     Target(150.0, counter="fps", unit="fps", higher=True)),
    "BM_RandomAccessP95": ("Media", "random frame access p95, 1080p H.264 with a 250-frame GOP", 40.0),
    "BM_FrameCacheBound:max_over_limit": ("Media", "frame cache: most bytes ever held / its limit (4 threads)",
                                          Target(1.0, counter="max_over_limit", unit="x limit")),
    "BM_Render1080pFullGradeRgba8": ("Colour", "1080p frame, full grade (normalise + curves + LUT + film look incl. "
                                     "halation), render + RGBA8 readback", 20.0),
    "BM_Render1080pFullGradeYuv420": ("Colour", "the same with the encoder's 4:2:0 readback (as render runs it)", 20.0),
    "BM_Render1080pIdentityRgba8": ("Colour", "1080p frame, no grade (YUV->RGB, OCIO in/out), render + readback "
                                    "(the floor of the pipeline on this GL)", None),
    "BM_ComputeScopes1080pRgba8": ("Colour", "scopes of a 1080p frame at 512 px width (histogram, vectorscope, "
                                   "waveform, parade)", 5.0),
    "BM_RenderDemoTimeline:ratio_vs_x264": ("Colour", "postline-cli render of 4 s of the demo timeline (graded) / "
                                            "x264 alone on the same frames, same settings (medium, CRF 18)",
                                            Target(1.1, counter="ratio_vs_x264", unit="x")),
    "BM_ExportYouTube1080p:ratio_vs_x264": ("Export", "postline-cli export --preset youtube-1080p of 4 s of the demo "
                                            "(render, mix to -14 LUFS, encode, verify, report) / x264 alone on the same "
                                            "frames with the preset's settings",
                                            Target(1.1, counter="ratio_vs_x264", unit="x")),
    "BM_ExportSixPresetsTogether:ratio_vs_separate": ("Export", "six presets in one export (render once, encode many) / "
                                                      "the six exported one by one (2 s of the demo)",
                                                      Target(0.6, counter="ratio_vs_separate", unit="x")),
    "BM_Export4kPeakRss:peak_rss_mib": ("Export", "peak resident memory of an export --preset youtube-4k (4 s)",
                                        Target(1536.0, counter="peak_rss_mib", unit="MiB")),
    "BM_MixFiveTracks:realtime_x": ("Sound", "mixer, offline, one core: five role tracks (2 EQ bands + 2:1 compressor "
                                    "each, music ducked by volume keys, true-peak limiter), 20 s from WAV",
                                    Target(200.0, counter="realtime_x", unit="x real time", higher=True)),
    "BM_MixAndMeasureFiveTracks:realtime_x": ("Sound", "the same mix plus its loudness analysis (what normalise and "
                                              "`loudness PROJECT` run)",
                                              Target(None, counter="realtime_x", unit="x real time")),
    "BM_AnalyzerStereo60s:realtime_x": ("Sound", "whole-sequence loudness analysis (libebur128: integrated, LRA, "
                                        "true peak, momentary/short-term maxima) of 60 s of stereo",
                                        Target(200.0, counter="realtime_x", unit="x real time", higher=True)),
    "BM_MasterChain:rt_factor": ("Sound", "DSP alone: 4-band EQ + compressor + limiter on one stereo bus (hot signal)",
                                 Target(None, counter="rt_factor", unit="x real time")),
    "BM_TruePeakLimiter:rt_factor": ("Sound", "DSP alone: the true-peak limiter, limiting all the time",
                                     Target(None, counter="rt_factor", unit="x real time")),
    "BM_PlaybackSoak:underruns": ("Sound", "underruns in 10 min of paced playback (JACK dummy device, 256-frame "
                                  "buffers) of the real mixer while postline-cli renders the demo",
                                  Target(0.0, counter="underruns", unit="underruns")),
    "BM_PlaybackSoak:ring_fill_low_ms": ("Sound", "the least audio queued ahead of the device during that soak",
                                         Target(None, counter="ring_fill_low_ms", unit="ms")),
    "BM_DemoRenderLoudness:error_lu": ("Sound", "postline-cli render of the demo (mix target -14 LUFS): distance of its "
                                       "integrated loudness from the target, by FFmpeg's ebur128 filter (independent meter)",
                                       Target(0.5, counter="error_lu", unit="LU")),
    "BM_DemoRenderLoudness:true_peak_dbtp": ("Sound", "the same render's true peak by FFmpeg's ebur128 filter",
                                             Target(-1.0, counter="true_peak_dbtp", unit="dBTP")),
    "BM_PlaybackDemoHalfRes:fps_shown": ("Editor", "playback of the demo timeline with its grade, program viewer at "
                                         "half resolution, 60 s on the system clock: frames shown per second",
                                         Target(24.0, counter="fps_shown", unit="fps", higher=True)),
    "BM_PlaybackDemoHalfRes:dropped": ("Editor", "frames dropped during that minute", Target(0.0, counter="dropped", unit="frames")),
    "BM_PlaybackDemoHalfRes:render_ms_p50": ("Editor", "render thread per half-resolution demo frame (decode + draw + "
                                             "readback), median", Target(None, counter="render_ms_p50", unit="ms")),
    "BM_ScrubWarm:p95_ms": ("Editor", "scrub: playhead move to the new frame on screen, long-GOP 1080p H.264 (GOP 250), "
                            "program viewer at half resolution, scrub cache filled, p95 of 60 random moves",
                            Target(40.0, counter="p95_ms", unit="ms")),
    "BM_ScrubCold:p95_ms": ("Editor", "the same right after opening (scrub cache still filling), p95",
                            Target(None, counter="p95_ms", unit="ms")),
    "BM_ScrubNoCache:p95_ms": ("Editor", "the same without the scrub cache (decode from the keyframe), p95",
                               Target(None, counter="p95_ms", unit="ms")),
    "BM_RepaintZoomedToFit:repaint_ms": ("Editor", "1,000-clip timeline (plus linked audio) zoomed to fit: full repaint",
                                         Target(16.0, counter="repaint_ms", unit="ms")),
    "BM_RepaintZoomedIn:repaint_ms": ("Editor", "the same timeline zoomed in (filmstrips, waveforms): full repaint",
                                      Target(16.0, counter="repaint_ms", unit="ms")),
    "BM_TrimDragRipple:updates_per_s": ("Editor", "ripple trim drag on that timeline (edit + repaint per mouse move)",
                                        Target(60.0, counter="updates_per_s", unit="updates/s", higher=True)),
    "BM_TrimDragSelectEdge:updates_per_s": ("Editor", "trim drag of a clip end with the select tool",
                                            Target(60.0, counter="updates_per_s", unit="updates/s", higher=True)),
    "BM_GradeDragStep:p95_ms": ("Finishing", "Color page: gain-wheel drag event to the new frame and its scopes on "
                                "screen, 1080p clip, viewer at half resolution, p95",
                                Target(50.0, counter="p95_ms", unit="ms")),
    "BM_GradeDragStep:frame_p95_ms": ("Finishing", "the same, to the frame alone, p95",
                                      Target(None, counter="frame_p95_ms", unit="ms")),
    "BM_GradeDragContinuous:p95_ms": ("Finishing", "a fast drag (a move every 16 ms, newest wins): each move to the "
                                      "first frame + scopes of its grade or a newer one, p95",
                                      Target(None, counter="p95_ms", unit="ms")),
    "BM_MetersWhilePlaying:meter_hz": ("Finishing", "Audio page: meter updates painted per second while a 5-track "
                                       "mix plays (10 s)", Target(20.0, counter="meter_hz", unit="Hz", higher=True)),
    "BM_MetersWhilePlaying:underruns": ("Finishing", "audio underruns during that playback",
                                        Target(0.0, counter="underruns", unit="underruns")),
    "BM_DeliverTwoExports:max_stall_ms": ("Finishing", "Deliver page: longest event-loop stall of the editor while two "
                                          "1080p exports run (1 ms timer)", Target(50.0, counter="max_stall_ms", unit="ms")),
    "BM_DeliverTwoExports:p99_stall_ms": ("Finishing", "the same, p99 of the timer gaps",
                                          Target(None, counter="p99_stall_ms", unit="ms")),
    "BM_IdleBaseline:idle_max_stall_ms": ("Finishing", "the same timer with nothing exporting (this machine's floor)",
                                          Target(None, counter="idle_max_stall_ms", unit="ms")),
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
        # The median of the repetitions; a benchmark that runs once (Repetitions(1): the minute of
        # playback, the scrub runs) has only its single run.
        once = [b for b in data["benchmarks"] if b.get("run_type") == "iteration"]
        for b in once + [b for b in data["benchmarks"] if b.get("aggregate_name") == "median"]:
            name = b["run_name"].split("/")[0]
            rows[name] = b["real_time"] * UNIT_MS[b["time_unit"]]
            for key, value in b.items():
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    rows[f"{name}:{key}"] = float(value)
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
        if target is None:  # a figure shown for context, with no target of its own
            value = rows.get(name)
            lines.append(f"| {issue} | {what} | {'not run' if value is None else f'{value:.3f} ms'} | (none) | info |")
            continue
        if not isinstance(target, Target):
            target = Target(target, counter=None, unit="ms")
        if target.value is None:
            value = rows.get(f"{name.split(':')[0]}:{target.counter}")
            shown = "not run" if value is None else f"{value:.3f} {target.unit}"
            lines.append(f"| {issue} | {what} | {shown} | (none) | info |")
            continue
        key = f"{name.split(':')[0]}:{target.counter}" if target.counter else name
        limit = f"{'>=' if target.higher else '<='} {target.value:g} {target.unit}"
        if key not in rows:
            lines.append(f"| {issue} | {what} | not run | {limit} | MISSING |")
            failed += 1
            continue
        value = rows[key]
        ok = value >= target.value if target.higher else value <= target.value
        failed += 0 if ok else 1
        lines.append(f"| {issue} | {what} | {value:.3f} {target.unit} | {limit} | {'pass' if ok else 'FAIL'} |")
    open(out, "w").write("\n".join(lines) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
