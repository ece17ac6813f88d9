#pragma once
// Poster frames and skim filmstrips of media items, decoded off the UI thread (core/media
// thumbnails on a private QThreadPool) and cached per media id. The UI thread only asks and draws:
// a first request starts the work and returns nothing; the ready signals say when to repaint.
#include <QImage>
#include <QObject>
#include <QThreadPool>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/model/media_item.h"

namespace postline::ui {

class ThumbnailCache : public QObject {
  Q_OBJECT

 public:
  // Height of posters and filmstrip frames, pixels.
  static constexpr int kHeight = 108;
  // Frames in a skim filmstrip (spread over the clip's length).
  static constexpr int kFilmstripFrames = 20;

  explicit ThumbnailCache(QObject* parent = nullptr);
  // Waits for running decodes (their results are dropped).
  ~ThumbnailCache() override;

  // The poster (middle frame) of `item`; a null image until it has arrived (the first call starts it).
  // Items without a picture (audio, titles) never get one.
  QImage poster(const model::MediaItem& item);
  // The skim frames of `item` (kFilmstripFrames, first to last); empty until they have arrived.
  const std::vector<QImage>& filmstrip(const model::MediaItem& item);
  // True when decoding `id`'s poster failed (unreadable file).
  bool failed(model::MediaId id) const;
  // Forgets everything (a new project: ids mean other files).
  void clear();
  // Forgets one item (relinked to another file).
  void forget(model::MediaId id);
  // Decodes queued or running.
  int pending() const { return m_pending; }

 signals:
  // The poster of media `id` arrived (or failed).
  void posterReady(quint64 id);
  // The filmstrip of media `id` arrived.
  void filmstripReady(quint64 id);

 private:
  struct Entry {
    QImage poster;
    std::vector<QImage> strip;
    bool posterAsked = false;
    bool stripAsked = false;
    bool failed = false;
    std::uint64_t token = 0;  // identifies this entry's requests; a forgotten entry's results are dropped
  };
  Entry& entry(model::MediaId id);
  static bool hasPicture(const model::MediaItem& item);
  void posterDone(std::uint64_t id, std::uint64_t token, QImage image, bool ok);
  void stripDone(std::uint64_t id, std::uint64_t token, std::vector<QImage> frames);

  std::unordered_map<std::uint64_t, Entry> m_entries;
  std::uint64_t m_nextToken = 1;
  int m_pending = 0;
  QThreadPool m_pool;
};

}  // namespace postline::ui
