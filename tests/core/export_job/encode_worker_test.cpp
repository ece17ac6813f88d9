// The encoder worker: blending for frame-rate conform, and a failing encoder that stops taking
// pictures instead of blocking the render loop.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/export/encode_worker.h"

namespace postline::exporting {
namespace {

TEST(BlendPictures, MixesEveryPlaneByTheWeightRounded) {
  Picture a, b, out;
  a.width = b.width = 2;
  a.height = b.height = 2;
  a.y = {0, 100, 200, 255};
  b.y = {255, 100, 0, 255};
  a.cb = {16};
  b.cb = {240};
  a.cr = b.cr = {128};
  a.rgba16 = {0, 65535, 1000, 65535};
  b.rgba16 = {65535, 0, 3000, 65535};
  blendPictures(a, b, 0.25, out);
  EXPECT_EQ(out.y, (std::vector<std::uint8_t>{64, 100, 150, 255}));
  EXPECT_EQ(out.cb, (std::vector<std::uint8_t>{72}));
  EXPECT_EQ(out.cr, (std::vector<std::uint8_t>{128}));
  EXPECT_EQ(out.rgba16, (std::vector<std::uint16_t>{16384, 49151, 1500, 65535}));
  blendPictures(a, b, 0.0, out);
  EXPECT_EQ(out.y, a.y);
  blendPictures(a, b, 1.0, out);
  EXPECT_EQ(out.y, b.y);
}

TEST(EncodeWorker, EncodesInOrderAndAFailureEndsTheWorkerWithTheMessage) {
  const auto dir = std::filesystem::temp_directory_path() / ("postline_worker_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  EncoderSettings s;
  s.width = 64;
  s.height = 32;
  s.preset = "ultrafast";
  auto enc = Encoder::open(dir / "ok.mp4", s);
  ASSERT_TRUE(enc.ok()) << enc.error().message;
  auto pic = std::make_shared<Picture>();
  pic->width = 64;
  pic->height = 32;
  pic->y.assign(64 * 32, 120);
  pic->cb.assign(32 * 16, 128);
  pic->cr.assign(32 * 16, 128);
  EncodeWorker ok(std::move(enc.value()), false);
  for (int i = 0; i < 10; ++i) {
    ok.pushVideo(pic, nullptr, 0.0);
    ok.pushAudio(std::make_shared<const std::vector<float>>(2 * 2000, 0.0f));
  }
  ASSERT_TRUE(ok.finish().ok());
  EXPECT_EQ(ok.framesEncoded(), 10);
  EXPECT_TRUE(std::filesystem::exists(dir / "ok.mp4"));

  // Pictures of the wrong size: the first push fails; later pushes return at once (no deadlock).
  auto enc2 = Encoder::open(dir / "bad.mp4", s);
  ASSERT_TRUE(enc2.ok());
  auto wrong = std::make_shared<Picture>(*pic);
  wrong->y.resize(10);
  wrong->width = 2;
  EncodeWorker bad(std::move(enc2.value()), true);  // rgba16 requested, none given
  for (int i = 0; i < 20; ++i) bad.pushVideo(wrong, nullptr, 0.0);
  const auto r = bad.finish();
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(bad.error().has_value());
  EXPECT_FALSE(std::filesystem::exists(dir / "bad.mp4"));
  EXPECT_FALSE(std::filesystem::exists(partialPathFor(dir / "bad.mp4")));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace postline::exporting
