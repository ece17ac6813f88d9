#pragma once
// The Color page's grade control sections. Each binds its controls to grade fields and edits
// through a GradeSink (the page), which turns every change into a core edit on the current clip
// (or the timeline grade) through ProjectController::apply; a gesture's mergeKey makes a drag one
// command and endGesture() closes it.
#include <QWidget>
#include <functional>

#include "core/color/grade.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace postline::ui {

class ColorWheel;
class CurveEditor;
class ParamSlider;

class GradeSink {
 public:
  virtual ~GradeSink() = default;
  virtual void editClip(const std::function<void(color::Grade&)>& change, const QString& label, const QString& mergeKey) = 0;
  virtual void editTimeline(const std::function<void(color::TimelineGrade&)>& change, const QString& label,
                            const QString& mergeKey) = 0;
  virtual void endGesture() = 0;
};

// Binds a ParamSlider to a field of the clip's grade (one mergeKey per slider).
void bindClipSlider(ParamSlider* slider, GradeSink& sink, const QString& label, std::function<double&(color::Grade&)> field);
// Binds a ParamSlider to a field of the timeline grade.
void bindTimelineSlider(ParamSlider* slider, GradeSink& sink, const QString& label,
                        std::function<double&(color::TimelineGrade&)> field);

// Normalise: temperature/tint, exposure, contrast + pivot, saturation; match/normalise-all buttons
// and the generator-bias presets (the page connects the buttons).
class NormaliseSection : public QWidget {
  Q_OBJECT
 public:
  NormaliseSection(GradeSink& sink, QWidget* parent = nullptr);
  void load(const color::Normalise& n);
  ParamSlider* temperature = nullptr;
  ParamSlider* tint = nullptr;
  ParamSlider* exposure = nullptr;
  ParamSlider* contrast = nullptr;
  ParamSlider* pivot = nullptr;
  ParamSlider* saturation = nullptr;
  QPushButton* matchButton = nullptr;
  QPushButton* normaliseAllButton = nullptr;
  QLabel* status = nullptr;
};

// Primaries: the lift, gamma, gain and offset wheels.
class PrimariesSection : public QWidget {
  Q_OBJECT
 public:
  PrimariesSection(GradeSink& sink, QWidget* parent = nullptr);
  void load(const color::Normalise& n);
  ColorWheel* wheels[4] = {};  // lift, gamma, gain, offset
};

// Look: .cube LUT picker (shipped looks, the user's own) with strength; grade presets applied to
// the timeline grade.
class LookSection : public QWidget {
  Q_OBJECT
 public:
  LookSection(GradeSink& sink, QWidget* parent = nullptr);
  void load(const color::Grade& clip, const color::TimelineGrade& timeline);
  // Sets the clip's LUT to `path` after checking it parses; a broken file shows a message naming
  // it and changes nothing. Returns whether it was applied.
  bool chooseLut(const QString& path);
  QComboBox* lutBox = nullptr;
  ParamSlider* strength = nullptr;
  QComboBox* presetBox = nullptr;
  QPushButton* applyPreset = nullptr;
  QLabel* message = nullptr;

 private:
  void lutPicked(int index);
  GradeSink& m_sink;
  bool m_loading = false;
  bool m_listed = false;     // the combo has been filled
  QString m_listedFor;       // the clip LUT path it was filled for
};

// Film look (timeline grade): grain, vignette, halation, highlight ceiling.
class FilmSection : public QWidget {
  Q_OBJECT
 public:
  FilmSection(GradeSink& sink, QWidget* parent = nullptr);
  void load(const color::FilmLook& f);
  ParamSlider* grainAmount = nullptr;
  ParamSlider* grainSize = nullptr;
  ParamSlider* vignetteAmount = nullptr;
  ParamSlider* vignetteRoundness = nullptr;
  ParamSlider* vignetteFeather = nullptr;
  ParamSlider* halation = nullptr;
  ParamSlider* ceiling = nullptr;
};

}  // namespace postline::ui
