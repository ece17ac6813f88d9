#include "core/audio/device/audio_output.h"

#include <portaudio.h>

#include <cstring>

#include "core/audio/device/pa_session.h"
#include "core/audio/rt_guard.h"

namespace postline::audio::device {

struct PaCallbacks {
  // Real-time: forwards to the user's callback; nothing else.
  static int process(const void*, void* output, unsigned long frames, const PaStreamCallbackTimeInfo*,
                     PaStreamCallbackFlags, void* self) {
    AudioCallbackScope scope;
    auto* out = static_cast<AudioOutput*>(self);
    out->m_callback(out->m_user, static_cast<float*>(output), frames);
    return paContinue;
  }
  static void finished(void* self) { static_cast<AudioOutput*>(self)->m_finished.store(true); }
};

namespace {

constexpr double kSampleRate = 48000.0;
constexpr int kChannels = 2;

std::string qualifiedName(const PaDeviceInfo* info) {
  return std::string(Pa_GetHostApiInfo(info->hostApi)->name) + ": " + info->name;
}

bool isJack(const PaDeviceInfo* info) { return Pa_GetHostApiInfo(info->hostApi)->type == paJACK; }

// The output device named `name` ("" = default), or paNoDevice.
PaDeviceIndex findDevice(const std::string& name) {
  if (name.empty()) return Pa_GetDefaultOutputDevice();
  const int count = Pa_GetDeviceCount();
  for (int i = 0; i < count; ++i) {
    const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
    if (info == nullptr || info->maxOutputChannels < kChannels) continue;
    if (name == info->name || name == qualifiedName(info)) return i;
  }
  return paNoDevice;
}

base::Error paError(const std::string& what, PaError err) {
  return base::makeError(base::ErrorCode::Io, what + ": " + Pa_GetErrorText(err));
}

}  // namespace

std::vector<DeviceInfo> listOutputDevices() {
  std::vector<DeviceInfo> devices;
  if (!acquirePortAudio().ok()) return devices;
  auto api = lockPortAudioApi();
  const PaDeviceIndex defaultIndex = Pa_GetDefaultOutputDevice();
  const int count = Pa_GetDeviceCount();
  for (int i = 0; i < count; ++i) {
    const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
    if (info == nullptr || info->maxOutputChannels < 1) continue;
    DeviceInfo d;
    d.index = i;
    d.name = info->name;
    d.hostApi = Pa_GetHostApiInfo(info->hostApi)->name;
    d.maxOutputChannels = info->maxOutputChannels;
    d.defaultSampleRate = info->defaultSampleRate;
    d.isDefault = (i == defaultIndex);
    devices.push_back(d);
  }
  api.unlock();
  releasePortAudio();
  return devices;
}

base::Result<std::unique_ptr<AudioOutput>> AudioOutput::open(std::optional<std::string> deviceName,
                                                             int framesPerBuffer, RenderCallback cb, void* user) {
  if (cb == nullptr || framesPerBuffer <= 0) {
    return base::makeError(base::ErrorCode::InvalidArgument, "audio output: needs a callback and framesPerBuffer > 0");
  }
  PL_TRY(acquirePortAudio());
  std::unique_ptr<AudioOutput> out(new AudioOutput());  // from here ~AudioOutput releases PortAudio
  out->m_callback = cb;
  out->m_user = user;
  const std::string wanted = deviceName.value_or("");
  auto api = lockPortAudioApi();
  const PaDeviceIndex index = findDevice(wanted);
  if (index == paNoDevice) {
    return base::makeError(base::ErrorCode::NotFound, wanted.empty() ? std::string("audio output: no output device")
                                                                     : "audio output: no output device named '" + wanted + "'");
  }
  const PaDeviceInfo* info = Pa_GetDeviceInfo(index);
  if (isJack(info) && portAudioWedged()) {
    return base::makeError(base::ErrorCode::Io, "audio output: the JACK server went away; restart Postline to use JACK again");
  }
  out->m_name = qualifiedName(info);
  out->m_isJack = isJack(info);
  PaStreamParameters params{};
  params.device = index;
  params.channelCount = kChannels;
  params.sampleFormat = paFloat32;
  params.suggestedLatency = info->defaultLowOutputLatency;
  const PaError err = Pa_OpenStream(&out->m_stream, nullptr, &params, kSampleRate, static_cast<unsigned long>(framesPerBuffer),
                                    paClipOff | paDitherOff, &PaCallbacks::process, out.get());
  if (err != paNoError) {
    out->m_stream = nullptr;
    return paError("audio output: cannot open '" + out->m_name + "' (stereo float32 48 kHz)", err);
  }
  Pa_SetStreamFinishedCallback(out->m_stream, &PaCallbacks::finished);
  return out;
}

AudioOutput::~AudioOutput() {
  stop();
  if (m_stream != nullptr) {
    auto api = lockPortAudioApi();
    Pa_CloseStream(m_stream);
  }
  releasePortAudio();
}

base::Result<void> AudioOutput::start() {
  if (m_started) return {};
  m_finished.store(false);
  const PaError err = Pa_StartStream(m_stream);
  if (err != paNoError) return paError("audio output: cannot start '" + m_name + "'", err);
  m_started = true;
  return {};
}

void AudioOutput::stop() {
  if (!m_started || m_stream == nullptr) return;
  m_started = false;
  if (m_isJack && Pa_IsStreamActive(m_stream) != 1) {
    // The JACK server shut the stream down: pa_jack would wait forever in Pa_AbortStream and
    // Pa_CloseStream. Abandon the stream and keep PortAudio loaded (see pa_session.h).
    markPortAudioWedged();
    m_stream = nullptr;
    return;
  }
  Pa_AbortStream(m_stream);
}

bool AudioOutput::failed() const {
  if (!m_started || m_stream == nullptr) return false;
  return m_finished.load() || Pa_IsStreamActive(m_stream) != 1;
}

double AudioOutput::outputLatencySeconds() const {
  const PaStreamInfo* info = m_stream != nullptr ? Pa_GetStreamInfo(m_stream) : nullptr;
  return info != nullptr ? info->outputLatency : 0.0;
}

std::string AudioOutput::deviceName() const { return m_name; }

}  // namespace postline::audio::device
