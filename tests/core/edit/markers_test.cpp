#include "core/edit/markers.h"

#include <gtest/gtest.h>

#include "tests/core/edit/edit_fixture.h"

namespace postline::edit {
namespace {

using base::ErrorCode;
using test::appliesAndUndoes;
using test::EditFixture;
using time::FrameCount;
using time::FramePos;

TEST(MarkersTest, AddMoveRemove) {
  EditFixture f;
  const model::Project before = f.project;
  auto add = addMarker(f.project, f.seq, FramePos{48}, "Beat", FrameCount{12});
  EXPECT_EQ(f.project, before);
  ASSERT_TRUE(add.ok()) << add.error().message;
  model::Project withMarker;
  ASSERT_TRUE(appliesAndUndoes(f.project, *add, &withMarker));
  const auto& markers = withMarker.findSequence(f.seq)->markers;
  ASSERT_EQ(markers.size(), 1u);
  const model::Marker m = markers[0];
  EXPECT_EQ(m.id.value, f.project.nextId);
  EXPECT_EQ(m.position, FramePos{48});
  EXPECT_EQ(m.duration, FrameCount{12});
  EXPECT_EQ(m.name, "Beat");

  auto move = moveMarker(withMarker, f.seq, m.id, FramePos{100});
  ASSERT_TRUE(move.ok()) << move.error().message;
  model::Project moved;
  ASSERT_TRUE(appliesAndUndoes(withMarker, *move, &moved));
  EXPECT_EQ(moved.findSequence(f.seq)->findMarker(m.id)->position, FramePos{100});
  EXPECT_EQ(moved.findSequence(f.seq)->findMarker(m.id)->duration, FrameCount{12});

  auto remove = removeMarker(moved, f.seq, m.id);
  ASSERT_TRUE(remove.ok()) << remove.error().message;
  model::Project removed;
  ASSERT_TRUE(appliesAndUndoes(moved, *remove, &removed));
  EXPECT_TRUE(removed.findSequence(f.seq)->markers.empty());
}

TEST(MarkersTest, Errors) {
  EditFixture f;
  EXPECT_EQ(addMarker(f.project, f.seq, FramePos{-1}, "x").error().code, ErrorCode::OutOfRange);
  EXPECT_EQ(addMarker(f.project, f.seq, FramePos{0}, "x", FrameCount{-2}).error().code, ErrorCode::OutOfRange);
  EXPECT_EQ(addMarker(f.project, model::SequenceId{999}, FramePos{0}, "x").error().code, ErrorCode::NotFound);
  EXPECT_EQ(removeMarker(f.project, f.seq, model::MarkerId{999}).error().code, ErrorCode::NotFound);
  EXPECT_EQ(moveMarker(f.project, f.seq, model::MarkerId{999}, FramePos{3}).error().code, ErrorCode::NotFound);
  f.sequence().markers.push_back({model::MarkerId{f.project.nextId++}, FramePos{5}, FrameCount{0}, "m", "blue", ""});
  EXPECT_EQ(moveMarker(f.project, f.seq, f.sequence().markers[0].id, FramePos{-3}).error().code,
            ErrorCode::OutOfRange);
}

}  // namespace
}  // namespace postline::edit

namespace postline::edit {
namespace {

TEST(MarkersTest, RenameKeepsEverythingButTheName) {
  test::EditFixture f;
  auto add = addMarker(f.project, f.seq, time::FramePos{10}, "Beat", time::FrameCount{4});
  ASSERT_TRUE(add.ok());
  model::Project withMarker;
  ASSERT_TRUE(test::appliesAndUndoes(f.project, *add, &withMarker));
  const model::Marker before = withMarker.findSequence(f.seq)->markers.at(0);
  auto renamed = renameMarker(withMarker, f.seq, before.id, "Drop");
  ASSERT_TRUE(renamed.ok()) << renamed.error().message;
  model::Project after;
  ASSERT_TRUE(test::appliesAndUndoes(withMarker, *renamed, &after));
  model::Marker expected = before;
  expected.name = "Drop";
  EXPECT_EQ(after.findSequence(f.seq)->markers.at(0), expected);
  auto unknown = renameMarker(withMarker, f.seq, model::MarkerId{9999}, "x");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, base::ErrorCode::NotFound);
}

}  // namespace
}  // namespace postline::edit
