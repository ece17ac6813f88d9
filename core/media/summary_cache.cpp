#include "core/media/summary_cache.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <random>
#include <system_error>

#include "core/media/audio_decoder.h"

namespace postline::media {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[4] = {'P', 'L', 'S', 'C'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kKindWave = 1;
constexpr std::uint32_t kKindThumbs = 2;
constexpr std::uint32_t kMaxImageSide = 16384;

std::uint64_t fnv1a(const void* data, std::size_t n, std::uint64_t h = 1469598103934665603ull) {
  const auto* p = static_cast<const std::uint8_t*>(data);
  for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

std::string hex(std::uint64_t v) {
  static const char digits[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = digits[v & 0xF];
  return s;
}

// Appends little-endian fields.
struct Writer {
  std::vector<std::uint8_t> bytes;
  void u(std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) bytes.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void f(float v) {
    std::uint32_t b = 0;
    std::memcpy(&b, &v, 4);
    u(b, 4);
  }
  void str(const std::string& s) {
    u(s.size(), 4);
    for (char c : s) bytes.push_back(static_cast<std::uint8_t>(c));  // (insert trips GCC 12's -Wstringop-overflow)
  }
};

// Reads little-endian fields with bounds checks; `ok` turns false on the first overrun.
struct Reader {
  const std::vector<std::uint8_t>& bytes;
  std::size_t pos = 0;
  bool ok = true;
  bool has(std::uint64_t n) {
    ok = ok && n <= bytes.size() - pos;
    return ok;
  }
  std::uint64_t u(int n) {
    if (!has(static_cast<std::uint64_t>(n))) return 0;
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<std::uint64_t>(bytes[pos++]) << (8 * i);
    return v;
  }
  float f() {
    const auto b = static_cast<std::uint32_t>(u(4));
    float v = 0;
    std::memcpy(&v, &b, 4);
    return v;
  }
  std::string str() {
    const std::uint64_t n = u(4);
    if (!has(n)) return {};
    std::string s(bytes.begin() + static_cast<std::ptrdiff_t>(pos), bytes.begin() + static_cast<std::ptrdiff_t>(pos + n));
    pos += n;
    return s;
  }
};

// Who the entry belongs to: the media's absolute path, size and mtime, and the request.
struct Identity {
  std::string path;
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
  std::string request;
};

base::Result<Identity> identify(const fs::path& media, std::string request) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(media, ec), ec);
  if (ec) abs = fs::absolute(media);
  Identity id{abs.string(), 0, 0, std::move(request)};
  id.size = fs::file_size(abs, ec);
  if (!ec) id.mtime = static_cast<std::int64_t>(fs::last_write_time(abs, ec).time_since_epoch().count());
  if (ec) return base::makeError(base::ErrorCode::NotFound, media.string() + ": cannot read size and time: " + ec.message());
  return id;
}

std::string requestOf(const ThumbnailSpec& spec) {
  std::string s = "h" + std::to_string(spec.height);
  for (const auto& t : spec.seconds) s += ";" + t.toString();
  return s;
}

Writer header(std::uint32_t kind, const Identity& id) {
  Writer w;
  for (char c : kMagic) w.bytes.push_back(static_cast<std::uint8_t>(c));
  w.u(kVersion, 4);
  w.u(kind, 4);
  w.u(id.size, 8);
  w.u(static_cast<std::uint64_t>(id.mtime), 8);
  w.str(id.path);
  w.str(id.request);
  return w;
}

// Checks the header and checksum; on success `r` sits at the payload.
bool readHeader(Reader& r, std::uint32_t kind, const Identity& id) {
  if (r.bytes.size() < 8) return false;
  const std::size_t body = r.bytes.size() - 8;
  std::uint64_t stored = 0;
  for (int i = 0; i < 8; ++i) stored |= static_cast<std::uint64_t>(r.bytes[body + static_cast<std::size_t>(i)]) << (8 * i);
  if (stored != fnv1a(r.bytes.data(), body)) return false;
  if (!r.has(4) || std::memcmp(r.bytes.data(), kMagic, 4) != 0) return false;
  r.pos = 4;
  const bool same = r.u(4) == kVersion && r.u(4) == kind && r.u(8) == id.size &&
                    static_cast<std::int64_t>(r.u(8)) == id.mtime && r.str() == id.path && r.str() == id.request;
  return r.ok && same;
}

void putWaveform(Writer& w, const Waveform& wf) {
  w.u(static_cast<std::uint64_t>(wf.length), 8);
  w.u(wf.levels.size(), 4);
  for (const WaveformLevel& lv : wf.levels) {
    w.u(static_cast<std::uint64_t>(lv.samplesPerBucket), 8);
    w.u(lv.left.size(), 8);
    for (const auto* side : {&lv.left, &lv.right}) {
      for (const Peak& p : *side) {
        w.f(p.min);
        w.f(p.max);
      }
    }
  }
}

std::optional<Waveform> getWaveform(Reader& r) {
  Waveform wf;
  wf.length = static_cast<std::int64_t>(r.u(8));
  const std::uint64_t levels = r.u(4);
  if (!r.ok || levels > 64) return std::nullopt;
  for (std::uint64_t i = 0; i < levels; ++i) {
    WaveformLevel lv;
    lv.samplesPerBucket = static_cast<std::int64_t>(r.u(8));
    const std::uint64_t n = r.u(8);
    if (!r.ok || n > (r.bytes.size() - r.pos) / 16) return std::nullopt;  // 2 sides x 2 floats each
    for (auto* side : {&lv.left, &lv.right}) {
      side->resize(n);
      for (Peak& p : *side) p = {r.f(), r.f()};
    }
    wf.levels.push_back(std::move(lv));
  }
  if (!r.ok) return std::nullopt;
  return wf;
}

void putImages(Writer& w, const std::vector<Image>& images) {
  w.u(images.size(), 4);
  for (const Image& img : images) {
    w.u(static_cast<std::uint64_t>(img.width), 4);
    w.u(static_cast<std::uint64_t>(img.height), 4);
    w.bytes.insert(w.bytes.end(), img.rgba.begin(), img.rgba.end());
  }
}

std::optional<std::vector<Image>> getImages(Reader& r) {
  std::vector<Image> images(static_cast<std::size_t>(std::min<std::uint64_t>(r.u(4), 4096)));
  for (Image& img : images) {
    const std::uint64_t w = r.u(4);
    const std::uint64_t h = r.u(4);
    if (!r.ok || w == 0 || h == 0 || w > kMaxImageSide || h > kMaxImageSide || !r.has(w * h * 4)) return std::nullopt;
    img.width = static_cast<int>(w);
    img.height = static_cast<int>(h);
    img.rgba.assign(r.bytes.begin() + static_cast<std::ptrdiff_t>(r.pos),
                    r.bytes.begin() + static_cast<std::ptrdiff_t>(r.pos + w * h * 4));
    r.pos += w * h * 4;
  }
  if (!r.ok) return std::nullopt;
  return images;
}

std::optional<std::vector<std::uint8_t>> readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Writes `w` plus its checksum to `p` atomically (temporary file, then rename). Best effort:
// a cache that cannot be written is only slower.
void writeFile(const fs::path& p, Writer& w) {
  w.u(fnv1a(w.bytes.data(), w.bytes.size()), 8);
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  const fs::path tmp = p.string() + ".tmp" + std::to_string(std::random_device{}());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(w.bytes.data()), static_cast<std::streamsize>(w.bytes.size()));
    if (!out) {
      out.close();
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, p, ec);
  if (ec) fs::remove(tmp, ec);
}

}  // namespace

