#pragma once
// What the render, frame and grade commands share: a loaded project and sequence, a headless GL
// context, and a FrameRenderer drawing its frames.
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "app/cli/cli_common.h"
#include "core/model/project.h"
#include "core/render/decoded_pictures.h"
#include "core/render/frame_renderer.h"
#include "core/render/gl/context.h"

namespace postline::cli {

struct RenderSession {
  std::shared_ptr<const model::Project> project;
  const model::Sequence* sequence = nullptr;
  std::unique_ptr<render::gl::ContextProvider> context;
  std::unique_ptr<render::FrameRenderer> renderer;
  render::DecodedPictures pictures;
  std::set<std::string> warned;  // warnings already printed

  // Renders sequence frame `frame` into the renderer (warnings printed once each to stderr).
  base::Result<void> renderFrame(time::FramePos frame);
  ~RenderSession();
};

// Loads `projectFile`, picks the sequence named `sequenceName` (or the first), makes a headless GL
// context current on this thread and a renderer at the sequence's size (working format `working`;
// `forEncoder`: the renderer writes Y'CbCr planes for every frame).
base::Result<std::unique_ptr<RenderSession>> openRenderSession(const std::string& projectFile,
                                                               const std::optional<std::string>& sequenceName,
                                                               render::gl::TexFormat working, bool forEncoder = false);

// A headless GL context made current on this thread; the error says what is missing.
base::Result<std::unique_ptr<render::gl::ContextProvider>> headlessContext();

// The OCIO display a sequence delivers in ("Rec.709" or "Rec.2020").
std::string displayOf(const model::Sequence& sequence);

// Prints each warning of `report` once (per session) to stderr.
void printWarnings(const render::RenderReport& report, std::set<std::string>& warned);

}  // namespace postline::cli
