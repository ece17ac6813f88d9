#include "core/audio/device/pa_session.h"

#include <dlfcn.h>
#include <portaudio.h>

#include <cstdarg>
#include <cstdio>
#include <mutex>
#include <string>

#include "core/base/log.h"

namespace postline::audio::device {
namespace {

std::mutex g_mutex;
std::mutex g_apiMutex;
int g_refs = 0;
bool g_wedged = false;

using JackPrinter = void (*)(const char*);
using JackSetPrinter = void (*)(JackPrinter);
using AlsaHandler = void (*)(const char*, int, const char*, int, const char*, ...);
using AlsaSetHandler = int (*)(AlsaHandler);
using JackClientOpen = void* (*)(const char*, int, int*, ...);
using JackClientClose = int (*)(void*);
constexpr int kJackNoStartServer = 0x01;

void jackToLog(const char* message) {
  base::log(base::LogLevel::Debug, std::string("jack: ") + (message != nullptr ? message : ""));
}

void alsaToLog(const char* file, int line, const char* function, int err, const char* fmt, ...) {
  char text[512];
  va_list args;
  va_start(args, fmt);
  std::vsnprintf(text, sizeof text, fmt, args);
  va_end(args);
  base::log(base::LogLevel::Debug, std::string("alsa: ") + (file ? file : "") + ":" + std::to_string(line) +
                                       " (" + (function ? function : "") + ") " + text +
                                       (err != 0 ? " [err " + std::to_string(err) + "]" : ""));
}

// Routes libjack and libasound diagnostics to the log (they are loaded with libportaudio).
void routeLibraryNoise() {
  static bool done = false;
  if (done) return;
  done = true;
  if (auto setError = reinterpret_cast<JackSetPrinter>(dlsym(RTLD_DEFAULT, "jack_set_error_function"))) {
    setError(&jackToLog);
  }
  if (auto setInfo = reinterpret_cast<JackSetPrinter>(dlsym(RTLD_DEFAULT, "jack_set_info_function"))) {
    setInfo(&jackToLog);
  }
  if (auto setAlsa = reinterpret_cast<AlsaSetHandler>(dlsym(RTLD_DEFAULT, "snd_lib_error_set_handler"))) {
    setAlsa(&alsaToLog);
  }
}

// True when PortAudio's JACK host API is loaded but its server can no longer be reached.
bool jackServerGone() {
  if (Pa_HostApiTypeIdToHostApiIndex(paJACK) < 0) return false;
  auto open = reinterpret_cast<JackClientOpen>(dlsym(RTLD_DEFAULT, "jack_client_open"));
  auto close = reinterpret_cast<JackClientClose>(dlsym(RTLD_DEFAULT, "jack_client_close"));
  if (open == nullptr || close == nullptr) return true;  // cannot tell: assume the worst
  int status = 0;
  void* client = open("postline-probe", kJackNoStartServer, &status);
  if (client == nullptr) return true;
  close(client);
  return false;
}

}  // namespace

base::Result<void> acquirePortAudio() {
  std::lock_guard lock(g_mutex);
  if (g_refs > 0 || g_wedged) {
    ++g_refs;
    return {};
  }
  routeLibraryNoise();
  const PaError err = Pa_Initialize();
  if (err != paNoError) {
    return base::makeError(base::ErrorCode::Io, std::string("PortAudio: initialisation failed: ") + Pa_GetErrorText(err));
  }
  ++g_refs;
  return {};
}

void releasePortAudio() {
  std::lock_guard lock(g_mutex);
  if (g_refs == 0) return;
  --g_refs;
  if (g_wedged) return;
  // Checked at every release (a stream was just closed, perhaps because the server died), so a
  // server that dies and comes back before the last release is still caught.
  if (jackServerGone()) {
    g_wedged = true;
    base::log(base::LogLevel::Info, "PortAudio: the JACK server went away; PortAudio stays loaded until exit");
    return;
  }
  if (g_refs == 0) Pa_Terminate();
}

void markPortAudioWedged() {
  std::lock_guard lock(g_mutex);
  g_wedged = true;
}

std::unique_lock<std::mutex> lockPortAudioApi() { return std::unique_lock(g_apiMutex); }

bool portAudioWedged() {
  std::lock_guard lock(g_mutex);
  return g_wedged;
}

}  // namespace postline::audio::device
