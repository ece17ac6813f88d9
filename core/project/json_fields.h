#pragma once
// Private to core/project (not a public header): typed, exception-free access to parsed JSON.
// Every error names the field path, e.g. "sequences[0].tracks[1].clips[3].duration".
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/base/result.h"
#include "core/model/clip_params.h"
#include "core/model/ids.h"
#include "core/model/media_item.h"
#include "core/model/sequence.h"
#include "core/model/transition.h"
#include "core/time/rational.h"
#include "core/time/units.h"

namespace postline::project::detail {

// The document type for reading and writing: keys stay in file order, so written files are stable
// and readable, and (measured) parsing plus freeing a large document is faster than with nlohmann::json.
using Json = nlohmann::ordered_json;

// Largest frame position or count accepted from a file (about 1,300 years at 24 fps).
inline constexpr std::int64_t kMaxFrames = std::int64_t{1} << 40;
// Largest media tick value accepted from a file.
inline constexpr std::int64_t kMaxTicks = std::int64_t{1} << 52;
// Largest id accepted from a file.
inline constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();

// A place in the document: a chain of keys and indices built on the stack, rendered only on error.
class Where {
 public:
  // The document root.
  Where() = default;
  // Member `key` of `parent` (key must outlive this object).
  Where(const Where& parent, const char* key) : m_parent(&parent), m_key(key) {}
  // Element `index` of the array `parent`.
  Where(const Where& parent, std::size_t index) : m_parent(&parent), m_index(index), m_isIndex(true) {}

  // "sequences[0].tracks[1]"; empty at the root.
  std::string str() const;
  // A Parse error "<path>: <problem>".
  base::Error error(const std::string& problem) const;

 private:
  const Where* m_parent = nullptr;
  const char* m_key = nullptr;
  std::size_t m_index = 0;
  bool m_isIndex = false;
};

// A stable lower-case name for each value of an enum.
template <class E, std::size_t N>
using EnumTable = std::array<std::pair<const char*, E>, N>;

// The spelling of every enum in project files (written and accepted; never rename one).
inline constexpr EnumTable<model::MediaKind, 4> kMediaKinds{{{"video", model::MediaKind::Video},
                                                            {"audio", model::MediaKind::Audio},
                                                            {"image", model::MediaKind::Image},
                                                            {"title", model::MediaKind::Title}}};
inline constexpr EnumTable<model::TrackKind, 2> kTrackKinds{
    {{"video", model::TrackKind::Video}, {"audio", model::TrackKind::Audio}}};
inline constexpr EnumTable<model::AudioRole, 6> kAudioRoles{{{"none", model::AudioRole::None},
                                                             {"dialogue", model::AudioRole::Dialogue},
                                                             {"sfx", model::AudioRole::Sfx},
                                                             {"foley", model::AudioRole::Foley},
                                                             {"music", model::AudioRole::Music},
                                                             {"ambient", model::AudioRole::Ambient}}};
inline constexpr EnumTable<model::ColorSpace, 2> kColorSpaces{
    {{"rec709", model::ColorSpace::Rec709}, {"rec2020", model::ColorSpace::Rec2020}}};
inline constexpr EnumTable<model::FadeShape, 3> kFadeShapes{{{"linear", model::FadeShape::Linear},
                                                            {"equal_power", model::FadeShape::EqualPower},
                                                            {"s_curve", model::FadeShape::SCurve}}};
inline constexpr EnumTable<model::EqBandType, 6> kEqBandTypes{{{"peak", model::EqBandType::Peak},
                                                              {"notch", model::EqBandType::Notch},
                                                              {"low_shelf", model::EqBandType::LowShelf},
                                                              {"high_shelf", model::EqBandType::HighShelf},
                                                              {"high_pass", model::EqBandType::HighPass},
                                                              {"low_pass", model::EqBandType::LowPass}}};
inline constexpr EnumTable<model::TransitionKind, 2> kTransitionKinds{
    {{"cross_dissolve", model::TransitionKind::CrossDissolve},
     {"audio_crossfade", model::TransitionKind::AudioCrossfade}}};
inline constexpr EnumTable<model::TransitionAlign, 3> kTransitionAligns{
    {{"center_on_cut", model::TransitionAlign::CenterOnCut},
     {"end_at_cut", model::TransitionAlign::EndAtCut},
     {"start_at_cut", model::TransitionAlign::StartAtCut}}};

// The name of `value` in `table` (the first entry when the value is not listed).
template <class E, std::size_t N>
const char* enumName(const EnumTable<E, N>& table, E value) {
  for (const auto& [name, v] : table) {
    if (v == value) return name;
  }
  return table[0].first;
}

// `v` itself when it is an object, else an error at `at`.
base::Result<void> expectObject(const Json& v, const Where& at);
// Member `key` of object `obj`; a missing member is an error naming the field.
base::Result<const Json*> member(const Json& obj, const Where& at, const char* key);
// Member `key`, which must be an array.
base::Result<const Json*> arrayMember(const Json& obj, const Where& at, const char* key);
// Member `key`, which must be an object; nullptr when absent (optional groups).
base::Result<const Json*> optionalObject(const Json& obj, const Where& at, const char* key);

// Readers of one member into `out`; the error names the field and what was found.
base::Result<void> get(const Json& obj, const Where& at, const char* key, bool& out);
base::Result<void> get(const Json& obj, const Where& at, const char* key, double& out);
base::Result<void> get(const Json& obj, const Where& at, const char* key, std::string& out);
base::Result<void> get(const Json& obj, const Where& at, const char* key, time::Rational& out);
// An integer in [min, max].
base::Result<void> getInt(const Json& obj, const Where& at, const char* key, std::int64_t& out, std::int64_t min,
                          std::int64_t max);
// An int in [min, max].
base::Result<void> getInt(const Json& obj, const Where& at, const char* key, int& out, int min, int max);
// A non-negative id (0 = none).
base::Result<void> getId(const Json& obj, const Where& at, const char* key, std::uint64_t& out);
// An integer in [min, max] read from a JSON value directly (array elements).
base::Result<std::int64_t> intValue(const Json& v, const Where& at, std::int64_t min, std::int64_t max);

// Reads an id of any kind.
template <class Tag>
base::Result<void> get(const Json& obj, const Where& at, const char* key, model::Id<Tag>& out) {
  return getId(obj, at, key, out.value);
}

// A frame position in [0, kMaxFrames].
inline base::Result<void> get(const Json& obj, const Where& at, const char* key, time::FramePos& out) {
  return getInt(obj, at, key, out.value, 0, kMaxFrames);
}

// A frame count in [0, kMaxFrames] (positivity, where required, is checked by the caller).
inline base::Result<void> get(const Json& obj, const Where& at, const char* key, time::FrameCount& out) {
  return getInt(obj, at, key, out.value, 0, kMaxFrames);
}

// An enum spelled as one of the names in `table`.
template <class E, std::size_t N>
base::Result<void> getEnum(const Json& obj, const Where& at, const char* key, E& out, const EnumTable<E, N>& table) {
  std::string name;
  PL_TRY(get(obj, at, key, name));
  for (const auto& [n, v] : table) {
    if (name == n) {
      out = v;
      return {};
    }
  }
  std::string allowed;
  for (const auto& entry : table) allowed += std::string(allowed.empty() ? "" : ", ") + entry.first;
  if (name.size() > 40) name = name.substr(0, 40) + "...";
  return Where(at, key).error("unknown value '" + name + "' (expected one of " + allowed + ")");
}

}  // namespace postline::project::detail
