#include "ui/bins/thumbnail_cache.h"

#include <QMetaObject>
#include <cstring>
#include <filesystem>
#include <memory>

#include "core/media/thumbnails.h"

namespace postline::ui {

namespace {

QImage toQImage(const media::Image& img) {
  QImage out(img.width, img.height, QImage::Format_RGBA8888);
  for (int y = 0; y < img.height; ++y) {
    std::memcpy(out.scanLine(y), img.rgba.data() + static_cast<std::size_t>(y) * img.width * 4,
                static_cast<std::size_t>(img.width) * 4);
  }
  return out;
}

time::Rational durationSeconds(const model::MediaItem& item) {
  auto s = item.info.timeBase.mul(time::Rational(item.info.duration));
  return s.ok() ? s.value() : time::Rational(0);
}

}  // namespace

ThumbnailCache::ThumbnailCache(QObject* parent) : QObject(parent) { m_pool.setMaxThreadCount(1); }

ThumbnailCache::~ThumbnailCache() {
  m_pool.clear();
  m_pool.waitForDone();
}

bool ThumbnailCache::hasPicture(const model::MediaItem& item) {
  return item.info.hasVideo && !item.path.empty() && item.kind != model::MediaKind::Title;
}

QImage ThumbnailCache::poster(const model::MediaItem& item) {
  if (!hasPicture(item)) return {};
  Entry& e = entry(item.id);
  if (e.posterAsked) return e.poster;
  e.posterAsked = true;
  ++m_pending;
  const std::uint64_t id = item.id.value, gen = e.token;
  const std::filesystem::path path = item.path;
  m_pool.start([this, id, gen, path] {
    auto r = media::posterFrame(path, kHeight);
    QImage img = r.ok() ? toQImage(r.value()) : QImage();
    const bool ok = r.ok();
    QMetaObject::invokeMethod(this, [this, id, gen, img, ok] { posterDone(id, gen, img, ok); }, Qt::QueuedConnection);
  });
  return {};
}

const std::vector<QImage>& ThumbnailCache::filmstrip(const model::MediaItem& item) {
  static const std::vector<QImage> kNone;
  if (!hasPicture(item) || item.info.still) return kNone;
  Entry& e = entry(item.id);
  if (e.stripAsked || e.failed) return e.strip;
  e.stripAsked = true;
  ++m_pending;
  const std::uint64_t id = item.id.value, gen = e.token;
  const std::filesystem::path path = item.path;
  const auto times = media::filmstripTimes(durationSeconds(item), kFilmstripFrames);
  m_pool.start([this, id, gen, path, times] {
    auto r = media::filmstrip(path, times, kHeight);
    auto frames = std::make_shared<std::vector<QImage>>();
    if (r.ok()) {
      for (const media::Image& img : r.value()) frames->push_back(toQImage(img));
    }
    QMetaObject::invokeMethod(this, [this, id, gen, frames] { stripDone(id, gen, *frames); }, Qt::QueuedConnection);
  });
  return e.strip;
}

bool ThumbnailCache::failed(model::MediaId id) const {
  auto it = m_entries.find(id.value);
  return it != m_entries.end() && it->second.failed;
}

ThumbnailCache::Entry& ThumbnailCache::entry(model::MediaId id) {
  Entry& e = m_entries[id.value];
  if (e.token == 0) e.token = m_nextToken++;
  return e;
}

void ThumbnailCache::clear() { m_entries.clear(); }

void ThumbnailCache::forget(model::MediaId id) { m_entries.erase(id.value); }

void ThumbnailCache::posterDone(std::uint64_t id, std::uint64_t token, QImage image, bool ok) {
  --m_pending;
  auto it = m_entries.find(id);
  if (it == m_entries.end() || it->second.token != token) return;
  Entry& e = it->second;
  e.poster = std::move(image);
  e.failed = !ok;
  emit posterReady(id);
}

void ThumbnailCache::stripDone(std::uint64_t id, std::uint64_t token, std::vector<QImage> frames) {
  --m_pending;
  auto it = m_entries.find(id);
  if (it == m_entries.end() || it->second.token != token) return;
  it->second.strip = std::move(frames);
  emit filmstripReady(id);
}

}  // namespace postline::ui
