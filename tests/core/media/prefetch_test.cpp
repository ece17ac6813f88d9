// The prefetcher (decode ahead, cancel on seek, clean stop) and the decoder pool.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "core/media/decoder_pool.h"
#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
#include "core/media/frame_number.h"
#include "core/media/prefetcher.h"
#include "tests/core/media/media_fixtures.h"

namespace {

using namespace postline;
using namespace postline::media;
namespace fx = postline::media::fixtures;

// A decoder of `count` 1000-byte frames that records requests; frame `blockAt` waits for release().
class FakeDecoder : public VideoDecoder {
 public:
  explicit FakeDecoder(std::int64_t count, std::int64_t blockAt = -1) : m_count(count), m_blockAt(blockAt) {
    m_info.frames = count;
  }
  base::Result<VideoFramePtr> frame(std::int64_t index) override {
    if (index < 0 || index >= m_count) return base::makeError(base::ErrorCode::OutOfRange, "fake: out of range");
    {
      std::unique_lock lock(m_mutex);
      m_requested.insert(index);
      if (index == m_blockAt) {
        m_blocked = true;
        m_cv.notify_all();
        m_cv.wait(lock, [this] { return m_released; });
      }
    }
    auto f = std::make_shared<VideoFrame>();
    f->index = index;
    f->planes[0].data.assign(1000, 1);
    return VideoFramePtr(f);
  }
  base::Result<VideoFramePtr> frameAtTime(const time::Rational&) override { return frame(0); }
  base::Result<std::int64_t> indexAtTime(const time::Rational&) const override { return 0; }
  base::Result<time::Rational> timeOfFrame(std::int64_t) const override { return time::Rational(0); }
  std::int64_t frameCount() const override { return m_count; }
  time::Rational frameRate() const override { return 24; }
  const VideoStreamInfo& info() const override { return m_info; }
  const std::filesystem::path& path() const override { return m_path; }

  void waitUntilBlocked() {
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [this] { return m_blocked; });
  }
  void release() {
    std::lock_guard lock(m_mutex);
    m_released = true;
    m_cv.notify_all();
  }
  std::set<std::int64_t> requested() {
    std::lock_guard lock(m_mutex);
    return m_requested;
  }

 private:
  std::int64_t m_count;
  std::int64_t m_blockAt;
  VideoStreamInfo m_info;
  std::filesystem::path m_path{"fake.mp4"};
  std::mutex m_mutex;
  std::condition_variable m_cv;
  bool m_blocked = false;
  bool m_released = false;
  std::set<std::int64_t> m_requested;
};

std::shared_ptr<VideoDecoder> realDecoder(const std::filesystem::path& p) {
  auto r = ffmpeg::openVideoDecoder(p);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::shared_ptr<VideoDecoder>(std::move(r).value()) : nullptr;
}

TEST(Prefetcher, DecodesTheNextFramesForwardIntoTheCache) {
  auto dec = realDecoder(fx::h264BFrames());
  ASSERT_TRUE(dec);
  FrameCache cache(64 << 20);
  Prefetcher pf(dec, cache, 7, 8);
  pf.setPlayhead(10, +1);
  pf.waitIdle();
  for (std::int64_t n = 10; n <= 18; ++n) {
    auto f = cache.get({7, n});
    ASSERT_NE(f, nullptr) << n;
    EXPECT_EQ(readFrameNumber(*f), n);
  }
  EXPECT_FALSE(cache.contains({7, 19}));
  EXPECT_FALSE(cache.contains({7, 9}));
  EXPECT_EQ(pf.failures(), 0u);
}

TEST(Prefetcher, DecodesBackwardAndStopsAtTheEnds) {
  auto dec = realDecoder(fx::h264BFrames());
  ASSERT_TRUE(dec);
  FrameCache cache(64 << 20);
  Prefetcher pf(dec, cache, 1, 5);
  pf.setPlayhead(3, -1);
  pf.waitIdle();
  for (std::int64_t n = 0; n <= 3; ++n) EXPECT_TRUE(cache.contains({1, n})) << n;
  pf.setPlayhead(93, +1);
  pf.waitIdle();
  for (std::int64_t n = 93; n <= 95; ++n) {
    auto f = cache.get({1, n});
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(readFrameNumber(*f), n);
  }
  EXPECT_EQ(pf.failures(), 0u);
  // Paused: only the playhead frame.
  cache.clear();
  pf.setPlayhead(50, 0);
  pf.waitIdle();
  EXPECT_TRUE(cache.contains({1, 50}));
  EXPECT_EQ(cache.stats().frames, 1u);
}

TEST(Prefetcher, FrameComesFromTheCacheOrIsDecodedNow) {
  auto dec = realDecoder(fx::h264BFrames());
  ASSERT_TRUE(dec);
  FrameCache cache(64 << 20);
  Prefetcher pf(dec, cache, 1, 4);
  auto f = pf.frame(40);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(readFrameNumber(**f), 40);
  EXPECT_TRUE(cache.contains({1, 40}));
  EXPECT_EQ(pf.frame(96).error().code, base::ErrorCode::OutOfRange);
}

TEST(Prefetcher, ASeekCancelsTheRestOfTheOldRequest) {
  auto fake = std::make_shared<FakeDecoder>(1000, 0);
  FrameCache cache(10 << 20);
  Prefetcher pf(fake, cache, 1, 50);
  pf.setPlayhead(0, +1);
  fake->waitUntilBlocked();  // the worker is inside frame 0
  pf.setPlayhead(500, +1);   // scrub
  fake->release();
  pf.waitIdle();
  for (std::int64_t n = 500; n <= 550; ++n) EXPECT_TRUE(cache.contains({1, n})) << n;
  const std::set<std::int64_t> asked = fake->requested();
  for (std::int64_t n = 1; n <= 50; ++n) EXPECT_EQ(asked.count(n), 0u) << "frame " << n << " of the old request";
}

