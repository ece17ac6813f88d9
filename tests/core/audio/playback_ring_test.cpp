#include <gtest/gtest.h>

#include <cstdint>
#include <thread>
#include <vector>

#include "core/audio/spsc_ring.h"

namespace postline::audio {
namespace {

std::vector<float> frames(int count, float first) {
  std::vector<float> v;
  for (int i = 0; i < count; ++i) {
    v.push_back(first + static_cast<float>(i));
    v.push_back(-(first + static_cast<float>(i)));
  }
  return v;
}

TEST(PlaybackRing, CapacityRoundsUpToPowerOfTwo) {
  EXPECT_EQ(SpscRing(1000).capacity(), 1024);
  EXPECT_EQ(SpscRing(1024).capacity(), 1024);
  EXPECT_EQ(SpscRing(1).capacity(), 1);
}

TEST(PlaybackRing, WriteThenReadKeepsOrderAcrossTheWrap) {
  SpscRing ring(8);
  std::vector<float> out(16, 0.0f);
  EXPECT_EQ(ring.write(frames(6, 0).data(), 6), 6);
  EXPECT_EQ(ring.read(out.data(), 5), 5);  // read index now 5: the next write wraps
  EXPECT_EQ(ring.write(frames(7, 6).data(), 7), 7);
  EXPECT_EQ(ring.available(), 8);
  EXPECT_EQ(ring.freeFrames(), 0);
  ASSERT_EQ(ring.read(out.data(), 8), 8);
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(out[2 * i], static_cast<float>(5 + i));
    EXPECT_EQ(out[2 * i + 1], -static_cast<float>(5 + i));
  }
}

TEST(PlaybackRing, PartialWritesAndReads) {
  SpscRing ring(4);
  std::vector<float> out(20, 0.0f);
  EXPECT_EQ(ring.write(frames(6, 0).data(), 6), 4);  // only 4 fit
  EXPECT_EQ(ring.write(frames(1, 9).data(), 1), 0);
  EXPECT_EQ(ring.read(out.data(), 10), 4);
  EXPECT_EQ(out[6], 3.0f);
  EXPECT_EQ(ring.read(out.data(), 1), 0);
  EXPECT_EQ(ring.available(), 0);
}

TEST(PlaybackRing, ClearAndTruncate) {
  SpscRing ring(16);
  std::vector<float> out(32, 0.0f);
  ASSERT_EQ(ring.write(frames(10, 0).data(), 10), 10);
  ASSERT_EQ(ring.read(out.data(), 2), 2);
  EXPECT_EQ(ring.truncateWhileProducerParked(3), 3);  // keeps frames 2, 3, 4
  EXPECT_EQ(ring.available(), 3);
  ASSERT_EQ(ring.write(frames(2, 100).data(), 2), 2);
  ASSERT_EQ(ring.read(out.data(), 16), 5);
  EXPECT_EQ(out[0], 2.0f);
  EXPECT_EQ(out[4], 4.0f);
  EXPECT_EQ(out[6], 100.0f);
  EXPECT_EQ(out[8], 101.0f);
  EXPECT_EQ(ring.truncateWhileProducerParked(99), 0);  // clamped to what is there
  ASSERT_EQ(ring.write(frames(4, 0).data(), 4), 4);
  ring.clear();
  EXPECT_EQ(ring.available(), 0);
  EXPECT_EQ(ring.freeFrames(), 16);
}

// Producer writes frames 0..N-1 (L = index mod 2^20, R = -L) in odd-sized chunks; the consumer
// reads in other odd-sized chunks and checks every frame arrives once, in order.
TEST(PlaybackRing, TwoThreadStressKeepsOrder) {
  constexpr std::int64_t kTotal = 1'000'000;
  SpscRing ring(1024);
  std::thread producer([&] {
    std::vector<float> chunk(2 * 97);
    std::int64_t next = 0;
    while (next < kTotal) {
      const int want = static_cast<int>(std::min<std::int64_t>(97, kTotal - next));
      for (int i = 0; i < want; ++i) {
        chunk[2 * i] = static_cast<float>((next + i) % (1 << 20));
        chunk[2 * i + 1] = -chunk[2 * i];
      }
      int done = 0;
      while (done < want) {
        const int n = ring.write(chunk.data() + 2 * done, want - done);
        if (n == 0) std::this_thread::yield();
        done += n;
      }
      next += want;
    }
  });
  std::vector<float> chunk(2 * 61);
  std::int64_t expected = 0;
  std::int64_t mismatches = 0;
  while (expected < kTotal) {
    const int n = ring.read(chunk.data(), 61);
    if (n == 0) std::this_thread::yield();
    for (int i = 0; i < n; ++i, ++expected) {
      const auto want = static_cast<float>(expected % (1 << 20));
      if (chunk[2 * i] != want || chunk[2 * i + 1] != -want) ++mismatches;
    }
  }
  producer.join();
  EXPECT_EQ(expected, kTotal);
  EXPECT_EQ(mismatches, 0);
  EXPECT_EQ(ring.available(), 0);
}

}  // namespace
}  // namespace postline::audio
