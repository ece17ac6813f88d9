#include "core/media/generator_hint.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <utility>
#include <vector>

namespace postline::media {
namespace {

// keyword (lower case) -> canonical name. Longer, more specific keywords first.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kGenerators = {{
    {"dream machine", "Luma Dream Machine"},
    {"stable video", "Stable Video Diffusion"},
    {"veo", "Google Veo"},
    {"sora", "OpenAI Sora"},
    {"kling", "Kling"},
    {"runway", "Runway"},
    {"runwayml", "Runway"},
    {"pika", "Pika"},
    {"luma", "Luma Dream Machine"},
    {"midjourney", "Midjourney"},
    {"hailuo", "Hailuo"},
    {"minimax", "MiniMax"},
    {"firefly", "Adobe Firefly"},
    {"seedance", "Seedance"},
}};

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return out;
}

bool containsWord(const std::string& haystack, std::string_view word) {
  for (std::size_t at = haystack.find(word); at != std::string::npos; at = haystack.find(word, at + 1)) {
    const bool startOk = at == 0 || !isWordChar(haystack[at - 1]);
    const std::size_t end = at + word.size();
    // Digits may follow ("Veo3", "Gen3"); letters may not ("lumaflex" is not Luma).
    const bool endOk = end >= haystack.size() || !std::isalpha(static_cast<unsigned char>(haystack[end]));
    if (startOk && endOk) return true;
  }
  return false;
}

std::string readRange(std::ifstream& in, std::uint64_t offset, std::size_t size) {
  std::string buf(size, '\0');
  in.clear();
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(buf.data(), static_cast<std::streamsize>(size));
  buf.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return buf;
}

std::uint64_t bigEndian(const std::string& b, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
  return v;
}

// Contents (first 64 KiB) of the top-level 'uuid' boxes of an ISO-BMFF file.
std::vector<std::string> uuidBoxes(std::ifstream& in, std::uint64_t fileSize) {
  std::vector<std::string> boxes;
  std::uint64_t at = 0;
  for (int guard = 0; guard < 64 && at + 8 <= fileSize; ++guard) {
    const std::string head = readRange(in, at, 16);
    if (head.size() < 8) break;
    std::uint64_t size = bigEndian(head, 0, 4);
    if (size == 1 && head.size() == 16) size = bigEndian(head, 8, 8);
    else if (size == 0) size = fileSize - at;
    if (size < 8) break;
    if (head.compare(4, 4, "uuid") == 0) boxes.push_back(readRange(in, at, static_cast<std::size_t>(std::min<std::uint64_t>(size, 65536))));
    at += size;
  }
  return boxes;
}

}  // namespace

std::optional<std::string> generatorFromText(std::string_view text) {
  const std::string hay = lower(text);
  for (const auto& [word, name] : kGenerators) {
    if (containsWord(hay, word)) return std::string(name);
  }
  return std::nullopt;
}

std::optional<std::string> c2paGenerator(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::error_code ec;
  const std::uint64_t fileSize = std::filesystem::file_size(file, ec);
  if (!in || ec || fileSize < 8) return std::nullopt;
  const std::string head = readRange(in, 0, 12);
  std::vector<std::string> candidates;
  if (head.size() >= 8 && (head.compare(4, 4, "ftyp") == 0 || head.compare(4, 4, "moov") == 0)) {
    candidates = uuidBoxes(in, fileSize);
  } else {
    candidates.push_back(readRange(in, 0, 256 * 1024));
  }
  for (const std::string& c : candidates) {
    if (c.find("c2pa") == std::string::npos && c.find("C2PA") == std::string::npos) continue;
    if (auto name = generatorFromText(c)) return *name + " (C2PA)";
    return std::string("C2PA manifest");
  }
  return std::nullopt;
}

}  // namespace postline::media
