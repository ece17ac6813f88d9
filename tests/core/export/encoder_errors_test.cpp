// The export encoder's failures: clear errors naming the output, and never a partial file left
// behind (cancel, destruction, a bad setting, a write failure).
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>

#include <sys/resource.h>

#include "tests/core/export/encoder_test_util.h"

namespace {

using namespace postline;
using namespace postline::exporting;
using namespace postline::exporting::test;

bool mentions(const base::Error& e, const fs::path& p) { return e.message.find(p.string()) != std::string::npos; }

TEST(EncoderErrors, UnwritableFolderIsIoNamingTheFile) {
  const fs::path dir = freshDir();
  std::ofstream(dir / "not_a_folder") << "x";
  for (const fs::path& out : {dir / "not_a_folder" / "out.mp4", dir / "missing" / "out.mp4"}) {
    auto r = Encoder::open(out, smallSettings());
    ASSERT_FALSE(r.ok()) << out;
    EXPECT_EQ(r.error().code, base::ErrorCode::Io) << r.error().message;
    EXPECT_TRUE(mentions(r.error(), out)) << r.error().message;
  }
  EXPECT_EQ(filesIn(dir), std::vector<std::string>{"not_a_folder"});
}

TEST(EncoderErrors, MissingEncoderAndBadSettingsLeaveNoFile) {
  const fs::path dir = freshDir();
  const fs::path out = dir / "x.mp4";
  EncoderSettings s = smallSettings();
  s.videoCodec = "no_such_encoder";
  auto r = Encoder::open(out, s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::NotFound);
  EXPECT_TRUE(mentions(r.error(), out));
  EXPECT_NE(r.error().message.find("no_such_encoder"), std::string::npos);

  s = smallSettings();
  s.audioCodec = "no_such_audio";
  EXPECT_EQ(Encoder::open(out, s).error().code, base::ErrorCode::NotFound);
  s = smallSettings();
  s.width = 321;
  EXPECT_EQ(Encoder::open(out, s).error().code, base::ErrorCode::InvalidArgument);
  s = smallSettings();
  s.colorMatrix = "bt9999";
  EXPECT_NE(Encoder::open(out, s).error().message.find("bt9999"), std::string::npos);
  s = smallSettings();
  s.videoCodec = "prores_ks";  // takes 4:2:2 / 4:4:4 10-bit only
  auto pf = Encoder::open(dir / "x.mov", s);
  ASSERT_FALSE(pf.ok());
  EXPECT_NE(pf.error().message.find("yuv422p10le"), std::string::npos) << pf.error().message;
  auto ext = Encoder::open(dir / "x.avi", smallSettings());
  ASSERT_FALSE(ext.ok());
  EXPECT_EQ(ext.error().code, base::ErrorCode::InvalidArgument);
  EXPECT_TRUE(filesIn(dir).empty());
}

TEST(EncoderErrors, CancelAndDestructionRemoveThePartialFile) {
  const fs::path dir = freshDir();
  {
    auto e = Encoder::open(dir / "a.mp4", smallSettings());
    ASSERT_TRUE(e.ok());
    for (int f = 0; f < 5; ++f) ASSERT_TRUE(push(*e.value(), patternYuv(320, 180, f)).ok());
    EXPECT_TRUE(fs::exists(e.value()->partialPath()));
    e.value()->cancel();
    EXPECT_TRUE(filesIn(dir).empty());
    EXPECT_FALSE(push(*e.value(), patternYuv(320, 180, 5)).ok());  // unusable after cancel
    EXPECT_FALSE(e.value()->finish().ok());
    e.value()->cancel();  // twice is harmless
  }
  {
    auto e = Encoder::open(dir / "b.mov", smallSettings());
    ASSERT_TRUE(e.ok());
    ASSERT_TRUE(push(*e.value(), patternYuv(320, 180, 0)).ok());
  }  // destroyed without finish()
  EXPECT_TRUE(filesIn(dir).empty());
}

TEST(EncoderErrors, FinishedFileSurvivesCancelAndReplacesAnOldOne) {
  const fs::path dir = freshDir();
  const fs::path out = dir / "done.mp4";
  std::ofstream(out) << "old";
  auto e = Encoder::open(out, smallSettings());
  ASSERT_TRUE(e.ok());
  for (int f = 0; f < 3; ++f) ASSERT_TRUE(push(*e.value(), patternYuv(320, 180, f)).ok());
  ASSERT_TRUE(e.value()->finish().ok());
  e.value()->cancel();  // after finish: nothing to abandon
  EXPECT_FALSE(e.value()->finish().ok());
  EXPECT_GT(fs::file_size(out), 100u);
  EXPECT_EQ(filesIn(dir), std::vector<std::string>{"done.mp4"});
}

TEST(EncoderErrors, AudioWhenOffAndShortStridesAreRejected) {
  const fs::path dir = freshDir();
  EncoderSettings s = smallSettings();
  s.audio = false;
  auto e = Encoder::open(dir / "v.mp4", s);
  ASSERT_TRUE(e.ok());
  const std::vector<float> a = tone(0, 100);
  EXPECT_EQ(e.value()->pushAudio(a.data(), 100).error().code, base::ErrorCode::InvalidArgument);
  const Yuv p = patternYuv(320, 180, 0);
  EXPECT_EQ(e.value()->pushYuv420(p.y.data(), 100, p.u.data(), 160, p.v.data(), 160).error().code,
            base::ErrorCode::InvalidArgument);
  ASSERT_TRUE(push(*e.value(), p).ok());  // a rejected call does not spoil the encoder
  ASSERT_TRUE(e.value()->finish().ok());
}

// A write failure in the middle (the file size limit stands in for a full disk): Io naming the
// output, and the partial file removed.
TEST(EncoderErrors, WriteFailureIsIoAndRemovesThePartialFile) {
  const fs::path dir = freshDir();
  const fs::path out = dir / "big.mkv";
  EncoderSettings s = smallSettings();
  s.crf = 0;  // lossless: noise frames are large
  auto e = Encoder::open(out, s);
  ASSERT_TRUE(e.ok());
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit old{};
  getrlimit(RLIMIT_FSIZE, &old);
  rlimit small = old;
  small.rlim_cur = 200 * 1024;
  setrlimit(RLIMIT_FSIZE, &small);
  base::Result<void> r;
  std::uint32_t seed = 1;
  for (int f = 0; f < 200 && r.ok(); ++f) {
    Yuv p(320, 180);
    for (auto* plane : {&p.y, &p.u, &p.v}) {
      for (auto& b : *plane) b = static_cast<std::uint8_t>((seed = seed * 1664525u + 1013904223u) >> 24);
    }
    r = push(*e.value(), p);
  }
  if (r.ok()) r = e.value()->finish();
  setrlimit(RLIMIT_FSIZE, &old);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::Io) << r.error().message;
  EXPECT_TRUE(mentions(r.error(), out)) << r.error().message;
  EXPECT_TRUE(filesIn(dir).empty());
  EXPECT_FALSE(e.value()->finish().ok());
}

}  // namespace
