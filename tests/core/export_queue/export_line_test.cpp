// parseExportLine: the lines `postline-cli export` prints, as the queue reads them.
#include <gtest/gtest.h>

#include "core/export/queue.h"

namespace postline::exporting {
namespace {

using Kind = ExportLine::Kind;

TEST(ExportLine, OutputAnnouncement) {
  ExportLine line = parseExportLine("export: reels-9x16 -> /tmp/my exports/Reels -> final.mp4");
  EXPECT_EQ(line.kind, Kind::Output);
  EXPECT_EQ(line.presetId, "reels-9x16");
  EXPECT_EQ(line.path, "/tmp/my exports/Reels -> final.mp4");  // the first arrow splits
}

TEST(ExportLine, ProgressWithFpsAndEta) {
  ExportLine line = parseExportLine("progress: 12.5% 24.1 fps ETA 01:02:09");
  EXPECT_EQ(line.kind, Kind::Progress);
  EXPECT_DOUBLE_EQ(line.percent, 12.5);
  EXPECT_DOUBLE_EQ(line.fps, 24.1);
  EXPECT_DOUBLE_EQ(line.etaS, 3600 + 120 + 9);
}

TEST(ExportLine, ProgressPercentOnlyOrUnknownEta) {
  ExportLine bare = parseExportLine("progress: 100%");
  EXPECT_EQ(bare.kind, Kind::Progress);
  EXPECT_DOUBLE_EQ(bare.percent, 100.0);
  EXPECT_DOUBLE_EQ(bare.fps, 0.0);
  ExportLine unknown = parseExportLine("progress: 3% 0.0 fps ETA --:--:--");
  EXPECT_EQ(unknown.kind, Kind::Progress);
  EXPECT_DOUBLE_EQ(unknown.percent, 3.0);
  EXPECT_DOUBLE_EQ(unknown.etaS, 0.0);
  ExportLine longEta = parseExportLine("progress: 0.1% 1.5 fps ETA 123:00:01");
  EXPECT_DOUBLE_EQ(longEta.etaS, 123 * 3600.0 + 1);
}

TEST(ExportLine, MalformedProgressIsOther) {
  for (const char* text : {"progress: abc", "progress: 12.5", "progress:12%", "progress: %"}) {
    ExportLine line = parseExportLine(text);
    EXPECT_EQ(line.kind, Kind::Other) << text;
    EXPECT_EQ(line.message, text);
  }
}

TEST(ExportLine, Verified) {
  ExportLine pass = parseExportLine("verified: youtube-1080p pass");
  EXPECT_EQ(pass.kind, Kind::Verified);
  EXPECT_EQ(pass.presetId, "youtube-1080p");
  EXPECT_TRUE(pass.pass);
  ExportLine fail = parseExportLine("verified: prores-hq FAIL (2 of 9 checks failed)");
  EXPECT_EQ(fail.kind, Kind::Verified);
  EXPECT_EQ(fail.presetId, "prores-hq");
  EXPECT_FALSE(fail.pass);
  EXPECT_EQ(fail.message, "FAIL (2 of 9 checks failed)");
  ExportLine counted = parseExportLine("verified: reels pass (9 checks)");
  EXPECT_EQ(counted.kind, Kind::Verified);
  EXPECT_TRUE(counted.pass);
  EXPECT_EQ(parseExportLine("verified: prores-hq maybe").kind, Kind::Other);
  EXPECT_FALSE(parseExportLine("verified: prores-hq passed").pass);
}

TEST(ExportLine, FailedAndReport) {
  ExportLine failed = parseExportLine("failed: reels-9x16: /out/a.mp4: disk full");
  EXPECT_EQ(failed.kind, Kind::Failed);
  EXPECT_EQ(failed.presetId, "reels-9x16");
  EXPECT_EQ(failed.message, "/out/a.mp4: disk full");
  ExportLine report = parseExportLine("report: /out/delivery report.json");
  EXPECT_EQ(report.kind, Kind::Report);
  EXPECT_EQ(report.path, "/out/delivery report.json");
}

TEST(ExportLine, AnythingElseIsOther) {
  for (const char* text : {"", "export: no arrow here", "hello", "report:", "Progress: 5%"}) {
    ExportLine line = parseExportLine(text);
    EXPECT_EQ(line.kind, Kind::Other) << text;
  }
}

TEST(QueueState, Names) {
  EXPECT_STREQ(queueStateName(QueueState::Queued), "queued");
  EXPECT_STREQ(queueStateName(QueueState::Running), "running");
  EXPECT_STREQ(queueStateName(QueueState::Paused), "paused");
  EXPECT_STREQ(queueStateName(QueueState::Done), "done");
  EXPECT_STREQ(queueStateName(QueueState::Failed), "failed");
  EXPECT_STREQ(queueStateName(QueueState::Cancelled), "cancelled");
}

}  // namespace
}  // namespace postline::exporting
