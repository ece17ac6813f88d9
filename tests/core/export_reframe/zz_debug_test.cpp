// TEMPORARY debug dump (to be removed)
#include <gtest/gtest.h>
#include <cstdio>
#include <cstdlib>
#include "core/export/reframe.h"
#include "tests/core/export_reframe/reframe_scenes.h"
namespace postline::exporting {
TEST(ZZDebug, Dump) {
  const char* which = std::getenv("SCENE");
  if (!which) GTEST_SKIP();
  test::Scene s;
  s.name = "dbg";
  int k = std::atoi(which);
  s.x = [](double t) { return 0.88 - 0.76 * (t + 0.12 * std::sin(2.0 * std::numbers::pi * t)); };
  if (k == 1) { s.look = test::Scene::Look::LowContrastDisc; s.ground = test::Scene::Ground::Drifting; s.panPixelsPerFrame = 2.0; s.radius = 0.11; }
  if (k == 2) { s.look = test::Scene::Look::Figure; s.ground = test::Scene::Ground::Pan; s.panPixelsPerFrame = 5.0; }
  const auto dir = test::scratchDir();
  const auto path = test::writeScene(s, dir);
  auto r = analyseInterest(path, 0, s.frames - 1, 1);
  ASSERT_TRUE(r.ok());
  for (auto& x : *r) {
    auto t = test::subjectAt(s, x.sourceFrame);
    std::printf("%3ld truth %.3f %.3f  got %.3f %.3f c %.2f  err %+.3f\n", (long)x.sourceFrame, t[0], t[1], x.x, x.y, x.confidence, x.x - t[0]);
  }
  std::filesystem::remove_all(dir);
}
}
#include "core/export/reframe_analysis.h"
#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
namespace postline::exporting {
static void savePlane(const detail::Plane& p, const std::string& file, bool signedScale = false) {
  float mx = 1e-9f, mn = 0;
  for (float v : p.v) { mx = std::max(mx, v); mn = std::min(mn, v); }
  const int S = 4;
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(p.w * S) * p.h * S * 4, 255);
  for (int y = 0; y < p.h * S; ++y) for (int x = 0; x < p.w * S; ++x) {
    float v = p.at(x / S, y / S);
    float n = signedScale ? (v - mn) / (mx - mn) : std::max(0.0f, v) / mx;
    auto b = static_cast<std::uint8_t>(std::clamp(n, 0.0f, 1.0f) * 255);
    auto* px = &rgba[(static_cast<std::size_t>(y) * p.w * S + x) * 4];
    px[0] = px[1] = px[2] = b;
  }
  (void)media::ffmpeg::writePng(file, p.w * S, p.h * S, rgba);
}
TEST(ZZDebug, Maps) {
  const char* which = std::getenv("MAPS");
  if (!which) GTEST_SKIP();
  test::Scene s;
  s.name = "dbgmaps";
  s.x = [](double t) { return 0.88 - 0.76 * (t + 0.12 * std::sin(2.0 * std::numbers::pi * t)); };
  s.look = test::Scene::Look::LowContrastDisc; s.ground = test::Scene::Ground::Drifting; s.panPixelsPerFrame = 2.0; s.radius = 0.11;
  const auto path = test::writeScene(s, "/tmp/keys_dbg");
  auto dec = media::ffmpeg::openVideoDecoder(path).value();
  int f = std::atoi(which);
  auto pic = [&](int i) { auto fr = dec->frame(i).value(); auto sp = detail::downscale(*fr, 128, 72).value(); for (auto& q : sp.planes) q = detail::blurred(q, 0.8); return sp; };
  auto a = pic(f - 2), b = pic(f), c = pic(f + 2);
  savePlane(b.planes[0], "/tmp/keys_dbg/luma.png", true);
  savePlane(detail::saliencyMap(b), "/tmp/keys_dbg/sal.png");
  savePlane(detail::motionMap(b, &a, &c), "/tmp/keys_dbg/mot.png");
  auto sh = detail::estimateShift(a.planes[0], b.planes[0], 10);
  std::printf("shift before %.3f %.3f\n", sh.dx, sh.dy);
  auto sh2 = detail::estimateShift(c.planes[0], b.planes[0], 10);
  std::printf("shift after %.3f %.3f\n", sh2.dx, sh2.dy);
  savePlane(detail::motionResidual(a, b, sh), "/tmp/keys_dbg/res_before.png");
  auto ip = detail::interestOf(b, &a, &c);
  std::printf("truth %.3f got %.3f %.3f c %.2f\n", test::subjectAt(s, f)[0], ip.x, ip.y, ip.confidence);
}
}