SummaryCache::SummaryCache(fs::path folder) : m_folder(std::move(folder)) {
  m_worker = std::thread([this] { workerLoop(); });
}

SummaryCache::~SummaryCache() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_queue.clear();
    m_cancelRunning = true;
  }
  m_wake.notify_all();
  m_worker.join();
}

fs::path SummaryCache::folderFor(const fs::path& projectFile) {
  return projectFile.parent_path() / (projectFile.filename().string() + ".cache");
}

fs::path SummaryCache::entryPath(const fs::path& media, const ThumbnailSpec* spec) const {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(media, ec), ec);
  if (ec) abs = fs::absolute(media);
  const std::string key = abs.string();
  std::string name = hex(fnv1a(key.data(), key.size()));
  if (spec == nullptr) return m_folder / (name + ".wave");
  const std::string req = requestOf(*spec);
  return m_folder / (name + "-" + hex(fnv1a(req.data(), req.size())) + ".thumbs");
}

std::optional<Waveform> SummaryCache::cachedWaveform(const fs::path& media) {
  auto id = identify(media, "wave");
  if (!id.ok()) return std::nullopt;
  const auto bytes = readFile(entryPath(media, nullptr));
  if (!bytes) return std::nullopt;
  Reader r{*bytes};
  std::optional<Waveform> wf;
  if (readHeader(r, kKindWave, id.value())) wf = getWaveform(r);
  if (!wf) {
    ++m_rejected;  // stale or damaged: recomputed and overwritten by the caller
    return std::nullopt;
  }
  ++m_loaded;
  return wf;
}

