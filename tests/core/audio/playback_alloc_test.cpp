// Replaces global operator new/delete for the whole audio test binary: allocations pass through to
// malloc/free and are counted when made inside the audio callback (inAudioCallback()).
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <vector>

#include "core/audio/playback_engine.h"
#include "core/audio/rt_guard.h"
#include "tests/core/audio/jack_fixture.h"

namespace {

std::atomic<std::uint64_t> g_callbackAllocations{0};

void* countedAlloc(std::size_t size) {
  if (postline::audio::inAudioCallback()) g_callbackAllocations.fetch_add(1, std::memory_order_relaxed);
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void* countedAlignedAlloc(std::size_t size, std::align_val_t align) {
  if (postline::audio::inAudioCallback()) g_callbackAllocations.fetch_add(1, std::memory_order_relaxed);
  const auto a = static_cast<std::size_t>(align);
  void* p = std::aligned_alloc(a, (size + a - 1) / a * a);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

}  // namespace

void* operator new(std::size_t size) { return countedAlloc(size); }
void* operator new[](std::size_t size) { return countedAlloc(size); }
void* operator new(std::size_t size, std::align_val_t a) { return countedAlignedAlloc(size, a); }
void* operator new[](std::size_t size, std::align_val_t a) { return countedAlignedAlloc(size, a); }
// The nothrow forms too (std::stable_sort's temporary buffer uses them): every form must pair with
// the deletes below, or a sanitizer reports a new/free mismatch.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return countedAlloc(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return countedAlloc(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new(std::size_t size, std::align_val_t a, const std::nothrow_t&) noexcept {
  try {
    return countedAlignedAlloc(size, a);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, std::align_val_t a, const std::nothrow_t&) noexcept {
  try {
    return countedAlignedAlloc(size, a);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }

namespace postline::audio {

std::uint64_t testing::callbackAllocations() { return g_callbackAllocations.load(); }

namespace {

using testing::CountingSource;
using testing::waitUntil;

TEST(PlaybackAlloc, CounterSeesAllocationsInsideTheScope) {
  const auto before = testing::callbackAllocations();
  {
    AudioCallbackScope scope;
    EXPECT_TRUE(inAudioCallback());
    auto* v = new std::vector<int>(10);
    delete v;
  }
  EXPECT_FALSE(inAudioCallback());
  EXPECT_EQ(testing::callbackAllocations() - before, 2u);  // the vector object and its buffer
}

// Drives the engine's callback directly through play, seek, source swaps and pause: no allocation.
TEST(PlaybackAlloc, CallbackNeverAllocates) {
  PlaybackEngine::Options options;
  options.testDriven = true;
  PlaybackEngine engine(options);
  engine.setSource(std::make_shared<CountingSource>());
  std::vector<float> out(2 * 256);
  const auto before = testing::callbackAllocations();
  auto drive = [&](int calls) {
    for (int i = 0; i < calls; ++i) {
      engine.renderForTest(out.data(), 256);
      std::this_thread::sleep_for(std::chrono::microseconds(300));
    }
  };
  engine.play(48000);
  drive(100);
  engine.setSource(std::make_shared<CountingSource>(-1.0f));
  drive(100);
  engine.seek(960000);
  drive(100);
  engine.pause();
  drive(20);
  EXPECT_EQ(testing::callbackAllocations() - before, 0u);
  EXPECT_GT(engine.callbacks(), 300u);
}

}  // namespace
}  // namespace postline::audio
