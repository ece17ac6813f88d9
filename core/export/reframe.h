#pragma once
// Reframing: a 16:9 sequence delivered at 4:5, 9:16 or 1:1 (or any other aspect) through a crop
// window per clip that follows the clip's centre of interest (docs/ARCHITECTURE.md "Reframing"
// states the method), overridden per clip by model::ReframeKey keyframes, or letterboxed.
//
// Coordinates: a Window is a rectangle of the SEQUENCE frame in sequence-normalised units (0..1
// across and down, y down). windowTransform maps delivery-frame-normalised points into it, so a
// planned layer's transform (output -> source, render/reframe_geometry.h) composed with it draws
// that window of the sequence frame into the whole delivery frame.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/model/ids.h"
#include "core/model/project.h"
#include "core/render/frame_plan.h"
#include "core/time/time_range.h"
#include "core/time/units.h"

namespace postline::exporting {

enum class ReframeMode {
  Auto,       // follow each clip's centre of interest (keys override)
  Centre,     // a fixed centred window (keys override)
  Letterbox,  // the whole sequence frame fitted inside the delivery frame, bars outside
};
const char* reframeModeName(ReframeMode mode);           // "auto", "centre", "letterbox"
base::Result<ReframeMode> parseReframeMode(const std::string& name);  // InvalidArgument lists the names

// "9x16", "4x5", "1x1", "16x9": width:height reduced (1080x1920 -> "9x16"); the key of ReframeKey::aspect.
std::string aspectName(int width, int height);

struct Window {
  double cx = 0.5;   // centre, sequence-normalised
  double cy = 0.5;
  double w = 1.0;    // size, sequence-normalised (> 0)
  double h = 1.0;
  friend bool operator==(const Window&, const Window&) = default;
};

// Delivery-normalised -> sequence-normalised affine map of `window`.
render::Mat3 windowTransform(const Window& window);
// a * b: first b, then a (apply(a*b, p) == apply(a, apply(b, p))).
render::Mat3 composeTransforms(const render::Mat3& a, const render::Mat3& b);

// The largest window of the delivery aspect (outWidth:outHeight, in pixels) inside a sequence frame
// of seqWidth x seqHeight, centred at (cx, cy) and clamped so it stays inside the frame.
Window cropWindow(int seqWidth, int seqHeight, int outWidth, int outHeight, double cx, double cy);
// The letterbox window: the whole sequence frame fitted inside the delivery frame (w or h > 1).
Window letterboxWindow(int seqWidth, int seqHeight, int outWidth, int outHeight);

// The centre of interest of one analysed source picture.
struct InterestSample {
  std::int64_t sourceFrame = 0;  // picture index in the file
  double x = 0.5;                // source-normalised (0..1, y down)
  double y = 0.5;
  double confidence = 0.0;       // 0..1: how concentrated the interest is (0 = flat picture)
};

// Analyses the pictures [firstFrame, lastFrame] of a video file at reduced size (saliency + motion,
// the method in docs/ARCHITECTURE.md), every `step`-th picture; raw per-picture centres, unsmoothed.
// Errors name the file. `progress` (0..1) is called as pictures are analysed. Results are cached
// per (file as it is on disk, range, step) for the life of the process, so several deliveries of
// one sequence decode each clip once.
base::Result<std::vector<InterestSample>> analyseInterest(const std::filesystem::path& file, std::int64_t firstFrame,
                                                          std::int64_t lastFrame, int step = 1,
                                                          const std::function<void(double)>& progress = {});

// How one clip is reframed, for reports, the CLI and tests.
struct ClipReframe {
  model::ClipId clip;
  std::string name;
  std::string how;             // "auto", "keys", "centre", "letterbox", "title" (laid out for the delivery frame)
  time::FramePos first;        // first sequence frame the clip is drawn (its dissolve handles included)
  time::FrameCount frames{0};  // frames drawn from `first`
  std::size_t keys = 0;        // keys used ("keys" only)
  Window window;               // the window size (w, h), and its centre at `first`
  double minX = 0.5, maxX = 0.5, minY = 0.5, maxY = 0.5;  // range of the window centre over those frames
};

// The windows of every video clip of a sequence for one delivery size, planned once (analysis
// included) and then asked per frame. Immutable after create(); safe to read from any thread.
// A clip's keys for the delivery's aspect (its reduced name, or an aspect within 0.5 % of it)
// replace the analysis in Auto and Centre modes. Titles are not cropped: apply() lays them out
// afresh for the delivery frame (see apply).
class Reframer {
 public:
  // Identity when the delivery has the sequence's aspect (within 1 %) and mode is not Letterbox.
  // `progress` (0..1) is called during analysis. Errors name the clip and its file. With `only`,
  // clips drawn entirely outside that range of sequence frames are left out (an export of a range
  // analyses only what it delivers; a missing file elsewhere in the sequence does not matter).
  static base::Result<std::unique_ptr<Reframer>> create(const model::Project& project, model::SequenceId sequence,
                                                        int outWidth, int outHeight, ReframeMode mode,
                                                        const std::function<void(double)>& progress = {},
                                                        const std::optional<time::FrameRange>& only = std::nullopt);
  ~Reframer();

  bool identity() const;
  // The window of `clip` at sequence frame `frame` (a fixed window for unknown clips and titles).
  Window windowAt(model::ClipId clip, time::FramePos frame) const;
  // Rewrites every layer of `plan` (planned at the sequence size) for the delivery frame:
  // transform = layer.transform * windowTransform(windowAt(layer.clip, plan.frame)), and the plan's
  // and layers' frame size become the delivery size. No-op when identity(). Title layers (except
  // in Letterbox mode, where they are boxed like the rest) keep their position as fractions of
  // the delivery frame, with their placement recomputed for it, and their font size scaled by
  // min(1, delivery aspect / sequence aspect) so a line is no wider, relative to the frame, than
  // it was in the sequence: text is never cut by the window.
  void apply(render::FramePlan& plan) const;
  // One line per clip for reports and the CLI: "Shot_01_Take_02: auto, x 0.31..0.62".
  std::vector<std::string> describe() const;
  // The clips of the sequence's visible video tracks, bottom track first, in timeline order.
  std::vector<ClipReframe> clips() const;

 private:
  struct Impl;
  explicit Reframer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace postline::exporting
