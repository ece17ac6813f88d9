#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <random>

#include "core/media/summary_cache.h"
#include "tests/core/media/media_fixtures.h"

using namespace postline;
using namespace postline::media;
namespace fx = postline::media::fixtures;
namespace fs = std::filesystem;

namespace {

// A fresh folder with private copies of a WAV and an MP4 (so tests can touch them).
struct Sandbox {
  fs::path root;
  fs::path wav;
  fs::path mp4;
  Sandbox() {
    root = fx::dir() / ("summary-" + std::to_string(std::random_device{}()));
    fs::create_directories(root);
    wav = root / "tone.wav";
    mp4 = root / "clip.mp4";
    fs::copy_file(fx::wavStereo(), wav);
    fs::copy_file(fx::h264BFrames(), mp4);
  }
  ~Sandbox() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  fs::path cacheDir() const { return root / "project.postline.cache"; }
};

ThumbnailSpec strip() {
  return ThumbnailSpec{{time::Rational{0}, time::Rational{1}, time::Rational::make(3, 2).value()}, 45};
}

void touch(const fs::path& p) { fs::last_write_time(p, fs::last_write_time(p) + std::chrono::seconds(5)); }

}  // namespace

TEST(SummaryCache, FolderSitsBesideTheProject) {
  EXPECT_EQ(SummaryCache::folderFor("/work/films/cut.postline"), fs::path("/work/films/cut.postline.cache"));
}

TEST(SummaryCache, SecondRequestIsACacheHit) {
  Sandbox box;
  Waveform first;
  {
    SummaryCache cache(box.cacheDir());
    auto w = cache.waveform(box.wav);
    ASSERT_TRUE(w.ok()) << w.error().message;
    first = *w;
    EXPECT_EQ(first.length, 96000);
    auto again = cache.waveform(box.wav);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, first);
    EXPECT_EQ(cache.stats().computed, 1);
    EXPECT_EQ(cache.stats().loaded, 1);
    auto t = cache.thumbnails(box.mp4, strip());
    ASSERT_TRUE(t.ok()) << t.error().message;
    ASSERT_EQ(t->size(), 3u);
    EXPECT_EQ((*t)[0].height, 45);
    EXPECT_EQ((*t)[0].width, 80);
  }
  SummaryCache reopened(box.cacheDir());  // a later session reads the same files
  auto w = reopened.cachedWaveform(box.wav);
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(*w, first);
  auto t = reopened.cachedThumbnails(box.mp4, strip());
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->size(), 3u);
  ThumbnailSpec other = strip();
  other.height = 46;
  EXPECT_FALSE(reopened.cachedThumbnails(box.mp4, other).has_value());  // another request, another entry
  EXPECT_EQ(reopened.stats().computed, 0);
}

TEST(SummaryCache, TouchingTheMediaInvalidatesItsEntries) {
  Sandbox box;
  SummaryCache cache(box.cacheDir());
  ASSERT_TRUE(cache.waveform(box.wav).ok());
  ASSERT_TRUE(cache.thumbnails(box.mp4, strip()).ok());
  touch(box.wav);
  touch(box.mp4);
  EXPECT_FALSE(cache.cachedWaveform(box.wav).has_value());
  EXPECT_FALSE(cache.cachedThumbnails(box.mp4, strip()).has_value());
  ASSERT_TRUE(cache.waveform(box.wav).ok());
  ASSERT_TRUE(cache.thumbnails(box.mp4, strip()).ok());
  EXPECT_EQ(cache.stats().computed, 4);
  EXPECT_TRUE(cache.cachedWaveform(box.wav).has_value());  // rewritten for the new mtime
}

