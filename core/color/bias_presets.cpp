#include "core/color/bias_presets.h"

namespace postline::color {
namespace {

BiasPreset coolBias() {
  BiasPreset p{"cool-bias", "Cool generator bias",
               "For footage that came out too cool and slightly green: warms the white balance, adds "
               "a touch of magenta and pulls blue out of the highlights.",
               {}};
  p.normalise.temperature = 14.0;
  p.normalise.tint = 6.0;
  p.normalise.gain = {1.02, 1.0, 0.96, 1.0};
  return p;
}

BiasPreset warmBias() {
  BiasPreset p{"warm-bias", "Warm generator bias",
               "For footage that came out too warm and orange: cools the white balance, brings the "
               "red out of the highlights and lowers exposure a little.",
               {}};
  p.normalise.temperature = -14.0;
  p.normalise.tint = -3.0;
  p.normalise.exposure = -0.1;
  p.normalise.gain = {0.96, 1.0, 1.03, 1.0};
  return p;
}

}  // namespace

const std::vector<BiasPreset>& biasPresets() {
  static const std::vector<BiasPreset> presets{coolBias(), warmBias()};
  return presets;
}

}  // namespace postline::color
