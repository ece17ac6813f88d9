#!/usr/bin/env python3
"""Writes Postline's film-look .cube files from our own parametric film model.

Standard library only. Run from anywhere:  python3 resources/looks/make_looks.py [out_dir]
(default out_dir: the folder of this script). Output is deterministic: rerunning gives byte-identical
files.

The LUTs map grading-space code values (Rec.709 code, linear light = code^2.4) to code values,
33^3 entries, red varying fastest. The model, per entry:

 1. decode: lin = code^2.4; exposure e = log2(lin / 0.18) in stops from mid grey (floored).
 2. dye coupling: e' = M e, a 3x3 cross-talk matrix whose rows sum to 1 (greys untouched,
    colour differences amplified or bent the way interlayer effects do).
 3. characteristic curve per channel: a logistic in log exposure (toe and shoulder), normalised
    so the darkest exposure gives `black` and code 1.0 gives `white` (both code values), and solved so mid grey
    lands on the channel's `grey` level (unequal greys = warm or cool bias).
 4. saturation response: chroma scaled by `saturation`, rolling off in shadows and highlights
    (a boost is limited so the lowest channel keeps at least half its level).
 5. split tone: luma-preserving gains towards `shadow_tint` below and `highlight_tint` above
    the mid point, weighted by smooth steps of the code-value luma.
 6. encode: clamp to [0, 1], code = lin^(1/2.4).
"""
import math
import os
import sys

SIZE = 33
GREY = 0.18
E_LO = -8.0                      # stops below grey where the toe reaches `black`
E_HI = math.log2(1.0 / GREY)     # code 1.0 (linear 1.0): where the shoulder reaches `white`
LUMA = (0.2126, 0.7152, 0.0722)

LOOKS = {
    "neutral_negative": {
        "title": "Postline neutral negative",
        "contrast": (0.78, 0.78, 0.78), "grey": (0.18, 0.18, 0.18),
        "black": (0.035, 0.035, 0.035), "white": (0.985, 0.985, 0.985),
        "coupling": 0.06, "bend": (0.0, 0.0, 0.0),
        "saturation": 0.97, "sat_rolloff": 0.35,
        "shadow_tint": (1.0, 1.0, 1.0), "highlight_tint": (1.0, 1.0, 1.0), "split": 0.0,
    },
    "warm_negative": {
        "title": "Postline warm negative",
        "contrast": (0.74, 0.76, 0.79), "grey": (0.198, 0.181, 0.160),
        "black": (0.055, 0.048, 0.040), "white": (0.99, 0.98, 0.955),
        "coupling": 0.05, "bend": (0.02, -0.01, -0.01),
        "saturation": 0.93, "sat_rolloff": 0.45,
        "shadow_tint": (1.10, 1.0, 0.86), "highlight_tint": (1.06, 1.0, 0.90), "split": 0.45,
    },
    "cool_slide": {
        "title": "Postline cool slide",
        "contrast": (0.96, 0.94, 0.92), "grey": (0.165, 0.177, 0.192),
        "black": (0.008, 0.014, 0.024), "white": (0.99, 0.995, 1.0),
        "coupling": 0.08, "bend": (-0.01, 0.0, 0.01),
        "saturation": 1.08, "sat_rolloff": 0.30,
        "shadow_tint": (0.88, 1.0, 1.10), "highlight_tint": (0.97, 1.0, 1.03), "split": 0.40,
    },
    "tungsten_halation": {
        "title": "Postline tungsten stock (halation added by the preset)",
        "contrast": (0.72, 0.74, 0.80), "grey": (0.185, 0.180, 0.176),
        "black": (0.035, 0.045, 0.052), "white": (1.0, 0.98, 0.955),
        "coupling": 0.08, "bend": (0.01, -0.015, 0.005),
        "saturation": 0.95, "sat_rolloff": 0.40,
        "shadow_tint": (0.86, 1.0, 1.08), "highlight_tint": (1.08, 1.0, 0.88), "split": 0.55,
    },
}


def logistic(x):
    return 1.0 / (1.0 + math.exp(-x))


