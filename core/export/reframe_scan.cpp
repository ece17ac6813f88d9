// analyseInterest (core/export/reframe.h): decodes a picture range once, reduces each picture to
// the analysis grid and locates its centre of interest; results are cached per file and range
// for the life of the process, so several deliveries of one sequence analyse each clip once.
#include <cmath>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>

#include "core/export/reframe.h"
#include "core/export/reframe_analysis.h"
#include "core/media/ffmpeg/ffmpeg_video_decoder.h"

namespace postline::exporting {

using base::ErrorCode;
using base::makeError;

namespace {

constexpr std::size_t kMaxCachedRanges = 256;

// The cache key: the file as it is now (a rewritten file is analysed afresh) and the request.
std::string cacheKey(const std::filesystem::path& file, std::int64_t first, std::int64_t last, int step) {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(file, ec);
  const auto size = std::filesystem::file_size(file, ec);
  const auto stamp = std::filesystem::last_write_time(file, ec).time_since_epoch().count();
  return (ec ? file.string() : canonical.string()) + "|" + std::to_string(ec ? 0 : size) + "|" +
         std::to_string(ec ? 0 : stamp) + "|" + std::to_string(first) + "|" + std::to_string(last) + "|" +
         std::to_string(step);
}

struct Cache {
  std::mutex mutex;
  std::map<std::string, std::vector<InterestSample>> entries;
  std::deque<std::string> order;  // oldest first
};

Cache& cache() {
  static Cache c;
  return c;
}

// The pictures analysed: first, first + step, ..., and always `last`.
std::vector<std::int64_t> pictureIndices(std::int64_t first, std::int64_t last, int step) {
  std::vector<std::int64_t> out;
  for (std::int64_t i = first; i <= last; i += step) out.push_back(i);
  if (out.back() != last) out.push_back(last);
  return out;
}

// Analysed pictures between the ones compared for motion: about 1/12 s, so slow subjects still
// move a visible amount and fast pans stay inside the shift search.
int motionGap(const time::Rational& fps, int step) {
  const double rate = fps.num() > 0 && fps.den() > 0 ? static_cast<double>(fps.num()) / fps.den() : 24.0;
  return std::max(1, static_cast<int>(std::lround(rate / 12.0 / step)));
}

// Analysed pictures whose motion is averaged into each sample: about a tenth of a second each side.
int temporalRadius(const time::Rational& fps, int step) {
  const double rate = fps.num() > 0 && fps.den() > 0 ? static_cast<double>(fps.num()) / fps.den() : 24.0;
  return std::max(1, static_cast<int>(std::lround(rate / 10.0 / step)));
}

// A window onto a stream of items indexed 0, 1, ...: the last few are kept.
template <class T>
struct Ring {
  std::deque<T> items;
  std::int64_t start = 0;  // index of items.front()
  std::int64_t end() const { return start + static_cast<std::int64_t>(items.size()); }
  const T* at(std::int64_t k) const {
    return k >= start && k < end() ? &items[static_cast<std::size_t>(k - start)] : nullptr;
  }
  void dropBefore(std::int64_t k) {
    while (!items.empty() && start < k) {
      items.pop_front();
      ++start;
    }
  }
};

// Decodes and analyses the pictures `indices` of `decoder`, streaming: picture j's maps need the
// pictures j +- gap, and its sample the maps j +- radius, so only those are held.
class Scanner {
 public:
  Scanner(const std::vector<std::int64_t>& indices, std::int64_t gap, std::int64_t radius)
      : m_indices(indices), m_n(static_cast<std::int64_t>(indices.size())), m_gap(gap), m_radius(radius) {}

  void addPicture(detail::SmallPicture picture) {
    m_pictures.items.push_back(std::move(picture));
    const std::int64_t j = m_pictures.end() - 1;
    if (j - m_gap >= 0) addMaps(j - m_gap);
  }
  std::vector<InterestSample> finish() {
    for (std::int64_t m = std::max<std::int64_t>(m_maps.end(), 0); m < m_n; ++m) addMaps(m);
    while (m_next < m_n) emit(m_next++);
    return std::move(m_out);
  }

