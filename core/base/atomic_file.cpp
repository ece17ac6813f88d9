#include "core/base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "core/base/log.h"

namespace postline::base {

namespace fs = std::filesystem;

namespace {

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

base::Error osError(const fs::path& file, const std::string& step, int err) {
  return makeError(ErrorCode::Io, quoted(file) + " could not be saved: " + step + ": " + std::strerror(err));
}

// A temp file beside the target; removed on destruction unless committed.
class TempFile {
 public:
  TempFile() = default;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (m_fd >= 0) ::close(m_fd);
    if (!m_path.empty() && !m_committed) ::unlink(m_path.c_str());
  }

  // Creates a new, uniquely named file in `dir`; returns errno on failure (0 on success).
  int create(const fs::path& dir, const std::string& baseName) {
    static std::atomic<unsigned> counter{0};
    for (int attempt = 0; attempt < 100; ++attempt) {
      const std::string name = "." + baseName + ".tmp-" + std::to_string(::getpid()) + "-" +
                               std::to_string(counter.fetch_add(1));
      const fs::path p = dir / name;
      m_fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      if (m_fd >= 0) {
        m_path = p;
        return 0;
      }
      if (errno != EEXIST) return errno;
    }
    return EEXIST;
  }
  // Closes the descriptor; returns errno on failure.
  int close() {
    const int rc = ::close(m_fd);
    m_fd = -1;
    return rc == 0 ? 0 : errno;
  }
  int fd() const { return m_fd; }
  const fs::path& path() const { return m_path; }
  void commit() { m_committed = true; }

 private:
  int m_fd = -1;
  fs::path m_path;
  bool m_committed = false;
};

// Best effort: flush the folder entry of a finished rename. The new file is already in place,
// so a failure here is logged, not reported.
void syncFolder(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    base::log(base::LogLevel::Warning, "could not fsync folder " + quoted(dir) + ": " + std::strerror(errno));
  }
  if (fd >= 0) ::close(fd);
}

}  // namespace

Result<void> writeAll(int fd, std::string_view data, const fs::path& nameForErrors) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      return osError(nameForErrors, "writing failed", err);
    }
    if (n == 0) return osError(nameForErrors, "writing failed", EIO);
    done += static_cast<std::size_t>(n);
  }
  return {};
}

Result<void> writeFileAtomic(const fs::path& file, std::string_view data) {
  if (file.empty() || !file.has_filename()) {
    return makeError(ErrorCode::InvalidArgument, quoted(file) + " could not be saved: it names no file");
  }
  const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  TempFile temp;
  if (int err = temp.create(dir, file.filename().string())) {
    return osError(file, "cannot create a temporary file in " + quoted(dir), err);
  }
  struct stat old {};
  if (::stat(file.c_str(), &old) == 0 && S_ISREG(old.st_mode)) (void)::fchmod(temp.fd(), old.st_mode & 07777);
  PL_TRY(writeAll(temp.fd(), data, file));
  if (::fsync(temp.fd()) != 0) {
    const int err = errno;
    return osError(file, "fsync failed", err);
  }
  if (int err = temp.close()) return osError(file, "closing failed", err);
  if (::rename(temp.path().c_str(), file.c_str()) != 0) {
    const int err = errno;
    return osError(file, "replacing the file failed", err);
  }
  temp.commit();
  syncFolder(dir);
  return {};
}

Result<std::string> readFileLimited(const fs::path& file, std::uint64_t maxBytes) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    const ErrorCode code = err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io;
    return makeError(code, quoted(file) + " could not be opened: " + std::strerror(err));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    return makeError(ErrorCode::Io, quoted(file) + " could not be read: " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return makeError(ErrorCode::Io, quoted(file) + " is a folder, not a project file");
  if (!S_ISREG(st.st_mode)) return makeError(ErrorCode::Io, quoted(file) + " is not a regular file");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > maxBytes) {
    return makeError(ErrorCode::InvalidArgument, quoted(file) + " is too large (" + std::to_string(size >> 20) +
                                                     " MiB; the limit is " + std::to_string(maxBytes >> 20) + " MiB)");
  }
  // Read to the end rather than trusting st_size (pseudo files report 0), never past maxBytes.
  std::string text;
  text.reserve(static_cast<std::size_t>(size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return makeError(ErrorCode::Io, quoted(file) + " could not be read: " + std::strerror(errno));
    if (n == 0) break;
    if (text.size() + static_cast<std::size_t>(n) > maxBytes) {
      return makeError(ErrorCode::InvalidArgument, quoted(file) + " grew past the limit while being read");
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

}  // namespace postline::base
