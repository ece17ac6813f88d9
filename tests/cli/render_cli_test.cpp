// Contract tests of the colour commands: render, frame, grade, match, look (docs/CLI.md).
// They run the real binary on the demo project (--quick) and check the files it writes with
// libav (core/media), independently of the renderer.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
#include "core/media/ffmpeg/media_writer.h"
#include "core/media/prober.h"
#include "tests/cli/cli_run.h"

namespace {

namespace media = postline::media;

// One demo project for the whole suite (building it takes a few seconds).
class RenderCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_project = makeQuickDemo("postline_render_cli_", s_dir);
    ASSERT_FALSE(s_project.empty());
  }
  static void TearDownTestSuite() { fs::remove_all(s_dir); }
  static fs::path s_dir;
  static fs::path s_project;
};
fs::path RenderCli::s_dir;
fs::path RenderCli::s_project;

// A `size`^3 .cube whose output is f applied to each channel of the input.
void writeCube(const fs::path& file, int size, double (*f)(double)) {
  std::ofstream out(file);
  out << "TITLE \"test\"\nLUT_3D_SIZE " << size << "\n";
  for (int b = 0; b < size; ++b)
    for (int g = 0; g < size; ++g)
      for (int r = 0; r < size; ++r) {
        const double s = size - 1.0;
        out << f(r / s) << " " << f(g / s) << " " << f(b / s) << "\n";
      }
}

double square(double x) { return x * x; }

// Piecewise-linear interpolation of f between the `size` LUT nodes: what a tetrahedral (or
// trilinear) lookup gives for a LUT that acts on each channel alone.
double lutOf(double (*f)(double), int size, double x) {
  const double p = x * (size - 1);
  const int i = std::min(size - 2, static_cast<int>(std::floor(p)));
  const double t = p - i;
  return f(i / (size - 1.0)) * (1 - t) + f((i + 1) / (size - 1.0)) * t;
}

std::vector<std::uint16_t> decode16(const fs::path& png, int& w, int& h) {
  auto dec = media::ffmpeg::openVideoDecoder(png);
  EXPECT_TRUE(dec.ok());
  if (!dec.ok()) return {};
  auto f = dec.value()->frame(0);
  EXPECT_TRUE(f.ok());
  const media::VideoFrame& fr = *f.value();
  EXPECT_EQ(fr.bitDepth, 16);
  w = fr.width;
  h = fr.height;
  std::vector<std::uint16_t> px(static_cast<std::size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y) {
    std::memcpy(px.data() + static_cast<std::size_t>(y) * w * 4, fr.planes[0].data.data() + static_cast<std::size_t>(y) * fr.planes[0].stride,
                static_cast<std::size_t>(w) * 8);
  }
  return px;
}

