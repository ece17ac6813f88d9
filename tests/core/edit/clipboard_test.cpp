#include "core/edit/clipboard.h"

#include <gtest/gtest.h>

#include "core/edit/link.h"
#include "core/edit/transitions.h"
#include "tests/core/edit/edit_fixture.h"

namespace postline::edit {
namespace {

using base::ErrorCode;
using model::ClipId;
using test::appliesAndUndoes;
using test::EditFixture;
using test::shownTicks;
using time::FrameCount;
using time::FramePos;
using time::FrameRange;

// Links `a` and `b` in the fixture's project (test setup).
void linkClips(EditFixture& f, ClipId a, ClipId b) {
  auto cs = link(f.project, f.seq, {a, b});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  ASSERT_TRUE(model::apply(f.project, *cs).ok());
}

TEST(ClipboardTest, CopyTakesLinkedPartnersWithOffsets) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 30, 40, 10, "V");
  const ClipId a = f.place(f.a1, f.video, 30, 40, 10, "A");
  const ClipId w = f.place(f.v2, f.video, 50, 20, 0, "W");
  linkClips(f, v, a);
  const model::Project before = f.project;
  auto copied = copyClips(f.project, f.seq, {w, v});
  ASSERT_TRUE(copied.ok()) << copied.error().message;
  EXPECT_EQ(f.project, before);
  ASSERT_EQ(copied->clips.size(), 3u);  // track order: V1, V2, A1
  EXPECT_EQ(copied->clips[0].track, f.v1);
  EXPECT_EQ(copied->clips[0].clip.id, v);
  EXPECT_EQ(copied->clips[0].clip.start, FramePos{0});
  EXPECT_EQ(copied->clips[0].clip.sourceIn, 10);
  EXPECT_EQ(copied->clips[1].track, f.v2);
  EXPECT_EQ(copied->clips[1].clip.start, FramePos{20});
  EXPECT_EQ(copied->clips[2].track, f.a1);
  EXPECT_EQ(copied->clips[2].clip.id, a);
  EXPECT_EQ(copied->length(), FrameCount{40});
}

TEST(ClipboardTest, CopyErrors) {
  EditFixture f;
  EXPECT_EQ(copyClips(f.project, f.seq, {}).error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(copyClips(f.project, f.seq, {ClipId{999}}).error().code, ErrorCode::NotFound);
}

TEST(ClipboardTest, PasteIntoEmptyPlaceGivesFreshIdsAndOneFreshLinkGroup) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 40, 10, "V");
  const ClipId a = f.place(f.a1, f.video, 0, 40, 10, "A");
  linkClips(f, v, a);
  auto copied = copyClips(f.project, f.seq, {v});
  ASSERT_TRUE(copied.ok());
  const std::uint64_t next = f.project.nextId;
  auto cs = pasteClips(f.project, f.seq, *copied, FramePos{100});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Sequence& s = *after.findSequence(f.seq);
  const model::Clip& pv = s.findTrack(f.v1)->clips.at(1);
  const model::Clip& pa = s.findTrack(f.a1)->clips.at(1);
  EXPECT_EQ(pv.id.value, next);
  EXPECT_EQ(pa.id.value, next + 1);
  EXPECT_EQ(pv.record(), (FrameRange{FramePos{100}, FramePos{140}}));
  EXPECT_EQ(pa.record(), pv.record());
  EXPECT_EQ(pv.sourceIn, 10);
  EXPECT_EQ(pv.name, "V");
  EXPECT_NE(pv.linkGroup, 0u);
  EXPECT_EQ(pv.linkGroup, pa.linkGroup);
  EXPECT_NE(pv.linkGroup, s.findTrack(f.v1)->clips.at(0).linkGroup);
  EXPECT_EQ(after.nextId, next + 3);
}

TEST(ClipboardTest, PasteOverwritesLikeOverwriteAndKeepsTheSourceShown) {
  EditFixture f;
  const ClipId base = f.place(f.v1, f.video, 0, 100, 0, "Base");
  const ClipId src = f.place(f.v2, f.video, 0, 20, 150, "Src");
  auto copied = copyClips(f.project, f.seq, {src});
  ASSERT_TRUE(copied.ok());
  copied->clips[0].track = f.v1;  // paste onto V1 over Base
  auto cs = pasteClips(f.project, f.seq, *copied, FramePos{30});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const auto& clips = after.findSequence(f.seq)->findTrack(f.v1)->clips;
  ASSERT_EQ(clips.size(), 3u);
  EXPECT_EQ(clips[0].id, base);
  EXPECT_EQ(clips[0].record(), (FrameRange{FramePos{0}, FramePos{30}}));
  EXPECT_EQ(clips[1].record(), (FrameRange{FramePos{30}, FramePos{50}}));
  EXPECT_EQ(clips[2].record(), (FrameRange{FramePos{50}, FramePos{100}}));
  std::vector<std::int64_t> expected;
  for (std::int64_t t = 0; t < 100; ++t) expected.push_back(t >= 30 && t < 50 ? 150 + (t - 30) : t);
  EXPECT_EQ(shownTicks(after, f.seq, f.v1, 0, 100), expected);
}

