#pragma once
// What this FFmpeg build can encode, asked without libav types (the preset loader validates
// preset files with it; libav headers stay in core/export/ffmpeg).
#include <string>

namespace postline::exporting::ffmpeg {

enum class EncoderKind { Video, Audio };

// True when this FFmpeg has an encoder named `name` ("libx264", "aac") for `kind`.
bool hasEncoder(const std::string& name, EncoderKind kind);
// True when video encoder `name` can pad its stream to a constant bitrate (x264's nal-hrd=cbr).
bool canPadToBitRate(const std::string& name);
// True when `pixFmt` is a pixel format libav knows ("yuv422p10le").
bool knownPixelFormat(const std::string& pixFmt);
// The pixel formats encoder `name` accepts, comma-separated; "" when it does not say (or is unknown).
std::string acceptedPixelFormats(const std::string& name);
// True when encoder `name` accepts `pixFmt` (or does not list its formats).
bool encoderTakesPixelFormat(const std::string& name, const std::string& pixFmt);
// True when libav knows the colour tag: field "primaries" ("bt709", "bt2020"), "transfer"
// ("bt709", "smpte2084", ...) or "matrix" ("bt709", "bt2020" = bt2020nc, ...).
bool knownColorTag(const std::string& field, const std::string& value);

}  // namespace postline::exporting::ffmpeg
