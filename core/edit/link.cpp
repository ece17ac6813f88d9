#include "core/edit/link.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace postline::edit {

namespace {

// A set of id values with a cheap [min, max] pre-check, so a scan over every clip of a long
// sequence mostly costs two comparisons per clip.
class IdFilter {
 public:
  void add(std::uint64_t v) {
    m_min = m_set.empty() ? v : std::min(m_min, v);
    m_max = m_set.empty() ? v : std::max(m_max, v);
    m_set.insert(v);
  }
  bool contains(std::uint64_t v) const { return v >= m_min && v <= m_max && !m_set.empty() && m_set.contains(v); }
  bool empty() const { return m_set.empty(); }

 private:
  std::unordered_set<std::uint64_t> m_set;
  std::uint64_t m_min = 0;
  std::uint64_t m_max = 0;
};

}  // namespace

Result<std::vector<ClipOnTrack>> withLinkedPartners(const SeqRef& ref, const std::vector<model::ClipId>& ids) {
  if (ids.empty()) return invalid("no clips were given");
  IdFilter wanted;
  for (model::ClipId id : ids) wanted.add(id.value);
  std::unordered_set<std::uint64_t> found;
  IdFilter groups;
  for (const model::Track& t : ref.seq.tracks) {
    for (const model::Clip& c : t.clips) {
      if (!wanted.contains(c.id.value)) continue;
      found.insert(c.id.value);
      if (c.linkGroup != 0) groups.add(c.linkGroup);
    }
  }
  for (model::ClipId id : ids) {
    if (!found.contains(id.value)) {
      return base::makeError(base::ErrorCode::NotFound,
                             "clip " + std::to_string(id.value) + " is not in '" + ref.seq.name + "'");
    }
  }
  std::vector<ClipOnTrack> out;
  for (const model::Track& t : ref.seq.tracks) {
    for (const model::Clip& c : t.clips) {
      const bool selected = wanted.contains(c.id.value);
      if (selected || (c.linkGroup != 0 && groups.contains(c.linkGroup))) out.push_back({&t, &c, selected});
    }
  }
  return out;
}

namespace {

// Adds an update setting `c`'s linkGroup to `group`; a locked track is a Conflict.
Result<void> setGroup(const SeqRef& ref, const ClipOnTrack& c, std::uint64_t group, ChangeSet& cs) {
  if (c.track->locked) return conflict("track " + c.track->name + " is locked");
  model::Clip after = *c.clip;
  after.linkGroup = group;
  cs.add(clipUpdate(ref, *c.track, *c.clip, after));
  return {};
}

// Clears the group of unselected partners that would be the only clip left in their group.
Result<void> clearLonePartners(const SeqRef& ref, const std::vector<ClipOnTrack>& clips, ChangeSet& cs) {
  std::unordered_map<std::uint64_t, int> remaining;
  for (const ClipOnTrack& c : clips) {
    if (!c.selected && c.clip->linkGroup != 0) ++remaining[c.clip->linkGroup];
  }
  for (const ClipOnTrack& c : clips) {
    if (!c.selected && c.clip->linkGroup != 0 && remaining[c.clip->linkGroup] == 1) {
      PL_TRY(setGroup(ref, c, 0, cs));
    }
  }
  return {};
}

}  // namespace

Result<ChangeSet> link(const model::Project& project, model::SequenceId seq, const std::vector<model::ClipId>& ids) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(clips, withLinkedPartners(ref, ids));
  std::size_t selected = 0;
  for (const ClipOnTrack& c : clips) selected += c.selected ? 1 : 0;
  if (selected < 2) return invalid("linking needs at least two different clips");
  ChangeSet cs;
  const std::uint64_t group = model::reserveIds(project, cs, 1);
  for (const ClipOnTrack& c : clips) {
    if (c.selected) PL_TRY(setGroup(ref, c, group, cs));
  }
  PL_TRY(clearLonePartners(ref, clips, cs));
  return cs;
}

Result<ChangeSet> unlink(const model::Project& project, model::SequenceId seq, const std::vector<model::ClipId>& ids) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(clips, withLinkedPartners(ref, ids));
  ChangeSet cs;
  for (const ClipOnTrack& c : clips) {
    if (c.selected && c.clip->linkGroup != 0) PL_TRY(setGroup(ref, c, 0, cs));
  }
  if (cs.empty()) return invalid("none of the clips is linked");
  PL_TRY(clearLonePartners(ref, clips, cs));
  return cs;
}

}  // namespace postline::edit