TEST_F(RenderCli, RenderWritesH264AacOfTheRangeAtTheSequenceFormat) {
  const fs::path out = s_dir / "range.mp4";
  const CliRun r = cli("render " + q(s_project) + " --out " + q(out) + " --range 00:00:01:00-00:00:02:12 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["frames"], 36);
  EXPECT_EQ(j["in"], "00:00:01:00");
  EXPECT_EQ(j["out"], "00:00:02:12");
  auto p = media::probe(out);
  ASSERT_TRUE(p.ok()) << p.error().message;
  ASSERT_TRUE(p->video.has_value());
  EXPECT_EQ(p->video->codec, "h264");
  EXPECT_EQ(p->video->width, 1920);
  EXPECT_EQ(p->video->height, 1080);
  EXPECT_EQ(p->video->frameRate, postline::time::Rational(24));
  EXPECT_EQ(p->video->frames, 36);
  EXPECT_EQ(p->video->color.primaries, "bt709");
  ASSERT_TRUE(p->audio.has_value());
  EXPECT_EQ(p->audio->codec, "aac");
  EXPECT_EQ(p->audio->sampleRate, 48000);
  EXPECT_NEAR(p->durationS, 1.5, 0.05);
  EXPECT_FALSE(fs::exists(s_dir / "range.partial.mp4"));
}

TEST_F(RenderCli, RenderRejectsABadRangeAndAMissingProject) {
  EXPECT_EQ(cli("render " + q(s_project) + " --out " + q(s_dir / "x.mp4") + " --range 00:00:02:00-00:00:01:00").status, 1);
  EXPECT_EQ(cli("render " + q(s_project) + " --out " + q(s_dir / "x.mp4") + " --range nonsense").status, 1);
  const CliRun r = cli("render " + q(s_dir / "nope.postline") + " --out " + q(s_dir / "x.mp4"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("nope.postline"), std::string::npos);
  EXPECT_FALSE(fs::exists(s_dir / "x.mp4"));
}

TEST_F(RenderCli, FrameWritesSixteenBitPngAndScopes) {
  const fs::path png = s_dir / "frame.png";
  const fs::path scopes = s_dir / "scopes.png";
  const CliRun r = cli("frame " + q(s_project) + " --at 00:00:03:00 --out " + q(png) + " --depth 16 --scopes " + q(scopes));
  ASSERT_EQ(r.status, 0) << r.err;
  int w = 0, h = 0;
  const auto px = decode16(png, w, h);
  EXPECT_EQ(w, 1920);
  EXPECT_EQ(h, 1080);
  const CliRun past = cli("frame " + q(s_project) + " --at 01:00:00:00 --out " + q(s_dir / "past.png"));
  EXPECT_EQ(past.status, 1);
  EXPECT_NE(past.err.find("end"), std::string::npos) << past.err;
  auto sp = media::probe(scopes);
  ASSERT_TRUE(sp.ok());
  EXPECT_EQ(sp->video->width, 1024);
  EXPECT_EQ(sp->video->height, 512);
}

TEST_F(RenderCli, GradeAppliesACubeToTheCodeValuesTetrahedrally) {
  // Every code value in red, and sharp one-pixel edges both ways in green and blue: a sample that
  // leaks from a neighbour shows up at once.
  const int w = 64, h = 12;
  std::vector<std::uint8_t> rgba;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) rgba.insert(rgba.end(), {static_cast<std::uint8_t>((x * 37 + y * 91) % 256),
                                                         static_cast<std::uint8_t>(((x ^ y) & 1) != 0 ? 255 : 0),
                                                         static_cast<std::uint8_t>(y % 2 != 0 ? 250 : 3), 255});
  const fs::path in = s_dir / "still.png";
  ASSERT_TRUE(media::ffmpeg::writePng(in, w, h, rgba).ok());
  const fs::path cube = s_dir / "square.cube";
  writeCube(cube, 17, square);
  const fs::path out = s_dir / "graded.png";
  const CliRun r = cli("grade " + q(in) + " --lut " + q(cube) + " --out " + q(out));
  ASSERT_EQ(r.status, 0) << r.err;
  int ow = 0, oh = 0;
  const auto px = decode16(out, ow, oh);
  ASSERT_EQ(ow, w);
  ASSERT_EQ(oh, h);
  double worst = 0;
  for (std::size_t i = 0; i < px.size(); ++i) {
    if (i % 4 == 3) continue;
    const double want = lutOf(square, 17, rgba[i] / 255.0);
    worst = std::max(worst, std::abs(px[i] / 65535.0 - want));
  }
  EXPECT_LT(worst, 2.0 / 65535.0) << "largest difference from the LUT, in 16-bit steps: " << worst * 65535;
}

TEST_F(RenderCli, GradeKeepsSixteenBitPrecision) {
  // 16-bit values that 8 bits cannot hold, through an identity LUT: they come back to the step.
  const int w = 32, h = 2;
  std::vector<std::uint16_t> rgba;
  for (int i = 0; i < w * h; ++i) {
    rgba.insert(rgba.end(), {static_cast<std::uint16_t>(1000 + i * 997), static_cast<std::uint16_t>(65535 - i * 1013),
                             static_cast<std::uint16_t>(30001 + i * 7), 65535});
  }
  const fs::path in = s_dir / "deep.png";
  ASSERT_TRUE(media::ffmpeg::writePng16(in, w, h, rgba).ok());
  const fs::path cube = s_dir / "identity.cube";
  writeCube(cube, 33, [](double x) { return x; });
  const fs::path out = s_dir / "deep_out.png";
  const CliRun r = cli("grade " + q(in) + " --lut " + q(cube) + " --out " + q(out));
  ASSERT_EQ(r.status, 0) << r.err;
  int ow = 0, oh = 0;
  const auto px = decode16(out, ow, oh);
  ASSERT_EQ(px.size(), rgba.size());
  for (std::size_t i = 0; i < px.size(); ++i) {
    if (i % 4 == 3) continue;  // alpha: the output is opaque
    EXPECT_NEAR(px[i], rgba[i], 2) << "sample " << i;
  }
}

TEST_F(RenderCli, GradeRefusesMissingAndMalformedLutsNamingTheFile) {
  const fs::path in = s_dir / "still2.png";
  ASSERT_TRUE(media::ffmpeg::writePng(in, 2, 2, std::vector<std::uint8_t>(16, 128)).ok());
  CliRun r = cli("grade " + q(in) + " --lut " + q(s_dir / "missing.cube") + " --out " + q(s_dir / "o.png"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("missing.cube"), std::string::npos);
  const fs::path bad = s_dir / "bad.cube";
  std::ofstream(bad) << "LUT_3D_SIZE 3\n0 0 0\n1 1\n";
  r = cli("grade " + q(in) + " --lut " + q(bad) + " --out " + q(s_dir / "o.png"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("bad.cube"), std::string::npos);
  EXPECT_FALSE(fs::exists(s_dir / "o.png"));
  r = cli("grade " + q(in) + " --preset no-such-look --out " + q(s_dir / "o.png"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("warm-morning"), std::string::npos);  // lists the valid presets
}

TEST_F(RenderCli, GradePresetChangesThePicture) {
  const fs::path in = s_dir / "still3.png";
  ASSERT_TRUE(media::ffmpeg::writePng(in, 8, 8, std::vector<std::uint8_t>(256, 128)).ok());
  const fs::path out = s_dir / "warm.png";
  const CliRun r = cli("grade " + q(in) + " --preset warm-morning --out " + q(out));
  ASSERT_EQ(r.status, 0) << r.err;
  int w = 0, h = 0;
  const auto px = decode16(out, w, h);
  ASSERT_FALSE(px.empty());
  const std::size_t c = (4 * 8 + 4) * 4;  // the centre, away from the vignette
  EXPECT_GT(px[c], px[c + 2]) << "a warm look makes grey warmer (red above blue)";
}

TEST_F(RenderCli, MatchAndLookEditTheProjectFile) {
  const fs::path copy = s_dir / "copy.postline";
  fs::copy_file(s_project, copy, fs::copy_options::overwrite_existing);
  CliRun r = cli("look " + q(copy) + " --preset cool-cinematic");
  ASSERT_EQ(r.status, 0) << r.err;
  r = cli("match " + q(copy) + " --per-shot");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("matched 5 clip"), std::string::npos) << r.out;
  std::ifstream in(copy);
  const auto j = nlohmann::json::parse(in);
  EXPECT_TRUE(j["sequences"][0].contains("timeline_grade"));
  EXPECT_TRUE(j["sequences"][0]["tracks"][0]["clips"][0].contains("grade"));
  EXPECT_EQ(cli("match " + q(copy)).status, 1);
  EXPECT_EQ(cli("look " + q(copy) + " --preset nope").status, 2);
}

}  // namespace

namespace {

// A copy of the demo project edited by `edit` (the JSON document), written into the demo folder.
fs::path editedCopy(const fs::path& project, const std::string& name, const std::function<void(nlohmann::json&)>& edit) {
  std::ifstream in(project);
  nlohmann::json j = nlohmann::json::parse(in);
  edit(j);
  const fs::path out = project.parent_path() / name;
  std::ofstream(out) << j.dump();
  return out;
}

TEST_F(RenderCli, ABadLutOrAnUnreadableClipIsBypassedWithAWarningAndTheRenderGoesOn) {
  const fs::path garbage = s_dir / "media" / "garbage.mp4";
  std::ofstream(garbage) << std::string(4096, 'x');
  const fs::path copy = editedCopy(s_project, "bad_inputs.postline", [&](nlohmann::json& j) {
    auto& clips = j["sequences"][0]["tracks"][0]["clips"];
    clips[0]["grade"]["creative"]["lut"] = {{"path", "no_such_look.cube"}, {"mix", 1.0}};
    for (auto& m : j["media"]) {
      if (m["id"] == clips[1]["media"]) m["path"] = m["absolute_path"] = garbage.string();
    }
  });
  const fs::path out = s_dir / "bad_inputs.mp4";
  // The first clip (bad LUT) and the second (garbage media) both fall in this range.
  const CliRun r = cli("render " + q(copy) + " --out " + q(out) + " --range 00:00:01:00-00:00:02:12 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("no_such_look.cube"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("garbage.mp4"), std::string::npos) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["frames"], 36);
  EXPECT_GE(j["warnings"].size(), 2u);
  auto p = media::probe(out);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->video->frames, 36);
}

// Pixels of a 16-bit RGBA frame with every channel above `level` inside the box of fractions
// [x0, x1] x [y0, y1].
int brightIn(const std::vector<std::uint16_t>& px, int w, int h, double x0, double x1, double y0, double y1, int level) {
  int n = 0;
  for (int y = static_cast<int>(y0 * h); y < static_cast<int>(y1 * h); ++y) {
    for (int x = static_cast<int>(x0 * w); x < static_cast<int>(x1 * w); ++x) {
      const std::uint16_t* p = &px[(static_cast<std::size_t>(y) * w + x) * 4];
      if (p[0] > level && p[1] > level && p[2] > level) ++n;
    }
  }
  return n;
}

TEST_F(RenderCli, TitleAddsTextThatTheFrameShows) {
  const fs::path copy = s_dir / "titled.postline";
  fs::copy_file(s_project, copy, fs::copy_options::overwrite_existing);
  CliRun r = cli("title " + q(copy) + " --text \"Origin Coffee\" --at 00:00:04:00 --duration 1 --size 0.1 --y 0.3");
  ASSERT_EQ(r.status, 0) << r.err;
  std::ifstream in(copy);
  const auto j = nlohmann::json::parse(in);
  const auto& v2 = j["sequences"][0]["tracks"][1];
  EXPECT_EQ(v2["name"], "V2");
  EXPECT_EQ(v2["clips"].size(), 3u);  // the demo's opening title, this one, the logo
  bool found = false;
  for (const auto& m : j["media"]) {
    if (m["kind"] == "title" && m["title"]["text"] == "Origin Coffee") found = m["title"]["y"] == 0.3;
  }
  EXPECT_TRUE(found);
  int w = 0, h = 0;
  const fs::path titled = s_dir / "titled.png";
  const fs::path plain = s_dir / "untitled.png";
  r = cli("frame " + q(copy) + " --at 00:00:04:12 --out " + q(titled) + " --depth 16");
  ASSERT_EQ(r.status, 0) << r.err;
  r = cli("frame " + q(s_project) + " --at 00:00:04:12 --out " + q(plain) + " --depth 16");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto withText = decode16(titled, w, h);
  ASSERT_EQ(w, 1920);
  const auto without = decode16(plain, w, h);
  const int level = 52000;  // near white: the warm look tints it a little
  EXPECT_GT(brightIn(withText, w, h, 0.35, 0.65, 0.25, 0.35, level), 2000);
  EXPECT_EQ(brightIn(without, w, h, 0.35, 0.65, 0.25, 0.35, level), 0);
  EXPECT_EQ(brightIn(withText, w, h, 0.0, 1.0, 0.5, 0.7, level), brightIn(without, w, h, 0.0, 1.0, 0.5, 0.7, level));
  // The demo's own title sits at (0.5, 0.85) during its first seconds.
  r = cli("frame " + q(s_project) + " --at 00:00:01:00 --out " + q(plain) + " --depth 16");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_GT(brightIn(decode16(plain, w, h), w, h, 0.3, 0.7, 0.8, 0.9, level), 2000);
  // Matching every clip to a reference leaves the titles alone (there is nothing to decode).
  r = cli("match " + q(copy) + " --reference " + q(s_dir / "reference" / "Colour_Reference.png"));
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(RenderCli, TitleRefusesMissingArgumentsAndUnknownTracks) {
  const fs::path copy = s_dir / "titled_bad.postline";
  fs::copy_file(s_project, copy, fs::copy_options::overwrite_existing);
  EXPECT_EQ(cli("title " + q(copy) + " --at 00:00:01:00 --duration 1").status, 1);
  EXPECT_EQ(cli("title " + q(copy) + " --text Hi --at 00:00:01:00 --duration soon").status, 1);
  const CliRun r = cli("title " + q(copy) + " --text Hi --at 00:00:01:00 --duration 1 --track V7");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("V7"), std::string::npos) << r.err;
}

}  // namespace
