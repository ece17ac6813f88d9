// Transport's frame scheduling: the 4 ms tick that reads the clock, shows the due frame when it is
// ready, counts the ones that never were, and keeps the provider rendering ahead.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "ui/controller/project_controller.h"
#include "ui/playback/playback_clock.h"
#include "ui/playback/transport.h"

namespace postline::ui {

using playback::frameAtSample;
using playback::sampleOfFrame;

namespace {
constexpr qint64 kPrerollLimitMs = 2000;  // play starts anyway when the first frames take longer
constexpr int kPrerollFrames = 3;         // frames ready before the clock starts (1x forward)
constexpr int kMaxLead = 24;              // frames the transport asks ahead at most (1 s at 24 fps)
}  // namespace

void Transport::tick() {
  if (m_prerolling) {
    if (!prerollDone()) return;
    m_prerolling = false;
    anchorClock(m_anchorSample, m_rate);
  }
  const std::int64_t sample = clockSample();
  const std::int64_t due = frameAtSample(sample, frameRate());
  if (handleBounds(due)) return;
  if (due != m_due) noteDue(due);
  if (!m_dueShown) tryShow(due, sample);
  keepPrefetching(due);
}

bool Transport::prerollDone() {
  if (m_prerollTimer.elapsed() >= kPrerollLimitMs) return true;
  const auto range = currentRange();
  const int wanted = m_rate == 1 ? std::min(kPrerollFrames, m_prefetch) : 1;
  for (int k = 0; k < wanted; ++k) {
    const std::int64_t f = m_playStart + (m_rate > 0 ? k : -k);
    if (f < range.first || f > range.last) break;
    if (!m_provider->frame(f)) return false;
  }
  return true;
}

// Past the end of the play range: wrap (loop) or pause there. True when the tick is over.
bool Transport::handleBounds(std::int64_t due) {
  const auto range = currentRange();
  if (m_rate > 0 && due > range.last) return wrapOrEnd(range.first);
  if (m_rate < 0 && due < range.first) return wrapOrEnd(range.last);
  return false;
}

bool Transport::wrapOrEnd(std::int64_t restart) {
  if (m_provider && std::abs(m_rate) == 1 && m_due >= 0 && !m_dueShown) {
    ++m_dropped;
    emit droppedChanged(m_dropped);
  }
  m_due = -1;
  m_dueShown = false;
  m_prefetchFrom = -1;
  m_target = -1;
  m_lastShown = -1;
  if (!m_looping || m_inToOut) {
    pause();
    return true;
  }
  const time::FrameRate fps = frameRate();
  anchorClock(m_rate > 0 ? sampleOfFrame(restart, fps) : sampleOfFrame(restart + 1, fps) - 1, m_rate);
  return true;
}

// A new frame fell due: the previous one, if never shown, and any skipped over are dropped.
void Transport::noteDue(std::int64_t due) {
  if (m_provider && std::abs(m_rate) == 1 && m_due >= 0) {
    const std::int64_t skipped = std::max<std::int64_t>(0, std::abs(due - m_due) - 1);
    const int missed = static_cast<int>(skipped) + (m_dueShown ? 0 : 1);
    if (missed > 0) {
      m_dropped += missed;
      emit droppedChanged(m_dropped);
    }
  }
  if (m_rate == 1 && m_due >= 0) adaptLead(due);
  m_due = due;
  m_dueShown = false;
  m_dueMissed = false;
}

void Transport::tryShow(std::int64_t due, std::int64_t sample) {
  if (m_provider == nullptr) {
    movePlayhead(due);
    m_dueShown = true;
    return;
  }
  const std::optional<RenderedFrame> frame = m_provider->frame(due);
  if (!frame) {
    m_dueMissed = true;  // asked for, looked at while due, not there
    movePlayhead(due);   // the playhead follows the clock; the viewer keeps the last frame shown
    return;
  }
  // How long after its due time it goes to the viewer (real ms, whatever the shuttle rate).
  const time::FrameRate fps = frameRate();
  const std::int64_t dueSample = m_rate > 0 ? sampleOfFrame(due, fps) : sampleOfFrame(due + 1, fps) - 1;
  const std::int64_t now = m_rate > 0 ? std::max(sample, clockSample()) : std::min(sample, clockSample());
  m_avOffsetMs = playback::samplesToMs(std::abs(now - dueSample)) / std::abs(m_rate);
  if (m_sink) m_sink(*frame);
  m_dueShown = true;
  ++m_shown;
  m_missStreak = 0;
  m_lastShown = due;
  m_renderMs = frame->renderMs;
  // Render time vs. the frame period: sparse mode (asking twice the render time ahead) or not.
  const double periodMs = 1000.0 / fps.fps().toDouble();
  if (frame->renderMs > periodMs) {
    m_lead = std::clamp(static_cast<int>(std::ceil(2.0 * frame->renderMs / periodMs)) + 1, 2, kMaxLead);
  } else if (frame->renderMs < 0.7 * periodMs) {
    m_lead = 1;
  }
  movePlayhead(due);
  m_avOffsetMaxMs = std::max(m_avOffsetMaxMs, m_avOffsetMs);
}

// Sparse mode: a window starting m_lead frames ahead, as long as the renderer can finish it in time
// (frame i of it is ready after (i + 1) render times, due after m_lead + i periods); the next
// window is asked for once this one has passed (asking earlier would drop its finished frames).
void Transport::sparsePrefetch(std::int64_t due, std::int64_t last) {
  if (m_target >= 0 && (due < m_targetEnd || (due == m_targetEnd && !m_dueShown))) return;
  const double periodMs = 1000.0 / frameRate().fps().toDouble();
  int count = 1;
  if (m_renderMs > periodMs) {
    const double fits = (m_lead * periodMs - m_renderMs) / (m_renderMs - periodMs);
    count = std::clamp(static_cast<int>(fits), 1, m_prefetch);
  } else {
    count = m_prefetch;
  }
  m_target = std::min(due + m_lead, last);
  m_targetEnd = std::min(m_target + count - 1, last);
  m_prefetchFrom = m_target;
  m_provider->prefetch(m_target, static_cast<int>(m_targetEnd - m_target + 1));
}

// The renderer's pace at 1x, judged when a due frame passes: an asked-for frame that was not ready
// (3 in a row) or a sparse target missed means asking further ahead.
void Transport::adaptLead(std::int64_t due) {
  if (m_lead > 1) {
    if (m_target >= 0 && due > m_targetEnd) {
      if (m_lastShown < m_target) m_lead = std::min(m_lead * 2, kMaxLead);  // none of it in time
      m_target = -1;
    }
    return;
  }
  if (m_dueMissed && ++m_missStreak >= 3) m_lead = 4;
}

// 1x: the frames after the due one (from the due one while it is not ready; from the range's
// first frame once the last frame of a loop is up). Shuttle: the frame due one period later.
void Transport::keepPrefetching(std::int64_t due) {
  if (m_provider == nullptr) return;
  const auto range = currentRange();
  std::int64_t from = due;
  int count = m_prefetch;
  if (m_rate == 1 && m_lead > 1) {
    sparsePrefetch(due, range.last);
    return;
  }
  if (m_rate == 1) {
    from = m_dueShown ? due + 1 : due;
  } else if (m_rate > 1) {
    from = due + m_rate;
  } else {
    from = due + m_rate;
    count = 1;
  }
  if (m_rate > 0 && from > range.last) {
    if (!m_looping || m_inToOut) return;
    from = range.first;
  }
  if (m_rate < 0 && from < range.first) {
    if (!m_looping) return;
    from = range.last;
  }
  if (from == m_prefetchFrom) return;
  m_prefetchFrom = from;
  if (m_rate > 0 && from >= due) count = static_cast<int>(std::min<std::int64_t>(count, range.last - from + 1));
  m_provider->prefetch(from, std::max(count, 1));
}

}  // namespace postline::ui
