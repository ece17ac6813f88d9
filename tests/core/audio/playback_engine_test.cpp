#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/audio/playback_engine.h"
#include "tests/core/audio/jack_fixture.h"

namespace postline::audio {
namespace {

using testing::CountingSource;
using testing::waitUntil;

PlaybackEngine::Options noDevice() {
  PlaybackEngine::Options o;
  o.useDevice = false;
  return o;
}

// Every call after the first starts where the previous one ended.
::testing::AssertionResult consecutive(const std::vector<std::pair<std::int64_t, int>>& calls, std::size_t from) {
  for (std::size_t i = from + 1; i < calls.size(); ++i) {
    if (calls[i].first != calls[i - 1].first + calls[i - 1].second) {
      return ::testing::AssertionFailure() << "call " << i << " starts at " << calls[i].first << ", expected "
                                           << calls[i - 1].first + calls[i - 1].second;
    }
  }
  return ::testing::AssertionSuccess();
}

TEST(PlaybackEngine, NoDevicePositionFollowsTheSystemClock) {
  PlaybackEngine engine(noDevice());
  auto source = std::make_shared<CountingSource>();
  engine.setSource(source);
  EXPECT_FALSE(engine.hasDevice());
  EXPECT_FALSE(engine.playing());
  EXPECT_EQ(engine.position(), 0);
  engine.play(48000);
  EXPECT_TRUE(engine.playing());
  EXPECT_GE(engine.position(), 48000);
  std::int64_t last = engine.position();
  bool monotonic = true;
  EXPECT_TRUE(waitUntil([&] {
    const std::int64_t p = engine.position();
    monotonic = monotonic && p >= last;
    last = p;
    return p > 48000 + 4800;
  }));
  EXPECT_TRUE(monotonic);
  EXPECT_TRUE(waitUntil([&] { return source->calls().size() >= 5; }));
  const auto calls = source->calls();
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(calls.front().first, 48000);
  EXPECT_TRUE(consecutive(calls, 0));
}

TEST(PlaybackEngine, NoDevicePauseHoldsAndSeekMoves) {
  PlaybackEngine engine(noDevice());
  engine.setSource(std::make_shared<CountingSource>());
  engine.play(0);
  ASSERT_TRUE(waitUntil([&] { return engine.position() > 2400; }));
  engine.pause();
  EXPECT_FALSE(engine.playing());
  const std::int64_t held = engine.position();
  EXPECT_GT(held, 2400);
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  EXPECT_EQ(engine.position(), held);
  engine.seek(480000);
  EXPECT_EQ(engine.position(), 480000);
  EXPECT_FALSE(engine.playing());
  engine.play(engine.position());
  EXPECT_TRUE(waitUntil([&] { return engine.position() > 480000 + 2400; }));
}

TEST(PlaybackEngine, NoDeviceSeekWhilePlayingRestartsTheBlocks) {
  PlaybackEngine engine(noDevice());
  auto source = std::make_shared<CountingSource>();
  engine.setSource(source);
  engine.play(0);
  ASSERT_TRUE(waitUntil([&] { return source->calls().size() >= 2; }));
  engine.seek(2'000'000);
  EXPECT_TRUE(engine.playing());
  EXPECT_GE(engine.position(), 2'000'000);
  ASSERT_TRUE(waitUntil([&] { return engine.position() > 2'000'000 + 4800; }));
  const auto calls = source->calls();
  std::size_t at = calls.size();
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (calls[i].first == 2'000'000) at = i;
  }
  ASSERT_LT(at, calls.size()) << "no block started at the seek position";
  EXPECT_TRUE(consecutive(calls, at));
  EXPECT_GT(calls.size(), at + 3);
}

// No device present on this machine (no sound card, no JACK server named by default): the engine
// must still play on the system clock.
TEST(PlaybackEngine, MissingDeviceFallsBackToTheSystemClock) {
  PlaybackEngine::Options options;
  options.device = "postline-no-such-device";
  PlaybackEngine engine(options);
  EXPECT_FALSE(engine.hasDevice());
  EXPECT_EQ(engine.deviceName(), "");
  engine.play(100);
  EXPECT_TRUE(waitUntil([&] { return engine.position() > 100 + 4800; }));
}

// The test drives the callback: the output is the source's samples, consecutive from the play
// position, and position() lies within the buffer just handed out.
TEST(PlaybackEngine, CallbackDeliversConsecutiveSamplesAndClock) {
  PlaybackEngine::Options options;
  options.testDriven = true;
  PlaybackEngine engine(options);
  engine.setSource(std::make_shared<CountingSource>());
  engine.play(48000);
  std::vector<float> out(2 * 256);
  std::int64_t expected = 48000;
  int mismatches = 0, clockOutside = 0, delivered = 0;
  for (int call = 0; call < 400; ++call) {
    engine.renderForTest(out.data(), 256);
    if (out[0] == 0.0f) {  // not started yet or an underrun: silence, the clock does not move
      std::this_thread::sleep_for(std::chrono::microseconds(500));
      continue;
    }
    const auto first = static_cast<std::int64_t>(out[0]);
    const std::int64_t p = engine.position();
    if (p < first || p > first + 256) ++clockOutside;
    for (int i = 0; i < 256 && out[2 * i] != 0.0f; ++i, ++expected, ++delivered) {
      if (out[2 * i] != static_cast<float>(expected) || out[2 * i + 1] != -static_cast<float>(expected)) ++mismatches;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(300));
  }
  EXPECT_GT(delivered, 256 * 300);
  EXPECT_EQ(mismatches, 0);
  EXPECT_EQ(clockOutside, 0);
}

// A new source while playing is spliced in: the sample index keeps counting through the switch
// (no gap, no repeat), the sign flips once, and it is heard within 2 buffers + 1 block (+1 buffer).
TEST(PlaybackEngine, NewSourceIsSplicedWithoutAGap) {
  PlaybackEngine::Options options;
  options.testDriven = true;
  PlaybackEngine engine(options);
  engine.setSource(std::make_shared<CountingSource>(1.0f));
  engine.play(48000);
  std::vector<float> out(2 * 256);
  std::vector<float> heard;
  std::int64_t switchedAt = -1;
  for (int call = 0; call < 600; ++call) {
    engine.renderForTest(out.data(), 256);
    for (int i = 0; i < 256; ++i) {
      if (out[2 * i] != 0.0f) heard.push_back(out[2 * i]);
    }
    if (call == 200) {
      switchedAt = static_cast<std::int64_t>(heard.back()) + 1;
      engine.setSource(std::make_shared<CountingSource>(-1.0f));
      std::this_thread::sleep_for(std::chrono::milliseconds(30));  // the worker posts its splice
    }
    std::this_thread::sleep_for(std::chrono::microseconds(300));
  }
  ASSERT_GT(heard.size(), 1000u);
  int flips = 0, gaps = 0;
  std::int64_t flipSample = -1;
  for (std::size_t i = 1; i < heard.size(); ++i) {
    if (std::abs(heard[i]) != std::abs(heard[i - 1]) + 1.0f) ++gaps;
    if ((heard[i] < 0) != (heard[i - 1] < 0)) {
      ++flips;
      flipSample = static_cast<std::int64_t>(std::abs(heard[i]));
    }
  }
  EXPECT_EQ(gaps, 0);
  EXPECT_EQ(flips, 1);
  EXPECT_GE(flipSample, switchedAt);
  EXPECT_LE(flipSample, switchedAt + 2 * 256 + 1024 + 256);
}

}  // namespace
}  // namespace postline::audio
