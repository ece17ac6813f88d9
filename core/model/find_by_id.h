#pragma once
// The one lookup of model items by id (bins, media, sequences, tracks, clips, transitions, markers).
#include <algorithm>
#include <vector>

namespace postline::model {

// Iterator to the item of `items` whose id is `id`, or items.end().
template <class Items, class IdT>
auto findById(Items& items, IdT id) {
  return std::find_if(items.begin(), items.end(), [id](const auto& item) { return item.id == id; });
}

// The item of `items` whose id is `id`, or nullptr.
template <class T, class IdT>
const T* findPtrById(const std::vector<T>& items, IdT id) {
  auto it = findById(items, id);
  return it == items.end() ? nullptr : &*it;
}

}  // namespace postline::model
