#include "ui/timeline/timeline_summaries.h"

#include <QCoreApplication>
#include <QPointer>
#include <QStandardPaths>
#include <algorithm>
#include <cmath>

namespace postline::ui {

namespace {

std::filesystem::path defaultFolder() {
  QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
  if (base.isEmpty()) base = QString::fromStdString(std::filesystem::temp_directory_path().string());
  return std::filesystem::path(base.toStdString()) / "timeline-summaries";
}

double mediaSeconds(const model::MediaItem& m) {
  return static_cast<double>(m.info.duration) * m.info.timeBase.toDouble();
}

QPixmap toPixmap(const media::Image& img) {
  QImage q(img.rgba.data(), img.width, img.height, img.width * 4, QImage::Format_RGBA8888);
  return QPixmap::fromImage(q.copy());  // copy: the bytes die with the worker's result
}

}  // namespace

TimelineSummaries::TimelineSummaries(QObject* parent)
    : QObject(parent), m_cache(std::make_unique<media::SummaryCache>(defaultFolder())) {}

TimelineSummaries::~TimelineSummaries() {
  m_cache->cancelAll();
  m_cache.reset();  // joins the worker before this object goes
}

void TimelineSummaries::setCacheFolder(const std::filesystem::path& folder) {
  m_cache->cancelAll();
  m_cache = std::make_unique<media::SummaryCache>(folder.empty() ? defaultFolder() : folder);
  m_strips.clear();
  m_waves.clear();
}

const Filmstrip* TimelineSummaries::filmstrip(const model::MediaItem& media) {
  if (media.path.empty() || !media.info.hasVideo) return nullptr;
  auto it = m_strips.find(media.path);
  if (it == m_strips.end()) {
    requestStrip(media);
    return nullptr;
  }
  return it->second.state == State::Ready ? &it->second.strip : nullptr;
}

const media::Waveform* TimelineSummaries::waveform(const model::MediaItem& media) {
  if (media.path.empty() || !media.info.hasAudio) return nullptr;
  auto it = m_waves.find(media.path);
  if (it == m_waves.end()) {
    requestWave(media);
    return nullptr;
  }
  return it->second.state == State::Ready ? it->second.wave.get() : nullptr;
}

void TimelineSummaries::requestStrip(const model::MediaItem& media) {
  const std::string path = media.path;
  const double seconds = mediaSeconds(media);
  m_strips[path] = StripEntry{};
  const int count = std::clamp(static_cast<int>(std::lround(seconds * 2.0)), 2, 40);
  auto product = media.info.timeBase.mul(time::Rational(media.info.duration));
  const time::Rational rationalSeconds = product.ok() ? product.value() : time::Rational(1);
  media::ThumbnailSpec spec{media::filmstripTimes(rationalSeconds, count), kThumbHeight};
  QPointer<TimelineSummaries> self(this);
  m_cache->requestThumbnails(path, spec, [self, path, seconds](auto, base::Result<std::vector<media::Image>> r) {
    auto shared = std::make_shared<base::Result<std::vector<media::Image>>>(std::move(r));
    QMetaObject::invokeMethod(QCoreApplication::instance(), [self, path, seconds, shared] {
      if (!self) return;
      StripEntry& e = self->m_strips[path];
      if (!shared->ok() || shared->value().empty()) {
        e.state = State::Failed;
        return;
      }
      e.strip.durationSeconds = seconds;
      for (const media::Image& img : shared->value()) e.strip.images.push_back(toPixmap(img));
      e.state = State::Ready;
      emit self->updated();
    }, Qt::QueuedConnection);
  });
}

void TimelineSummaries::requestWave(const model::MediaItem& media) {
  const std::string path = media.path;
  m_waves[path] = WaveEntry{};
  QPointer<TimelineSummaries> self(this);
  m_cache->requestWaveform(path, [self, path](auto, base::Result<media::Waveform> r) {
    auto shared = std::make_shared<base::Result<media::Waveform>>(std::move(r));
    QMetaObject::invokeMethod(QCoreApplication::instance(), [self, path, shared] {
      if (!self) return;
      WaveEntry& e = self->m_waves[path];
      if (!shared->ok()) {
        e.state = State::Failed;
        return;
      }
      e.wave = std::make_shared<const media::Waveform>(std::move(shared->value()));
      e.state = State::Ready;
      emit self->updated();
    }, Qt::QueuedConnection);
  });
}

void TimelineSummaries::waitIdle() {
  m_cache->waitIdle();
  QCoreApplication::processEvents();
}

}  // namespace postline::ui