 private:
  void addMaps(std::int64_t m) {
    const detail::SmallPicture* before = m - m_gap >= 0 ? m_pictures.at(m - m_gap) : nullptr;
    const detail::SmallPicture* after = m + m_gap < m_n ? m_pictures.at(m + m_gap) : nullptr;
    m_maps.items.push_back(detail::mapsOf(*m_pictures.at(m), before, after));
    m_pictures.dropBefore(m + 1 - m_gap);
    while (m_next <= m - m_radius) emit(m_next++);
    m_maps.dropBefore(m_next - m_radius);
  }
  void emit(std::int64_t k) {
    std::vector<const detail::PictureMaps*> near;
    std::size_t centre = 0;
    for (std::int64_t i = k - m_radius; i <= k + m_radius; ++i) {
      if (i == k) centre = near.size();
      if (const detail::PictureMaps* m = m_maps.at(i)) near.push_back(m);
    }
    const detail::InterestPoint p = detail::combineMaps(near, centre);
    m_out.push_back({m_indices[static_cast<std::size_t>(k)], p.x, p.y, p.confidence});
  }

  const std::vector<std::int64_t>& m_indices;
  const std::int64_t m_n, m_gap, m_radius;
  Ring<detail::SmallPicture> m_pictures;
  Ring<detail::PictureMaps> m_maps;
  std::int64_t m_next = 0;  // the next sample to emit
  std::vector<InterestSample> m_out;
};

base::Result<std::vector<InterestSample>> scan(media::VideoDecoder& decoder, const std::vector<std::int64_t>& indices,
                                               int step, const std::function<void(double)>& progress) {
  const auto n = static_cast<std::int64_t>(indices.size());
  const std::int64_t gap = std::min<std::int64_t>(motionGap(decoder.frameRate(), step), std::max<std::int64_t>(1, n - 1));
  Scanner scanner(indices, gap, temporalRadius(decoder.frameRate(), step));
  for (std::int64_t j = 0; j < n; ++j) {
    PL_TRY_ASSIGN(frame, decoder.frame(indices[static_cast<std::size_t>(j)]));
    const auto grid = detail::analysisGrid(frame->width, frame->height, detail::kAnalysisSize);
    PL_TRY_ASSIGN(small, detail::downscale(*frame, grid[0], grid[1]));
    // A slight blur takes out what the reduction aliased, which would otherwise show as motion.
    for (detail::Plane& plane : small.planes) plane = detail::blurred(plane, 0.8);
    scanner.addPicture(std::move(small));
    if (progress) progress(static_cast<double>(j + 1) / static_cast<double>(n));
  }
  return scanner.finish();
}

}  // namespace

base::Result<std::vector<InterestSample>> analyseInterest(const std::filesystem::path& file, std::int64_t firstFrame,
                                                          std::int64_t lastFrame, int step,
                                                          const std::function<void(double)>& progress) {
  if (step < 1 || firstFrame < 0 || lastFrame < firstFrame) {
    return makeError(ErrorCode::InvalidArgument, file.string() + ": cannot analyse pictures " +
                                                     std::to_string(firstFrame) + ".." + std::to_string(lastFrame) +
                                                     " every " + std::to_string(step));
  }
  const std::string key = cacheKey(file, firstFrame, lastFrame, step);
  {
    std::lock_guard lock(cache().mutex);
    auto it = cache().entries.find(key);
    if (it != cache().entries.end()) {
      if (progress) progress(1.0);
      return it->second;
    }
  }
  PL_TRY_ASSIGN(decoder, media::ffmpeg::openVideoDecoder(file));
  const std::int64_t count = decoder->frameCount();
  if (count <= 0 || firstFrame >= count) {
    return makeError(ErrorCode::OutOfRange, file.string() + ": picture " + std::to_string(firstFrame) +
                                                " is past the end (" + std::to_string(count) + " pictures)");
  }
  auto samples = scan(*decoder, pictureIndices(firstFrame, std::min(lastFrame, count - 1), step), step, progress);
  if (!samples.ok()) return makeError(samples.error().code, file.string() + ": " + samples.error().message);
  std::lock_guard lock(cache().mutex);
  Cache& c = cache();
  if (c.entries.emplace(key, *samples).second) c.order.push_back(key);
  while (c.order.size() > kMaxCachedRanges) {
    c.entries.erase(c.order.front());
    c.order.pop_front();
  }
  return samples;
}

}  // namespace postline::exporting
