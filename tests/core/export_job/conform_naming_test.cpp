// Frame-rate conform (which sequence frames make each delivered frame) and delivery file names.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "core/export/conform.h"
#include "core/export/export_job.h"

namespace postline::exporting {
namespace {

time::Rational rate(std::int64_t num, std::int64_t den = 1) { return time::Rational::make(num, den).value(); }

TEST(Conform, SameRateIsIdentity) {
  const Conform c(rate(24), rate(24), ConformMethod::Repeat, 50);
  EXPECT_TRUE(c.identity());
  EXPECT_EQ(c.outputFrames(), 50);
  EXPECT_EQ(c.step(17), (ConformStep{17, 17, 0.0}));
  EXPECT_EQ(c.describe(), "none");
}

TEST(Conform, RepeatCadenceFrom24To30ShowsEveryFourthFrameTwice) {
  const Conform c(rate(24), rate(30), ConformMethod::Repeat, 96);
  EXPECT_EQ(c.outputFrames(), 120);  // 4 s either way
  const std::vector<std::int64_t> expected{0, 0, 1, 2, 3, 4, 4, 5, 6, 7};
  for (std::size_t n = 0; n < expected.size(); ++n) {
    EXPECT_EQ(c.step(static_cast<std::int64_t>(n)).a, expected[n]) << n;
    EXPECT_EQ(c.step(static_cast<std::int64_t>(n)).weight, 0.0);
  }
  std::map<std::int64_t, int> shown;
  for (std::int64_t n = 0; n < c.outputFrames(); ++n) ++shown[c.step(n).a];
  ASSERT_EQ(shown.size(), 96u);  // every sequence frame appears
  int twice = 0;
  for (const auto& [frame, count] : shown) {
    EXPECT_LE(count, 2);
    twice += count == 2;
  }
  EXPECT_EQ(twice, 24);  // one in four
  EXPECT_EQ(c.describe(), "repeat 24->30");
}

TEST(Conform, BlendMixesTheTwoFramesAroundEachInstant) {
  const Conform c(rate(24), rate(30), ConformMethod::Blend, 96);
  EXPECT_EQ(c.step(0), (ConformStep{0, 0, 0.0}));
  const ConformStep s1 = c.step(1);  // instant 0.8
  EXPECT_EQ(s1.a, 0);
  EXPECT_EQ(s1.b, 1);
  EXPECT_NEAR(s1.weight, 0.8, 1e-12);
  const ConformStep s3 = c.step(3);  // instant 2.4
  EXPECT_EQ(s3.a, 2);
  EXPECT_NEAR(s3.weight, 0.4, 1e-12);
  const ConformStep last = c.step(c.outputFrames() - 1);  // instant 95.2: no frame 96 to blend with
  EXPECT_EQ(last.a, 95);
  EXPECT_EQ(last.b, 95);
  EXPECT_EQ(c.describe(), "blend 24->30");
}

TEST(Conform, NtscRatesAndDownConversion) {
  const Conform up(rate(24000, 1001), rate(30000, 1001), ConformMethod::Repeat, 1001);
  EXPECT_EQ(up.outputFrames(), 1251);  // 1001 * 1.25 = 1251.25
  const Conform down(rate(30), rate(24), ConformMethod::Repeat, 30);
  EXPECT_EQ(down.outputFrames(), 24);
  EXPECT_EQ(down.step(1).a, 1);   // 1.25
  EXPECT_EQ(down.step(3).a, 3);   // 3.75
  EXPECT_EQ(down.step(4).a, 5);   // frame 4 is dropped
  const Conform one(rate(24), rate(30), ConformMethod::Repeat, 1);
  EXPECT_EQ(one.outputFrames(), 1);
}

TEST(DeliveryNames, ProjectNamesBecomeFileNameParts) {
  EXPECT_EQ(fileNamePart("Origin Coffee Commercial"), "Origin_Coffee_Commercial");
  EXPECT_EQ(fileNamePart("  Café: 4/5 cut!  "), "Caf_4_5_cut");
  EXPECT_EQ(fileNamePart("???"), "Export");
  Preset reels;
  reels.id = "reels";
  reels.fileTag = "Reels_9x16";
  reels.container = "mp4";
  EXPECT_EQ(deliveryFileName("Origin_Coffee", reels, 3), "Origin_Coffee_Reels_9x16_v003.mp4");
}

TEST(DeliveryNames, NextVersionCountsFinishedAndPartialFilesOfThisProjectOnly) {
  const auto dir = std::filesystem::temp_directory_path() / ("postline_versions_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  EXPECT_EQ(nextVersion(dir, "Origin_Coffee"), 1);  // no folder yet
  std::filesystem::create_directories(dir);
  for (const char* name : {"Origin_Coffee_Reels_9x16_v001.mp4", "Origin_Coffee_YouTube_1080p_v004.partial.mp4",
                           "Other_Project_Reels_9x16_v009.mp4", "Origin_Coffee_notes.txt"}) {
    std::ofstream(dir / name) << "x";
  }
  EXPECT_EQ(nextVersion(dir, "Origin_Coffee"), 5);
  std::filesystem::remove_all(dir);
}

TEST(OverLimit, NamesParseAndUnknownOnesAreRefused) {
  EXPECT_EQ(parseOverLimit("trim").value(), OverLimit::Trim);
  EXPECT_EQ(parseOverLimit("export").value(), OverLimit::Export);
  EXPECT_EQ(parseOverLimit("refuse").value(), OverLimit::Refuse);
  const auto bad = parseOverLimit("cut");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("refuse, export, trim"), std::string::npos);
}

}  // namespace
}  // namespace postline::exporting