TEST(SummaryCache, CorruptEntriesAreRecomputed) {
  Sandbox box;
  SummaryCache cache(box.cacheDir());
  auto good = cache.waveform(box.wav);
  ASSERT_TRUE(good.ok());
  ASSERT_TRUE(cache.thumbnails(box.mp4, strip()).ok());
  const fs::path wave = cache.entryPath(box.wav, nullptr);
  const ThumbnailSpec spec = strip();
  const fs::path thumbs = cache.entryPath(box.mp4, &spec);
  ASSERT_TRUE(fs::exists(wave));
  ASSERT_TRUE(fs::exists(thumbs));
  auto bytes = fx::readBytes(wave);
  // Damage: a flipped byte in the payload, a truncated file, garbage, an empty file.
  std::vector<std::vector<std::uint8_t>> damaged;
  damaged.push_back(bytes);
  damaged.back()[bytes.size() / 2] ^= 0x5A;
  damaged.emplace_back(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(bytes.size() / 3));
  damaged.push_back(std::vector<std::uint8_t>(1000, 0xFF));
  damaged.emplace_back();
  for (const auto& d : damaged) {
    ASSERT_TRUE(fx::writeBytes(wave, d).ok());
    EXPECT_FALSE(cache.cachedWaveform(box.wav).has_value());
    auto again = cache.waveform(box.wav);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, *good);
  }
  auto tb = fx::readBytes(thumbs);
  tb.resize(tb.size() - 100);
  ASSERT_TRUE(fx::writeBytes(thumbs, tb).ok());
  EXPECT_FALSE(cache.cachedThumbnails(box.mp4, strip()).has_value());
  EXPECT_TRUE(cache.thumbnails(box.mp4, strip()).ok());
  EXPECT_GE(cache.stats().rejected, 5);
}

TEST(SummaryCache, BackgroundRequestsComplete) {
  Sandbox box;
  SummaryCache cache(box.cacheDir());
  std::promise<std::pair<SummaryCache::RequestId, bool>> wave;
  std::promise<std::pair<SummaryCache::RequestId, std::size_t>> thumbs;
  const auto waveId = cache.requestWaveform(box.wav, [&wave](SummaryCache::RequestId id, base::Result<Waveform> r) {
    wave.set_value({id, r.ok() && r->length == 96000});
  });
  const auto thumbId = cache.requestThumbnails(box.mp4, strip(), [&thumbs](SummaryCache::RequestId id, base::Result<std::vector<Image>> r) {
    thumbs.set_value({id, r.ok() ? r->size() : 0});
  });
  const auto w = wave.get_future().get();
  const auto t = thumbs.get_future().get();
  EXPECT_EQ(w.first, waveId);
  EXPECT_TRUE(w.second);
  EXPECT_EQ(t.first, thumbId);
  EXPECT_EQ(t.second, 3u);
  cache.waitIdle();
  EXPECT_TRUE(cache.cachedWaveform(box.wav).has_value());
}

TEST(SummaryCache, BackgroundErrorsReachTheCallback) {
  Sandbox box;
  SummaryCache cache(box.cacheDir());
  std::promise<bool> failed;
  cache.requestWaveform(fx::textAsMp4(), [&failed](SummaryCache::RequestId, base::Result<Waveform> r) {
    failed.set_value(!r.ok());
  });
  EXPECT_TRUE(failed.get_future().get());
}

TEST(SummaryCache, CancelledRequestsDoNotCallBack) {
  Sandbox box;
  std::atomic<int> calls{0};
  {
    SummaryCache cache(box.cacheDir());
    for (int round = 0; round < 2; ++round) {
      std::promise<void> release;
      std::shared_future<void> gate = release.get_future().share();
      auto started = std::make_shared<std::promise<void>>();
      std::future<void> hasStarted = started->get_future();
      // The first request's callback holds the worker until the others are cancelled.
      cache.requestWaveform(box.wav, [&calls, gate, started](SummaryCache::RequestId, base::Result<Waveform>) {
        started->set_value();
        gate.wait();
        ++calls;
      });
      std::vector<SummaryCache::RequestId> ids;
      for (int i = 0; i < 4; ++i) {
        ids.push_back(cache.requestThumbnails(box.mp4, strip(), [&calls](SummaryCache::RequestId, auto) { calls += 100; }));
      }
      hasStarted.wait();
      if (round == 0) {
        for (auto id : ids) cache.cancel(id);  // queued behind the first: dropped
      } else {
        cache.cancelAll();  // the running callback has started and completes; the queue is dropped
      }
      release.set_value();
      cache.waitIdle();
    }
    EXPECT_EQ(calls.load(), 2);
    // Work still queued when the cache is destroyed is dropped; the destructor joins.
    for (int i = 0; i < 3; ++i) cache.requestWaveform(box.wav, [&calls](SummaryCache::RequestId, auto) { calls += 0; });
  }
  EXPECT_LE(calls.load(), 2);
}
