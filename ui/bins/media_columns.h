#pragma once
// How a media item reads in the bins: the list columns, frame rates as people write them, and
// the warning flags (variable rate, a rate other than the sequence's, offline) with their fix.
#include <QString>

#include "core/model/media_item.h"
#include "core/time/frame_rate.h"

namespace postline::ui {

// The columns of the bin list view, left to right.
enum class MediaColumn { Name, Shot, Take, Duration, Fps, Resolution, Codec, Flags, Count };

// Header text of a column.
QString mediaColumnTitle(MediaColumn column);

// A frame rate as people write it: "24", "23.976", "29.97"; "" for 0 (unknown or a still).
QString fpsText(const time::Rational& fps);

// Length of `item` as timecode at its own rate (video), else at `fallback` (audio); "" for stills.
QString durationText(const model::MediaItem& item, const time::FrameRate& fallback);

// "1920x1080", "" when the item has no picture.
QString resolutionText(const model::MediaItem& item);

// "h264 / aac", the codecs present.
QString codecText(const model::MediaItem& item);

// The warnings of one item.
struct MediaFlags {
  bool variableRate = false;  // variable frame rate video
  bool mixedRate = false;     // constant rate other than the sequence's
  bool offline = false;       // the file is missing
  QString text;               // short text for the flags column ("VFR", "30 fps", "Offline")
  QString tooltip;            // what is wrong and the offered fix

  bool warning() const { return variableRate || mixedRate; }
  bool any() const { return warning() || offline; }
};

// Flags of `item` in a sequence at `sequenceRate` (nullptr: no sequence, no rate comparison).
MediaFlags mediaFlags(const model::MediaItem& item, const time::FrameRate* sequenceRate, bool offline);

}  // namespace postline::ui
