#include "ui/bins/media_columns.h"

#include <QStringList>

#include "core/time/timecode.h"

namespace postline::ui {

QString mediaColumnTitle(MediaColumn column) {
  switch (column) {
    case MediaColumn::Name: return QStringLiteral("Name");
    case MediaColumn::Shot: return QStringLiteral("Shot");
    case MediaColumn::Take: return QStringLiteral("Take");
    case MediaColumn::Duration: return QStringLiteral("Duration");
    case MediaColumn::Fps: return QStringLiteral("FPS");
    case MediaColumn::Resolution: return QStringLiteral("Resolution");
    case MediaColumn::Codec: return QStringLiteral("Codec");
    case MediaColumn::Flags: return QStringLiteral("Flags");
    case MediaColumn::Count: break;
  }
  return {};
}

QString fpsText(const time::Rational& fps) {
  if (fps.isZero()) return {};
  if (fps.den() == 1) return QString::number(fps.num());
  QString s = QString::number(fps.toDouble(), 'f', 3);
  while (s.endsWith('0')) s.chop(1);
  if (s.endsWith('.')) s.chop(1);
  return s;
}

QString durationText(const model::MediaItem& item, const time::FrameRate& fallback) {
  if (item.info.still || item.kind == model::MediaKind::Title) return {};
  auto rate = item.info.hasVideo && !item.info.frameRate.isZero() ? time::FrameRate::make(item.info.frameRate)
                                                                   : base::Result<time::FrameRate>(fallback);
  if (!rate.ok()) return {};
  auto seconds = item.info.timeBase.mul(time::Rational(item.info.duration));
  auto frames = seconds.ok() ? seconds->mul(rate->fps()) : seconds;
  if (!frames.ok()) return {};
  auto whole = time::roundNearest(frames->num(), frames->den());
  if (!whole.ok()) return {};
  return QString::fromStdString(time::formatTimecode(time::FramePos{whole.value()}, rate.value()));
}

QString resolutionText(const model::MediaItem& item) {
  if (!item.info.hasVideo || item.info.width <= 0) return {};
  return QStringLiteral("%1x%2").arg(item.info.width).arg(item.info.height);
}

QString codecText(const model::MediaItem& item) {
  QStringList parts;
  if (item.info.hasVideo && !item.info.videoCodec.empty()) parts << QString::fromStdString(item.info.videoCodec);
  if (item.info.hasAudio && !item.info.audioCodec.empty()) parts << QString::fromStdString(item.info.audioCodec);
  return parts.join(QStringLiteral(" / "));
}

MediaFlags mediaFlags(const model::MediaItem& item, const time::FrameRate* sequenceRate, bool offline) {
  MediaFlags f;
  f.offline = offline;
  const bool movingPicture = item.info.hasVideo && !item.info.still && item.kind == model::MediaKind::Video;
  const QString fix = sequenceRate ? QStringLiteral("Offered fix: conform to %1 fps.").arg(fpsText(sequenceRate->fps()))
                                   : QString();
  QStringList text, tips;
  if (movingPicture && item.info.variableFrameRate) {
    f.variableRate = true;
    text << QStringLiteral("VFR");
    tips << QStringLiteral("Variable frame rate (average %1 fps), kept as recorded. %2")
                .arg(fpsText(item.info.frameRate), fix);
  } else if (movingPicture && sequenceRate && !item.info.frameRate.isZero() &&
             item.info.frameRate != sequenceRate->fps()) {
    f.mixedRate = true;
    text << QStringLiteral("%1 fps").arg(fpsText(item.info.frameRate));
    tips << QStringLiteral("%1 fps differs from the sequence's %2 fps. %3")
                .arg(fpsText(item.info.frameRate), fpsText(sequenceRate->fps()), fix);
  }
  if (offline) {
    text << QStringLiteral("Offline");
    tips << QStringLiteral("The file is missing: %1. Right-click > Relink… to find it.")
                .arg(QString::fromStdString(item.path));
  }
  f.text = text.join(QStringLiteral(", "));
  f.tooltip = tips.join('\n').trimmed();
  return f;
}

}  // namespace postline::ui
