// postline-cli probe: what media files hold, as text or JSON (docs/CLI.md).
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/cli_common.h"
#include "core/media/prober.h"

namespace postline::cli {

using nlohmann::ordered_json;

namespace {

ordered_json videoJson(const media::VideoStreamInfo& v) {
  return {{"codec", v.codec}, {"profile", v.profile}, {"pix_fmt", v.pixFmt}, {"bit_depth", v.bitDepth},
          {"width", v.width}, {"height", v.height}, {"display_width", v.displayWidth},
          {"display_height", v.displayHeight}, {"rotation", v.rotation}, {"frame_rate", v.frameRate.toString()},
          {"variable_frame_rate", v.variableFrameRate}, {"frames", v.frames},
          {"color", {{"primaries", v.color.primaries}, {"transfer", v.color.transfer},
                     {"matrix", v.color.matrix}, {"range", v.color.range}}}};
}

ordered_json audioJson(const media::AudioStreamInfo& a) {
  return {{"codec", a.codec}, {"sample_rate", a.sampleRate}, {"channels", a.channels}, {"layout", a.layout},
          {"duration_s", a.durationS}};
}

ordered_json probeJson(const media::ProbeResult& r) {
  ordered_json j{{"file", r.file}, {"container", r.container}, {"duration_s", r.durationS}, {"still", r.still},
                 {"video", nullptr}, {"audio", nullptr}, {"warnings", r.warnings}, {"generator", nullptr}};
  if (r.video) j["video"] = videoJson(*r.video);
  if (r.audio) j["audio"] = audioJson(*r.audio);
  if (r.generator) j["generator"] = *r.generator;
  return j;
}

void printText(const media::ProbeResult& r) {
  std::cout << r.file << "\n  container  " << r.container << ", " << fixed(r.durationS, 3) << " s"
            << (r.still ? " (still image)" : "") << "\n";
  if (r.video) {
    const media::VideoStreamInfo& v = *r.video;
    std::cout << "  video      " << v.codec << (v.profile.empty() ? "" : " " + v.profile) << ", " << v.pixFmt << " ("
              << v.bitDepth << "-bit), " << v.width << "x" << v.height;
    if (v.displayWidth != v.width || v.displayHeight != v.height || v.rotation != 0) {
      std::cout << " shown " << v.displayWidth << "x" << v.displayHeight;
      if (v.rotation != 0) std::cout << " (rotated " << v.rotation << ")";
      if (v.sampleAspect != time::Rational(1)) std::cout << " (pixel aspect " << v.sampleAspect.toString() << ")";
    }
    if (!r.still) {
      std::cout << ", " << v.frameRate.toString() << " fps (" << fixed(v.frameRate.toDouble(), 3) << ")"
                << (v.variableFrameRate ? " VARIABLE" : "") << ", " << v.frames << " frames";
    }
    std::cout << "\n  colour     " << v.color.primaries << " / " << v.color.transfer << " / " << v.color.matrix
              << ", range " << v.color.range << "\n";
  }
  if (r.audio) {
    const media::AudioStreamInfo& a = *r.audio;
    std::cout << "  audio      " << a.codec << ", " << a.sampleRate << " Hz, " << a.layout << " (" << a.channels
              << " ch), " << fixed(a.durationS, 3) << " s\n";
  }
  if (r.generator) std::cout << "  generator  " << *r.generator << "\n";
  for (const std::string& w : r.warnings) std::cout << "  warning    " << w << "\n";
}

}  // namespace

int runProbe(const Args& args) {
  for (const std::string& f : args.flags) {
    if (f != "--json") return usageError("probe: unknown option '" + f + "'");
  }
  if (args.positional.empty()) return usageError("probe needs at least one FILE");
  const bool json = args.has("--json");
  int status = kExitOk;
  ordered_json all = ordered_json::array();
  for (const std::string& file : args.positional) {
    base::Result<media::ProbeResult> r = media::probe(file);
    if (!r.ok()) {
      status = fail(r.error());
      continue;
    }
    r->file = file;  // as given on the command line
    if (json) all.push_back(probeJson(r.value()));
    else printText(r.value());
  }
  if (json && !all.empty()) std::cout << (args.positional.size() == 1 ? all.front() : all).dump(2) << "\n";
  return status;
}

}  // namespace postline::cli
