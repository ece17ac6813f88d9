#pragma once
// Colour match of a timeline ("normalise all"): each video clip's picture is matched to one
// reference picture (a still from 04_Reference or a frame of a clip) and gets editable
// Normalise values (white balance, exposure, contrast, lift/gamma/gain), never a baked LUT.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

#include "core/base/result.h"
#include "core/color/grade.h"
#include "core/color/image.h"
#include "core/media/media_types.h"
#include "core/render/frame_renderer.h"
#include "core/render/snapshot.h"

namespace postline::render {

// A decoded picture in the working space (linear Rec.709) on the CPU, reduced to at most
// `maxWidth` pixels across: its code values through the OCIO input transform its tags name.
base::Result<color::ImageF> workingPicture(const media::VideoFrame& frame, int maxWidth = 480);

// The reference: frame `frameIndex` of `file` (0 for a still) in the working space.
base::Result<color::ImageF> referencePicture(const std::filesystem::path& file, std::int64_t frameIndex = 0);

// One clip's match.
struct ClipMatch {
  model::ClipId clip;
  color::Normalise normalise;
};

// The reference picture a clip (of media item `media`) is matched to, or nullptr to leave it alone.
using ReferenceFor = std::function<const color::ImageF*(const model::MediaItem& media)>;

// Matches every enabled clip on the snapshot's video tracks (its picture at the middle of its
// time on the timeline) to its reference; clips without one, and titles, are not listed. NotFound/Parse name
// the file that could not be read.
base::Result<std::vector<ClipMatch>> normaliseAll(const Snapshot& snapshot, const ReferenceFor& referenceFor,
                                                  PictureSource& pictures);

}  // namespace postline::render
