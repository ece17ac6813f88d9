#pragma once
// The pieces of one export run (internal to core/export: export_job.cpp plans and finishes,
// export_loop.cpp renders and feeds).
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/export/conform.h"
#include "core/export/delivery_mix.h"
#include "core/export/encode_worker.h"
#include "core/export/export_job.h"
#include "core/render/decoded_pictures.h"
#include "core/render/frame_renderer.h"

namespace postline::exporting::detail {

// One preset being delivered.
struct Delivery {
  Preset preset;
  int width = 0;                    // delivered frame
  int height = 0;
  time::Rational fps{24};
  std::int64_t seqFrames = 0;       // sequence frames it covers from the range's start (trim may shorten)
  std::optional<Conform> conform;
  std::size_t group = 0;            // index into Run::groups
  std::size_t mix = 0;              // index into Run::mixes
  std::unique_ptr<EncodeWorker> worker;
  std::int64_t nextOut = 0;         // next delivered frame to hand over
  JobOutcome outcome;
  bool active = false;              // still being fed
};

// One render geometry: drawn once per sequence frame for every delivery that shares it.
struct Group {
  int renderWidth = 0;
  int renderHeight = 0;
  int aspectWidth = 0;              // the delivery frame the window is cut for
  int aspectHeight = 0;
  std::unique_ptr<Reframer> reframer;
  std::unique_ptr<render::FrameRenderer> renderer;
  bool needYuv = false;             // some encoder takes the 4:2:0 planes
  bool needRgba16 = false;          // some encoder takes 16-bit RGBA (10-bit and 4:2:2 masters)
  PicturePtr previous, current;     // the last two rendered frames (blend conform)
};

struct Run {
  const ExportRequest* request = nullptr;
  const ExportEvents* events = nullptr;
  const model::Sequence* sequence = nullptr;
  time::FrameRange range;
  std::vector<Delivery> deliveries;
  std::vector<Group> groups;
  std::vector<DeliveryMix> mixes;
  render::DecodedPictures pictures;
  std::chrono::steady_clock::time_point start;
  bool cancelled = false;
};

// Renders every frame of the range and feeds the active deliveries (export_loop.cpp).
void renderAndFeed(Run& run);
// Marks delivery `d` failed with `message` and stops feeding it (its partial file is removed).
void failDelivery(Delivery& d, const std::string& message);

}  // namespace postline::exporting::detail
