#include "core/edit/reframe_keys.h"

#include <gtest/gtest.h>

#include "tests/core/edit/edit_fixture.h"

namespace postline::edit {
namespace {

using test::appliesAndUndoes;
using test::EditFixture;

TEST(ReframeKeys, SetAddsKeysInSourceOrderAndReplacesOneAtTheSameFrame) {
  EditFixture f;
  const model::ClipId c = f.place(f.v1, f.video, 0, 48, 0, "Shot_01");
  auto cs = setReframeKey(f.project, f.seq, c, "9x16", 30, 0.25, 0.5);
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  f.project = after;
  ASSERT_TRUE(f.project.sequences.front().findClip(c) != nullptr);
  auto cs2 = setReframeKey(f.project, f.seq, c, "9x16", 10, 0.75, 0.4);
  ASSERT_TRUE(cs2.ok());
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs2, &after));
  f.project = after;
  auto cs3 = setReframeKey(f.project, f.seq, c, "9x16", 30, 0.6, 0.5);  // replaces the key at 30
  ASSERT_TRUE(cs3.ok());
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs3, &after));
  f.project = after;
  const auto& keys = f.clip(c)->reframeKeys.at("9x16");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0], (model::ReframeKey{10, 0.75, 0.4}));
  EXPECT_EQ(keys[1], (model::ReframeKey{30, 0.6, 0.5}));
  EXPECT_EQ(f.clip(c)->reframeKeys.count("4x5"), 0u);
}

TEST(ReframeKeys, SameKeyAgainIsAnEmptyChangeSet) {
  EditFixture f;
  const model::ClipId c = f.place(f.v1, f.video, 0, 48);
  f.sequence().findTrack(f.v1)->clips.front().reframeKeys["1x1"] = {{5, 0.5, 0.5}};
  auto cs = setReframeKey(f.project, f.seq, c, "1x1", 5, 0.5, 0.5);
  ASSERT_TRUE(cs.ok());
  EXPECT_TRUE(cs->changes.empty());
}

TEST(ReframeKeys, InvalidKeysAndClipsAreRefused) {
  EditFixture f;
  const model::ClipId c = f.place(f.v1, f.video, 0, 48, 0, "Shot_01");
  const model::ClipId a = f.place(f.a1, f.video, 0, 48, 0, "Sound");
  auto outside = setReframeKey(f.project, f.seq, c, "9x16", 3, 1.5, 0.5);
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().code, base::ErrorCode::InvalidArgument);
  EXPECT_NE(outside.error().message.find("'Shot_01'"), std::string::npos) << outside.error().message;
  EXPECT_FALSE(setReframeKey(f.project, f.seq, c, "18x32", 3, 0.5, 0.5).ok());  // not reduced
  EXPECT_FALSE(setReframeKey(f.project, f.seq, c, "9x16", -1, 0.5, 0.5).ok());
  auto audio = setReframeKey(f.project, f.seq, a, "9x16", 3, 0.5, 0.5);
  ASSERT_FALSE(audio.ok());
  EXPECT_EQ(audio.error().code, base::ErrorCode::InvalidArgument);
  auto unknown = setReframeKey(f.project, f.seq, model::ClipId{9999}, "9x16", 3, 0.5, 0.5);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, base::ErrorCode::NotFound);
  f.track(f.v1).locked = true;
  auto locked = setReframeKey(f.project, f.seq, c, "9x16", 3, 0.5, 0.5);
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, base::ErrorCode::Conflict);
}

TEST(ReframeKeys, ClearRemovesOneAspectOnly) {
  EditFixture f;
  const model::ClipId c = f.place(f.v1, f.video, 0, 48, 0, "Shot_01");
  model::Clip& clip = f.sequence().findTrack(f.v1)->clips.front();
  clip.reframeKeys["9x16"] = {{0, 0.2, 0.5}, {20, 0.8, 0.5}};
  clip.reframeKeys["4x5"] = {{0, 0.3, 0.5}};
  auto cs = clearReframeKeys(f.project, f.seq, c, "9x16");
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  model::Project after;
  ASSERT_TRUE(appliesAndUndoes(f.project, *cs, &after));
  const model::Clip* edited = after.sequences.front().findClip(c);
  ASSERT_NE(edited, nullptr);
  EXPECT_EQ(edited->reframeKeys.count("9x16"), 0u);
  EXPECT_EQ(edited->reframeKeys.at("4x5").size(), 1u);
  auto none = clearReframeKeys(after, f.seq, c, "9x16");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, base::ErrorCode::NotFound);
  EXPECT_NE(none.error().message.find("9x16"), std::string::npos);
}

}  // namespace
}  // namespace postline::edit
