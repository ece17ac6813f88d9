#include "core/export/ffmpeg/codec_query.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

namespace postline::exporting::ffmpeg {

bool hasEncoder(const std::string& name, EncoderKind kind) {
  const AVCodec* c = avcodec_find_encoder_by_name(name.c_str());
  if (c == nullptr) return false;
  return c->type == (kind == EncoderKind::Video ? AVMEDIA_TYPE_VIDEO : AVMEDIA_TYPE_AUDIO);
}

bool canPadToBitRate(const std::string& name) {
  const AVCodec* c = avcodec_find_encoder_by_name(name.c_str());
  if (c == nullptr || c->priv_class == nullptr) return false;
  const AVClass* cls = c->priv_class;
  return av_opt_find(&cls, "nal-hrd", nullptr, 0, AV_OPT_SEARCH_FAKE_OBJ) != nullptr;
}

bool knownPixelFormat(const std::string& pixFmt) { return av_get_pix_fmt(pixFmt.c_str()) != AV_PIX_FMT_NONE; }

std::string acceptedPixelFormats(const std::string& name) {
  const AVCodec* c = avcodec_find_encoder_by_name(name.c_str());
  std::string names;
  for (const AVPixelFormat* f = c != nullptr ? c->pix_fmts : nullptr; f != nullptr && *f != AV_PIX_FMT_NONE; ++f) {
    if (!names.empty()) names += ", ";
    names += av_get_pix_fmt_name(*f);
  }
  return names;
}

bool encoderTakesPixelFormat(const std::string& name, const std::string& pixFmt) {
  const AVCodec* c = avcodec_find_encoder_by_name(name.c_str());
  const AVPixelFormat fmt = av_get_pix_fmt(pixFmt.c_str());
  if (c == nullptr || fmt == AV_PIX_FMT_NONE) return false;
  if (c->pix_fmts == nullptr) return true;
  for (const AVPixelFormat* f = c->pix_fmts; *f != AV_PIX_FMT_NONE; ++f) {
    if (*f == fmt) return true;
  }
  return false;
}

bool knownColorTag(const std::string& field, const std::string& value) {
  if (field == "primaries") return av_color_primaries_from_name(value.c_str()) >= 0;
  if (field == "transfer") return av_color_transfer_from_name(value.c_str()) >= 0;
  if (field == "matrix") return av_color_space_from_name(value == "bt2020" ? "bt2020nc" : value.c_str()) >= 0;
  return false;
}

}  // namespace postline::exporting::ffmpeg
