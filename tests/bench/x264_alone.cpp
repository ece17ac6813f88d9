// "x264 alone on the same frames": the encode baseline for the export figures. Reads raw
// yuv420p frames (8-bit, planes Y then U then V, no padding) from a file and encodes them, video
// only, with the same exporting::Encoder the export uses; prints the frame count and the rate.
//   postline_x264_alone in.yuv width height fps_num fps_den out.mp4 [preset=medium] [crf=18]
//   postline_x264_alone in.yuv width height fps_num fps_den out.mp4 --delivery PRESET_ID
// The second form encodes with a delivery preset's video settings (rate control, profile, GOP,
// colour tags), exactly as `postline-cli export --preset PRESET_ID` configures its encoder.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "core/export/encoder.h"
#include "core/export/preset.h"

namespace {

using namespace postline;
using Clock = std::chrono::steady_clock;

int fail(const std::string& message) {
  std::fprintf(stderr, "postline_x264_alone: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 7) {
    return fail("usage: postline_x264_alone in.yuv width height fps_num fps_den out.mp4 [preset] [crf]");
  }
  exporting::EncoderSettings s;
  s.width = std::atoi(argv[2]);
  s.height = std::atoi(argv[3]);
  auto fps = time::Rational::make(std::atoll(argv[4]), std::atoll(argv[5]));
  if (!fps.ok()) return fail(fps.error().message);
  s.fps = fps.value();
  s.audio = false;
  if (argc > 8 && std::string(argv[7]) == "--delivery") {
    auto presets = exporting::loadPresets();
    if (!presets.ok()) return fail(presets.error().message);
    auto preset = exporting::findPreset(presets.value(), argv[8]);
    if (!preset.ok()) return fail(preset.error().message);
    s = exporting::encoderSettingsFor(preset.value(), s.width, s.height, s.fps);
    s.audio = false;
  } else {
    if (argc > 7) s.preset = argv[7];
    if (argc > 8) s.crf = std::atoi(argv[8]);
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) return fail(std::string(argv[1]) + ": cannot open");
  auto enc = exporting::Encoder::open(argv[6], s);
  if (!enc.ok()) return fail(enc.error().message);

  const std::size_t ySize = static_cast<std::size_t>(s.width) * s.height;
  const std::size_t cSize = static_cast<std::size_t>(s.width / 2) * (s.height / 2);
  std::vector<std::uint8_t> frame(ySize + 2 * cSize);
  Clock::duration encoding{};
  const Clock::time_point start = Clock::now();
  while (in.read(reinterpret_cast<char*>(frame.data()), static_cast<std::streamsize>(frame.size()))) {
    const Clock::time_point t = Clock::now();
    auto r = enc.value()->pushYuv420(frame.data(), s.width, frame.data() + ySize, s.width / 2,
                                     frame.data() + ySize + cSize, s.width / 2);
    encoding += Clock::now() - t;
    if (!r.ok()) return fail(r.error().message);
  }
  const Clock::time_point t = Clock::now();
  auto done = enc.value()->finish();
  encoding += Clock::now() - t;
  if (!done.ok()) return fail(done.error().message);
  const double total = std::chrono::duration<double>(Clock::now() - start).count();
  const double encSeconds = std::chrono::duration<double>(encoding).count();
  const auto frames = enc.value()->framesPushed();
  std::printf("frames %lld encode_s %.3f encode_fps %.2f total_s %.3f total_fps %.2f preset %s crf %d\n",
              static_cast<long long>(frames), encSeconds, frames / encSeconds, total, frames / total, s.preset.c_str(), s.crf);
  return 0;
}
