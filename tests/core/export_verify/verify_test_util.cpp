// moveIndexToEnd: an mp4 without faststart made from one with it (see verify_test_util.h).
#include "tests/core/export_verify/verify_test_util.h"

#include <algorithm>

namespace postline::exporting::verifytest {

namespace {

std::uint64_t readBe(const std::vector<std::uint8_t>& b, std::size_t at, int n) {
  std::uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | b[at + static_cast<std::size_t>(i)];
  return v;
}

void writeBe(std::vector<std::uint8_t>& b, std::size_t at, int n, std::uint64_t v) {
  for (int i = n - 1; i >= 0; --i) {
    b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v & 0xff);
    v >>= 8;
  }
}

struct Atom {
  std::size_t at = 0;    // offset of the header
  std::size_t size = 0;  // header included
  std::string type;
};

// The atoms inside [from, to) of `b` (32-bit sizes only: the test files are small).
std::vector<Atom> atoms(const std::vector<std::uint8_t>& b, std::size_t from, std::size_t to) {
  std::vector<Atom> list;
  for (std::size_t pos = from; pos + 8 <= to;) {
    const auto size = static_cast<std::size_t>(readBe(b, pos, 4));
    if (size < 8 || pos + size > to) break;
    list.push_back({pos, size, std::string(b.begin() + static_cast<std::ptrdiff_t>(pos + 4),
                                           b.begin() + static_cast<std::ptrdiff_t>(pos + 8))});
    pos += size;
  }
  return list;
}

// Subtracts `shift` from every chunk offset below `a` (moov, trak, mdia, minf, stbl are containers).
void shiftChunkOffsets(std::vector<std::uint8_t>& b, const Atom& a, std::uint64_t shift) {
  if (a.type == "stco" || a.type == "co64") {
    const int width = a.type == "stco" ? 4 : 8;
    const auto entries = static_cast<std::size_t>(readBe(b, a.at + 12, 4));
    for (std::size_t i = 0; i < entries; ++i) {
      const std::size_t at = a.at + 16 + i * static_cast<std::size_t>(width);
      writeBe(b, at, width, readBe(b, at, width) - shift);
    }
    return;
  }
  static const std::vector<std::string> kContainers = {"moov", "trak", "mdia", "minf", "stbl"};
  if (std::find(kContainers.begin(), kContainers.end(), a.type) == kContainers.end()) return;
  for (const Atom& child : atoms(b, a.at + 8, a.at + a.size)) shiftChunkOffsets(b, child, shift);
}

}  // namespace

bool moveIndexToEnd(const fs::path& in, const fs::path& out) {
  std::vector<std::uint8_t> b = readBytes(in);
  const std::vector<Atom> top = atoms(b, 0, b.size());
  auto moov = std::find_if(top.begin(), top.end(), [](const Atom& a) { return a.type == "moov"; });
  auto mdat = std::find_if(top.begin(), top.end(), [](const Atom& a) { return a.type == "mdat"; });
  if (moov == top.end() || mdat == top.end() || moov->at > mdat->at) return false;
  shiftChunkOffsets(b, *moov, moov->size);
  std::vector<std::uint8_t> result;
  for (const Atom& a : top) {
    if (a.type != "moov") result.insert(result.end(), b.begin() + static_cast<std::ptrdiff_t>(a.at),
                                        b.begin() + static_cast<std::ptrdiff_t>(a.at + a.size));
  }
  result.insert(result.end(), b.begin() + static_cast<std::ptrdiff_t>(moov->at),
                b.begin() + static_cast<std::ptrdiff_t>(moov->at + moov->size));
  writeBytes(out, result);
  return true;
}

}  // namespace postline::exporting::verifytest