std::optional<std::vector<Image>> SummaryCache::cachedThumbnails(const fs::path& media, const ThumbnailSpec& spec) {
  auto id = identify(media, requestOf(spec));
  if (!id.ok()) return std::nullopt;
  const auto bytes = readFile(entryPath(media, &spec));
  if (!bytes) return std::nullopt;
  Reader r{*bytes};
  std::optional<std::vector<Image>> images;
  if (readHeader(r, kKindThumbs, id.value())) images = getImages(r);
  if (!images) {
    ++m_rejected;
    return std::nullopt;
  }
  ++m_loaded;
  return images;
}

base::Result<Waveform> SummaryCache::waveform(const fs::path& media, const std::atomic<bool>* cancel) {
  if (auto hit = cachedWaveform(media)) return std::move(*hit);
  PL_TRY_ASSIGN(id, identify(media, "wave"));
  PL_TRY_ASSIGN(decoder, openAudioDecoder(media));
  PL_TRY_ASSIGN(wf, computeWaveform(*decoder, cancel));
  ++m_computed;
  Writer w = header(kKindWave, id);
  putWaveform(w, wf);
  writeFile(entryPath(media, nullptr), w);
  return wf;
}

base::Result<std::vector<Image>> SummaryCache::thumbnails(const fs::path& media, const ThumbnailSpec& spec) {
  if (auto hit = cachedThumbnails(media, spec)) return std::move(*hit);
  PL_TRY_ASSIGN(id, identify(media, requestOf(spec)));
  PL_TRY_ASSIGN(images, filmstrip(media, spec.seconds, spec.height));
  ++m_computed;
  Writer w = header(kKindThumbs, id);
  putImages(w, images);
  writeFile(entryPath(media, &spec), w);
  return images;
}

SummaryCache::RequestId SummaryCache::requestWaveform(const fs::path& media, WaveformDone done) {
  return enqueue([this, media, done = std::move(done)](RequestId id, const std::atomic<bool>& cancelled) {
    auto result = waveform(media, &cancelled);
    if (!cancelled && done) done(id, std::move(result));
  });
}

SummaryCache::RequestId SummaryCache::requestThumbnails(const fs::path& media, ThumbnailSpec spec, ThumbnailsDone done) {
  return enqueue([this, media, spec = std::move(spec), done = std::move(done)](RequestId id,
                                                                               const std::atomic<bool>& cancelled) {
    auto result = thumbnails(media, spec);
    if (!cancelled && done) done(id, std::move(result));
  });
}

SummaryCache::RequestId SummaryCache::enqueue(std::function<void(RequestId, const std::atomic<bool>&)> run) {
  RequestId id = 0;
  {
    std::lock_guard lock(m_mutex);
    id = m_nextId++;
    m_queue.push_back(Job{id, std::move(run)});
  }
  m_wake.notify_all();
  return id;
}

void SummaryCache::cancel(RequestId id) {
  std::lock_guard lock(m_mutex);
  std::erase_if(m_queue, [id](const Job& j) { return j.id == id; });
  if (m_running == id) m_cancelRunning = true;
  m_idle.notify_all();
}

void SummaryCache::cancelAll() {
  std::lock_guard lock(m_mutex);
  m_queue.clear();
  if (m_running != 0) m_cancelRunning = true;
  m_idle.notify_all();
}

void SummaryCache::waitIdle() {
  std::unique_lock lock(m_mutex);
  m_idle.wait(lock, [this] { return m_queue.empty() && m_running == 0; });
}

SummaryCache::Stats SummaryCache::stats() const { return {m_loaded.load(), m_computed.load(), m_rejected.load()}; }

void SummaryCache::workerLoop() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
    if (m_stop) break;
    Job job = std::move(m_queue.front());
    m_queue.pop_front();
    m_running = job.id;
    m_cancelRunning = false;
    lock.unlock();
    job.run(job.id, m_cancelRunning);
    lock.lock();
    m_running = 0;
    m_idle.notify_all();
  }
  m_running = 0;
  m_idle.notify_all();
}

}  // namespace postline::media
