#include "core/ingest/file_identity.h"

#include <fstream>
#include <vector>

namespace postline::ingest {

std::optional<FileIdentity> fileIdentity(const std::filesystem::path& file) {
  std::error_code ec;
  const std::uint64_t size = std::filesystem::file_size(file, ec);
  if (ec) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<char> head(64 * 1024);
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  const auto n = static_cast<std::size_t>(in.gcount());
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a 64
  for (std::size_t i = 0; i < n; ++i) {
    hash ^= static_cast<unsigned char>(head[i]);
    hash *= 1099511628211ULL;
  }
  return FileIdentity{size, hash};
}

}  // namespace postline::ingest
