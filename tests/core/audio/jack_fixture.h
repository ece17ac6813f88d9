#pragma once
// Test helpers for playback: a private JACK dummy server (a paced sound device without a sound
// card), test BlockSources, a deadline wait, and the callback allocation counter
// (playback_alloc_test.cpp replaces global operator new to count allocations made inside the
// audio callback).
#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <numbers>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/audio/block_source.h"

namespace postline::audio::testing {

// Allocations made on any thread while inAudioCallback() was true (playback_alloc_test.cpp).
std::uint64_t callbackAllocations();

// Polls `condition` every 2 ms until it holds or `seconds` pass; returns its last value.
template <class F>
bool waitUntil(F condition, double seconds = 5.0) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return condition();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

// A jackd dummy server at 48 kHz with a name unique to this process; JACK_DEFAULT_SERVER points
// PortAudio (JACK host API and ALSA's "jack" PCM) at it. Killed by stop() or the destructor.
class JackServer {
 public:
  ~JackServer() { stop(); }

  // Starts the server; returns "" or why it could not (jackd missing, did not come up). Two
  // jackd starting at the same moment (ctest -j2) sometimes trip over JACK's shared registry, so a
  // failed start is retried twice after a short, per-process staggered pause.
  std::string start(int periodFrames = 256) {
    if (std::system("command -v jackd >/dev/null 2>&1") != 0) return "jackd is not installed (apt-get install jackd2)";
    static int counter = 0;
    setenv("JACK_NO_AUDIO_RESERVATION", "1", 1);
    for (int attempt = 0; attempt < 3; ++attempt) {
      if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(200 * attempt + getpid() % 200));
      m_name = "postline-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
      setenv("JACK_DEFAULT_SERVER", m_name.c_str(), 1);
      if (launch(periodFrames)) return "";
      stop(SIGKILL);
    }
    return "jackd -n " + m_name + " did not come up (3 tries of 10 s)";
  }

  // Stops the server with `sig` (SIGTERM: orderly shutdown) and reaps it.
  void stop(int sig = SIGTERM) {
    if (m_pid <= 0) return;
    kill(m_pid, sig);
    int status = 0;
    for (int i = 0; i < 500 && waitpid(m_pid, &status, WNOHANG) == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (waitpid(m_pid, &status, WNOHANG) == 0) {
      kill(m_pid, SIGKILL);
      waitpid(m_pid, &status, 0);
    }
    m_pid = -1;
    removeSemaphores();
  }

  const std::string& name() const { return m_name; }

 private:
  // Clients that were still connected when the server died leave their semaphores in /dev/shm
  // (jack_sem.<uid>_<server>_<client>); remove this server's.
  void removeSemaphores() const {
    std::error_code ec;
    const std::string prefix = "jack_sem." + std::to_string(getuid()) + "_" + m_name + "_";
    for (const auto& entry : std::filesystem::directory_iterator("/dev/shm", ec)) {
      if (entry.path().filename().string().rfind(prefix, 0) == 0) std::filesystem::remove(entry.path(), ec);
    }
  }

  // Forks jackd (dummy driver, 48 kHz) and waits until a client can connect.
  bool launch(int periodFrames) {
    const std::string period = std::to_string(periodFrames);
    m_pid = fork();
    if (m_pid == 0) {
      const int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, 1);
      dup2(devnull, 2);
      execlp("jackd", "jackd", "-n", m_name.c_str(), "--no-realtime", "-d", "dummy", "-r", "48000", "-p",
             period.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    if (m_pid < 0) return false;
    const std::string wait = "jack_wait -w -s " + m_name + " -t 10 >/dev/null 2>&1";
    const bool up = std::system(wait.c_str()) == 0;
    if (waitpid(m_pid, nullptr, WNOHANG) == m_pid) {  // jackd exited (and is reaped)
      m_pid = -1;
      return false;
    }
    return up;
  }

  pid_t m_pid = -1;
  std::string m_name;
};

// Writes the sequence sample index into both channels (L = index, R = -index * sign) and records
// every call. Exact in float below 2^24 samples.
class CountingSource : public BlockSource {
 public:
  explicit CountingSource(float sign = 1.0f) : m_sign(sign) {}
  void renderBlock(std::int64_t start, float* out, int frames) override {
    for (int i = 0; i < frames; ++i) {
      out[2 * i] = m_sign * static_cast<float>(start + i);
      out[2 * i + 1] = -out[2 * i];
    }
    std::lock_guard lock(m_mutex);
    m_calls.emplace_back(start, frames);
  }
  std::vector<std::pair<std::int64_t, int>> calls() const {
    std::lock_guard lock(m_mutex);
    return m_calls;
  }

 private:
  float m_sign;
  mutable std::mutex m_mutex;
  std::vector<std::pair<std::int64_t, int>> m_calls;
};

// A 1 kHz sine at -12 dBFS on both channels, phase-locked to the sequence sample.
class ToneSource : public BlockSource {
 public:
  void renderBlock(std::int64_t start, float* out, int frames) override {
    for (int i = 0; i < frames; ++i) {
      const double t = static_cast<double>((start + i) % 48000) / 48000.0;
      out[2 * i] = out[2 * i + 1] = static_cast<float>(0.25 * std::sin(2.0 * std::numbers::pi * 1000.0 * t));
    }
  }
};

}  // namespace postline::audio::testing
