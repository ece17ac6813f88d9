#include "core/render/scopes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <vector>

#include "core/render/scope_image.h"
#include "core/render/scope_worker.h"

namespace postline::render {
namespace {

using Pixel = std::array<std::uint8_t, 3>;

// An RGBA8 frame whose pixel (x, y) is f(x, y).
template <class F>
FramePixels makeFrame(int w, int h, F f) {
  FramePixels p;
  p.width = w;
  p.height = h;
  p.rgba8.resize(static_cast<std::size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const Pixel c = f(x, y);
      std::uint8_t* d = &p.rgba8[(static_cast<std::size_t>(y) * w + x) * 4];
      d[0] = c[0], d[1] = c[1], d[2] = c[2], d[3] = 255;
    }
  return p;
}

// The same frame with 16-bit samples (v * 257).
FramePixels to16(const FramePixels& p) {
  FramePixels q;
  q.width = p.width;
  q.height = p.height;
  q.rgba16.reserve(p.rgba8.size());
  for (std::uint8_t v : p.rgba8) q.rgba16.push_back(static_cast<std::uint16_t>(v * 257));
  return q;
}

FramePixels colourBars75(int w, int h) {
  static constexpr Pixel kBars[6] = {{191, 0, 0}, {191, 0, 191}, {0, 0, 191}, {0, 191, 191}, {0, 191, 0}, {191, 191, 0}};
  return makeFrame(w, h, [w](int x, int) { return kBars[x * 6 / w]; });
}

TEST(ScopesTest, ReducesToAtMost512WideKeepingAspect) {
  EXPECT_EQ(reducedSize(1920, 1080, 512), (std::array<int, 2>{512, 288}));
  EXPECT_EQ(reducedSize(320, 240, 512), (std::array<int, 2>{320, 240}));
  EXPECT_EQ(reducedSize(4096, 2160, 512), (std::array<int, 2>{512, 270}));
  const Scopes s = computeScopes(makeFrame(1920, 1080, [](int, int) { return Pixel{1, 2, 3}; }).view());
  EXPECT_EQ(s.width, 512);
  EXPECT_EQ(s.height, 288);
}

TEST(ScopesTest, TargetsAndSkinLineHaveTheBt709Values) {
  const auto t = colourBarTargets();
  EXPECT_STREQ(t[0].name, "R");
  EXPECT_NEAR(t[0].cb, -0.75 * 0.2126 / 1.8556, 1e-12);
  EXPECT_NEAR(t[0].cr, 0.75 * (1 - 0.2126) / 1.5748, 1e-12);
  EXPECT_NEAR(t[0].cr, 0.375, 1e-4);  // red sits at Cr = 0.375 for 75 % bars
  EXPECT_NEAR(t[3].cb, -t[0].cb, 1e-12);  // cyan is opposite red
  EXPECT_NEAR(t[3].cr, -t[0].cr, 1e-12);
  EXPECT_NEAR(t[2].cb, 0.75 * (1 - 0.0722) / 1.8556, 1e-12);
  EXPECT_NEAR(t[0].gridX, 128.0 + t[0].cb * 256.0, 1e-12);
  EXPECT_NEAR(t[0].gridY, 128.0 - t[0].cr * 256.0, 1e-12);
  const double skin = skinToneAngleDegrees();
  EXPECT_GT(skin, 121.0);
  EXPECT_LT(skin, 125.0);
}

TEST(ScopesTest, ColourBarsLandOnTheirVectorscopeTargets) {
  const Scopes s = computeScopes(colourBars75(1920, 1080).view());
  const long long perBar = static_cast<long long>(s.width) * s.height / 6;
  for (const VectorTarget& t : s.targets) {
    const auto target = vectorscopeCell(t.cb, t.cr);
    int bestCol = -1, bestRow = -1;
    std::uint32_t best = 0;
    for (int row = std::max(0, target[1] - 12); row <= std::min(255, target[1] + 12); ++row)
      for (int col = std::max(0, target[0] - 12); col <= std::min(255, target[0] + 12); ++col)
        if (s.vectorscopeAt(col, row) > best) best = s.vectorscopeAt(col, row), bestCol = col, bestRow = row;
    EXPECT_LE(std::abs(bestCol - target[0]), 1) << t.name;
    EXPECT_LE(std::abs(bestRow - target[1]), 1) << t.name;
    EXPECT_GT(best, perBar * 9 / 10) << t.name;  // nearly the whole bar in one cell
  }
  // Nothing at the centre: every bar is saturated.
  EXPECT_EQ(s.vectorscopeAt(128, 128), 0u);
}

TEST(ScopesTest, GreyRampStaysAtTheVectorscopeCentre) {
  const Scopes s = computeScopes(makeFrame(1280, 720, [](int x, int) {
    const auto v = static_cast<std::uint8_t>(x * 255 / 1279);
    return Pixel{v, v, v};
  }).view());
  EXPECT_EQ(s.vectorscopeAt(128, 128), static_cast<std::uint32_t>(s.width * s.height));
}

TEST(ScopesTest, HalfBlackHalfWhiteGivesExactHistogram) {
  const FramePixels f = makeFrame(1920, 1080, [](int x, int) { return x < 960 ? Pixel{0, 0, 0} : Pixel{255, 255, 255}; });
  for (const FramePixels& frame : {f, to16(f)}) {
    const Scopes s = computeScopes(frame.view());
    const std::uint32_t half = 256u * 288u;
    for (int ch = 0; ch < 4; ++ch) {
      EXPECT_EQ(s.histogram[ch][0], half) << ch;
      EXPECT_EQ(s.histogram[ch][255], half) << ch;
      std::uint32_t others = 0;
      for (int bin = 1; bin < 255; ++bin) others += s.histogram[ch][bin];
      EXPECT_EQ(others, 0u) << ch;
    }
  }
}

TEST(ScopesTest, QuadrantsGiveKnownBinsAndLuma) {
  // 1024 x 512 reduces exactly 2:1. Quadrants: grey 64, pure green 200, grey 128, white.
  const FramePixels f = makeFrame(1024, 512, [](int x, int y) {
    if (y < 256) return x < 512 ? Pixel{64, 64, 64} : Pixel{0, 200, 0};
    return x < 512 ? Pixel{128, 128, 128} : Pixel{255, 255, 255};
  });
  const Scopes s = computeScopes(f.view());
  ASSERT_EQ(s.width, 512);
  ASSERT_EQ(s.height, 256);
  const std::uint32_t q = 256u * 128u;
  EXPECT_EQ(s.histogram[1][64], q);
  EXPECT_EQ(s.histogram[1][0], q);  // the green quadrant has no red
  EXPECT_EQ(s.histogram[2][200], q);
  EXPECT_EQ(s.histogram[0][64], q);
  EXPECT_EQ(s.histogram[0][128], q);
  EXPECT_EQ(s.histogram[0][255], q);
  EXPECT_EQ(s.histogram[0][143], q);  // Y' of green 200 = 0.7152 * 200 = 143.04
}

TEST(ScopesTest, WaveformOfAHorizontalRampRisesColumnByColumn) {
  const Scopes s = computeScopes(makeFrame(1920, 1080, [](int x, int) {
    const auto v = static_cast<std::uint8_t>(x * 255 / 1919);
    return Pixel{v, v, v};
  }).view());
  int previous = -1;
  for (int x = 0; x < s.width; ++x) {
    int level = -1;
    for (int l = 0; l < kScopeLevels; ++l)
      if (s.waveformAt(x, l) == static_cast<std::uint32_t>(s.height)) level = l;
    ASSERT_GE(level, 0) << "column " << x << " is not one level";
    EXPECT_GE(level, previous) << "column " << x;
    previous = level;
    if (x == 0) {
      EXPECT_LE(level, 1);
    }
  }
  EXPECT_GE(previous, 254);
  // Over 512 columns and 256 levels the ramp rises every two columns (within one level).
  EXPECT_EQ(s.waveformAt(256, 127) + s.waveformAt(256, 128), static_cast<std::uint32_t>(s.height));
}

TEST(ScopesTest, ParadeSeparatesChannels) {
  // R rises left to right, G constant 128, B falls.
  const Scopes s = computeScopes(makeFrame(1536, 864, [](int x, int) {
    const auto v = static_cast<std::uint8_t>(x * 255 / 1535);
    return Pixel{v, 128, static_cast<std::uint8_t>(255 - v)};
  }).view());
  const auto h = static_cast<std::uint32_t>(s.height);
  auto levelOf = [&](int ch, int x) {
    for (int l = 0; l < kScopeLevels; ++l)
      if (s.paradeAt(ch, x, l) == h) return l;
    return -1;
  };
  for (int x = 0; x < s.width; ++x) EXPECT_EQ(levelOf(1, x), 128) << x;
  EXPECT_LE(levelOf(0, 0), 1);
  EXPECT_GE(levelOf(0, s.width - 1), 254);
  EXPECT_GE(levelOf(2, 0), 254);
  EXPECT_LE(levelOf(2, s.width - 1), 1);
  for (int x = 1; x < s.width; ++x) {
    EXPECT_GE(levelOf(0, x), levelOf(0, x - 1));
    EXPECT_LE(levelOf(2, x), levelOf(2, x - 1));
  }
}

TEST(ScopesTest, HonoursRowStrideAndRejectsEmptyViews) {
  const FramePixels f = makeFrame(64, 32, [](int x, int) { return x < 32 ? Pixel{10, 20, 30} : Pixel{200, 100, 50}; });
  std::vector<std::uint8_t> padded(static_cast<std::size_t>(64 * 4 + 40) * 32, 77);
  for (int y = 0; y < 32; ++y)
    std::copy_n(&f.rgba8[static_cast<std::size_t>(y) * 64 * 4], 64 * 4, &padded[static_cast<std::size_t>(y) * (64 * 4 + 40)]);
  FrameView v{padded.data(), nullptr, 64, 32, 64 * 4 + 40};
  const Scopes a = computeScopes(v);
  const Scopes b = computeScopes(f.view());
  EXPECT_EQ(a.histogram, b.histogram);
  EXPECT_EQ(a.vectorscope, b.vectorscope);
  EXPECT_EQ(computeScopes(FrameView{}).width, 0);
  EXPECT_EQ(computeScopes(FrameView{padded.data(), nullptr, 64, 32, 10}).width, 0);  // stride too small
}

TEST(ScopesTest, RendersA2x2ScopeImage) {
  const Scopes s = computeScopes(colourBars75(960, 540).view());
  int w = 0, h = 0;
  const std::vector<std::uint8_t> img = renderScopesImage(s, w, h);
  ASSERT_EQ(w, 2 * kScopePanelWidth);
  ASSERT_EQ(h, 2 * kScopePanelHeight);
  ASSERT_EQ(img.size(), static_cast<std::size_t>(w) * h * 4);
  auto brightness = [&](int x, int y) {
    const std::uint8_t* p = &img[(static_cast<std::size_t>(y) * w + x) * 4];
    return p[0] + p[1] + p[2];
  };
  // The red bar's trace is lit inside the vectorscope panel at its target.
  const int vx = kScopePanelWidth + (kScopePanelWidth - kVectorscopeSize) / 2;
  const auto cell = vectorscopeCell(s.targets[0].cb, s.targets[0].cr);
  EXPECT_GT(brightness(vx + cell[0], cell[1]), 200);
  // A vectorscope pixel outside the graticule circle stays dark; every pixel is opaque.
  EXPECT_LT(brightness(vx + 40, 250), 30);
  for (std::size_t i = 3; i < img.size(); i += 4) ASSERT_EQ(img[i], 255);
}

TEST(ScopeWorkerTest, DeliversTheNewestFrameAndDropsStaleOnes) {
  std::promise<void> firstEntered;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::vector<std::int64_t> delivered;  // touched only on the worker thread until waitIdle()
  ScopeWorker worker({}, [&](std::shared_ptr<const Scopes> s) {
    delivered.push_back(s->frameIndex);
    if (delivered.size() == 1) {
      firstEntered.set_value();
      released.wait();  // hold the worker busy while newer frames queue up
    }
  });
  auto frame = [](std::int64_t index) {
    auto f = std::make_shared<FramePixels>(makeFrame(64, 36, [index](int, int) {
      return Pixel{static_cast<std::uint8_t>(index * 40), 0, 0};
    }));
    f->frameIndex = index;
    return std::shared_ptr<const FramePixels>(f);
  };
  worker.submit(frame(1));
  firstEntered.get_future().wait();
  for (std::int64_t i = 2; i <= 5; ++i) worker.submit(frame(i));
  EXPECT_EQ(worker.droppedCount(), 3);  // 2, 3 and 4 were replaced while pending
  release.set_value();
  worker.waitIdle();
  EXPECT_EQ(delivered, (std::vector<std::int64_t>{1, 5}));
  EXPECT_EQ(worker.computedCount(), 2);
  ASSERT_NE(worker.latest(), nullptr);
  EXPECT_EQ(worker.latest()->frameIndex, 5);
  EXPECT_EQ(worker.latest()->histogram[1][200], static_cast<std::uint32_t>(64 * 36));
}

TEST(ScopeWorkerTest, ShutsDownWithWorkPendingAndIgnoresNull) {
  auto worker = std::make_unique<ScopeWorker>();
  EXPECT_EQ(worker->latest(), nullptr);
  worker->submit(nullptr);
  auto f = std::make_shared<const FramePixels>(makeFrame(1920, 1080, [](int, int) { return Pixel{9, 9, 9}; }));
  for (int i = 0; i < 3; ++i) worker->submit(f);
  worker.reset();  // joins without hanging
  SUCCEED();
}

}  // namespace
}  // namespace postline::render