TEST(ClipboardTest, PastedClipsWithAGapCutTheClipUnderThemIntoThreePieces) {
  EditFixture f;
  const ClipId base = f.place(f.v1, f.video, 0, 100, 0, "Base");
  const ClipId x = f.place(f.v2, f.video, 0, 10, 200, "X");
  const ClipId y = f.place(f.v2, f.video, 20, 10, 210, "Y");
  auto copied = copyClips(f.project, f.seq, {x, y});
  ASSERT_TRUE(copied.ok());
  for (CopiedClip& c : copied->clips) c.track = f.v1;
  auto cs = pasteClips(f.project, f.seq, *copied, FramePos{40});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const auto& clips = after.findSequence(f.seq)->findTrack(f.v1)->clips;
  ASSERT_EQ(clips.size(), 5u);
  EXPECT_EQ(clips[0].id, base);
  EXPECT_EQ(clips[2].record(), (FrameRange{FramePos{50}, FramePos{60}}));
  EXPECT_EQ(clips[2].sourceIn, 50);
  std::vector<std::int64_t> expected;
  for (std::int64_t t = 0; t < 100; ++t) {
    expected.push_back(t >= 40 && t < 50 ? 200 + (t - 40) : t >= 60 && t < 70 ? 210 + (t - 60) : t);
  }
  EXPECT_EQ(shownTicks(after, f.seq, f.v1, 0, 100), expected);
}

TEST(ClipboardTest, ALoneLinkedClipPastesUnlinked) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 40, 0, "V");
  const ClipId a = f.place(f.a1, f.video, 0, 40, 0, "A");
  linkClips(f, v, a);
  auto copied = copyClips(f.project, f.seq, {v});
  ASSERT_TRUE(copied.ok());
  copied->clips.pop_back();  // only the video clip
  auto cs = pasteClips(f.project, f.seq, *copied, FramePos{40});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_EQ(after.findSequence(f.seq)->findTrack(f.v1)->clips.at(1).linkGroup, 0u);
}

TEST(ClipboardTest, PasteRemovesATransitionWhoseCutIsCovered) {
  EditFixture f;
  const ClipId l = f.place(f.v1, f.video, 0, 40, 20, "L");
  const ClipId r = f.place(f.v1, f.video, 40, 40, 100, "R");
  auto tr = addTransition(f.project, f.seq, l, r, FrameCount{8}, model::TransitionAlign::CenterOnCut);
  ASSERT_TRUE(tr.ok()) << tr.error().message;
  ASSERT_TRUE(model::apply(f.project, *tr).ok());
  const ClipId src = f.place(f.v2, f.video, 0, 10, 0, "Src");
  auto copied = copyClips(f.project, f.seq, {src});
  ASSERT_TRUE(copied.ok());
  copied->clips[0].track = f.v1;
  auto cs = pasteClips(f.project, f.seq, *copied, FramePos{35});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  EXPECT_TRUE(after.findSequence(f.seq)->transitions.empty());
}

TEST(ClipboardTest, PasteErrors) {
  EditFixture f;
  const ClipId v = f.place(f.v1, f.video, 0, 40, 0, "V");
  auto copied = copyClips(f.project, f.seq, {v});
  ASSERT_TRUE(copied.ok());
  EXPECT_EQ(pasteClips(f.project, f.seq, {}, FramePos{0}).error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(pasteClips(f.project, f.seq, *copied, FramePos{-1}).error().code, ErrorCode::OutOfRange);
  f.track(f.v1).locked = true;
  EXPECT_EQ(pasteClips(f.project, f.seq, *copied, FramePos{50}).error().code, ErrorCode::Conflict);
  f.track(f.v1).locked = false;
  ClipboardContent wrongTrack = *copied;
  wrongTrack.clips[0].track = model::TrackId{12345};
  EXPECT_EQ(pasteClips(f.project, f.seq, wrongTrack, FramePos{50}).error().code, ErrorCode::NotFound);
  ClipboardContent audioOnVideo = *copied;
  audioOnVideo.clips[0].clip.media = f.wav;
  EXPECT_FALSE(pasteClips(f.project, f.seq, audioOnVideo, FramePos{50}).ok());
}

}  // namespace
}  // namespace postline::edit
