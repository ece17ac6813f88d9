#include "core/render/text/title_raster.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <system_error>
#include <vector>

namespace postline::render {

namespace fs = std::filesystem;
using base::ErrorCode;
using base::makeError;
using base::Result;

namespace {

struct LibraryDeleter {
  void operator()(FT_Library lib) const { FT_Done_FreeType(lib); }
};
struct FaceDeleter {
  void operator()(FT_Face face) const { FT_Done_Face(face); }
};
using Library = std::unique_ptr<std::remove_pointer_t<FT_Library>, LibraryDeleter>;
using Face = std::unique_ptr<std::remove_pointer_t<FT_Face>, FaceDeleter>;

Result<Library> openLibrary() {
  FT_Library lib = nullptr;
  if (FT_Init_FreeType(&lib) != 0) return makeError(ErrorCode::Io, "FreeType could not be initialised");
  return Library(lib);
}

Face openFace(FT_Library lib, const fs::path& file) {
  FT_Face face = nullptr;
  if (FT_New_Face(lib, file.c_str(), 0, &face) != 0) return Face();
  return Face(face);
}

bool isFontFile(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".ttf" || ext == ".otf" || ext == ".TTF" || ext == ".OTF";
}

// True when the file's first face is `family` in its regular (Book/Regular) style.
bool matches(FT_Library lib, const fs::path& file, const std::string& family) {
  Face face = openFace(lib, file);
  if (!face || face->family_name == nullptr) return false;
  const std::string style = face->style_name != nullptr ? face->style_name : "";
  return family == face->family_name && (style == "Book" || style == "Regular");
}

// The first matching font file under `dir` (recursively), or an empty path.
fs::path searchFolder(FT_Library lib, const fs::path& dir, const std::string& family) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && isFontFile(it->path())) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());  // deterministic choice
  for (const fs::path& f : files) {
    if (matches(lib, f, family)) return f;
  }
  return {};
}

// UTF-8 -> lines of code points; InvalidArgument on a malformed sequence.
Result<std::vector<std::u32string>> decodeLines(const std::string& text) {
  std::vector<std::u32string> lines(1);
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const int n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + static_cast<std::size_t>(n) > text.size()) {
      return makeError(ErrorCode::InvalidArgument, "title text is not valid UTF-8 at byte " + std::to_string(i));
    }
    char32_t cp = n == 1 ? b : (b & (0xFF >> (n + 1)));
    for (int k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
      if ((c >> 6) != 0x2) return makeError(ErrorCode::InvalidArgument, "title text is not valid UTF-8 at byte " + std::to_string(i));
      cp = (cp << 6) | (c & 0x3F);
    }
    i += static_cast<std::size_t>(n);
    if (cp == U'\n') {
      lines.emplace_back();
    } else if (cp != U'\r') {
      lines.back().push_back(cp);
    }
  }
  return lines;
}

// Coverage 0..1 of the text, one float per pixel.
struct Coverage {
  int width = 0;
  int height = 0;
  std::vector<float> v;
  float at(int x, int y) const {
    if (x < 0 || y < 0 || x >= width || y >= height) return 0.0f;
    return v[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
  }
};

// Width of one line in pixels (26.6 advances summed).
long lineAdvance(FT_Face face, const std::u32string& line) {
  long pen = 0;
  for (char32_t cp : line) {
    if (FT_Load_Char(face, cp, FT_LOAD_DEFAULT) == 0) pen += face->glyph->advance.x;
  }
  return pen >> 6;
}

// Draws the rendered glyph bitmap with its origin at (penX, baseline).
void blitGlyph(const FT_GlyphSlot g, int penX, int baseline, Coverage& cov) {
  const FT_Bitmap& bm = g->bitmap;
  for (unsigned row = 0; row < bm.rows; ++row) {
    const int y = baseline - g->bitmap_top + static_cast<int>(row);
    if (y < 0 || y >= cov.height) continue;
    for (unsigned col = 0; col < bm.width; ++col) {
      const int x = penX + g->bitmap_left + static_cast<int>(col);
      if (x < 0 || x >= cov.width) continue;
      const float c = static_cast<float>(bm.buffer[static_cast<int>(row) * bm.pitch + static_cast<int>(col)]) / 255.0f;
      float& dst = cov.v[static_cast<std::size_t>(y) * static_cast<std::size_t>(cov.width) + static_cast<std::size_t>(x)];
      dst = std::max(dst, c);
    }
  }
}

// The text's coverage, lines centred on each other, the block centred on (cx, cy) pixels.
Coverage layoutText(FT_Face face, const std::vector<std::u32string>& lines, double cx, double cy, int w, int h) {
  Coverage cov{w, h, std::vector<float>(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), 0.0f)};
  const double lineHeight = static_cast<double>(face->size->metrics.height) / 64.0;
  const double ascender = static_cast<double>(face->size->metrics.ascender) / 64.0;
  const double descender = static_cast<double>(-face->size->metrics.descender) / 64.0;
  const double blockHeight = lineHeight * static_cast<double>(lines.size() - 1) + ascender + descender;
  const double top = cy - blockHeight / 2.0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int baseline = static_cast<int>(std::lround(top + ascender + lineHeight * static_cast<double>(i)));
    long pen = static_cast<long>(std::lround(cx - static_cast<double>(lineAdvance(face, lines[i])) / 2.0)) * 64;
    for (char32_t cp : lines[i]) {
      if (FT_Load_Char(face, cp, FT_LOAD_RENDER) != 0) continue;
      blitGlyph(face->glyph, static_cast<int>(pen >> 6), baseline, cov);
      pen += face->glyph->advance.x;
    }
  }
  return cov;
}

