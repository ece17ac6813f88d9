#!/usr/bin/env python3
"""Presses keys through the X server (XTest), like a keyboard: xtest_keys.py shift+2 [ctrl+s ...].
Used by the main window tests to check shortcuts with real X11 key events (native scan codes)."""
import ctypes
import sys

x11 = ctypes.CDLL("libX11.so.6")
xtst = ctypes.CDLL("libXtst.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XStringToKeysym.restype = ctypes.c_ulong
x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
x11.XKeysymToKeycode.restype = ctypes.c_ubyte
x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
x11.XFlush.argtypes = [ctypes.c_void_p]
x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]

NAMES = {"shift": "Shift_L", "ctrl": "Control_L", "alt": "Alt_L"}

dpy = x11.XOpenDisplay(None)
if not dpy:
    sys.exit(2)
for combo in sys.argv[1:]:
    codes = [x11.XKeysymToKeycode(dpy, x11.XStringToKeysym(NAMES.get(k, k).encode())) for k in combo.split("+")]
    if 0 in codes:
        sys.exit(3)
    for c in codes:
        xtst.XTestFakeKeyEvent(dpy, c, 1, 0)
    for c in reversed(codes):
        xtst.XTestFakeKeyEvent(dpy, c, 0, 0)
    x11.XSync(dpy, 0)
x11.XFlush(dpy)
