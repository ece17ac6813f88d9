#pragma once
// Built-in timeline grade presets: neutral, creative and film-look starting points a user picks
// from and then adjusts. Plain data; the film looks point at resources/looks/*.cube.
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/color/grade.h"

namespace postline::color {

// One named starting point for a timeline grade.
struct GradePreset {
  std::string id;           // stable, kebab-case ("warm-morning"); stored in projects
  std::string name;         // shown to the user ("Warm morning")
  std::string description;  // one sentence: what it looks like and when to use it
  TimelineGrade grade;      // passes TimelineGrade::validate()
};

// Every built-in preset, "normalise-only" first. Look paths are resolved through
// base::resourcePath on the first call.
const std::vector<GradePreset>& gradePresets();

// The preset with `id`; NotFound listing the valid ids when there is none.
base::Result<GradePreset> findGradePreset(std::string_view id);

}  // namespace postline::color
