#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace postline::base {

// Replaces `file` with `data` atomically: writes a uniquely named temp file in the same folder,
// fsyncs and closes it, renames it over `file`, then fsyncs the folder. On any failure the temp
// file is removed, the previous `file` is untouched, and the error (ErrorCode::Io) names `file`
// and the operating system's reason. An existing file's permission bits are kept.
base::Result<void> writeFileAtomic(const std::filesystem::path& file, std::string_view data);

// Writes all of `data` to the open descriptor `fd` (retrying short writes and EINTR); the error
// names `nameForErrors`. Exposed so tests can aim it at /dev/full.
base::Result<void> writeAll(int fd, std::string_view data, const std::filesystem::path& nameForErrors);

// Reads the whole regular file `file`, refusing (ErrorCode::InvalidArgument) one larger than
// `maxBytes` before reading it. A missing file is NotFound; a folder or other non-file is Io.
base::Result<std::string> readFileLimited(const std::filesystem::path& file, std::uint64_t maxBytes);

}  // namespace postline::base
