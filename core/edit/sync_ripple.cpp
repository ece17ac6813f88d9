#include "core/edit/sync_ripple.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_set>

namespace postline::edit {

using time::FramePos;

namespace {

// The link groups of one track's clips, with a cheap [min, max] pre-check.
struct GroupSet {
  std::unordered_set<std::uint64_t> groups;
  std::uint64_t min = ~std::uint64_t{0};
  std::uint64_t max = 0;
  bool contains(std::uint64_t g) const { return g >= min && g <= max && groups.contains(g); }
};

// What the closure has found so far, with caches of the per-track link facts it needs.
class Closure {
 public:
  explicit Closure(const SeqRef& ref)
      : m_tracks(ref.seq.tracks), m_sets(m_tracks.size()), m_last(m_tracks.size() * m_tracks.size()) {}

  std::size_t size() const { return m_tracks.size(); }
  const model::Track& track(std::size_t i) const { return m_tracks[i]; }
  std::size_t index(const model::Track* t) const { return static_cast<std::size_t>(t - m_tracks.data()); }

  bool covered(std::size_t u, const Ripple& r) const {
    return m_keys.contains({u, r.key}) || m_events.contains({u, r.from.value, r.delta.value});
  }
  void note(std::size_t u, const Ripple& r) {
    m_keys.insert({u, r.key});
    m_events.insert({u, r.from.value, r.delta.value});
  }

  // The latest start on track t of a clip with a linked partner on track u; none when there is none.
  std::optional<FramePos> lastPartnerStart(std::size_t t, std::size_t u) {
    std::optional<std::optional<FramePos>>& slot = m_last[t * m_tracks.size() + u];
    if (!slot) slot = scan(t, u);
    return *slot;
  }

 private:
  const GroupSet& groups(std::size_t u) {
    std::optional<GroupSet>& s = m_sets[u];
    if (!s) {
      s.emplace();
      for (const model::Clip& c : m_tracks[u].clips) {
        if (c.linkGroup == 0) continue;
        s->groups.insert(c.linkGroup);
        s->min = std::min(s->min, c.linkGroup);
        s->max = std::max(s->max, c.linkGroup);
      }
    }
    return *s;
  }

  std::optional<FramePos> scan(std::size_t t, std::size_t u) {
    const GroupSet& partners = groups(u);
    if (partners.groups.empty()) return std::nullopt;
    const std::vector<model::Clip>& clips = m_tracks[t].clips;
    for (auto it = clips.rbegin(); it != clips.rend(); ++it) {
      if (it->linkGroup != 0 && partners.contains(it->linkGroup)) return it->start;
    }
    return std::nullopt;
  }

  const std::vector<model::Track>& m_tracks;
  std::vector<std::optional<GroupSet>> m_sets;
  std::vector<std::optional<std::optional<FramePos>>> m_last;
  std::set<std::pair<std::size_t, std::uint64_t>> m_keys;
  std::set<std::tuple<std::size_t, std::int64_t, std::int64_t>> m_events;
};

}  // namespace

std::vector<Ripple> syncRipples(const SeqRef& ref, const std::vector<Ripple>& ripples) {
  Closure c(ref);
  std::vector<Ripple> queue = ripples;
  for (const Ripple& r : ripples) c.note(c.index(r.track), r);
  for (std::size_t q = 0; q < queue.size(); ++q) {
    const Ripple r = queue[q];  // a copy: push_back below may reallocate
    const std::size_t t = c.index(r.track);
    for (std::size_t u = 0; u < c.size(); ++u) {
      if (u == t || c.covered(u, r)) continue;
      const std::optional<FramePos> last = c.lastPartnerStart(t, u);
      if (!last || *last < r.from) continue;
      const Ripple added{&c.track(u), r.from, r.delta, r.key};
      c.note(u, added);
      queue.push_back(added);
    }
  }
  return std::vector<Ripple>(queue.begin() + static_cast<std::ptrdiff_t>(ripples.size()), queue.end());
}

}  // namespace postline::edit
