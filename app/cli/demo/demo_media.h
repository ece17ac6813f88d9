#pragma once
// Renders the demo project's media (the seed's "Origin Coffee Commercial") with libav:
// four shots with two to four takes each, music, voice-over, effects, ambience, a logo and a
// colour reference still.
#include <filesystem>
#include <vector>

#include "core/base/result.h"

namespace postline::cli::demo {

// Picture size and take length of the rendered clips.
struct DemoSize {
  int width = 1920;
  int height = 1080;
  double secondsScale = 1.0;   // 1 = 5-8 s takes; smaller for quick test renders
};

// What was written, by where it belongs.
struct DemoMedia {
  std::vector<std::filesystem::path> clips;      // takes, sources for 01_Source_Clips
  std::vector<std::filesystem::path> sounds;     // music, voice-over, effects, ambience
  std::vector<std::filesystem::path> graphics;   // the logo
  std::filesystem::path reference;               // the colour reference still (04_Reference)
  std::vector<std::filesystem::path> keyframes;  // Shot_0N_Keyframe.png: the look each shot was generated from (04_Reference)
  std::filesystem::path music, pour, birds, ambience;
  std::vector<std::filesystem::path> voiceOver;  // the lines of the voice-over, in order
};

// Renders everything into `dir` (created). Uses espeak-ng for the voice-over when installed.
base::Result<DemoMedia> renderDemoMedia(const std::filesystem::path& dir, const DemoSize& size);

}  // namespace postline::cli::demo