// The drop shadow: the coverage moved by `offset` pixels and softened by a box blur of `radius`.
Coverage shadowOf(const Coverage& text, int offset, int radius) {
  Coverage moved{text.width, text.height, std::vector<float>(text.v.size(), 0.0f)};
  Coverage blurred = moved;
  const float n = static_cast<float>(2 * radius + 1);
  for (int y = 0; y < text.height; ++y) {  // horizontal pass (with the offset)
    for (int x = 0; x < text.width; ++x) {
      float s = 0.0f;
      for (int k = -radius; k <= radius; ++k) s += text.at(x - offset + k, y - offset);
      moved.v[static_cast<std::size_t>(y) * static_cast<std::size_t>(text.width) + static_cast<std::size_t>(x)] = s / n;
    }
  }
  for (int y = 0; y < text.height; ++y) {  // vertical pass
    for (int x = 0; x < text.width; ++x) {
      float s = 0.0f;
      for (int k = -radius; k <= radius; ++k) s += moved.at(x, y + k);
      blurred.v[static_cast<std::size_t>(y) * static_cast<std::size_t>(text.width) + static_cast<std::size_t>(x)] = s / n;
    }
  }
  return blurred;
}

std::uint8_t code8(double v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); }

// Straight-alpha RGBA8: the text "over" its shadow.
media::VideoFramePtr toFrame(const model::TitleSpec& spec, const Coverage& text, const Coverage* shadow) {
  auto frame = std::make_shared<media::VideoFrame>();
  frame->format = media::FrameFormat::Rgba;
  frame->bitDepth = 8;
  frame->width = text.width;
  frame->height = text.height;
  frame->planeCount = 1;
  media::Plane& p = frame->planes[0];
  p.width = text.width;
  p.height = text.height;
  p.stride = text.width * 4;
  p.data.assign(static_cast<std::size_t>(p.stride) * static_cast<std::size_t>(p.height), 0);
  for (std::size_t i = 0; i < text.v.size(); ++i) {
    const double at = static_cast<double>(text.v[i]) * spec.color[3];
    const double as = shadow != nullptr ? 0.6 * static_cast<double>(shadow->v[i]) : 0.0;
    const double a = at + as * (1.0 - at);
    if (a <= 0.0) continue;
    std::uint8_t* px = &p.data[i * 4];
    for (int c = 0; c < 3; ++c) px[c] = code8(spec.color[static_cast<std::size_t>(c)] * at / a);
    px[3] = code8(a);
  }
  return frame;
}

}  // namespace

Result<fs::path> findFontFile(const std::string& family) {
  static std::mutex mutex;
  static std::map<std::string, fs::path> found;
  std::lock_guard lock(mutex);
  if (auto it = found.find(family); it != found.end()) return it->second;
  PL_TRY_ASSIGN(lib, openLibrary());
  fs::path file = searchFolder(lib.get(), "/usr/share/fonts/truetype/dejavu", family);
  if (file.empty()) file = searchFolder(lib.get(), "/usr/share/fonts", family);
  if (file.empty() && family == "DejaVu Sans") {
    const fs::path fallback = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::error_code ec;
    if (fs::is_regular_file(fallback, ec)) file = fallback;
  }
  if (file.empty()) {
    return makeError(ErrorCode::NotFound, "title font '" + family + "' is not installed (searched /usr/share/fonts)");
  }
  found[family] = file;
  return file;
}

Result<media::VideoFramePtr> rasterizeTitle(const model::TitleSpec& spec, int width, int height) {
  if (width < 1 || height < 1 || width > 16384 || height > 16384) {
    return makeError(ErrorCode::InvalidArgument, "title frame size " + std::to_string(width) + "x" +
                                                     std::to_string(height) + " is outside 1..16384");
  }
  PL_TRY_ASSIGN(lines, decodeLines(spec.text));
  PL_TRY_ASSIGN(file, findFontFile(spec.font));
  PL_TRY_ASSIGN(lib, openLibrary());
  Face face = openFace(lib.get(), file);
  if (!face) return makeError(ErrorCode::Io, "font file '" + file.string() + "' could not be read");
  const double px = std::clamp(spec.size, 0.0, 1.0) * static_cast<double>(height);
  const auto pixels = static_cast<FT_UInt>(std::max(1L, std::lround(px)));
  if (FT_Set_Pixel_Sizes(face.get(), 0, pixels) != 0) {
    return makeError(ErrorCode::InvalidArgument, "font '" + spec.font + "' cannot be sized to " + std::to_string(pixels) + " px");
  }
  const Coverage text = layoutText(face.get(), lines, spec.x * width, spec.y * height, width, height);
  if (!spec.shadow) return toFrame(spec, text, nullptr);
  const int offset = std::max(1, static_cast<int>(std::lround(px / 15.0)));
  const Coverage shadow = shadowOf(text, offset, std::max(1, offset / 2));
  return toFrame(spec, text, &shadow);
}

}  // namespace postline::render
