// postline-cli frame: one sequence frame through the GL pipeline to a PNG, with scopes (docs/CLI.md).
#include <iostream>

#include "app/cli/render_session.h"
#include "core/media/ffmpeg/media_writer.h"
#include "core/render/scope_image.h"
#include "core/render/scopes.h"
#include "core/time/timecode.h"

namespace postline::cli {
namespace {

// The scopes of the rendered 8-bit frame as a PNG.
base::Result<void> writeScopes(const std::vector<std::uint8_t>& rgba, int w, int h, const std::string& file) {
  render::FrameView view;
  view.rgba8 = rgba.data();
  view.width = w;
  view.height = h;
  const render::Scopes scopes = render::computeScopes(view);
  int sw = 0;
  int sh = 0;
  const std::vector<std::uint8_t> picture = render::renderScopesImage(scopes, sw, sh);
  return media::ffmpeg::writePng(file, sw, sh, picture);
}

}  // namespace

int runFrame(const Args& args) {
  const auto out = args.value("--out");
  const auto at = args.value("--at");
  if (args.positional.size() != 1 || !out || out->empty() || !at) {
    return usageError("frame needs PROJECT, --at TIMECODE and --out FRAME.png");
  }
  const std::string depth = args.value("--depth").value_or("8");
  if (depth != "8" && depth != "16") return usageError("--depth must be 8 or 16");
  const auto working = depth == "16" ? render::gl::TexFormat::Rgba32F : render::gl::TexFormat::Rgba16F;
  auto session = openRenderSession(args.positional[0], args.value("--sequence"), working);
  if (!session) return fail(session.error());
  RenderSession& s = *session.value();
  auto frame = time::parseTimecode(*at, s.sequence->settings.frameRate);
  if (!frame) return usageError("--at: " + frame.error().message);
  const auto end = s.sequence->end();
  if (!(frame.value() < end)) {
    return usageError("--at " + *at + " is not before the end of '" + s.sequence->name + "' (" +
                      time::formatTimecode(end, s.sequence->settings.frameRate) + ")");
  }
  if (auto r = s.renderFrame(frame.value()); !r) return fail(r.error());
  const int w = s.sequence->settings.width;
  const int h = s.sequence->settings.height;
  const std::vector<std::uint8_t> rgba8 = s.renderer->readRgba8();
  const base::Result<void> written = depth == "16" ? media::ffmpeg::writePng16(*out, w, h, s.renderer->readRgba16())
                                                   : media::ffmpeg::writePng(*out, w, h, rgba8);
  if (!written) return fail(written.error());
  if (const auto scopes = args.value("--scopes")) {
    if (auto r = writeScopes(rgba8, w, h, *scopes); !r) return fail(r.error());
  }
  std::cout << "frame " << *at << " of '" << s.sequence->name << "' written to " << *out << "\n";
  return kExitOk;
}

}  // namespace postline::cli
