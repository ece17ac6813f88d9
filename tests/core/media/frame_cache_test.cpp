// The frame cache: LRU order, the byte limit under many puts of varied sizes and under threads.
#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <thread>
#include <vector>

#include "core/media/frame_cache.h"

namespace {

using namespace postline::media;

// A frame holding `bytes` bytes in its Y plane.
VideoFramePtr frameOf(std::size_t bytes, std::int64_t index = 0) {
  auto f = std::make_shared<VideoFrame>();
  f->planes[0].data.assign(bytes, 7);
  f->index = index;
  return f;
}

TEST(FrameCache, GetReturnsWhatWasPut) {
  FrameCache cache(1000);
  EXPECT_EQ(cache.get({1, 5}), nullptr);
  ASSERT_TRUE(cache.put({1, 5}, frameOf(100, 5)));
  auto f = cache.get({1, 5});
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->index, 5);
  EXPECT_EQ(cache.get({2, 5}), nullptr) << "another source";
  EXPECT_EQ(cache.bytesUsed(), 100u);
  EXPECT_EQ(cache.stats().hits, 1u);
  EXPECT_EQ(cache.stats().misses, 2u);
}

TEST(FrameCache, EvictsLeastRecentlyUsed) {
  FrameCache cache(300);
  cache.put({1, 0}, frameOf(100));
  cache.put({1, 1}, frameOf(100));
  cache.put({1, 2}, frameOf(100));
  ASSERT_NE(cache.get({1, 0}), nullptr);  // 0 is now the most recent; 1 is the oldest
  cache.put({1, 3}, frameOf(100));
  EXPECT_TRUE(cache.contains({1, 0}));
  EXPECT_FALSE(cache.contains({1, 1}));
  EXPECT_TRUE(cache.contains({1, 2}));
  EXPECT_TRUE(cache.contains({1, 3}));
  EXPECT_EQ(cache.bytesUsed(), 300u);
  EXPECT_EQ(cache.stats().evictions, 1u);
}

TEST(FrameCache, ReplacingAKeyCountsOnlyTheNewFrame) {
  FrameCache cache(1000);
  cache.put({1, 0}, frameOf(400));
  cache.put({1, 0}, frameOf(300));
  EXPECT_EQ(cache.bytesUsed(), 300u);
  EXPECT_EQ(cache.stats().frames, 1u);
}

TEST(FrameCache, FrameLargerThanTheLimitIsNotStored) {
  FrameCache cache(100);
  cache.put({1, 0}, frameOf(50));
  EXPECT_FALSE(cache.put({1, 1}, frameOf(101)));
  EXPECT_TRUE(cache.contains({1, 0})) << "a refused frame evicts nothing";
  EXPECT_LE(cache.bytesUsed(), cache.limit());
}

TEST(FrameCache, EraseSourceClearAndSetLimit) {
  FrameCache cache(1000);
  for (int i = 0; i < 4; ++i) cache.put({1, i}, frameOf(100));
  for (int i = 0; i < 4; ++i) cache.put({2, i}, frameOf(100));
  cache.eraseSource(1);
  EXPECT_EQ(cache.bytesUsed(), 400u);
  EXPECT_FALSE(cache.contains({1, 0}));
  cache.setLimit(250);
  EXPECT_EQ(cache.bytesUsed(), 200u);
  EXPECT_TRUE(cache.contains({2, 3}));
  cache.clear();
  EXPECT_EQ(cache.bytesUsed(), 0u);
}

TEST(FrameCache, ManyPutsOfVariedSizesNeverExceedTheLimit) {
  FrameCache cache(10000);
  std::mt19937 rng(3);
  std::uniform_int_distribution<std::size_t> size(1, 3000);
  std::uniform_int_distribution<std::int64_t> index(0, 200);
  for (int i = 0; i < 5000; ++i) {
    cache.put({static_cast<std::uint64_t>(i % 3), index(rng)}, frameOf(size(rng)));
    ASSERT_LE(cache.bytesUsed(), cache.limit());
  }
  const FrameCacheStats s = cache.stats();
  EXPECT_LE(s.maxBytesUsed, cache.limit());
  EXPECT_GT(s.maxBytesUsed, cache.limit() / 2);
  EXPECT_GT(s.evictions, 0u);
}

TEST(FrameCache, ConcurrentPutsAndGetsNeverExceedTheLimit) {
  FrameCache cache(64 * 1024);
  std::atomic<bool> overLimit{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, &overLimit, t] {
      std::mt19937 rng(static_cast<unsigned>(t));
      std::uniform_int_distribution<std::size_t> size(100, 20000);
      std::uniform_int_distribution<std::int64_t> index(0, 100);
      for (int i = 0; i < 3000; ++i) {
        const FrameKey key{static_cast<std::uint64_t>(t % 2), index(rng)};
        if (i % 3 == 0) {
          (void)cache.get(key);
        } else {
          cache.put(key, frameOf(size(rng)));
        }
        if (cache.bytesUsed() > cache.limit()) overLimit = true;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_FALSE(overLimit.load());
  EXPECT_LE(cache.stats().maxBytesUsed, cache.limit());
  // The books balance: bytesUsed is the sum of the frames still held.
  std::size_t sum = 0;
  for (std::uint64_t s = 0; s < 2; ++s) {
    for (std::int64_t i = 0; i <= 100; ++i) {
      if (auto f = cache.get({s, i})) sum += f->byteSize();
    }
  }
  EXPECT_EQ(sum, cache.bytesUsed());
}

}  // namespace
