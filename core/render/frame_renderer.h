#pragma once
// Renders a FramePlan into pixels with the one GLSL pipeline preview and export share:
// decoded planes -> YUV->R'G'B' (the stream's matrix, range, bit depth) -> OCIO input transform
// -> clip grade -> "over" composite (placement, dissolves, alpha) -> timeline grade -> film look
// -> OCIO output transform (Rec.709 or Rec.2020) -> readback as RGBA8/RGBA16 or Y'CbCr 4:2:0.
// Every call needs the same GL context current on the calling thread (create, render, read, destroy).
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/color/grade.h"
#include "core/media/media_types.h"
#include "core/render/frame_plan.h"
#include "core/render/gl/gl_objects.h"
#include "core/render/gl/ocio_textures.h"
#include "core/render/grade_pass.h"
#include "core/render/source_format.h"

namespace postline::render {

// Where the pictures of a plan's layers come from (decoders in the editor and CLI, synthetic
// frames in tests).
class PictureSource {
 public:
  virtual ~PictureSource() = default;
  // The decoded picture a layer shows; an error names the file.
  virtual base::Result<media::VideoFramePtr> picture(const Layer& layer) = 0;
};

// The output of the pipeline.
struct RenderOptions {
  int width = 1920;                       // output pixels
  int height = 1080;
  std::string display = "Rec.709";        // OCIO output: "Rec.709" or "Rec.2020"
  gl::TexFormat working = gl::TexFormat::Rgba16F;  // intermediate targets (Rgba32F for exact tests)
  // Compile only the grade and film sections that are not the identity (renders, exports: fast);
  // false for an interactive viewer, where every slider must stay a uniform change.
  bool specialise = true;
  // Write the Y' plane of the 4:2:0 output in the timeline pass itself (for encoders that call
  // readYuv420 on every frame: one full-size pass less).
  bool lumaInFinish = false;
};

// What a render did besides drawing: operations bypassed (a missing LUT, an unreadable layer).
struct RenderReport {
  std::vector<std::string> warnings;      // one sentence each, naming the file and the problem
};

class FrameRenderer {
 public:
  // Allocates the targets; InvalidArgument for a size outside 1..16384, NotFound for an unknown display.
  static base::Result<std::unique_ptr<FrameRenderer>> create(const RenderOptions& options);
  ~FrameRenderer();

  // Renders `plan` (layers bottom to top) with the timeline grade; `frameIndex` seeds the grain.
  // A layer whose picture cannot be had or a grade operation that fails is bypassed and reported.
  base::Result<RenderReport> render(const FramePlan& plan, const color::TimelineGrade& timeline,
                                    PictureSource& pictures, std::int64_t frameIndex);

  // The last rendered frame in output code values, row 0 at the top.
  std::vector<std::uint8_t> readRgba8() const;
  std::vector<std::uint16_t> readRgba16() const;
  std::vector<float> readRgbaF() const;
  // The last frame as 8-bit limited-range Y'CbCr 4:2:0 (the display's matrix): Y width x height,
  // Cb and Cr (width/2) x (height/2) (width and height must be even).
  base::Result<void> readYuv420(std::vector<std::uint8_t>& y, std::vector<std::uint8_t>& cb,
                                std::vector<std::uint8_t>& cr);

  const RenderOptions& options() const { return m_options; }

 private:
  struct SourceTextures;
  explicit FrameRenderer(const RenderOptions& options);
  base::Result<void> init();
  base::Result<const gl::Program*> program(const std::string& name, const std::string& source);
  // Draws one layer into the composite, "over" what is there when `blend` (else replacing it).
  base::Result<void> drawLayer(const Layer& layer, const media::VideoFrame& frame, bool blend);
  base::Result<void> uploadPlanes(const media::VideoFrame& frame, const SourceFormat& fmt);
  void setSourceUniforms(const gl::Program& prog, const SourceFormat& fmt) const;
  base::Result<void> finish(const color::TimelineGrade& timeline, std::int64_t frameIndex);
  // The composite through the timeline grade into m_graded (halation needs it before the film pass).
  base::Result<const gl::Texture*> gradeForHalation(const color::TimelineGrade& timeline, const std::string& gradeSource);
  base::Result<void> drawYuvPlane(gl::RenderTarget& target, bool luma);
  base::Result<void> ensureYuvTargets();
  void setYuvUniforms(const gl::Program& prog) const;

  RenderOptions m_options;
  gl::RenderTarget m_composite;   // working space, premultiplied
  gl::RenderTarget m_graded;      // timeline-graded working space (only when halation is on)
  gl::RenderTarget m_output;      // output code values
  gl::RenderTarget m_planeY, m_planeCbCr;
  std::unique_ptr<SourceTextures> m_sources;
  std::map<std::string, gl::Program> m_programs;  // by full fragment source
  gl::OcioTextures m_ocio;
  GradeRenderer m_grades;
};

}  // namespace postline::render
