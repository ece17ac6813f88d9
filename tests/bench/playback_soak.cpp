// Playback soak: plays a mixing-like source (5 tracks of noise through biquads, panned and summed)
// on a private jackd dummy server at 256-frame buffers for N seconds while other threads burn CPU
// like a render, then prints one JSON line:
//   {"seconds":..,"underruns":..,"callbacks":..,"max_ring_fill_low":..,...}
// max_ring_fill_low is the ring's low-water mark: the fewest frames a playing callback found
// queued (out of ring_capacity); 0 means the ring ran dry at least once.
// Usage: postline_playback_soak [seconds=600] [device="JACK Audio Connection Kit: system"] [burners=1]
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <numbers>
#include <string>
#include <thread>
#include <vector>

#include "core/audio/block_source.h"
#include "core/audio/playback_engine.h"
#include "tests/core/audio/jack_fixture.h"

namespace {

using postline::audio::BlockSource;
using postline::audio::PlaybackEngine;

// Direct-form-I biquad (RBJ peaking EQ), one channel.
struct Biquad {
  double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0, x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  static Biquad peaking(double hz, double q, double db) {
    const double a = std::pow(10.0, db / 40.0), w = 2.0 * std::numbers::pi * hz / 48000.0;
    const double alpha = std::sin(w) / (2.0 * q), a0 = 1.0 + alpha / a;
    Biquad f;
    f.b0 = (1.0 + alpha * a) / a0;
    f.b1 = f.a1 = -2.0 * std::cos(w) / a0;
    f.b2 = (1.0 - alpha * a) / a0;
    f.a2 = (1.0 - alpha / a) / a0;
    return f;
  }
  double run(double x) {
    const double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1, x1 = x, y2 = y1, y1 = y;
    return y;
  }
};

// Five "tracks": xorshift noise, 4 EQ bands per channel, pan, gain ramp, summed to stereo.
class MixLikeSource : public BlockSource {
 public:
  MixLikeSource() {
    for (int t = 0; t < kTracks; ++t) {
      for (int c = 0; c < 2; ++c) {
        for (int b = 0; b < kBands; ++b) m_eq[t][c][b] = Biquad::peaking(100.0 * (b + 1) * (t + 1), 0.7, 3.0 - b);
      }
    }
  }
  void renderBlock(std::int64_t start, float* out, int frames) override {
    for (int i = 0; i < frames; ++i) out[2 * i] = out[2 * i + 1] = 0.0f;
    for (int t = 0; t < kTracks; ++t) {
      const double pan = (t - 2) / 2.0, gl = std::cos((pan + 1) * std::numbers::pi / 4), gr = std::sin((pan + 1) * std::numbers::pi / 4);
      for (int i = 0; i < frames; ++i) {
        m_state ^= m_state << 13, m_state ^= m_state >> 7, m_state ^= m_state << 17;
        const double noise = static_cast<double>(m_state >> 11) / 9007199254740992.0 - 0.5;
        double l = noise, r = noise;
        for (int b = 0; b < kBands; ++b) l = m_eq[t][0][b].run(l), r = m_eq[t][1][b].run(r);
        const double gain = 0.05 * (1.0 + 0.5 * std::sin(static_cast<double>(start + i) * 1e-4));
        out[2 * i] += static_cast<float>(l * gl * gain);
        out[2 * i + 1] += static_cast<float>(r * gr * gain);
      }
    }
  }

 private:
  static constexpr int kTracks = 5, kBands = 4;
  Biquad m_eq[kTracks][2][kBands];
  std::uint64_t m_state = 0x9E3779B97F4A7C15ULL;
};

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 600.0;
  const std::string device = argc > 2 ? argv[2] : "JACK Audio Connection Kit: system";
  const int burners = argc > 3 ? std::atoi(argv[3]) : 1;
  postline::audio::testing::JackServer jack;
  if (const std::string why = jack.start(256); !why.empty()) {
    std::fprintf(stderr, "playback_soak: %s\n", why.c_str());
    return 2;
  }
  std::atomic<bool> stop{false};
  std::vector<std::thread> burn;
  for (int b = 0; b < burners; ++b) {
    burn.emplace_back([&stop] {
      volatile double sink = 0;
      while (!stop.load(std::memory_order_relaxed)) {
        for (int i = 0; i < 100000; ++i) sink = sink + std::sqrt(static_cast<double>(i));
      }
    });
  }
  std::uint64_t underruns = 0, callbacks = 0;
  int low = 0, capacity = 0;
  bool hadDevice = false, keptDevice = false;
  {
    PlaybackEngine::Options options;
    options.device = device;
    PlaybackEngine engine(options);
    hadDevice = engine.hasDevice();
    engine.setSource(std::make_shared<MixLikeSource>());
    engine.play(0);
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    keptDevice = engine.hasDevice();
    underruns = engine.underruns();
    callbacks = engine.callbacks();
    low = engine.ringFillLow();
    capacity = engine.ringCapacity();
  }
  stop.store(true);
  for (auto& t : burn) t.join();
  std::printf("{\"seconds\":%.1f,\"underruns\":%llu,\"callbacks\":%llu,\"max_ring_fill_low\":%d,\"ring_capacity\":%d,"
              "\"buffer_frames\":256,\"burner_threads\":%d,\"device\":\"%s\",\"device_kept\":%s}\n",
              seconds, static_cast<unsigned long long>(underruns), static_cast<unsigned long long>(callbacks), low, capacity,
              burners, device.c_str(), hadDevice && keptDevice ? "true" : "false");
  return hadDevice && keptDevice ? 0 : 1;
}
