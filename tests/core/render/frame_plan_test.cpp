// Frame plans (core/render/frame_plan.h) and reframe geometry, from projects built in code.
// Expected source frames are computed here from the rational definitions, not via the model.
#include "core/render/frame_plan.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "core/model/validate.h"
#include "core/render/reframe_geometry.h"
#include "tests/core/edit/edit_fixture.h"

namespace postline::render {
namespace {

using model::ClipId;
using time::FramePos;
using time::Rational;

// floor(num / den) for den > 0.
std::int64_t floorDiv(std::int64_t num, std::int64_t den) { return num / den - ((num % den != 0 && num < 0) ? 1 : 0); }
// round(num / den), exact halves toward +infinity (the rule of time::roundNearest), den > 0.
std::int64_t roundHalfUp(std::int64_t num, std::int64_t den) { return floorDiv(2 * num + den, 2 * den); }

struct FramePlanTest : ::testing::Test {
  edit::test::EditFixture f;

  Snapshot snapshot() const { return {std::make_shared<const model::Project>(f.project), f.seq}; }
  FramePlan plan(std::int64_t frame) {
    auto r = planFrame(snapshot(), FramePos{frame});
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : FramePlan{};
  }
  model::Clip& clip(ClipId id) {
    for (model::Track& t : f.sequence().tracks) {
      if (model::Clip* c = model::findClipOnTrack(t, id)) return *c;
    }
    throw std::logic_error("no clip " + std::to_string(id.value));
  }
  // A video item at `fps` with `timeBase` and `ticks`, added to the project.
  model::MediaId media(Rational fps, Rational timeBase, std::int64_t ticks) {
    model::MediaId id = f.addVideoMedia("m" + std::to_string(f.project.nextId) + ".mov", ticks);
    f.project.findMedia(id)->info.frameRate = fps;
    f.project.findMedia(id)->info.timeBase = timeBase;
    return id;
  }
  // Source frame of the only layer at `frame` (-1 when the plan does not have exactly one).
  std::int64_t shown(std::int64_t frame) {
    FramePlan p = plan(frame);
    return p.layers.size() == 1 ? p.layers[0].sourceFrame : -1;
  }
};

void expectMat(const Mat3& m, const std::array<double, 9>& want) {
  for (std::size_t i = 0; i < 9; ++i) EXPECT_NEAR(m[i], want[i], 1e-5) << "element " << i;
}
void expectMaps(const Mat3& m, double u, double v, double s, double t) {
  const auto p = applyTransform(m, u, v);
  EXPECT_NEAR(p[0], s, 1e-5) << "x of (" << u << ", " << v << ")";
  EXPECT_NEAR(p[1], t, 1e-5) << "y of (" << u << ", " << v << ")";
}

TEST_F(FramePlanTest, GapsAndFramesOutsideTheSequenceDrawNothing) {
  f.place(f.v1, f.video, 10, 10, 0, "A");
  EXPECT_EQ(sequenceLength(snapshot()).value, 20);
  for (std::int64_t frame : {-1, 0, 9, 20, 1000}) {
    FramePlan p = plan(frame);
    EXPECT_TRUE(p.layers.empty()) << "frame " << frame;
    EXPECT_EQ(p.frame.value, frame);
    EXPECT_EQ(p.width, 1920);
    EXPECT_EQ(p.height, 1080);
  }
  EXPECT_EQ(plan(10).layers.size(), 1u);
  EXPECT_EQ(plan(19).layers.size(), 1u);
}

TEST_F(FramePlanTest, OneClipCarriesItsSourceGradeAndPlacement) {
  const ClipId a = f.place(f.v1, f.video, 0, 48, 10, "A");
  clip(a).grade.normalise.exposure = 1.5;
  f.project.findMedia(f.video)->info.colorSpace = "bt709";
  FramePlan p = plan(5);
  ASSERT_EQ(p.layers.size(), 1u);
  const Layer& l = p.layers[0];
  EXPECT_EQ(l.clip, a);
  EXPECT_EQ(l.media, f.video);
  EXPECT_EQ(l.path, "/media/Shot_01_Take_01.mov");
  EXPECT_FALSE(l.still);
  EXPECT_EQ(l.sourceFrame, 15);
  EXPECT_EQ(l.sourceSeconds, Rational::make(15, 24).value());
  EXPECT_EQ(l.colorSpace, "bt709");
  EXPECT_EQ(l.grade.normalise.exposure, 1.5);
  EXPECT_EQ(l.grade, clip(a).grade);
  expectMat(l.transform, {1, 0, 0, 0, 1, 0, 0, 0, 1});
  EXPECT_EQ(l.opacity, 1.0f);
  EXPECT_EQ(l.track, 0);
}

TEST_F(FramePlanTest, TracksStackBottomToTopAndAudioAndMutedTracksAreIgnored) {
  const ClipId a = f.place(f.v1, f.video, 0, 48, 0, "A");
  const ClipId b = f.place(f.v2, f.video, 10, 10, 100, "B");
  f.place(f.a1, f.wav, 0, 48, 0, "music");
  FramePlan p = plan(12);
  ASSERT_EQ(p.layers.size(), 2u);
  EXPECT_EQ(p.layers[0].clip, a);
  EXPECT_EQ(p.layers[0].track, 0);
  EXPECT_EQ(p.layers[0].sourceFrame, 12);
  EXPECT_EQ(p.layers[1].clip, b);
  EXPECT_EQ(p.layers[1].track, 1);
  EXPECT_EQ(p.layers[1].sourceFrame, 102);
  f.track(f.v2).muted = true;
  p = plan(12);
  ASSERT_EQ(p.layers.size(), 1u);
  EXPECT_EQ(p.layers[0].clip, a);
  f.track(f.v2).muted = false;
  f.track(f.v1).muted = true;
  p = plan(12);
  ASSERT_EQ(p.layers.size(), 1u);
  EXPECT_EQ(p.layers[0].track, 1);
}

TEST_F(FramePlanTest, DisabledClipsDrawNothing) {
  const ClipId a = f.place(f.v1, f.video, 0, 48, 0, "A");
  const ClipId b = f.place(f.v2, f.video, 0, 48, 0, "B");
  clip(b).enabled = false;
  FramePlan p = plan(3);
  ASSERT_EQ(p.layers.size(), 1u);
  EXPECT_EQ(p.layers[0].clip, a);
  clip(a).enabled = false;
  EXPECT_TRUE(plan(3).layers.empty());
}

TEST_F(FramePlanTest, FreezeHoldsTheFrameAtSourceIn) {
  const ClipId a = f.place(f.v1, f.video, 0, 30, 30, "A");
  clip(a).freeze = true;
  for (std::int64_t frame : {0, 1, 15, 29}) EXPECT_EQ(shown(frame), 30) << "frame " << frame;
}

TEST_F(FramePlanTest, ReverseStartsOnTheLastSourceFrame) {
  const ClipId a = f.place(f.v1, f.video, 0, 24, 100, "A");  // source [100, 124)
  clip(a).reverse = true;
  for (std::int64_t n = 0; n < 24; ++n) EXPECT_EQ(shown(n), 123 - n) << "frame " << n;
}

TEST_F(FramePlanTest, Speed85PercentMapsByTheRationalDefinition) {
  const ClipId a = f.place(f.v1, f.video, 0, 100, 10, "A");
  clip(a).speed = Rational::make(17, 20).value();
  // Media ticks are frames (1/24): tick = 10 + round(n * 17/20).
  for (std::int64_t n : {0, 1, 2, 3, 10, 33, 50, 99}) EXPECT_EQ(shown(n), 10 + roundHalfUp(n * 17, 20)) << n;
  // A 1/12800 time base: tick = 12800 + round(n/24 * 17/20 * 12800); frame = floor(tick * 24 / 12800).
  const model::MediaId fine = media(Rational(24), Rational::make(1, 12800).value(), 240 * 12800 / 24);
  const ClipId b = f.place(f.v2, fine, 200, 100, 12800, "B");
  clip(b).speed = Rational::make(17, 20).value();
  f.track(f.v1).muted = true;
  for (std::int64_t n : {0, 1, 2, 3, 7, 20, 61, 99}) {
    const std::int64_t tick = 12800 + roundHalfUp(n * 17 * 12800, 20 * 24);
    EXPECT_EQ(shown(200 + n), tick * 24 / 12800) << n;
    EXPECT_EQ(plan(200 + n).layers[0].sourceSeconds, Rational::make(tick, 12800).value()) << n;
  }
}

TEST_F(FramePlanTest, Speed200PercentSkipsEveryOtherFrame) {
  const ClipId a = f.place(f.v1, f.video, 0, 50, 7, "A");
  clip(a).speed = Rational(2);
  for (std::int64_t n : {0, 1, 2, 25, 49}) EXPECT_EQ(shown(n), 7 + 2 * n) << n;
  clip(a).reverse = true;  // source [7, 107) backwards: 7 + 2 * (49 - n)
  for (std::int64_t n : {0, 1, 2, 25, 49}) EXPECT_EQ(shown(n), 7 + 2 * (49 - n)) << n;
}

TEST_F(FramePlanTest, StillsAlwaysShowPictureZero) {
  const ClipId s = f.place(f.v1, f.still, 0, 100, 0, "logo");
  clip(s).speed = Rational::make(17, 20).value();
  for (std::int64_t n : {0, 1, 50, 99}) {
    FramePlan p = plan(n);
    ASSERT_EQ(p.layers.size(), 1u);
    EXPECT_TRUE(p.layers[0].still);
    EXPECT_EQ(p.layers[0].sourceFrame, 0);
    EXPECT_EQ(p.layers[0].sourceSeconds, Rational(0));
  }
}

TEST_F(FramePlanTest, A23976SourceInA24FpsSequenceMapsByTime) {
  // Frame k of the source is shown over [k * 1001/24000, (k+1) * 1001/24000) s; timeline frame n is at n/24 s.
  const model::MediaId ntsc = media(Rational::make(24000, 1001).value(), Rational::make(1, 24000).value(), 2000 * 1001);
  f.place(f.v1, ntsc, 0, 1500, 5 * 1001, "N");  // starts at source frame 5
  ASSERT_TRUE(model::validate(f.project).ok());
  for (std::int64_t n : {0, 1, 2, 23, 24, 500, 1000, 1001, 1002, 1499}) {
    const std::int64_t tick = 5 * 1001 + n * 1000;                   // n/24 s = 1000 n ticks of 1/24000
    EXPECT_EQ(shown(n), tick / 1001) << n;                           // floor(tick * 1/24000 * 24000/1001)
    EXPECT_EQ(plan(n).layers[0].sourceSeconds, Rational::make(tick, 24000).value()) << n;
  }
  EXPECT_EQ(shown(1), 5);  // timeline 1/24 s is still inside source frame 5 (which lasts 1001/24000 s)
  EXPECT_EQ(shown(2), 6);
}

TEST_F(FramePlanTest, CrossDissolveCenteredOnTheCutDrawsBothClipsWithTheirHandles) {
  const ClipId a = f.place(f.v1, f.video, 0, 48, 0, "A");     // source [0, 48), tail handle 192
  const ClipId b = f.place(f.v1, f.video, 48, 48, 50, "B");   // source [50, 98), head handle 50
  model::Transition t{model::TransitionId{f.project.nextId++}, f.v1, a, b};
  t.duration = time::FrameCount{10};
  f.sequence().transitions.push_back(t);
  ASSERT_TRUE(model::validate(f.project).ok());
  const time::FrameRange range = model::transitionRange(t, FramePos{48});
  ASSERT_EQ(range.start.value, 43);
  ASSERT_EQ(range.end.value, 53);
  for (std::int64_t frame = 43; frame < 53; ++frame) {
    FramePlan p = plan(frame);
    ASSERT_EQ(p.layers.size(), 2u) << frame;
    EXPECT_EQ(p.layers[0].clip, a);
    EXPECT_EQ(p.layers[0].opacity, 1.0f);
    EXPECT_EQ(p.layers[0].sourceFrame, frame) << frame;  // past 48: A's tail
    EXPECT_EQ(p.layers[1].clip, b);
    EXPECT_FLOAT_EQ(p.layers[1].opacity, static_cast<float>((frame - 43 + 0.5) / 10.0)) << frame;
    EXPECT_EQ(p.layers[1].sourceFrame, 50 + (frame - 48)) << frame;  // before 48: B's head
  }
  EXPECT_EQ(shown(42), 42);
  EXPECT_EQ(plan(42).layers[0].clip, a);
  EXPECT_EQ(shown(53), 55);
  EXPECT_EQ(plan(53).layers[0].clip, b);
}

TEST_F(FramePlanTest, DissolvesFollowSpeedDirectionAndAlignment) {
  const ClipId a = f.place(f.v1, f.video, 0, 48, 60, "A");    // reversed: shows 107 .. 60
  const ClipId b = f.place(f.v1, f.video, 48, 48, 120, "B");  // 85 %
  clip(a).reverse = true;
  clip(b).speed = Rational::make(17, 20).value();
  model::Transition t{model::TransitionId{f.project.nextId++}, f.v1, a, b};
  t.duration = time::FrameCount{6};
  f.sequence().transitions.push_back(t);
  ASSERT_TRUE(model::validate(f.project).ok());
  for (std::int64_t frame = 45; frame < 51; ++frame) {
    FramePlan p = plan(frame);
    ASSERT_EQ(p.layers.size(), 2u);
    EXPECT_EQ(p.layers[0].sourceFrame, 60 + 47 - frame) << frame;  // past its end: before sourceIn
    const std::int64_t off = frame - 48;                             // negative before the cut
    EXPECT_EQ(p.layers[1].sourceFrame, 120 + roundHalfUp(off * 17, 20)) << frame;  // B's head at 85 %
  }
  f.sequence().transitions[0].align = model::TransitionAlign::EndAtCut;  // [42, 48): only B's head
  for (std::int64_t frame = 42; frame < 48; ++frame) {
    FramePlan p = plan(frame);
    ASSERT_EQ(p.layers.size(), 2u);
    EXPECT_EQ(p.layers[0].sourceFrame, 60 + 47 - frame);
    EXPECT_FLOAT_EQ(p.layers[1].opacity, static_cast<float>((frame - 42 + 0.5) / 6.0));
  }
}

TEST_F(FramePlanTest, AMissingHandleHoldsTheFirstSourceFrame) {
  const ClipId a = f.place(f.v1, f.video, 0, 48, 0, "A");
  const ClipId b = f.place(f.v1, f.video, 48, 48, 2, "B");  // only 2 frames of head
  model::Transition t{model::TransitionId{f.project.nextId++}, f.v1, a, b};
  t.duration = time::FrameCount{10};  // needs 5: the validator refuses it, the planner clamps
  f.sequence().transitions.push_back(t);
  EXPECT_FALSE(model::validate(f.project).ok());
  const std::int64_t want[] = {0, 0, 0, 0, 1, 2, 3};  // frames 43..49
  for (std::int64_t frame = 43; frame < 50; ++frame) EXPECT_EQ(plan(frame).layers[1].sourceFrame, want[frame - 43]);
  auto point = sourcePointAt(*f.clip(b), FramePos{43}, *f.project.findMedia(f.video), time::FrameRate{});
  ASSERT_TRUE(point.ok());
  EXPECT_TRUE(point->clamped);
  EXPECT_EQ(point->tick, 0);
}

TEST_F(FramePlanTest, UnknownIdsAreNotFoundAndNamed) {
  const ClipId a = f.place(f.v1, f.video, 0, 48, 0, "A");
  auto r = planFrame(Snapshot{std::make_shared<const model::Project>(f.project), model::SequenceId{9999}}, FramePos{0});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::NotFound);
  EXPECT_NE(r.error().message.find("9999"), std::string::npos) << r.error().message;
  EXPECT_EQ(sequenceLength(Snapshot{std::make_shared<const model::Project>(f.project), model::SequenceId{9999}}).value, 0);
  clip(a).media = model::MediaId{8888};
  r = planFrame(snapshot(), FramePos{0});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::NotFound);
  EXPECT_NE(r.error().message.find("8888"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("'A'"), std::string::npos) << r.error().message;
  EXPECT_TRUE(planFrame(snapshot(), FramePos{100})->layers.empty());  // outside: the clip is not looked at
  EXPECT_FALSE(planFrame(Snapshot{}, FramePos{0}).ok());
}

TEST(ReframeGeometry, SameAspectFitIsTheIdentity) {
  auto m = reframeTransform(1920, 1080, {3840, 2160, 1.0}, {});
  ASSERT_TRUE(m.ok());
  expectMat(*m, {1, 0, 0, 0, 1, 0, 0, 0, 1});
  // Anamorphic 1440x1080 with 4:3 pixels displays 16:9: also the identity.
  expectMat(reframeTransform(1920, 1080, {1440, 1080, 4.0 / 3.0}, {}).value(), {1, 0, 0, 0, 1, 0, 0, 0, 1});
}

TEST(ReframeGeometry, FourByThreeIsPillarboxedInSixteenByNine) {
  const Mat3 m = reframeTransform(1920, 1080, {1440, 1080, 1.0}, {}).value();
  // The picture spans x in [240, 1680) of 1920: u in [0.125, 0.875); full height.
  expectMaps(m, 0.125, 0.0, 0.0, 0.0);
  expectMaps(m, 0.875, 1.0, 1.0, 1.0);
  expectMaps(m, 0.5, 0.5, 0.5, 0.5);
  expectMaps(m, 0.0, 0.5, -240.0 / 1440.0, 0.5);  // in the bar: outside the picture
  expectMat(m, {1920.0 / 1440.0, 0, 0, 0, 1, 0, -240.0 / 1440.0, 0, 1});
}

TEST(ReframeGeometry, ScaleAndOffsetMoveThePictureInOutputPixels) {
  model::Reframe r;
  r.scale = 2.0;
  r.offsetX = 0.1;
  r.offsetY = -0.05;
  const Mat3 m = reframeTransform(1920, 1080, {1920, 1080, 1.0}, r).value();
  // Picture centre at (0.6, 0.45) of the frame; the picture is 2 frames wide and high.
  expectMaps(m, 0.6, 0.45, 0.5, 0.5);
  expectMaps(m, 0.6 - 1.0, 0.45 - 1.0, 0.0, 0.0);
  expectMaps(m, 0.0, 0.0, (0.0 - 0.6) / 2.0 + 0.5, (0.0 - 0.45) / 2.0 + 0.5);
  expectMaps(m, 1.0, 1.0, (1.0 - 0.6) / 2.0 + 0.5, (1.0 - 0.45) / 2.0 + 0.5);
}

TEST(ReframeGeometry, NineBySixteenIsPillarboxedAndRotationTurnsClockwise) {
  const Mat3 m = reframeTransform(1920, 1080, {1080, 1920, 1.0}, {}).value();
  // Fitted to the height: 1080 * 1080/1920 = 607.5 px wide, centred.
  const double left = (960.0 - 607.5 / 2.0) / 1920.0;
  expectMaps(m, left, 0.0, 0.0, 0.0);
  expectMaps(m, 1.0 - left, 1.0, 1.0, 1.0);
  model::Reframe r;
  r.rotationDeg = 90.0;
  const Mat3 rot = reframeTransform(1920, 1080, {1920, 1080, 1.0}, r).value();
  // The source's right-edge midpoint (960 px right of centre) lands 960 px below the centre.
  expectMaps(rot, 0.5, (540.0 + 960.0) / 1080.0, 1.0, 0.5);
  expectMaps(rot, 0.5, 0.5, 0.5, 0.5);
  r.scale = 0.0;
  auto bad = reframeTransform(1920, 1080, {1920, 1080, 1.0}, r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, base::ErrorCode::InvalidArgument);
}

TEST_F(FramePlanTest, LayersCarryTheFitOfTheirMedia) {
  const model::MediaId vertical = f.addVideoMedia("vertical.mov", 240);
  f.project.findMedia(vertical)->info.width = 1080;
  f.project.findMedia(vertical)->info.height = 1920;
  const ClipId a = f.place(f.v1, vertical, 0, 10, 0, "V");
  clip(a).reframe.offsetX = 0.25;
  FramePlan p = plan(0);
  ASSERT_EQ(p.layers.size(), 1u);
  model::Reframe r;
  r.offsetX = 0.25;
  EXPECT_EQ(p.layers[0].transform, reframeTransform(1920, 1080, {1080, 1920, 1.0}, r).value());
  clip(a).reframe.scale = 0.0;
  auto bad = planFrame(snapshot(), FramePos{0});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("'V'"), std::string::npos) << bad.error().message;
}

}  // namespace
TEST_F(FramePlanTest, ATitleIsAFrameSizedStillCarryingItsSpec) {
  model::MediaItem item;
  item.name = "Title";
  item.kind = model::MediaKind::Title;
  item.info.hasVideo = true;
  item.info.still = true;
  item.title.text = "Hello";
  item.title.y = 0.25;
  const model::MediaId title = f.addMedia(item);
  f.place(f.v1, title, 5, 10, 123, "T");
  ASSERT_TRUE(model::validate(f.project).ok());
  const FramePlan p = plan(9);
  ASSERT_EQ(p.layers.size(), 1u);
  const Layer& l = p.layers[0];
  EXPECT_TRUE(l.still);
  EXPECT_TRUE(l.path.empty());
  EXPECT_EQ(l.sourceFrame, 0);
  ASSERT_TRUE(l.title.has_value());
  EXPECT_EQ(l.title->text, "Hello");
  EXPECT_DOUBLE_EQ(l.title->y, 0.25);
  EXPECT_EQ(l.frameWidth, 1920);
  EXPECT_EQ(l.frameHeight, 1080);
  expectMat(l.transform, {1, 0, 0, 0, 1, 0, 0, 0, 1});  // already frame-sized: drawn 1:1
  // A reframed title moves like any picture.
  clip(p.layers[0].clip).reframe.scale = 0.5;
  expectMaps(plan(9).layers[0].transform, 0.5, 0.5, 0.5, 0.5);
  expectMaps(plan(9).layers[0].transform, 0.25, 0.25, 0.0, 0.0);
  // Other media carry no title.
  f.place(f.v1, f.video, 20, 5, 0, "V");
  EXPECT_FALSE(plan(21).layers.at(0).title.has_value());
}

}  // namespace postline::render
