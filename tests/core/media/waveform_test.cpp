#include <gtest/gtest.h>

#include <atomic>

#include "core/media/audio_decoder.h"
#include "core/media/waveform.h"
#include "tests/core/media/audio_test_util.h"

using namespace postline;
using namespace postline::media;
namespace tu = postline::media::testutil;

namespace {

// Left: a spike of +0.75 at 10000 and -0.5 at 30000 over silence; right: a constant 0.25
// except -0.9 at 50000. 60000 samples at 48 kHz, float.
double spikes(int ch, std::int64_t i) {
  if (ch == 0) return i == 10000 ? 0.75 : (i == 30000 ? -0.5 : 0.0);
  return i == 50000 ? -0.9 : 0.25;
}

}  // namespace

TEST(Waveform, BuilderFindsKnownPeaksAtEveryLevel) {
  WaveformBuilder b;
  std::vector<float> l(60000), r(60000);
  for (std::size_t i = 0; i < l.size(); ++i) {
    l[i] = static_cast<float>(spikes(0, static_cast<std::int64_t>(i)));
    r[i] = static_cast<float>(spikes(1, static_cast<std::int64_t>(i)));
  }
  b.add(l.data(), r.data(), 25000);  // in two pieces: buckets straddle the join
  b.add(l.data() + 25000, r.data() + 25000, 35000);
  const Waveform w = b.finish();
  EXPECT_EQ(w.length, 60000);
  ASSERT_EQ(w.levels.size(), kWaveformBuckets.size());
  for (std::size_t li = 0; li < w.levels.size(); ++li) {
    const WaveformLevel& lv = w.levels[li];
    const std::int64_t spb = kWaveformBuckets[li];
    EXPECT_EQ(lv.samplesPerBucket, spb);
    ASSERT_EQ(static_cast<std::int64_t>(lv.left.size()), (60000 + spb - 1) / spb);
    for (std::size_t k = 0; k < lv.left.size(); ++k) {
      const std::int64_t lo = static_cast<std::int64_t>(k) * spb;
      const std::int64_t hi = std::min<std::int64_t>(lo + spb, 60000);
      float mn = 1, mx = -1, rmn = 1, rmx = -1;
      for (std::int64_t i = lo; i < hi; ++i) {
        mn = std::min(mn, l[static_cast<std::size_t>(i)]);
        mx = std::max(mx, l[static_cast<std::size_t>(i)]);
        rmn = std::min(rmn, r[static_cast<std::size_t>(i)]);
        rmx = std::max(rmx, r[static_cast<std::size_t>(i)]);
      }
      ASSERT_EQ(lv.left[k], (Peak{mn, mx})) << "level " << spb << " bucket " << k;
      ASSERT_EQ(lv.right[k], (Peak{rmn, rmx})) << "level " << spb << " bucket " << k;
    }
  }
  EXPECT_EQ(w.levels[0].left[10000 / 256], (Peak{0.0f, 0.75f}));
  EXPECT_EQ(w.levels[3].right[50000 / 16384], (Peak{-0.9f, 0.25f}));
}

TEST(Waveform, LevelForPicksTheCoarsestNotLargerThanAPixel) {
  WaveformBuilder b;
  const Waveform w = b.finish();
  EXPECT_EQ(w.levelFor(100.0)->samplesPerBucket, 256);
  EXPECT_EQ(w.levelFor(2000.0)->samplesPerBucket, 1024);
  EXPECT_EQ(w.levelFor(1e9)->samplesPerBucket, 16384);
}

TEST(Waveform, ComputedFromTheDecoderMatchesTheSignal) {
  const auto p = tu::wav("spikes_f32_48k.wav", 48000, 2, 0x3, tu::WavFormat::F32, 60000, spikes);
  auto d = openAudioDecoder(p);
  ASSERT_TRUE(d.ok()) << d.error().message;
  auto w = computeWaveform(*d.value());
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->length, 60000);
  const WaveformLevel& fine = w->levels[0];
  ASSERT_EQ(fine.left.size(), (60000u + 255) / 256);
  EXPECT_EQ(fine.left[10000 / 256], (Peak{0.0f, 0.75f}));
  EXPECT_EQ(fine.left[30000 / 256], (Peak{-0.5f, 0.0f}));
  EXPECT_EQ(fine.left[0], (Peak{0.0f, 0.0f}));
  EXPECT_EQ(fine.right[50000 / 256], (Peak{-0.9f, 0.25f}));
  EXPECT_EQ(fine.right[1], (Peak{0.25f, 0.25f}));
  EXPECT_EQ(w->levels[2].left[10000 / 4096], (Peak{0.0f, 0.75f}));
}

TEST(Waveform, CancelStopsTheComputation) {
  const auto p = tu::wav("spikes_f32_48k.wav", 48000, 2, 0x3, tu::WavFormat::F32, 60000, spikes);
  auto d = openAudioDecoder(p);
  ASSERT_TRUE(d.ok());
  std::atomic<bool> cancel{true};
  EXPECT_FALSE(computeWaveform(*d.value(), &cancel).ok());
}
