// The grade sections of a project file (schema 2): a clip's `grade` and a sequence's
// `timeline_grade`. Sections equal to their defaults are omitted when writing and read as the
// default when absent; a present section needs all its members (docs/FORMAT.md).
#include <cmath>
#include <system_error>

#include "core/project/json_model.h"

namespace postline::project::detail {

namespace fs = std::filesystem;
using base::Result;

namespace {

Json wheel(const color::Wheel& w) { return Json::array({w[0], w[1], w[2], w[3]}); }

Json curve(const std::vector<color::CurvePoint>& points) {
  Json j = Json::array();
  for (const color::CurvePoint& p : points) j.push_back(Json::array({p.x, p.y}));
  return j;
}

Json writeNormalise(const color::Normalise& n) {
  Json j = Json::object();
  j["temperature"] = n.temperature;
  j["tint"] = n.tint;
  j["exposure"] = n.exposure;
  j["contrast"] = n.contrast;
  j["pivot"] = n.pivot;
  j["lift"] = wheel(n.lift);
  j["gamma"] = wheel(n.gamma);
  j["gain"] = wheel(n.gain);
  j["offset"] = wheel(n.offset);
  j["saturation"] = n.saturation;
  j["shadows"] = n.shadows;
  j["midtones"] = n.midtones;
  j["highlights"] = n.highlights;
  return j;
}

Json writeCreative(const color::Creative& c, const fs::path& projectDir) {
  Json j = Json::object();
  if (!(c.curves == color::Curves{})) {
    Json& k = j["curves"];
    k["master"] = curve(c.curves.master);
    k["red"] = curve(c.curves.red);
    k["green"] = curve(c.curves.green);
    k["blue"] = curve(c.curves.blue);
  }
  if (!(c.split == color::SplitTone{})) {
    Json& s = j["split"];
    s["shadow_hue"] = c.split.shadowHue;
    s["shadow_amount"] = c.split.shadowAmount;
    s["highlight_hue"] = c.split.highlightHue;
    s["highlight_amount"] = c.split.highlightAmount;
    s["balance"] = c.split.balance;
  }
  if (!(c.lut == color::Lut{})) {
    Json& l = j["lut"];
    l["path"] = relativeMediaPath(c.lut.path, projectDir);
    l["absolute_path"] = c.lut.path;
    l["mix"] = c.lut.mix;
  }
  return j;
}

Json writeFilm(const color::FilmLook& f) {
  Json j = Json::object();
  if (!(f.halation == color::Halation{})) {
    j["halation"] = {{"amount", f.halation.amount}, {"threshold", f.halation.threshold},
                     {"radius", f.halation.radius}, {"warmth", f.halation.warmth}};
  }
  if (!(f.vignette == color::Vignette{})) {
    j["vignette"] = {{"amount", f.vignette.amount}, {"roundness", f.vignette.roundness},
                     {"feather", f.vignette.feather}};
  }
  if (!(f.ceiling == color::HighlightCeiling{})) {
    j["ceiling"] = {{"ceiling", f.ceiling.ceiling}, {"knee", f.ceiling.knee}};
  }
  if (!(f.grain == color::Grain{})) {
    j["grain"] = {{"amount", f.grain.amount}, {"size", f.grain.size}, {"luma_weight", f.grain.lumaWeight}};
  }
  return j;
}

// ---- reading ----

Result<void> readWheel(const Json& o, const Where& at, const char* key, color::Wheel& w) {
  PL_TRY_ASSIGN(arr, arrayMember(o, at, key));
  const Where wAt(at, key);
  if (arr->size() != 4) return wAt.error("expected 4 numbers (R, G, B, master), found " + std::to_string(arr->size()));
  for (std::size_t i = 0; i < 4; ++i) {
    const Json& v = (*arr)[i];
    if (!v.is_number() || !std::isfinite(v.get<double>())) return Where(wAt, i).error("expected a finite number");
    w[i] = v.get<double>();
  }
  return {};
}

// An optional array of [x, y] pairs; absent = no points.
Result<void> readCurve(const Json& o, const Where& at, const char* key, std::vector<color::CurvePoint>& out) {
  if (o.find(key) == o.end()) return {};
  PL_TRY_ASSIGN(arr, arrayMember(o, at, key));
  const Where cAt(at, key);
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const Json& p = (*arr)[i];
    const Where pAt(cAt, i);
    if (!p.is_array() || p.size() != 2) return pAt.error("expected a point [x, y]");
    double xy[2] = {0.0, 0.0};
    for (std::size_t k = 0; k < 2; ++k) {
      if (!p[k].is_number() || !std::isfinite(p[k].get<double>())) return Where(pAt, k).error("expected a finite number");
      xy[k] = p[k].get<double>();
    }
    out.push_back({xy[0], xy[1]});
  }
  return {};
}

Result<void> readNormalise(const Json& o, const Where& at, color::Normalise& n) {
  PL_TRY(get(o, at, "temperature", n.temperature));
  PL_TRY(get(o, at, "tint", n.tint));
  PL_TRY(get(o, at, "exposure", n.exposure));
  PL_TRY(get(o, at, "contrast", n.contrast));
  PL_TRY(get(o, at, "pivot", n.pivot));
  PL_TRY(readWheel(o, at, "lift", n.lift));
  PL_TRY(readWheel(o, at, "gamma", n.gamma));
  PL_TRY(readWheel(o, at, "gain", n.gain));
  PL_TRY(readWheel(o, at, "offset", n.offset));
  PL_TRY(get(o, at, "saturation", n.saturation));
  PL_TRY(get(o, at, "shadows", n.shadows));
  PL_TRY(get(o, at, "midtones", n.midtones));
  PL_TRY(get(o, at, "highlights", n.highlights));
  return {};
}

bool isFile(const fs::path& p) {
  std::error_code ec;
  return !p.empty() && fs::is_regular_file(p, ec);
}

// Where the LUT is now: `path` against the project folder, then `absolute_path` (kept even when
// missing, like media); the resolved `path` when there is no `absolute_path`.
std::string locateLut(const std::string& path, const std::string& absolute, const fs::path& projectDir) {
  if (path.empty()) return absolute;
  const fs::path p(path);
  const fs::path candidate = p.is_absolute() ? p.lexically_normal() : (projectDir / p).lexically_normal();
  if (isFile(candidate) || absolute.empty()) return candidate.string();
  return absolute;
}

Result<void> readLut(const Json& o, const Where& at, const fs::path& projectDir, color::Lut& l) {
  std::string path;
  std::string absolute;
  PL_TRY(get(o, at, "path", path));
  if (o.find("absolute_path") != o.end()) PL_TRY(get(o, at, "absolute_path", absolute));
  PL_TRY(get(o, at, "mix", l.mix));
  l.path = locateLut(path, absolute, projectDir);
  return {};
}

Result<void> readCreative(const Json& o, const Where& at, const fs::path& projectDir, color::Creative& c) {
  PL_TRY_ASSIGN(curves, optionalObject(o, at, "curves"));
  if (curves != nullptr) {
    const Where kAt(at, "curves");
    PL_TRY(readCurve(*curves, kAt, "master", c.curves.master));
    PL_TRY(readCurve(*curves, kAt, "red", c.curves.red));
    PL_TRY(readCurve(*curves, kAt, "green", c.curves.green));
    PL_TRY(readCurve(*curves, kAt, "blue", c.curves.blue));
  }
  PL_TRY_ASSIGN(split, optionalObject(o, at, "split"));
  if (split != nullptr) {
    const Where sAt(at, "split");
    PL_TRY(get(*split, sAt, "shadow_hue", c.split.shadowHue));
    PL_TRY(get(*split, sAt, "shadow_amount", c.split.shadowAmount));
    PL_TRY(get(*split, sAt, "highlight_hue", c.split.highlightHue));
    PL_TRY(get(*split, sAt, "highlight_amount", c.split.highlightAmount));
    PL_TRY(get(*split, sAt, "balance", c.split.balance));
  }
  PL_TRY_ASSIGN(lut, optionalObject(o, at, "lut"));
  if (lut != nullptr) PL_TRY(readLut(*lut, Where(at, "lut"), projectDir, c.lut));
  return {};
}

Result<void> readFilmParts(const Json& o, const Where& at, color::FilmLook& f) {
  PL_TRY_ASSIGN(halation, optionalObject(o, at, "halation"));
  if (halation != nullptr) {
    const Where hAt(at, "halation");
    PL_TRY(get(*halation, hAt, "amount", f.halation.amount));
    PL_TRY(get(*halation, hAt, "threshold", f.halation.threshold));
    PL_TRY(get(*halation, hAt, "radius", f.halation.radius));
    PL_TRY(get(*halation, hAt, "warmth", f.halation.warmth));
  }
  PL_TRY_ASSIGN(vignette, optionalObject(o, at, "vignette"));
  if (vignette != nullptr) {
    const Where vAt(at, "vignette");
    PL_TRY(get(*vignette, vAt, "amount", f.vignette.amount));
    PL_TRY(get(*vignette, vAt, "roundness", f.vignette.roundness));
    PL_TRY(get(*vignette, vAt, "feather", f.vignette.feather));
  }
  return {};
}

Result<void> readFilm(const Json& o, const Where& at, color::FilmLook& f) {
  PL_TRY(readFilmParts(o, at, f));
  PL_TRY_ASSIGN(ceiling, optionalObject(o, at, "ceiling"));
  if (ceiling != nullptr) {
    const Where cAt(at, "ceiling");
    PL_TRY(get(*ceiling, cAt, "ceiling", f.ceiling.ceiling));
    PL_TRY(get(*ceiling, cAt, "knee", f.ceiling.knee));
  }
  PL_TRY_ASSIGN(grain, optionalObject(o, at, "grain"));
  if (grain != nullptr) {
    const Where gAt(at, "grain");
    PL_TRY(get(*grain, gAt, "amount", f.grain.amount));
    PL_TRY(get(*grain, gAt, "size", f.grain.size));
    PL_TRY(get(*grain, gAt, "luma_weight", f.grain.lumaWeight));
  }
  return {};
}

}  // namespace

