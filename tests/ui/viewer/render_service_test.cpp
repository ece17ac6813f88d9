// RenderService: the right frame at the right size, latest-wins scrubbing, prefetch order,
// a media alone, and render warnings for a missing or corrupt file.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <fstream>

#include "tests/ui/ui_fixtures.h"
#include "tests/ui/viewer/viewer_test_util.h"
#include "ui/viewer/render_service.h"

namespace postline::ui {
namespace {

using testing::readBurntNumber;
using testing::waitFor;

struct Fixture {
  ProjectController ctl;
  std::vector<model::MediaId> media;
  explicit Fixture(const std::string& dir, int clips = 2) {
    ctl.newProject("Viewer");
    media = testing::assembleClips(ctl, testing::freshDir(dir), clips);
  }
};

// Waits for frame `f` of `rs` and returns it (an empty frame when it never came).
RenderedFrame waitFrame(RenderService& rs, qint64 f) {
  std::optional<RenderedFrame> got;
  waitFor([&] { return (got = rs.frame(f)).has_value() && !got->draft; });
  return got.value_or(RenderedFrame{});
}

TEST(RenderService, RendersTheAskedSequenceFrame) {
  Fixture fx("rs_frame");
  RenderService rs;
  rs.setResolutionDivisor(2);
  rs.setSequence(fx.ctl.snapshot(), fx.ctl.currentSequence());
  EXPECT_EQ(rs.frameCount(), 96);
  rs.showFrame(30);
  RenderedFrame a = waitFrame(rs, 30);
  ASSERT_FALSE(a.image.isNull());
  EXPECT_EQ(readBurntNumber(a.image, 320), 30);
  rs.showFrame(60);  // second clip, its picture 12
  RenderedFrame b = waitFrame(rs, 60);
  EXPECT_EQ(readBurntNumber(b.image, 320), 12);
  EXPECT_FALSE(rs.rendererDescription().isEmpty());
}

TEST(RenderService, DivisorGivesHalfAndQuarterImages) {
  Fixture fx("rs_sizes", 1);
  RenderService rs;
  rs.setSequence(fx.ctl.snapshot(), fx.ctl.currentSequence());
  const int divisors[] = {1, 2, 4};
  for (int d : divisors) {
    rs.setResolutionDivisor(d);
    EXPECT_EQ(rs.resolutionDivisor(), d);
    rs.showFrame(7);
    RenderedFrame f = waitFrame(rs, 7);
    EXPECT_EQ(f.image.width(), 1920 / d) << d;
    EXPECT_EQ(f.image.height(), 1080 / d) << d;
    EXPECT_EQ(readBurntNumber(f.image, 320), 7) << d;
  }
}

TEST(RenderService, ScrubDraftComesFirstThenTheFullFrame) {
  Fixture fx("rs_draft", 1);
  RenderService rs;
  rs.setSequence(fx.ctl.snapshot(), fx.ctl.currentSequence());
  QSignalSpy ready(&rs, &RenderService::frameReady);
  std::vector<QSize> sizes;
  QObject::connect(&rs, &RenderService::frameReady, [&](qint64 f) { sizes.push_back(rs.frame(f)->image.size()); });
  rs.showFrame(20);
  RenderedFrame full = waitFrame(rs, 20);
  EXPECT_EQ(full.image.size(), QSize(1920, 1080));
  ASSERT_EQ(ready.count(), 2);
  EXPECT_EQ(ready.at(0).at(0).toLongLong(), 20);
  EXPECT_EQ(sizes.at(0), QSize(960, 540));  // the draft
  rs.setScrubDrafts(false);
  rs.showFrame(21);
  EXPECT_FALSE(waitFrame(rs, 21).draft);
  EXPECT_EQ(ready.count(), 3);  // no draft
}

TEST(RenderService, ScrubbingQuicklyEndsOnTheLastAsked) {
  Fixture fx("rs_scrub");
  RenderService rs;
  rs.setResolutionDivisor(4);
  rs.setSequence(fx.ctl.snapshot(), fx.ctl.currentSequence());
  QSignalSpy ready(&rs, &RenderService::frameReady);
  const qint64 asks[] = {3, 40, 17, 88, 25, 71};
  for (qint64 f : asks) rs.showFrame(f);
  ASSERT_TRUE(waitFor([&] { return rs.frame(71).has_value(); }));
  QTest::qWait(300);  // anything else queued would arrive now
  ASSERT_GE(ready.count(), 1);
  EXPECT_EQ(ready.last().at(0).toLongLong(), 71);
  EXPECT_LE(ready.count(), 2);  // at most the one in flight, then the last asked
  EXPECT_EQ(readBurntNumber(rs.latest()->image, 320), 71 - 48);
}

TEST(RenderService, PrefetchRendersFramesInOrder) {
  Fixture fx("rs_prefetch");
  RenderService rs;
  rs.setResolutionDivisor(4);
  rs.setSequence(fx.ctl.snapshot(), fx.ctl.currentSequence());
  QSignalSpy ready(&rs, &RenderService::frameReady);
  rs.prefetch(40, 8);
  ASSERT_TRUE(waitFor([&] { return ready.count() >= 8; }));
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(ready.at(i).at(0).toLongLong(), 40 + i);
    auto f = rs.frame(40 + i);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(readBurntNumber(f->image, 320), (40 + i) % 48);
  }
  const quint64 before = rs.renderedCount();
  rs.prefetch(44, 8);  // 44..47 are done: only 48..51 render
  ASSERT_TRUE(waitFor([&] { return rs.frame(51).has_value(); }));
  QTest::qWait(200);
  EXPECT_EQ(rs.renderedCount() - before, 4u);
  EXPECT_FALSE(rs.frame(40).has_value());  // older than the new start: left the ring
}

TEST(RenderService, MediaAloneShowsItsOwnFrames) {
  Fixture fx("rs_media");
  RenderService rs;
  rs.setMedia(fx.ctl.snapshot(), fx.media[1]);
  EXPECT_EQ(rs.frameCount(), 48);
  rs.showFrame(33);
  RenderedFrame f = waitFrame(rs, 33);
  EXPECT_EQ(f.image.size(), QSize(320, 180));  // the media's own size
  EXPECT_EQ(readBurntNumber(f.image, 320), 33);
}

void expectWarningFor(const std::string& dir, bool corrupt) {
  ProjectController ctl;
  ctl.newProject("Broken");
  const auto files = testing::writeClips(testing::freshDir(dir), 1);
  const auto ids = testing::importFiles(ctl, files);
  ASSERT_TRUE(ctl.apply(edit::assemblyEdit(ctl.project(), ctl.currentSequence(), ids,
                                           testing::firstTrack(ctl, model::TrackKind::Video),
                                           testing::firstTrack(ctl, model::TrackKind::Audio)),
                        "Assembly Edit"));
  if (corrupt) {
    std::ofstream(files[0], std::ios::binary | std::ios::trunc) << std::string(4096, '\x42');
  } else {
    std::filesystem::remove(files[0]);
  }
  RenderService rs;
  rs.setResolutionDivisor(4);
  QSignalSpy warn(&rs, &RenderService::renderWarning);
  rs.setSequence(ctl.snapshot(), ctl.currentSequence());
  rs.showFrame(5);
  ASSERT_TRUE(waitFor([&] { return warn.count() > 0; }));
  EXPECT_TRUE(warn.at(0).at(0).toString().contains(QString::fromStdString(files[0].filename().string())))
      << warn.at(0).at(0).toString().toStdString();
  RenderedFrame f = waitFrame(rs, 5);  // the layer is bypassed: a black frame, no crash
  ASSERT_FALSE(f.image.isNull());
  EXPECT_LT(qGreen(f.image.pixel(10, 10)), 30);
  rs.showFrame(6);  // the same message is not repeated
  waitFrame(rs, 6);
  QTest::qWait(100);
  EXPECT_EQ(warn.count(), 1);
}

TEST(RenderService, DeletedFileGivesOneWarningNamingIt) { expectWarningFor("rs_deleted", false); }

TEST(RenderService, CorruptFileGivesOneWarningNamingIt) { expectWarningFor("rs_corrupt", true); }

}  // namespace
}  // namespace postline::ui
