#include "core/color/grade_presets.h"

#include <utility>

#include "core/base/resources.h"

namespace postline::color {
namespace {

GradePreset normaliseOnly() {
  GradePreset p{"normalise-only", "Normalise only",
                "A neutral starting point: no creative look, no film effects; balance and match shots "
                "with the normalise controls.",
                {}};
  return p;
}

GradePreset warmMorning() {
  GradePreset p{"warm-morning", "Warm morning",
                "Soft, warm daylight for food and coffee commercials: golden shadows, lifted mids, "
                "gentle saturation, creamy highlights, light grain and vignette.",
                {}};
  Normalise& n = p.grade.grade.normalise;
  n.temperature = 6.0;
  n.midtones = 0.08;
  n.saturation = 0.88;
  n.lift = {0.0, 0.0, 0.0, 0.015};
  SplitTone& s = p.grade.grade.creative.split;
  s = {32.0, 0.22, 45.0, 0.15, 0.1};
  FilmLook& f = p.grade.film;
  f.vignette = {0.08, 0.8, 0.6};
  f.ceiling = {0.98, 0.85};
  f.grain = {0.015, 1.2, 0.7};
  return p;
}

GradePreset coolCinematic() {
  GradePreset p{"cool-cinematic", "Cool cinematic",
                "Moody and cool: teal shadows, cool clean highlights without orange, a little more "
                "contrast, slight vignette and grain.",
                {}};
  Normalise& n = p.grade.grade.normalise;
  n.temperature = -8.0;
  n.contrast = 1.1;
  n.saturation = 0.92;
  SplitTone& s = p.grade.grade.creative.split;
  s = {200.0, 0.3, 215.0, 0.08, -0.1};
  FilmLook& f = p.grade.film;
  f.vignette = {0.1, 0.7, 0.5};
  f.ceiling = {0.97, 0.82};
  f.grain = {0.02, 1.1, 0.7};
  return p;
}

// A film look: the LUT in resources/looks/<file>.cube at full strength plus the film effects.
GradePreset filmLook(std::string id, std::string name, std::string description, const char* file,
                     const FilmLook& film) {
  GradePreset p{std::move(id), std::move(name), std::move(description), {}};
  p.grade.grade.creative.lut.path = base::resourcePath(std::string("looks/") + file).string();
  p.grade.grade.creative.lut.mix = 1.0;
  p.grade.film = film;
  return p;
}

std::vector<GradePreset> makePresets() {
  std::vector<GradePreset> all{normaliseOnly(), warmMorning(), coolCinematic()};
  all.push_back(filmLook("film-warm-negative", "Film: warm negative",
                         "A warm-printed colour negative: golden shadows, creamy highlights, soft "
                         "contrast, a little halation and grain.",
                         "warm_negative.cube",
                         {{0.15, 0.8, 0.012, 1.0}, {0.1, 0.8, 0.6}, {0.97, 0.8}, {0.025, 1.3, 0.7}}));
  all.push_back(filmLook("film-neutral-negative", "Film: neutral negative",
                         "A neutral colour negative: gentle toe and shoulder, matte blacks, true greys, "
                         "fine grain.",
                         "neutral_negative.cube",
                         {{0.08, 0.82, 0.01, 0.8}, {0.06, 0.8, 0.6}, {0.98, 0.85}, {0.02, 1.0, 0.7}}));
  all.push_back(filmLook("film-cool-slide", "Film: cool slide",
                         "A reversal stock: punchy contrast, deep blacks, rich cool colour, very fine "
                         "grain and a firmer vignette.",
                         "cool_slide.cube",
                         {{0.04, 0.85, 0.008, 0.6}, {0.12, 0.9, 0.5}, {0.99, 0.85}, {0.015, 0.8, 0.6}}));
  all.push_back(filmLook("film-tungsten-halation", "Film: tungsten halation",
                         "A high-speed tungsten stock: cyan shadows, warm highlights with a strong red "
                         "halation glow, coarse grain; made for night and practical lights.",
                         "tungsten_halation.cube",
                         {{0.45, 0.7, 0.02, 1.0}, {0.12, 0.8, 0.6}, {0.96, 0.75}, {0.035, 1.6, 0.75}}));
  return all;
}

}  // namespace

const std::vector<GradePreset>& gradePresets() {
  static const std::vector<GradePreset> presets = makePresets();
  return presets;
}

base::Result<GradePreset> findGradePreset(std::string_view id) {
  std::string valid;
  for (const auto& p : gradePresets()) {
    if (p.id == id) return p;
    valid += (valid.empty() ? "" : ", ") + p.id;
  }
  return base::makeError(base::ErrorCode::NotFound,
                         "unknown grade preset '" + std::string(id) + "' (valid: " + valid + ")");
}

}  // namespace postline::color
