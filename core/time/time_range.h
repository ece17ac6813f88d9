#pragma once
#include <algorithm>

#include "core/time/units.h"

namespace postline::time {

// Half-open range [start, end) on one grid: start is included, end is not.
// An empty range (end <= start) contains nothing and overlaps nothing.
template <class Tag>
struct Range {
  Pos<Tag> start;
  Pos<Tag> end;

  // Range [start, start + duration).
  static constexpr Range fromDuration(Pos<Tag> s, Count<Tag> d) { return {s, s + d}; }

  constexpr Count<Tag> duration() const { return end - start; }
  constexpr bool empty() const { return end <= start; }
  // True when p lies in [start, end).
  constexpr bool contains(Pos<Tag> p) const { return start <= p && p < end; }
  // True when all of o lies inside this range (an empty o is contained when its start is).
  constexpr bool contains(const Range& o) const { return start <= o.start && o.end <= end; }
  // True when the two ranges share at least one unit.
  constexpr bool overlaps(const Range& o) const { return !empty() && !o.empty() && start < o.end && o.start < end; }
  // True when this range ends exactly where o starts (adjacent, no gap, no overlap).
  constexpr bool meets(const Range& o) const { return end == o.start; }
  // True when this range ends at or before o starts (possibly with a gap).
  constexpr bool before(const Range& o) const { return end <= o.start; }
  // The shared part of the two ranges; empty when they do not overlap.
  constexpr Range intersection(const Range& o) const {
    return {std::max(start, o.start), std::max(std::max(start, o.start), std::min(end, o.end))};
  }
  // This range moved by d.
  constexpr Range shifted(Count<Tag> d) const { return {start + d, end + d}; }

  friend constexpr bool operator==(const Range&, const Range&) = default;
};

// Half-open range of timeline frames.
using FrameRange = Range<FrameTag>;
// Half-open range of 48 kHz samples.
using SampleRange = Range<SampleTag>;

}  // namespace postline::time
