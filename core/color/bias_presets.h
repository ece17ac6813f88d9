#pragma once
// Generator-bias presets: Normalise starting points that take out the colour bias AI video
// generators tend to leave in their footage (a cool blue-green cast, or a warm orange one).
// Plain data a user picks on the Color page, then adjusts; they set only white balance, a little
// exposure/contrast and the gain wheel, never creative values.
#include <string>
#include <vector>

#include "core/color/grade.h"

namespace postline::color {

struct BiasPreset {
  std::string id;           // stable, kebab-case ("cool-bias")
  std::string name;         // shown to the user ("Cool generator bias")
  std::string description;  // one sentence: what bias it corrects
  Normalise normalise;      // passes Grade{normalise}.validate()
};

// "cool-bias" (footage too cool: warms it) then "warm-bias" (footage too warm: cools it).
const std::vector<BiasPreset>& biasPresets();

}  // namespace postline::color
