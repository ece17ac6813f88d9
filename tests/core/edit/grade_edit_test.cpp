// Grade edits: set, paste onto many clips, reset, timeline grade; validation and undo.
#include "core/edit/grade.h"

#include <gtest/gtest.h>

#include <limits>

#include "edit_fixture.h"

namespace postline::edit {
namespace {

using base::ErrorCode;
using test::appliesAndUndoes;
using test::EditFixture;

color::Grade warmGrade() {
  color::Grade g;
  g.normalise.temperature = 20.0;
  g.normalise.exposure = 0.5;
  g.normalise.lift = {0.01, 0.0, -0.01, 0.0};
  g.creative.curves.master = {{0.0, 0.05}, {1.0, 0.95}};
  g.creative.split = {200.0, 0.2, 40.0, 0.1, 0.0};
  g.creative.lut = {"/looks/warm.cube", 0.5};
  return g;
}

class GradeEdit : public EditFixture, public ::testing::Test {
 protected:
  GradeEdit() {
    a = place(v1, video, 0, 24, 0, "A");
    b = place(v1, video, 24, 24, 24, "B");
    c = place(v2, still, 10, 30, 0, "Logo");
    music = place(a1, wav, 0, 48, 0, "Music");
  }
  model::ClipId a, b, c, music;
};

TEST_F(GradeEdit, SetClipGradeChangesOnlyThatClipAndUndoes) {
  auto cs = setClipGrade(project, seq, b, warmGrade());
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  ASSERT_EQ(cs->changes.size(), 1u);
  ASSERT_TRUE(std::holds_alternative<model::ClipUpdated>(cs->changes[0]));
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(project, *cs, &after));
  const model::Sequence& s = *after.findSequence(seq);
  EXPECT_EQ(s.findClip(b)->grade, warmGrade());
  EXPECT_EQ(s.findClip(a)->grade, color::Grade{});
  model::Clip expected = *clip(b);
  expected.grade = warmGrade();
  EXPECT_EQ(*s.findClip(b), expected);  // nothing but the grade changed
}

TEST_F(GradeEdit, TheInverseRestoresThePreviousGrade) {
  sequence().tracks[0].clips[0].grade.normalise.saturation = 0.5;
  const model::Project before = project;
  auto cs = setClipGrade(project, seq, a, warmGrade());
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  ASSERT_TRUE(model::apply(project, *cs).ok());
  EXPECT_EQ(clip(a)->grade, warmGrade());
  ASSERT_TRUE(model::apply(project, model::inverse(*cs)).ok());
  EXPECT_EQ(clip(a)->grade.normalise.saturation, 0.5);
  EXPECT_EQ(project, before);
}

TEST_F(GradeEdit, SettingTheSameGradeIsEmpty) {
  auto cs = setClipGrade(project, seq, a, color::Grade{});
  ASSERT_TRUE(cs.ok());
  EXPECT_TRUE(cs->empty());
}

TEST_F(GradeEdit, ResetReturnsToTheIdentity) {
  ASSERT_TRUE(model::apply(project, setClipGrade(project, seq, a, warmGrade()).value()).ok());
  auto cs = resetClipGrade(project, seq, a);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(project, *cs, &after));
  EXPECT_EQ(after.findSequence(seq)->findClip(a)->grade, color::Grade{});
}

TEST_F(GradeEdit, InvalidValuesNameTheClipAndField) {
  color::Grade g = warmGrade();
  g.normalise.exposure = 9.0;
  auto r = setClipGrade(project, seq, b, g);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(r.error().message, "'B' has an invalid grade: normalise.exposure 9 is outside -8..8");

  g = warmGrade();
  g.creative.curves.blue = {{0.5, 0.5}, {0.4, 0.6}};
  r = setClipGrade(project, seq, b, g);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("'B'"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("creative.curves.blue[1].x"), std::string::npos) << r.error().message;

  g = warmGrade();
  g.normalise.gamma[3] = std::numeric_limits<double>::quiet_NaN();
  r = setClipGrade(project, seq, b, g);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("normalise.gamma.master"), std::string::npos) << r.error().message;
}

