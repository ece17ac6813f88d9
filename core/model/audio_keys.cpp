#include "core/model/audio_keys.h"

#include <algorithm>
#include <cmath>

namespace postline::model {

namespace {

// First key at or after sample `offset`.
std::vector<GainKey>::const_iterator firstAtOrAfter(const std::vector<GainKey>& keys, std::int64_t offset) {
  return std::lower_bound(keys.begin(), keys.end(), offset,
                          [](const GainKey& k, std::int64_t o) { return k.offset < o; });
}

}  // namespace

double automationDb(const std::vector<GainKey>& keys, double offset) {
  if (keys.empty()) return 0.0;
  if (offset <= static_cast<double>(keys.front().offset)) return keys.front().gainDb;
  if (offset >= static_cast<double>(keys.back().offset)) return keys.back().gainDb;
  auto hi = std::upper_bound(keys.begin(), keys.end(), offset,
                             [](double o, const GainKey& k) { return o < static_cast<double>(k.offset); });
  auto lo = hi - 1;
  const double x = (offset - static_cast<double>(lo->offset)) / static_cast<double>(hi->offset - lo->offset);
  return lo->gainDb + (hi->gainDb - lo->gainDb) * x;
}

std::vector<GainKey> keysFromHead(const std::vector<GainKey>& keys, std::int64_t delta) {
  std::vector<GainKey> out;
  if (keys.empty()) return out;
  auto it = delta > 0 ? firstAtOrAfter(keys, delta) : keys.begin();
  out.reserve(static_cast<std::size_t>(keys.end() - it) + 1);
  const bool keyAtHead = it != keys.end() && it->offset == delta;
  if (it != keys.begin() && !keyAtHead) out.push_back(GainKey{0, automationDb(keys, static_cast<double>(delta))});
  for (; it != keys.end(); ++it) out.push_back(GainKey{it->offset - delta, it->gainDb});
  return out;
}

std::vector<GainKey> keysForSpan(const std::vector<GainKey>& keys, std::int64_t from, std::int64_t length) {
  if (length <= 0) return {};
  std::vector<GainKey> out = keysFromHead(keys, from);
  const std::int64_t last = length - 1;
  auto past = firstAtOrAfter(out, last);
  if (past == out.end()) return out;
  if (past->offset != last) {
    const GainKey tail{last, automationDb(out, static_cast<double>(last))};
    out.erase(past, out.end());
    out.push_back(tail);
  } else {
    out.erase(past + 1, out.end());
  }
  return out;
}

std::vector<GainKey> scaleKeys(const std::vector<GainKey>& keys, double factor) {
  std::vector<GainKey> out;
  out.reserve(keys.size());
  for (const GainKey& k : keys) {
    const auto offset = static_cast<std::int64_t>(std::llround(static_cast<double>(k.offset) * factor));
    if (!out.empty() && offset <= out.back().offset) continue;
    out.push_back(GainKey{offset, k.gainDb});
  }
  return out;
}

}  // namespace postline::model