class Channel:
    """One characteristic curve: exposure (stops from grey) -> linear light."""

    def __init__(self, contrast, grey, black, white):
        black, white = black ** 2.4, white ** 2.4   # given as code values, used as linear light
        self.k, self.black, self.white = contrast, black, white
        target = (grey - black) / (white - black)
        lo, hi = -6.0, 6.0                          # bisection for the centre c: s(0) = target
        for _ in range(80):
            self.c = 0.5 * (lo + hi)
            if self.shape(0.0) > target:
                lo = self.c
            else:
                hi = self.c

    def shape(self, e):
        a, b = logistic(self.k * (E_LO - self.c)), logistic(self.k * (E_HI - self.c))
        return (logistic(self.k * (e - self.c)) - a) / (b - a)

    def __call__(self, e):
        e = min(max(e, E_LO), E_HI)
        return self.black + (self.white - self.black) * self.shape(e)


def coupling_matrix(amount, bend):
    """Rows sum to 1: (1 + amount) on the diagonal, the rest spread; `bend` skews each row."""
    m = []
    for i in range(3):
        row = [-(amount / 2.0) for _ in range(3)]
        row[i] = 1.0 + amount
        j = (i + 1) % 3
        row[j] += bend[i]
        row[(i + 2) % 3] -= bend[i]
        m.append(row)
    return m


def smoothstep(a, b, x):
    t = min(max((x - a) / (b - a), 0.0), 1.0)
    return t * t * (3.0 - 2.0 * t)


def unit_luma(tint):
    y = sum(l * t for l, t in zip(LUMA, tint))
    return [t / y for t in tint]


def make_model(p):
    curves = [Channel(p["contrast"][i], p["grey"][i], p["black"][i], p["white"][i]) for i in range(3)]
    m = coupling_matrix(p["coupling"], p["bend"])
    shadow, highlight = unit_luma(p["shadow_tint"]), unit_luma(p["highlight_tint"])

    def apply(rgb):
        e = [math.log2(max(c ** 2.4, 1e-6) / GREY) for c in rgb]
        e = [sum(m[i][j] * e[j] for j in range(3)) for i in range(3)]
        lin = [curves[i](e[i]) for i in range(3)]
        y = sum(l * c for l, c in zip(LUMA, lin))
        ycode = max(y, 0.0) ** (1 / 2.4)
        sat = 1.0 + (p["saturation"] - 1.0) * (1.0 - p["sat_rolloff"] * abs(2.0 * ycode - 1.0))
        sat *= 1.0 - p["sat_rolloff"] * smoothstep(0.8, 1.0, ycode)   # highlights desaturate like film
        low = min(lin)
        if sat > 1.0 and low < y:                       # more chroma, but the lowest channel
            sat = min(sat, (y - 0.5 * max(low, 0.0)) / (y - low))   # keeps half its level
        lin = [y + sat * (c - y) for c in lin]
        ws = p["split"] * (1.0 - smoothstep(0.0, 0.5, ycode))
        wh = p["split"] * smoothstep(0.5, 1.0, ycode)
        lin = [c * (1.0 + ws * (s - 1.0) + wh * (h - 1.0)) for c, s, h in zip(lin, shadow, highlight)]
        return [min(max(c, 0.0), 1.0) ** (1 / 2.4) for c in lin]

    return apply


def write_cube(path, title, apply):
    lines = [
        "# Generated by resources/looks/make_looks.py (Postline's own film model); do not edit.",
        'TITLE "%s"' % title,
        "LUT_3D_SIZE %d" % SIZE,
        "DOMAIN_MIN 0.0 0.0 0.0",
        "DOMAIN_MAX 1.0 1.0 1.0",
    ]
    n = SIZE - 1
    for b in range(SIZE):
        for g in range(SIZE):
            for r in range(SIZE):
                out = apply((r / n, g / n, b / n))
                lines.append("%.6f %.6f %.6f" % tuple(out))
    with open(path, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out_dir, exist_ok=True)
    for name, params in LOOKS.items():
        path = os.path.join(out_dir, name + ".cube")
        write_cube(path, params["title"], make_model(params))
        print("wrote", path)


if __name__ == "__main__":
    main()
