#include "app/cli/render_session.h"

#include <iostream>

#include "core/project/project_file.h"
#include "core/render/frame_plan.h"

namespace postline::cli {

using base::ErrorCode;
using base::makeError;

base::Result<std::unique_ptr<render::gl::ContextProvider>> headlessContext() {
  auto ctx = render::gl::createEglSurfacelessContext();
  if (!ctx) {
    return makeError(ErrorCode::NotFound, "no OpenGL for rendering (" + ctx.error().message +
                                              "); install Mesa's EGL and llvmpipe (packaging/install-deps.sh)");
  }
  PL_TRY(ctx.value()->makeCurrent());
  return std::move(ctx.value());
}

std::string displayOf(const model::Sequence& sequence) {
  return sequence.settings.colorSpace == model::ColorSpace::Rec2020 ? "Rec.2020" : "Rec.709";
}

void printWarnings(const render::RenderReport& report, std::set<std::string>& warned) {
  for (const std::string& w : report.warnings) {
    if (warned.insert(w).second) std::cerr << "postline-cli: warning: " << w << "\n";
  }
}

RenderSession::~RenderSession() {
  renderer.reset();  // GL objects go while the context is still current
  if (context) context->doneCurrent();
}

base::Result<void> RenderSession::renderFrame(time::FramePos frame) {
  PL_TRY_ASSIGN(plan, render::planFrame(render::Snapshot{project, sequence->id}, frame));
  PL_TRY_ASSIGN(report, renderer->render(plan, sequence->settings.timelineGrade, pictures, frame.value));
  printWarnings(report, warned);
  return {};
}

base::Result<std::unique_ptr<RenderSession>> openRenderSession(const std::string& projectFile,
                                                               const std::optional<std::string>& sequenceName,
                                                               render::gl::TexFormat working, bool forEncoder) {
  PL_TRY_ASSIGN(loaded, project::loadProject(projectFile));
  auto session = std::make_unique<RenderSession>();
  session->project = std::make_shared<const model::Project>(std::move(loaded.project));
  PL_TRY_ASSIGN(sequence, findSequence(*session->project, sequenceName, projectFile));
  session->sequence = sequence;
  PL_TRY_ASSIGN(ctx, headlessContext());
  session->context = std::move(ctx);
  const model::SequenceSettings& st = session->sequence->settings;
  render::RenderOptions opt{st.width, st.height, displayOf(*session->sequence), working};
  opt.lumaInFinish = forEncoder;
  PL_TRY_ASSIGN(renderer, render::FrameRenderer::create(opt));
  session->renderer = std::move(renderer);
  return session;
}

}  // namespace postline::cli
