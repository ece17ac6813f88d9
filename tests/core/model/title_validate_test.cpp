// Validation of title media items (core/model/validate.h): text, size, colour and position ranges.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/model/validate.h"

namespace postline::model {
namespace {

struct TitleValidate : ::testing::Test {
  Project p = Project::createDefault("Titles");
  MediaItem& title() { return p.media.back(); }
  void SetUp() override {
    MediaItem m;
    m.id = MediaId{p.nextId++};
    m.name = "Opening";
    m.kind = MediaKind::Title;
    m.info.hasVideo = true;
    m.info.still = true;
    m.title.text = "Hello";
    p.media.push_back(m);
  }
  // The validation message, "" when valid.
  std::string problem() {
    auto r = validate(p);
    return r.ok() ? "" : r.error().message;
  }
};

TEST_F(TitleValidate, ADefaultTitleWithTextIsValid) {
  EXPECT_EQ(problem(), "");
  EXPECT_STREQ(mediaKindName(MediaKind::Title), "title");
  title().title.x = -1.0;
  title().title.y = 2.0;
  title().title.size = 1.0;
  title().title.color = {0, 0, 0, 0};
  EXPECT_EQ(problem(), "");
}

TEST_F(TitleValidate, EachRangeIsChecked) {
  title().title.text.clear();
  EXPECT_NE(problem().find("'Opening' has no text"), std::string::npos) << problem();
  title().title.text = "Hi";
  for (double size : {0.0, -0.1, 1.01}) {
    title().title.size = size;
    EXPECT_NE(problem().find("size"), std::string::npos) << size;
  }
  title().title.size = 0.1;
  title().title.color[2] = 1.5;
  EXPECT_NE(problem().find("colour"), std::string::npos);
  title().title.color[2] = 1.0;
  title().title.y = 2.5;
  EXPECT_NE(problem().find("position"), std::string::npos);
  title().title.y = 0.5;
  title().title.x = std::nan("");
  EXPECT_NE(problem().find("position"), std::string::npos);
}

}  // namespace
}  // namespace postline::model
