#!/usr/bin/env python3
"""Renders the demo project's media from recipe.json with the ffmpeg CLI.

AI-generator-like clips: test patterns with a colour cast per take (cool/warm/neutral),
an optional tone as their audio; a music bed and a voice-over as WAV; a logo PNG with alpha.
Usage: make_demo_media.py RECIPE OUT_DIR
"""
import json
import os
import subprocess
import sys

CASTS = {
    "cool": "colorbalance=rs=-0.15:gs=0:bs=0.15:rm=-0.1:bm=0.1",
    "warm": "colorbalance=rs=0.15:gs=0.02:bs=-0.15:rm=0.1:bm=-0.1",
    "neutral": "null",
}


def run(args):
    subprocess.run(["ffmpeg", "-y", "-loglevel", "error", *args], check=True)


def make_clip(c, rate, w, h, out):
    d = str(c["seconds"])
    args = ["-f", "lavfi", "-i", f"testsrc2=size={w}x{h}:rate={rate}:duration={d}"]
    if c.get("tone_hz"):
        args += ["-f", "lavfi", "-i", f"sine=frequency={c['tone_hz']}:sample_rate=48000:duration={d}"]
    args += ["-vf", CASTS[c.get("cast", "neutral")], "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"]
    if c.get("tone_hz"):
        args += ["-c:a", "aac", "-ac", "2"]
    run(args + [out])


def main():
    recipe = json.load(open(sys.argv[1]))
    out_dir = sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    rate = recipe["frame_rate"]
    w, h = recipe["video"]["width"], recipe["video"]["height"]
    for c in recipe["clips"]:
        make_clip(c, rate, w, h, os.path.join(out_dir, c["file"]))
    for a in recipe["audio"]:
        run(["-f", "lavfi", "-i", f"sine=frequency={a['tone_hz']}:sample_rate=48000:duration={a['seconds']}",
             "-ac", "2", os.path.join(out_dir, a["file"])])
    for g in recipe["graphics"]:
        run(["-f", "lavfi", "-i", f"color=c=0x6F4E37@0.85:size={g['width']}x{g['height']},format=rgba",
             "-frames:v", "1", os.path.join(out_dir, g["file"])])
    print(f"demo media written to {out_dir}")


if __name__ == "__main__":
    main()
