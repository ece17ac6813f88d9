#pragma once
// The only place that knows PortAudio: output device listing and one stereo float32 48 kHz stream.
// No PortAudio types leak out of this header.
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace postline::audio::device {

// One output-capable device as PortAudio enumerates it.
struct DeviceInfo {
  int index = -1;                  // PortAudio device index (valid while PortAudio stays initialised)
  std::string name;                // device name, e.g. "system" (JACK) or "jack", "default" (ALSA)
  std::string hostApi;             // e.g. "ALSA", "JACK Audio Connection Kit"
  int maxOutputChannels = 0;       // >= 1
  double defaultSampleRate = 0.0;  // Hz
  bool isDefault = false;          // PortAudio's default output device
};

// Output devices now present (initialises PortAudio for the call; none -> empty).
std::vector<DeviceInfo> listOutputDevices();

// Fills `frames` interleaved stereo float32 frames; called on the device's real-time thread.
using RenderCallback = void (*)(void* user, float* interleaved, unsigned long frames);

// An open PortAudio output stream: stereo, float32, 48 kHz. Holds a PortAudio reference.
class AudioOutput {
 public:
  // Opens deviceName (exact device name, or "<hostApi>: <name>"; nullopt or "" = PortAudio's
  // default output) with framesPerBuffer frames per callback (> 0). Not started yet.
  static base::Result<std::unique_ptr<AudioOutput>> open(std::optional<std::string> deviceName,
                                                         int framesPerBuffer, RenderCallback cb, void* user);
  ~AudioOutput();  // stops and closes (a stream whose JACK server died is abandoned, see pa_session.h)
  AudioOutput(const AudioOutput&) = delete;
  AudioOutput& operator=(const AudioOutput&) = delete;

  // Starts the callbacks.
  base::Result<void> start();
  // Stops the callbacks (returns once none runs); idempotent.
  void stop();
  // True when the stream stopped on its own (device unplugged, server gone) after start().
  bool failed() const;
  // Output latency PortAudio reports for the open stream, in seconds (>= 0).
  double outputLatencySeconds() const;
  // The opened device's name as "<hostApi>: <name>".
  std::string deviceName() const;

 private:
  AudioOutput() = default;
  friend struct PaCallbacks;  // the PortAudio callbacks (audio_output.cpp)

  void* m_stream = nullptr;  // PaStream*
  RenderCallback m_callback = nullptr;
  void* m_user = nullptr;
  std::string m_name;
  bool m_isJack = false;
  bool m_started = false;
  std::atomic<bool> m_finished{false};
};

}  // namespace postline::audio::device