Json writeGrade(const color::Grade& g, const fs::path& projectDir) {
  Json j = Json::object();
  if (!(g.normalise == color::Normalise{})) j["normalise"] = writeNormalise(g.normalise);
  if (!(g.creative == color::Creative{})) j["creative"] = writeCreative(g.creative, projectDir);
  return j;
}

Json writeTimelineGrade(const color::TimelineGrade& t, const fs::path& projectDir) {
  Json j = Json::object();
  if (!(t.grade == color::Grade{})) j["grade"] = writeGrade(t.grade, projectDir);
  if (!(t.film == color::FilmLook{})) j["film"] = writeFilm(t.film);
  return j;
}

Result<void> readGrade(const Json& o, const Where& at, const fs::path& projectDir, color::Grade& g) {
  PL_TRY(expectObject(o, at));
  PL_TRY_ASSIGN(normalise, optionalObject(o, at, "normalise"));
  if (normalise != nullptr) PL_TRY(readNormalise(*normalise, Where(at, "normalise"), g.normalise));
  PL_TRY_ASSIGN(creative, optionalObject(o, at, "creative"));
  if (creative != nullptr) PL_TRY(readCreative(*creative, Where(at, "creative"), projectDir, g.creative));
  return {};
}

Result<void> readTimelineGrade(const Json& o, const Where& at, const fs::path& projectDir, color::TimelineGrade& t) {
  PL_TRY(expectObject(o, at));
  PL_TRY_ASSIGN(grade, optionalObject(o, at, "grade"));
  if (grade != nullptr) PL_TRY(readGrade(*grade, Where(at, "grade"), projectDir, t.grade));
  PL_TRY_ASSIGN(film, optionalObject(o, at, "film"));
  if (film != nullptr) PL_TRY(readFilm(*film, Where(at, "film"), t.film));
  return {};
}

}  // namespace postline::project::detail
