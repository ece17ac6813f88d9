#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/model/ids.h"

namespace postline::model {

// A folder of media in the project. Root bins have parent == BinId{} (none).
struct Bin {
  BinId id;
  std::string name;
  BinId parent;                  // none for the five standard bins
  std::vector<MediaId> items;    // in display order

  friend bool operator==(const Bin&, const Bin&) = default;
};

// The five root bins every project has, in order.
inline const std::array<const char*, 5> kStandardBins = {"01_Source_Clips", "02_Audio", "03_Graphics",
                                                          "04_Reference", "05_Exports"};

}  // namespace postline::model
