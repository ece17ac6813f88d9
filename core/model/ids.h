#pragma once
#include <compare>
#include <cstdint>
#include <functional>

namespace postline::model {

// A stable identifier, unique within a project and never reused while the project lives
// (ids come from Project::nextId). 0 means "none".
template <class Tag>
struct Id {
  std::uint64_t value = 0;

  constexpr bool valid() const { return value != 0; }
  friend constexpr auto operator<=>(Id, Id) = default;
};

using BinId = Id<struct BinTag>;
using MediaId = Id<struct MediaTag>;
using SequenceId = Id<struct SequenceTag>;
using TrackId = Id<struct TrackTag>;
using ClipId = Id<struct ClipTag>;
using TransitionId = Id<struct TransitionTag>;
using MarkerId = Id<struct MarkerTag>;

}  // namespace postline::model

template <class Tag>
struct std::hash<postline::model::Id<Tag>> {
  std::size_t operator()(postline::model::Id<Tag> id) const noexcept { return std::hash<std::uint64_t>{}(id.value); }
};
