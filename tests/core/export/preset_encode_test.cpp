// Every shipped delivery preset's encoder settings produce the file the preset promises (codec,
// profile, size, pixel format, square pixels, audio, container, faststart), probed back.
#include <gtest/gtest.h>

#include <map>

#include "core/export/preset.h"
#include "core/media/prober.h"
#include "tests/core/export/encoder_test_util.h"
#include "tests/core/export/packet_stats.h"

namespace {

using namespace postline;
using namespace postline::exporting;
using namespace postline::exporting::test;

struct Expect {
  std::string codec;    // as the prober names it
  std::string profile;  // libav's profile name
};

const std::map<std::string, Expect> kExpected = {
    {"youtube-1080p", {"h264", "High"}}, {"youtube-4k", {"h264", "High"}},   {"instagram-feed", {"h264", "High"}},
    {"reels", {"h264", "High"}},         {"linkedin-16x9", {"h264", "High"}}, {"linkedin-1x1", {"h264", "High"}},
    {"master-prores", {"prores", "HQ"}}, {"master-dnxhr", {"dnxhd", "DNXHR HQ"}},
};

// 12 frames (the moving pattern, at the pushed size) and their audio.
void encodeTwelveFrames(Encoder& e, const EncoderSettings& s) {
  std::int64_t sample = 0;
  for (int f = 0; f < 12; ++f) {
    ASSERT_TRUE(push(e, patternYuv(s.pushWidth(), s.pushHeight(), f)).ok());
    const std::int64_t due = (f + 1) * s.sampleRate * s.fps.den() / s.fps.num();
    const std::vector<float> a = tone(sample, due - sample);
    ASSERT_TRUE(e.pushAudio(a.data(), static_cast<std::size_t>(due - sample)).ok());
    sample = due;
  }
}

class ShippedPreset : public testing::TestWithParam<std::string> {};

TEST_P(ShippedPreset, EncodesWhatItPromises) {
  setenv("XDG_CONFIG_HOME", "/nonexistent-postline-test", 1);
  unsetenv("POSTLINE_USER_PRESETS");
  auto all = loadPresets();
  ASSERT_TRUE(all.ok()) << all.error().message;
  auto found = findPreset(*all, GetParam());
  ASSERT_TRUE(found.ok()) << found.error().message;
  const Preset& p = *found;
  EncoderSettings s = encoderSettingsFor(p, 1920, 1080, time::Rational(24));
  if (s.width > 1920) {  // 4K from a 1080p render: the encoder scales
    s.inputWidth = 1920;
    s.inputHeight = 1080;
  }
  const fs::path out = freshDir() / ("Spot_" + p.fileTag + "." + p.container);
  auto e = Encoder::open(out, s);
  ASSERT_TRUE(e.ok()) << e.error().message;
  encodeTwelveFrames(**e, s);
  auto done = (*e)->finish();
  ASSERT_TRUE(done.ok()) << done.error().message;

  auto r = media::probe(out);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(r->video && r->audio);
  const Expect& want = kExpected.at(p.id);
  EXPECT_EQ(r->video->codec, want.codec);
  EXPECT_EQ(r->video->profile, want.profile);
  EXPECT_EQ(r->video->width, p.frameSize(1920, 1080).first);
  EXPECT_EQ(r->video->height, p.frameSize(1920, 1080).second);
  EXPECT_EQ(r->video->pixFmt, p.video.pixFmt);
  EXPECT_EQ(r->video->sampleAspect, time::Rational(1));
  EXPECT_EQ(r->video->frameRate, p.frameRate(time::Rational(24)));
  EXPECT_EQ(r->video->frames, 12);
  EXPECT_EQ(r->video->color.matrix, "bt709");
  EXPECT_EQ(r->video->color.range, "tv");
  EXPECT_EQ(r->audio->codec, p.audio.codec);
  EXPECT_EQ(r->audio->sampleRate, 48000);
  EXPECT_EQ(r->audio->channels, 2);
  const std::int64_t moov = topLevelBox(out, "moov");
  const std::int64_t mdat = topLevelBox(out, "mdat");
  ASSERT_GE(moov, 0);
  ASSERT_GE(mdat, 0);
  EXPECT_EQ(moov < mdat, p.faststart) << "moov at " << moov << ", mdat at " << mdat;
  const VideoPackets packets = readVideoPackets(out);
  ASSERT_TRUE(packets.ok) << packets.error;
  if (s.gop > 0) {
    EXPECT_LE(packets.maxKeyframeDistance(), s.gop);
  }
}

INSTANTIATE_TEST_SUITE_P(Delivery, ShippedPreset,
                         testing::Values("youtube-1080p", "youtube-4k", "instagram-feed", "reels", "linkedin-16x9",
                                         "linkedin-1x1", "master-prores", "master-dnxhr"),
                         [](const testing::TestParamInfo<std::string>& i) {
                           std::string n = i.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

}  // namespace
