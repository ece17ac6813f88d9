#pragma once
// Cheap file identity for duplicate detection: size plus a hash of the first 64 KiB.
#include <cstdint>
#include <filesystem>
#include <optional>

namespace postline::ingest {

// Size in bytes and FNV-1a 64 hash of the first 64 KiB of a file.
struct FileIdentity {
  std::uint64_t size = 0;
  std::uint64_t headHash = 0;

  friend bool operator==(const FileIdentity&, const FileIdentity&) = default;
};

// The identity of `file`, or nothing when it cannot be read.
std::optional<FileIdentity> fileIdentity(const std::filesystem::path& file);

}  // namespace postline::ingest
