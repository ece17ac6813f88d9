#pragma once
#include <string>

namespace postline::model {

// Shot and take numbers read from a clip name; 0 where the name has none.
struct ShotTake {
  int shot = 0;
  int take = 0;
};

// Reads "Shot_01_Take_03", "shot-1 take 3", "SHOT01_TAKE3.mp4", "sh010_tk2" (case-insensitive;
// '_', '-', ' ' or nothing between word and number). Numbers above 99999 are ignored.
ShotTake parseShotTake(const std::string& name);

}  // namespace postline::model
