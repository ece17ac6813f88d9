#pragma once
// Process-wide, reference-counted PortAudio initialisation (internal to core/audio/device).
//
// Noise: before the first Pa_Initialize the session routes libasound's error printer and libjack's
// error/info printers (looked up with dlsym in the libraries PortAudio already loaded) to
// base::log at Debug level, so probing absent ALSA cards ("Unknown PCM cards.pcm.front", ...) and an
// absent JACK server ("Cannot connect to server socket", "JackShmReadWritePtr ... Init not done")
// no longer clutter stderr; POSTLINE_LOG=debug shows them. Real failures still surface as
// Result errors from open()/start(). What still prints: alsa-plugins' JACK PCM writes
// "snd_pcm_jack_open: WARNING: JACK client name '...' truncated to 31 characters" straight to
// stderr when a JACK server runs and the program name is long (>= ~20 characters); PortAudio
// itself prints nothing (Debian builds it without debug output).
//
// A dead JACK server wedges PortAudio: pa_jack's Terminate asserts (aborts the process) when
// jack_deactivate fails, and stopping a JACK stream after the server died waits forever. So when
// the JACK host API is loaded and the server is no longer reachable, release() leaves PortAudio
// initialised for the rest of the process (portAudioWedged()): the device list is then frozen and JACK
// devices cannot be opened again until restart.
#include <mutex>

#include "core/base/result.h"

namespace postline::audio::device {

// Takes one reference, initialising PortAudio on the first one. Thread-safe.
base::Result<void> acquirePortAudio();
// Drops one reference; the last one terminates PortAudio unless the session is wedged.
void releasePortAudio();
// Marks the session wedged (a JACK stream died under us); PortAudio is never terminated again.
void markPortAudioWedged();
// Serialises PortAudio calls that walk or change its device/stream tables (listing, open, close);
// PortAudio itself is not thread-safe there. Never taken on the audio callback.
std::unique_lock<std::mutex> lockPortAudioApi();
// True once a dead JACK server has wedged the session (JACK devices are then refused).
bool portAudioWedged();

}  // namespace postline::audio::device
