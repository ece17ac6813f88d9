#pragma once
// Text titles to pixels: the only place in Postline that knows FreeType.
#include <filesystem>
#include <string>

#include "core/base/result.h"
#include "core/media/media_types.h"
#include "core/model/title.h"

namespace postline::render {

// The font file of family `family` ("DejaVu Sans": the Book/Regular face): searched in
// /usr/share/fonts/truetype/dejavu first, then /usr/share/fonts recursively. NotFound naming the font.
base::Result<std::filesystem::path> findFontFile(const std::string& family);

// `spec` drawn into a width x height 8-bit RGBA picture (FrameFormat::Rgba, one plane, straight
// alpha, colour tags "unknown" = Rec.709 code values): lines centred on each other, the block centred
// on (x * width, y * height), anti-aliased coverage times the colour's alpha, with an optional soft
// black drop shadow (60 % alpha, offset size/15). NotFound for an unknown font; InvalidArgument for
// a size outside 1..16384 or text that is not valid UTF-8.
base::Result<media::VideoFramePtr> rasterizeTitle(const model::TitleSpec& spec, int width, int height);

}  // namespace postline::render
