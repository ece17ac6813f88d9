#include "ui/color/curve_editor.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTabBar>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/color/curves.h"

namespace postline::ui {

namespace {
constexpr double kGap = 0.01;  // points keep at least this far apart in x
constexpr double kHitPx = 7.0;
const QColor kChannelColour[4] = {QColor(230, 230, 230), QColor(235, 80, 80), QColor(90, 210, 90), QColor(100, 140, 255)};
}  // namespace

CurveEditor::CurveEditor(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_tabs = new QTabBar(this);
  for (const char* name : {"RGB", "Red", "Green", "Blue"}) m_tabs->addTab(tr(name));
  m_plot = new CurvePlot(*this);
  layout->addWidget(m_tabs);
  layout->addWidget(m_plot, 1);
  connect(m_tabs, &QTabBar::currentChanged, m_plot, qOverload<>(&QWidget::update));
}

void CurveEditor::setCurves(const color::Curves& curves) {
  if (curves == m_curves) return;
  m_curves = curves;
  m_plot->update();
}

void CurveEditor::setChannel(int channel) { m_tabs->setCurrentIndex(std::clamp(channel, 0, 3)); }
int CurveEditor::channel() const { return m_tabs->currentIndex(); }
QWidget& CurveEditor::plot() { return *m_plot; }
QPointF CurveEditor::plotPoint(double x, double y) const { return m_plot->toWidget(x, y); }

std::vector<color::CurvePoint>& CurveEditor::active() {
  switch (channel()) {
    case 1: return m_curves.red;
    case 2: return m_curves.green;
    case 3: return m_curves.blue;
    default: return m_curves.master;
  }
}

void CurveEditor::changed() {
  m_plot->update();
  emit edited(m_curves);
}

// --- CurvePlot ------------------------------------------------------------------------------------

CurvePlot::CurvePlot(CurveEditor& editor) : QWidget(&editor), m_editor(editor) {
  setObjectName(QStringLiteral("curvePlot"));
  setToolTip(tr("Click adds a point, drag moves it, double-click or right-click removes it"));
}

QRectF CurvePlot::area() const {
  const double side = std::max(20.0, std::min(width(), height()) - 12.0);
  return QRectF((width() - side) / 2.0, (height() - side) / 2.0, side, side);
}

QPointF CurvePlot::toWidget(double x, double y) const {
  const QRectF a = area();
  return QPointF(a.left() + x * a.width(), a.bottom() - y * a.height());
}

color::CurvePoint CurvePlot::toValue(QPointF at) const {
  const QRectF a = area();
  return {std::clamp((at.x() - a.left()) / a.width(), 0.0, 1.0), std::clamp((a.bottom() - at.y()) / a.height(), 0.0, 1.0)};
}

int CurvePlot::hit(QPointF at) const {
  const auto& pts = const_cast<CurveEditor&>(m_editor).active();
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const QPointF w = toWidget(pts[i].x, pts[i].y);
    if (std::hypot(w.x() - at.x(), w.y() - at.y()) <= kHitPx) return int(i);
  }
  return -1;
}

void CurvePlot::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing, true);
  const QRectF a = area();
  p.fillRect(a, QColor(28, 28, 28));
  p.setPen(QPen(QColor(70, 70, 70), 1));
  for (int i = 1; i < 4; ++i) {
    p.drawLine(QPointF(a.left() + a.width() * i / 4, a.top()), QPointF(a.left() + a.width() * i / 4, a.bottom()));
    p.drawLine(QPointF(a.left(), a.top() + a.height() * i / 4), QPointF(a.right(), a.top() + a.height() * i / 4));
  }
  p.drawRect(a);
  p.setPen(QPen(QColor(90, 90, 90), 1, Qt::DashLine));
  p.drawLine(a.bottomLeft(), a.topRight());
  const int ch = m_editor.channel();
  const auto& pts = m_editor.active();
  const color::MonotoneCubic curve(pts);
  QPainterPath path;
  for (int i = 0; i <= 128; ++i) {
    const double x = i / 128.0;
    const QPointF w = toWidget(x, std::clamp(curve(x), 0.0, 1.0));
    if (i == 0) path.moveTo(w); else path.lineTo(w);
  }
  p.setPen(QPen(kChannelColour[ch], 2));
  p.setBrush(Qt::NoBrush);
  p.drawPath(path);
  p.setBrush(kChannelColour[ch]);
  p.setPen(QPen(QColor(10, 10, 10), 1));
  for (const color::CurvePoint& pt : pts) p.drawEllipse(toWidget(pt.x, pt.y), 4.5, 4.5);
}

void CurvePlot::moveTo(int index, QPointF at) {
  auto& pts = m_editor.active();
  color::CurvePoint v = toValue(at);
  const double lo = index > 0 ? pts[index - 1].x + kGap : 0.0;
  const double hi = index + 1 < int(pts.size()) ? pts[index + 1].x - kGap : 1.0;
  v.x = std::clamp(v.x, lo, hi);
  pts[index] = v;
  m_editor.changed();
}

void CurvePlot::mousePressEvent(QMouseEvent* event) {
  auto& pts = m_editor.active();
  const int at = hit(event->position());
  if (event->button() == Qt::RightButton) {
    if (at >= 0) {
      pts.erase(pts.begin() + at);
      m_editor.changed();
      emit m_editor.gestureFinished();
    }
    return;
  }
  if (event->button() != Qt::LeftButton) return;
  if (at >= 0) {
    m_drag = at;
    return;
  }
  if (pts.size() < 2) pts = {{0.0, 0.0}, {1.0, 1.0}};
  const color::CurvePoint v = toValue(event->position());
  auto pos = std::lower_bound(pts.begin(), pts.end(), v.x, [](const color::CurvePoint& p, double x) { return p.x < x; });
  const bool tooClose = (pos != pts.end() && pos->x - v.x < kGap) || (pos != pts.begin() && v.x - std::prev(pos)->x < kGap);
  if (tooClose) return;
  m_drag = int(pos - pts.begin());
  pts.insert(pos, v);
  m_editor.changed();
}

void CurvePlot::mouseMoveEvent(QMouseEvent* event) {
  if (m_drag < 0 || m_drag >= int(m_editor.active().size())) return;
  moveTo(m_drag, event->position());
}

void CurvePlot::mouseReleaseEvent(QMouseEvent*) {
  if (m_drag < 0) return;
  m_drag = -1;
  emit m_editor.gestureFinished();
}

void CurvePlot::mouseDoubleClickEvent(QMouseEvent* event) {
  auto& pts = m_editor.active();
  const int at = hit(event->position());
  m_drag = -1;
  if (at < 0) return;
  pts.erase(pts.begin() + at);
  if (pts.size() < 2) pts.clear();
  m_editor.changed();
  emit m_editor.gestureFinished();
}

}  // namespace postline::ui
