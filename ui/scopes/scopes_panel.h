#pragma once
// The scopes panel: vectorscope (with the skin-tone line and the 75 % colour-bar targets), luma and
// RGB histogram, luma waveform and RGB parade of the frame a viewer has on screen; any two side by
// side. The scopes are computed off the UI thread (render::ScopeWorker) from the very pixels the
// viewer presented, so while a control is dragged they show the frame that is on screen.
#include <QImage>
#include <QMetaObject>
#include <QPointer>
#include <QWidget>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "core/render/scopes.h"
#include "ui/scopes/scope_paint.h"

class QComboBox;

namespace postline::render {
class ScopeWorker;
}

namespace postline::ui {

class ScopeView;
class ViewerWidget;

class ScopesPanel : public QWidget {
  Q_OBJECT

 public:
  enum class Scope { Vectorscope = 0, Histogram = 1, Waveform = 2, Parade = 3 };

  explicit ScopesPanel(QWidget* parent = nullptr);
  ~ScopesPanel() override;

  // Follows `viewer` (nullptr: none): each frame it presents (ViewerWidget::framePresented) is sent
  // to the scope worker; only the newest pending frame is computed.
  void follow(ViewerWidget* viewer);
  // Sends one frame's pixels (RGBA8888, display-referred) directly (tests, stills).
  void submit(const QImage& rgba, qint64 frame, quint64 generation = 0);
  // The two scopes shown side by side (left, right).
  void setScopes(Scope left, Scope right);
  Scope leftScope() const;
  Scope rightScope() const;
  // The newest computed scopes (null before the first), and which frame/generation they are of.
  std::shared_ptr<const render::Scopes> latest() const;
  quint64 latestGeneration() const;
  // The painted view of side 0 (left) or 1 (right), and the combo choosing its scope.
  ScopeView* view(int side) const;
  QComboBox* chooser(int side) const;

 signals:
  // New scopes of `frame` (rendered for viewer generation `generation`) were painted on screen.
  void scopesShown(qint64 frame, quint64 generation);

 private:
  void onComputed(std::shared_ptr<const render::Scopes> scopes, std::shared_ptr<const scopepaint::Images> images,
                  quint64 generation);
  void onViewPainted(int side, const render::Scopes* scopes);
  void onViewerPresented();
  // Worker thread: the result of a submission, given its real frame number and its density images,
  // posted to the UI thread.
  void deliver(const std::shared_ptr<const render::Scopes>& computed);

  ScopeView* m_views[2] = {nullptr, nullptr};
  QComboBox* m_choosers[2] = {nullptr, nullptr};
  QPointer<ViewerWidget> m_viewer;
  QMetaObject::Connection m_followed;
  qint64 m_followedKey = 0;  // the viewer picture last submitted (QImage::cacheKey, frame, generation)
  qint64 m_followedFrame = -1;
  quint64 m_followedGeneration = 0;
  std::shared_ptr<const render::Scopes> m_latest;
  quint64 m_latestGeneration = 0;
  bool m_painted[2] = {true, true};  // the side painted m_latest (or there is nothing to show)
  bool m_announced = true;           // scopesShown was emitted for m_latest
  std::mutex m_submittedMutex;       // guards the two below (UI thread and worker thread)
  std::int64_t m_nextSerial = 0;
  // Submission serial (what the worker sees as frameIndex) -> (frame, generation).
  std::map<std::int64_t, std::pair<qint64, quint64>> m_submitted;
  std::unique_ptr<render::ScopeWorker> m_worker;  // last: its thread stops first
};

}  // namespace postline::ui
