#include "core/edit/bins.h"

#include <gtest/gtest.h>

#include "tests/core/edit/edit_fixture.h"

namespace postline::edit {
namespace {

using base::ErrorCode;
using test::appliesAndUndoes;
using test::EditFixture;

model::BinId binId(const model::Project& p, const char* name) { return p.standardBin(name)->id; }

TEST(BinsEditTest, AddSubBinAndRenameIt) {
  EditFixture f;
  const model::BinId source = binId(f.project, "01_Source_Clips");
  auto add = addBin(f.project, source, "  Hero shots ");
  ASSERT_TRUE(add.ok()) << add.error().message;
  model::Project withBin;
  ASSERT_TRUE(appliesAndUndoes(f.project, *add, &withBin));
  ASSERT_EQ(withBin.bins.size(), f.project.bins.size() + 1);
  const model::Bin added = withBin.bins.back();
  EXPECT_EQ(added.name, "Hero shots");
  EXPECT_EQ(added.parent, source);
  EXPECT_EQ(added.id.value, f.project.nextId);
  EXPECT_EQ(withBin.nextId, f.project.nextId + 1);

  // A nested sub-bin under the sub-bin.
  auto nested = addBin(withBin, added.id, "Selects");
  ASSERT_TRUE(nested.ok()) << nested.error().message;
  ASSERT_TRUE(appliesAndUndoes(withBin, *nested));

  auto rename = renameBin(withBin, added.id, "Hero");
  ASSERT_TRUE(rename.ok()) << rename.error().message;
  model::Project renamed;
  ASSERT_TRUE(appliesAndUndoes(withBin, *rename, &renamed));
  EXPECT_EQ(renamed.findBin(added.id)->name, "Hero");
  EXPECT_EQ(renamed.findBin(added.id)->parent, source);
  // Same name: nothing to do.
  auto same = renameBin(renamed, added.id, "Hero ");
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->empty());
}

TEST(BinsEditTest, AddAndRenameErrors) {
  EditFixture f;
  const model::BinId source = binId(f.project, "01_Source_Clips");
  EXPECT_EQ(addBin(f.project, model::BinId{999}, "x").error().code, ErrorCode::NotFound);
  EXPECT_EQ(addBin(f.project, model::BinId{}, "x").error().code, ErrorCode::Conflict);
  EXPECT_EQ(addBin(f.project, source, "   ").error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(addBin(f.project, source, "a/b").error().code, ErrorCode::InvalidArgument);
  auto add = addBin(f.project, source, "Selects");
  ASSERT_TRUE(add.ok());
  model::Project p = f.project;
  ASSERT_TRUE(model::apply(p, *add).ok());
  auto dup = addBin(p, source, "Selects");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::Conflict);
  EXPECT_NE(dup.error().message.find("Selects"), std::string::npos);
  // The same name under another parent is fine.
  EXPECT_TRUE(addBin(p, binId(p, "02_Audio"), "Selects").ok());

  auto std = renameBin(p, source, "Clips");
  ASSERT_FALSE(std.ok());
  EXPECT_EQ(std.error().code, ErrorCode::Conflict);
  EXPECT_NE(std.error().message.find("01_Source_Clips"), std::string::npos);
  EXPECT_EQ(renameBin(p, model::BinId{999}, "x").error().code, ErrorCode::NotFound);
  const model::BinId sub = p.bins.back().id;
  auto second = addBin(p, source, "Other");
  ASSERT_TRUE(model::apply(p, *second).ok());
  EXPECT_EQ(renameBin(p, sub, "Other").error().code, ErrorCode::Conflict);
  EXPECT_EQ(renameBin(p, sub, "").error().code, ErrorCode::InvalidArgument);
}

TEST(BinsEditTest, MoveMediaBetweenBins) {
  EditFixture f;
  const model::BinId source = binId(f.project, "01_Source_Clips");
  const model::BinId ref = binId(f.project, "04_Reference");
  auto move = moveMediaToBin(f.project, {f.still, f.video}, ref);
  ASSERT_TRUE(move.ok()) << move.error().message;
  model::Project moved;
  ASSERT_TRUE(appliesAndUndoes(f.project, *move, &moved));
  EXPECT_EQ(moved.findBin(ref)->items, (std::vector<model::MediaId>{f.still, f.video}));
  EXPECT_EQ(moved.findBin(source)->items, (std::vector<model::MediaId>{f.wav}));
  EXPECT_EQ(moved.media, f.project.media);  // items untouched
  EXPECT_EQ(binOfMedia(moved, f.video)->id, ref);

  // Moving into the bin that already holds them changes nothing.
  auto again = moveMediaToBin(moved, {f.video}, ref);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());

  EXPECT_EQ(moveMediaToBin(f.project, {}, ref).error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(moveMediaToBin(f.project, {f.video}, model::BinId{999}).error().code, ErrorCode::NotFound);
  EXPECT_EQ(moveMediaToBin(f.project, {model::MediaId{999}}, ref).error().code, ErrorCode::NotFound);
}

}  // namespace
}  // namespace postline::edit
