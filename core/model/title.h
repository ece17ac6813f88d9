#pragma once
// A text title: a media item generated from text (MediaKind::Title), drawn as a full-frame RGBA picture.
#include <array>
#include <string>

namespace postline::model {

// What a title shows and where. Positions and sizes are fractions of the sequence frame.
struct TitleSpec {
  std::string text;                         // UTF-8; '\n' separates lines; must not be empty
  std::string font = "DejaVu Sans";         // font family name (resolved to a file at render time)
  double size = 0.08;                       // font pixel size as a fraction of the frame height, (0, 1]
  std::array<double, 4> color{1, 1, 1, 1};  // straight RGBA, 0..1 code values
  double x = 0.5;                           // centre of the text block, fraction of the width, [-1, 2]
  double y = 0.85;                          // centre of the text block, fraction of the height (0 = top), [-1, 2]
  bool shadow = true;                       // a soft black drop shadow under the text

  friend bool operator==(const TitleSpec&, const TitleSpec&) = default;
};

}  // namespace postline::model
