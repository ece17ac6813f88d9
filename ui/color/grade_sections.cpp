#include "ui/color/grade_sections.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

#include "core/color/bias_presets.h"
#include "ui/color/color_wheel.h"
#include "ui/color/param_slider.h"

namespace postline::ui {

void bindClipSlider(ParamSlider* slider, GradeSink& sink, const QString& label, std::function<double&(color::Grade&)> field) {
  const QString key = QStringLiteral("clip-") + slider->objectName();
  QObject::connect(slider, &ParamSlider::edited, slider, [&sink, label, key, field](double v) {
    sink.editClip([&](color::Grade& g) { field(g) = v; }, label, key);
  });
  QObject::connect(slider, &ParamSlider::gestureFinished, slider, [&sink] { sink.endGesture(); });
}

void bindTimelineSlider(ParamSlider* slider, GradeSink& sink, const QString& label,
                        std::function<double&(color::TimelineGrade&)> field) {
  const QString key = QStringLiteral("timeline-") + slider->objectName();
  QObject::connect(slider, &ParamSlider::edited, slider, [&sink, label, key, field](double v) {
    sink.editTimeline([&](color::TimelineGrade& g) { field(g) = v; }, label, key);
  });
  QObject::connect(slider, &ParamSlider::gestureFinished, slider, [&sink] { sink.endGesture(); });
}

// --- Normalise ------------------------------------------------------------------------------------

NormaliseSection::NormaliseSection(GradeSink& sink, QWidget* parent) : QWidget(parent) {
  auto* col = new QVBoxLayout(this);
  temperature = new ParamSlider(tr("Temperature"), -100, 100, 0, 1, this);
  tint = new ParamSlider(tr("Tint"), -100, 100, 0, 1, this);
  exposure = new ParamSlider(tr("Exposure"), -4, 4, 0, 2, this);
  contrast = new ParamSlider(tr("Contrast"), 0, 2, 1, 2, this);
  pivot = new ParamSlider(tr("Pivot"), 0.01, 1, 0.18, 3, this);
  saturation = new ParamSlider(tr("Saturation"), 0, 2, 1, 2, this);
  using N = color::Grade;
  bindClipSlider(temperature, sink, tr("Temperature"), [](N& g) -> double& { return g.normalise.temperature; });
  bindClipSlider(tint, sink, tr("Tint"), [](N& g) -> double& { return g.normalise.tint; });
  bindClipSlider(exposure, sink, tr("Exposure"), [](N& g) -> double& { return g.normalise.exposure; });
  bindClipSlider(contrast, sink, tr("Contrast"), [](N& g) -> double& { return g.normalise.contrast; });
  bindClipSlider(pivot, sink, tr("Pivot"), [](N& g) -> double& { return g.normalise.pivot; });
  bindClipSlider(saturation, sink, tr("Saturation"), [](N& g) -> double& { return g.normalise.saturation; });
  for (ParamSlider* s : {temperature, tint, exposure, contrast, pivot, saturation}) col->addWidget(s);
  auto* buttons = new QHBoxLayout;
  matchButton = new QPushButton(tr("Match to reference..."), this);
  matchButton->setToolTip(tr("Match this clip to a still or clip from 04_Reference, or a file"));
  normaliseAllButton = new QPushButton(tr("Normalise all clips..."), this);
  normaliseAllButton->setToolTip(tr("Match every clip on the timeline to one reference (one undo step)"));
  buttons->addWidget(matchButton);
  buttons->addWidget(normaliseAllButton);
  buttons->addStretch(1);
  col->addLayout(buttons);
  auto* bias = new QHBoxLayout;
  bias->addWidget(new QLabel(tr("Generator bias:"), this));
  for (const color::BiasPreset& p : color::biasPresets()) {
    auto* b = new QPushButton(QString::fromStdString(p.name), this);
    b->setObjectName(QString::fromStdString(p.id));
    b->setToolTip(QString::fromStdString(p.description));
    const color::Normalise n = p.normalise;
    const QString label = QString::fromStdString(p.name);
    connect(b, &QPushButton::clicked, this, [&sink, n, label] { sink.editClip([&](color::Grade& g) { g.normalise = n; }, label, {}); });
    bias->addWidget(b);
  }
  bias->addStretch(1);
  col->addLayout(bias);
  status = new QLabel(this);
  status->setWordWrap(true);
  col->addWidget(status);
  col->addStretch(1);
}

void NormaliseSection::load(const color::Normalise& n) {
  temperature->setValue(n.temperature);
  tint->setValue(n.tint);
  exposure->setValue(n.exposure);
  contrast->setValue(n.contrast);
  pivot->setValue(n.pivot);
  saturation->setValue(n.saturation);
}

// --- Primaries ------------------------------------------------------------------------------------

namespace {
color::Wheel& wheelField(color::Normalise& n, int i) {
  switch (i) {
    case 0: return n.lift;
    case 1: return n.gamma;
    case 2: return n.gain;
    default: return n.offset;
  }
}
}  // namespace

PrimariesSection::PrimariesSection(GradeSink& sink, QWidget* parent) : QWidget(parent) {
  auto* row = new QHBoxLayout(this);
  const QString titles[4] = {tr("Lift"), tr("Gamma"), tr("Gain"), tr("Offset")};
  for (int i = 0; i < 4; ++i) {
    auto* w = new ColorWheel(static_cast<WheelKind>(i), titles[i], this);
    w->setObjectName(titles[i].toLower() + QStringLiteral("Wheel"));
    const QString label = titles[i];
    const QString key = QStringLiteral("wheel-") + titles[i].toLower();
    connect(w, &ColorWheel::edited, this, [&sink, i, label, key](const color::Wheel& v) {
      sink.editClip([&](color::Grade& g) { wheelField(g.normalise, i) = v; }, label, key);
    });
    connect(w, &ColorWheel::gestureFinished, this, [&sink] { sink.endGesture(); });
    wheels[i] = w;
    row->addWidget(w);
  }
}

void PrimariesSection::load(const color::Normalise& n) {
  color::Normalise copy = n;
  for (int i = 0; i < 4; ++i) wheels[i]->setValue(wheelField(copy, i));
}

// --- Film look ------------------------------------------------------------------------------------

FilmSection::FilmSection(GradeSink& sink, QWidget* parent) : QWidget(parent) {
  auto* col = new QVBoxLayout(this);
  grainAmount = new ParamSlider(tr("Grain"), 0, 0.1, 0, 3, this);
  grainSize = new ParamSlider(tr("Grain size"), 0.5, 4, 1, 2, this);
  vignetteAmount = new ParamSlider(tr("Vignette"), 0, 0.3, 0, 3, this);
  vignetteRoundness = new ParamSlider(tr("Roundness"), 0, 1, 1, 2, this);
  vignetteFeather = new ParamSlider(tr("Feather"), 0.05, 1, 0.5, 2, this);
  halation = new ParamSlider(tr("Halation"), 0, 1, 0, 2, this);
  ceiling = new ParamSlider(tr("Highlight ceiling"), 0.8, 1, 1, 3, this);
  using T = color::TimelineGrade;
  bindTimelineSlider(grainAmount, sink, tr("Grain"), [](T& g) -> double& { return g.film.grain.amount; });
  bindTimelineSlider(grainSize, sink, tr("Grain size"), [](T& g) -> double& { return g.film.grain.size; });
  bindTimelineSlider(vignetteAmount, sink, tr("Vignette"), [](T& g) -> double& { return g.film.vignette.amount; });
  bindTimelineSlider(vignetteRoundness, sink, tr("Vignette roundness"), [](T& g) -> double& { return g.film.vignette.roundness; });
  bindTimelineSlider(vignetteFeather, sink, tr("Vignette feather"), [](T& g) -> double& { return g.film.vignette.feather; });
  bindTimelineSlider(halation, sink, tr("Halation"), [](T& g) -> double& { return g.film.halation.amount; });
  // The ceiling carries its knee down with it (knee <= ceiling).
  connect(ceiling, &ParamSlider::edited, this, [&sink](double v) {
    sink.editTimeline([&](T& g) {
      g.film.ceiling.ceiling = v;
      g.film.ceiling.knee = std::min(g.film.ceiling.knee, v);
    }, tr("Highlight ceiling"), QStringLiteral("timeline-ceiling"));
  });
  connect(ceiling, &ParamSlider::gestureFinished, this, [&sink] { sink.endGesture(); });
  for (ParamSlider* s : {grainAmount, grainSize, vignetteAmount, vignetteRoundness, vignetteFeather, halation, ceiling}) col->addWidget(s);
  col->addStretch(1);
}

void FilmSection::load(const color::FilmLook& f) {
  grainAmount->setValue(f.grain.amount);
  grainSize->setValue(f.grain.size);
  vignetteAmount->setValue(f.vignette.amount);
  vignetteRoundness->setValue(f.vignette.roundness);
  vignetteFeather->setValue(f.vignette.feather);
  halation->setValue(f.halation.amount);
  ceiling->setValue(f.ceiling.ceiling);
}

}  // namespace postline::ui
