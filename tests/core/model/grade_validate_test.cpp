// Grades in the model: validate() checks clip and timeline grades; settings changes carry the
// timeline grade and invert exactly.
#include <gtest/gtest.h>

#include <limits>

#include "core/model/validate.h"
#include "model_fixture.h"

namespace postline::model {
namespace {

using testing::ModelFixture;

class GradeValidate : public ModelFixture, public ::testing::Test {};

TEST_F(GradeValidate, AValidGradedProjectPasses) {
  Clip c = clip(0, 24);
  c.grade.normalise.exposure = 1.0;
  c.grade.creative.curves.master = {{0.0, 0.1}, {1.0, 0.9}};
  track().clips.push_back(c);
  project.sequences[0].settings.timelineGrade.film.grain.amount = 0.04;
  EXPECT_TRUE(validate(project).ok());
}

TEST_F(GradeValidate, AnOutOfRangeClipGradeNamesTheClipAndField) {
  Clip c = clip(0, 24);
  c.name = "Hero";
  c.grade.normalise.saturation = std::numeric_limits<double>::quiet_NaN();
  track().clips.push_back(c);
  auto r = validate(project);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, base::ErrorCode::InvalidArgument);
  EXPECT_EQ(r.error().message.rfind("clip 'Hero' on V1 has an invalid grade: normalise.saturation", 0), 0u)
      << r.error().message;
}

TEST_F(GradeValidate, AnOutOfRangeTimelineGradeNamesTheSequence) {
  project.sequences[0].settings.timelineGrade.film.vignette.amount = 0.9;
  auto r = validate(project);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "sequence '" + project.sequences[0].name +
                                   "' has an invalid timeline grade: film.vignette.amount 0.9 is outside 0..0.3");
}

TEST_F(GradeValidate, SettingsChangesCarryTheTimelineGrade) {
  const Project before = project;
  SequenceSettings after = project.sequences[0].settings;
  after.timelineGrade.grade.normalise.contrast = 1.3;
  ChangeSet cs;
  cs.add(SequenceSettingsChanged{seq, project.sequences[0].settings, after});
  ASSERT_TRUE(apply(project, cs).ok());
  EXPECT_EQ(project.sequences[0].settings.timelineGrade.grade.normalise.contrast, 1.3);
  ASSERT_TRUE(apply(project, inverse(cs)).ok());
  EXPECT_EQ(project, before);
}

}  // namespace
}  // namespace postline::model
