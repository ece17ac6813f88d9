#pragma once
// Filmstrip thumbnails and waveforms for the timeline, computed off the UI thread (media::SummaryCache's
// worker, cached on disk beside the project) and kept in memory per media file. Lookups never block:
// a missing summary is requested and nullptr returned; updated() fires when one arrives.
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/media/summary_cache.h"
#include "core/model/media_item.h"

namespace postline::ui {

// Thumbnails spread evenly over a media file: image i shows the middle of part i of `count` equal parts.
struct Filmstrip {
  std::vector<QPixmap> images;   // all of the same size
  double durationSeconds = 0.0;  // the media's length the images spread over
};

class TimelineSummaries : public QObject {
  Q_OBJECT

 public:
  // Thumbnail height in pixels (images are made at this height).
  static constexpr int kThumbHeight = 44;

  explicit TimelineSummaries(QObject* parent = nullptr);
  ~TimelineSummaries() override;

  // Where summaries are cached on disk (e.g. SummaryCache::folderFor(project file)); drops what is in memory.
  void setCacheFolder(const std::filesystem::path& folder);
  // The filmstrip of `media` (video with a file), or nullptr while it is computed or when it failed.
  const Filmstrip* filmstrip(const model::MediaItem& media);
  // The waveform of `media` (with audio), or nullptr while it is computed or when it failed.
  const media::Waveform* waveform(const model::MediaItem& media);
  // Blocks until no request is pending (tests and benchmarks only), then delivers what arrived.
  void waitIdle();

 signals:
  // A filmstrip or waveform arrived (repaint).
  void updated();

 private:
  enum class State { Pending, Ready, Failed };
  struct StripEntry {
    State state = State::Pending;
    Filmstrip strip;
  };
  struct WaveEntry {
    State state = State::Pending;
    std::shared_ptr<const media::Waveform> wave;
  };

  void requestStrip(const model::MediaItem& media);
  void requestWave(const model::MediaItem& media);

  std::unique_ptr<media::SummaryCache> m_cache;
  std::map<std::string, StripEntry> m_strips;  // by media path
  std::map<std::string, WaveEntry> m_waves;    // by media path
};

}  // namespace postline::ui