TEST_F(GradeEdit, AudioClipsHaveNoGrade) {
  auto r = setClipGrade(project, seq, music, warmGrade());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
  EXPECT_NE(r.error().message.find("'Music'"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("audio track A1"), std::string::npos) << r.error().message;
}

TEST_F(GradeEdit, UnknownClipOrSequenceIsNotFound) {
  auto r = setClipGrade(project, seq, model::ClipId{999999}, warmGrade());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::NotFound);
  r = setClipGrade(project, model::SequenceId{999999}, a, warmGrade());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::NotFound);
}

TEST_F(GradeEdit, LockedTrackIsAConflict) {
  track(v1).locked = true;
  auto r = setClipGrade(project, seq, a, warmGrade());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Conflict);
  EXPECT_NE(r.error().message.find("V1"), std::string::npos) << r.error().message;
}

// Copy/paste: read one clip's grade, apply it to the others in one undoable step.
TEST_F(GradeEdit, PasteOntoManyClipsIsOneChangeSet) {
  ASSERT_TRUE(model::apply(project, setClipGrade(project, seq, a, warmGrade()).value()).ok());
  const color::Grade copied = clip(a)->grade;
  auto cs = applyGradeToClips(project, seq, {a, b, c, b}, copied);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  EXPECT_EQ(cs->changes.size(), 2u);  // a already has it; the duplicate b counts once
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(project, *cs, &after));
  for (model::ClipId id : {a, b, c}) EXPECT_EQ(after.findSequence(seq)->findClip(id)->grade, warmGrade());
  EXPECT_EQ(after.findSequence(seq)->findClip(music)->grade, color::Grade{});
}

TEST_F(GradeEdit, ManyClipsAreAllOrNothing) {
  auto r = applyGradeToClips(project, seq, {a, b, music, c}, warmGrade());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("'Music'"), std::string::npos) << r.error().message;
  color::Grade bad = warmGrade();
  bad.creative.lut.mix = 1.5;
  r = applyGradeToClips(project, seq, {a, b, c}, bad);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("'A' has an invalid grade: creative.lut.mix"), std::string::npos)
      << r.error().message;
  auto empty = applyGradeToClips(project, seq, {}, warmGrade());
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST_F(GradeEdit, TimelineGradeIsASettingsChange) {
  color::TimelineGrade t;
  t.grade.normalise.contrast = 1.1;
  t.film.grain = {0.03, 1.5, 0.7};
  t.film.vignette.amount = 0.1;
  auto cs = setTimelineGrade(project, seq, t);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  ASSERT_EQ(cs->changes.size(), 1u);
  const auto* change = std::get_if<model::SequenceSettingsChanged>(&cs->changes[0]);
  ASSERT_NE(change, nullptr);
  EXPECT_EQ(change->before.timelineGrade, color::TimelineGrade{});
  EXPECT_EQ(change->after.timelineGrade, t);
  EXPECT_EQ(change->after.width, sequence().settings.width);
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(project, *cs, &after));
  EXPECT_EQ(after.findSequence(seq)->settings.timelineGrade, t);
  EXPECT_TRUE(setTimelineGrade(after, seq, t)->empty());
}

TEST_F(GradeEdit, InvalidTimelineGradeNamesTheSequenceAndField) {
  color::TimelineGrade t;
  t.film.ceiling = {0.9, 0.95};
  auto r = setTimelineGrade(project, seq, t);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
  EXPECT_NE(r.error().message.find("sequence '" + sequence().name + "' has an invalid timeline grade"),
            std::string::npos)
      << r.error().message;
  EXPECT_NE(r.error().message.find("film.ceiling.knee"), std::string::npos) << r.error().message;
}

TEST_F(GradeEdit, SetClipNormalisesKeepsEachCreativeGradeAsOneChangeSet) {
  sequence().tracks[0].clips[0].grade = warmGrade();
  color::Normalise n1;
  n1.exposure = -0.25;
  color::Normalise n2;
  n2.temperature = -12.0;
  auto cs = setClipNormalises(project, seq, {{a, n1}, {b, n2}});
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  EXPECT_EQ(cs->changes.size(), 2u);
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(project, *cs, &after));
  const model::Sequence& s = *after.findSequence(seq);
  EXPECT_EQ(s.findClip(a)->grade.normalise, n1);
  EXPECT_EQ(s.findClip(a)->grade.creative, warmGrade().creative);
  EXPECT_EQ(s.findClip(b)->grade.normalise, n2);
  auto bad = setClipNormalises(project, seq, {{a, n1}, {music, n2}});
  EXPECT_FALSE(bad.ok());
}

}  // namespace
}  // namespace postline::edit
