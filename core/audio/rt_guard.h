#pragma once
// Marks the real-time audio callback so that tests (and debug checks) can tell code running inside
// it: a test's global operator new counts allocations made while inAudioCallback() is true.

namespace postline::audio {

// True on the current thread while an AudioCallbackScope is alive (inside the device callback).
bool inAudioCallback();

// RAII: sets the current thread's in-callback flag for its lifetime; nests (restores the old value).
class AudioCallbackScope {
 public:
  AudioCallbackScope();
  ~AudioCallbackScope();
  AudioCallbackScope(const AudioCallbackScope&) = delete;
  AudioCallbackScope& operator=(const AudioCallbackScope&) = delete;

 private:
  bool m_previous;
};

}  // namespace postline::audio
