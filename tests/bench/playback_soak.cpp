// Playback soak: plays the real mixer (the five-track programme of mix_fixture.h: EQ, compressor,
// ducking, limiter), looped, on a private jackd dummy server at 256-frame buffers for N seconds while other threads burn CPU
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
#include "core/audio/mixer.h"
#include "core/audio/playback_engine.h"
#include "tests/bench/mix_fixture.h"
#include "tests/core/audio/jack_fixture.h"

namespace {

using postline::audio::BlockSource;
using postline::audio::PlaybackEngine;

// The real mixer on the five-track programme of mix_fixture.h (EQ, compressor, ducking, limiter
// on every block), looped: position t plays the programme at t mod its length.
class LoopedMix : public BlockSource {
 public:
  LoopedMix()
      : m_plan(std::make_shared<const postline::audio::MixPlan>(
            postline::audio::planMix(postline::bench::project(), postline::bench::project().sequences.front().id)
                .value())),
        m_mixer(m_plan) {}
  void renderBlock(std::int64_t start, float* out, int frames) override {
    for (int done = 0; done < frames;) {
      const std::int64_t at = (start + done) % m_plan->length;
      const int n = static_cast<int>(std::min<std::int64_t>(frames - done, m_plan->length - at));
      m_mixer.renderBlock(at, out + 2 * done, n);
      done += n;
    }
  }

 private:
  std::shared_ptr<const postline::audio::MixPlan> m_plan;
  postline::audio::Mixer m_mixer;
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
    engine.setSource(std::make_shared<LoopedMix>());
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
