#pragma once
// How a decoded picture's samples become R'G'B' code values: plane storage, the Y'CbCr matrix
// and range, and the colour space its tags name (for the OCIO input transform).
#include <string>

#include "core/media/media_types.h"

namespace postline::render {

struct SourceFormat {
  bool yuv = true;            // planar Y'CbCr (else one RGBA plane, straight alpha)
  float maxCode = 255.0f;     // integer value of a normalised 1.0 in the plane textures (255 or 65535)
  float lumaOffset = 16.0f;   // Y' = (Y - lumaOffset) / lumaScale, in integer code values
  float lumaScale = 219.0f;
  float chromaOffset = 128.0f;  // C = (C - chromaOffset) / chromaScale
  float chromaScale = 224.0f;
  float kr = 0.2126f;         // the matrix's luma weights of red and blue
  float kb = 0.0722f;
  std::string colorSpace;     // OCIO input colour space name (core/color/ocio)
};

// The format of `frame`. Limited (tv) range unless tagged "pc"; matrix from the tag (bt709, bt601
// family, bt2020), untagged pictures use BT.709 from 720 lines up and BT.601 below. Untagged
// pictures (and RGBA stills and graphics, usually untagged) are Rec.709 code values, so a PNG's
// pixel values come out unchanged in a Rec.709 delivery, as in other video tools.
SourceFormat sourceFormat(const media::VideoFrame& frame);

// Kr, Kb of the Y'CbCr matrix an output display encodes with ("Rec.2020" -> BT.2020, else BT.709).
std::pair<float, float> displayLumaWeights(const std::string& display);

}  // namespace postline::render