TEST(Prefetcher, DestructorStopsCleanlyWithWorkPending) {
  auto fake = std::make_shared<FakeDecoder>(100000, 0);
  FrameCache cache(1 << 20);
  {
    Prefetcher pf(fake, cache, 1, 100000);
    pf.setPlayhead(0, +1);
    fake->waitUntilBlocked();
    fake->release();
  }  // must not decode the remaining 100,000 frames nor hang
  EXPECT_LT(fake->requested().size(), 100000u);
  EXPECT_LE(cache.bytesUsed(), cache.limit());
}

DecoderPool::Opener fakeOpener(std::atomic<int>& opened) {
  return [&opened](const std::filesystem::path& p) -> base::Result<std::unique_ptr<VideoDecoder>> {
    if (p.filename() == "missing.mp4") return base::makeError(base::ErrorCode::NotFound, p.string() + ": no such file");
    ++opened;
    return std::unique_ptr<VideoDecoder>(std::make_unique<FakeDecoder>(10));
  };
}

TEST(DecoderPool, OpensLazilyOncePerFile) {
  std::atomic<int> opened{0};
  DecoderPool pool(fakeOpener(opened), 4, std::chrono::seconds(30));
  EXPECT_EQ(pool.openCount(), 0u);
  auto a = pool.acquire("/media/a.mp4");
  ASSERT_TRUE(a.ok());
  auto again = pool.acquire("/media/./a.mp4");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(a->get(), again->get());
  EXPECT_EQ(opened.load(), 1);
  EXPECT_EQ(pool.openCount(), 1u);
  auto missing = pool.acquire("/media/missing.mp4");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, base::ErrorCode::NotFound);
}

TEST(DecoderPool, ClosesIdleDecodersThatNobodyHolds) {
  std::atomic<int> opened{0};
  const auto t0 = DecoderPool::Clock::time_point{} + std::chrono::hours(1);
  DecoderPool pool(fakeOpener(opened), 4, std::chrono::seconds(30));
  (void)pool.acquire("/media/a.mp4", t0);
  auto held = pool.acquire("/media/b.mp4", t0);
  (void)pool.acquire("/media/c.mp4", t0 + std::chrono::seconds(20));
  EXPECT_EQ(pool.collectIdle(t0 + std::chrono::seconds(30)), 0u) << "not idle longer than the timeout yet";
  EXPECT_EQ(pool.collectIdle(t0 + std::chrono::seconds(31)), 1u) << "a closes; b is held; c was used later";
  EXPECT_FALSE(pool.isOpen("/media/a.mp4"));
  EXPECT_TRUE(pool.isOpen("/media/b.mp4"));
  EXPECT_TRUE(pool.isOpen("/media/c.mp4"));
  held = base::makeError(base::ErrorCode::NotFound, "released");
  EXPECT_EQ(pool.collectIdle(t0 + std::chrono::minutes(5)), 2u);
  EXPECT_EQ(pool.openCount(), 0u);
  const std::uint64_t id = pool.sourceId("/media/a.mp4");
  (void)pool.acquire("/media/a.mp4", t0 + std::chrono::minutes(6));
  EXPECT_EQ(opened.load(), 4) << "reopened after being closed";
  EXPECT_EQ(pool.sourceId("/media/a.mp4"), id);
  EXPECT_NE(pool.sourceId("/media/b.mp4"), id);
}

TEST(DecoderPool, KeepsAtMostMaxOpenDroppingTheLeastRecentlyUsed) {
  std::atomic<int> opened{0};
  const auto t0 = DecoderPool::Clock::time_point{} + std::chrono::hours(1);
  DecoderPool pool(fakeOpener(opened), 2, std::chrono::seconds(30));
  (void)pool.acquire("/media/a.mp4", t0);
  (void)pool.acquire("/media/b.mp4", t0 + std::chrono::seconds(1));
  (void)pool.acquire("/media/a.mp4", t0 + std::chrono::seconds(2));
  (void)pool.acquire("/media/c.mp4", t0 + std::chrono::seconds(3));
  EXPECT_EQ(pool.openCount(), 2u);
  EXPECT_TRUE(pool.isOpen("/media/a.mp4"));
  EXPECT_FALSE(pool.isOpen("/media/b.mp4"));
  EXPECT_TRUE(pool.isOpen("/media/c.mp4"));
}

TEST(DecoderPool, HandsOutRealDecoders) {
  DecoderPool pool([](const std::filesystem::path& p) { return ffmpeg::openVideoDecoder(p); }, 2,
                   std::chrono::seconds(30));
  auto dec = pool.acquire(fx::h264BFrames());
  ASSERT_TRUE(dec.ok()) << dec.error().message;
  auto f = (*dec)->frame(33);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(readFrameNumber(**f), 33);
  EXPECT_FALSE(pool.acquire(fx::textAsMp4()).ok());
}

TEST(DecoderPool, ASharedDecoderServesTwoThreadsExactly) {
  DecoderPool pool([](const std::filesystem::path& p) { return ffmpeg::openVideoDecoder(p); }, 2,
                   std::chrono::seconds(30));
  auto dec = pool.acquire(fx::h264BFrames());
  ASSERT_TRUE(dec.ok()) << dec.error().message;
  std::shared_ptr<VideoDecoder> shared = *dec;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([shared, &wrong, t] {
      for (int i = 0; i < 30; ++i) {
        const std::int64_t n = (i * 37 + t * 11) % 96;
        auto f = shared->frame(n);
        if (!f.ok() || readFrameNumber(**f) != n) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
