#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/base/resources.h"
#include "core/color/grade_presets.h"
#include "core/color/ocio/ocio.h"
#include "ui/color/grade_sections.h"
#include "ui/color/param_slider.h"

namespace postline::ui {

namespace {
const QString kBrowse = QStringLiteral("<browse>");

// The shipped looks: resources/looks/*.cube, by name.
QFileInfoList shippedLooks() {
  const QDir dir(QString::fromStdString(base::resourcePath("looks").string()));
  return dir.entryInfoList({QStringLiteral("*.cube")}, QDir::Files, QDir::Name);
}
}  // namespace

LookSection::LookSection(GradeSink& sink, QWidget* parent) : QWidget(parent), m_sink(sink) {
  auto* col = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  lutBox = new QComboBox(this);
  lutBox->setObjectName(QStringLiteral("lutBox"));
  lutBox->setToolTip(tr("A .cube look on this clip (shipped looks or your own)"));
  form->addRow(tr("Clip LUT"), lutBox);
  strength = new ParamSlider(tr("Strength"), 0, 1, 1, 2, this);
  bindClipSlider(strength, sink, tr("LUT strength"), [](color::Grade& g) -> double& { return g.creative.lut.mix; });
  form->addRow(strength);
  presetBox = new QComboBox(this);
  presetBox->setObjectName(QStringLiteral("presetBox"));
  for (const color::GradePreset& p : color::gradePresets()) {
    presetBox->addItem(QString::fromStdString(p.name), QString::fromStdString(p.id));
    presetBox->setItemData(presetBox->count() - 1, QString::fromStdString(p.description), Qt::ToolTipRole);
  }
  applyPreset = new QPushButton(tr("Apply to timeline"), this);
  applyPreset->setToolTip(tr("Sets the timeline grade (over every clip) to this preset"));
  auto* presetRow = new QHBoxLayout;
  presetRow->addWidget(presetBox, 1);
  presetRow->addWidget(applyPreset);
  form->addRow(tr("Timeline preset"), presetRow);
  col->addLayout(form);
  message = new QLabel(this);
  message->setObjectName(QStringLiteral("lutMessage"));
  message->setWordWrap(true);
  col->addWidget(message);
  col->addStretch(1);
  connect(lutBox, &QComboBox::activated, this, &LookSection::lutPicked);
  connect(applyPreset, &QPushButton::clicked, this, [this] {
    const auto preset = color::findGradePreset(presetBox->currentData().toString().toStdString());
    if (!preset.ok()) return;
    m_sink.editTimeline([&](color::TimelineGrade& g) { g = preset.value().grade; },
                        tr("Timeline look: %1").arg(presetBox->currentText()), {});
    message->setText(tr("Timeline look set to %1.").arg(presetBox->currentText()));
  });
}

void LookSection::load(const color::Grade& clip, const color::TimelineGrade&) {
  const QString current = QString::fromStdString(clip.creative.lut.path);
  strength->setValue(clip.creative.lut.mix);
  if (m_listed && current == m_listedFor) {
    lutBox->setCurrentIndex(std::max(0, lutBox->findData(current)));
    return;
  }
  m_listed = true;
  m_listedFor = current;
  m_loading = true;
  lutBox->clear();
  lutBox->addItem(tr("None"), QString());
  bool listed = current.isEmpty();
  for (const QFileInfo& f : shippedLooks()) {
    lutBox->addItem(f.completeBaseName(), f.absoluteFilePath());
    listed = listed || QFileInfo(current) == f;
  }
  if (!listed) lutBox->addItem(QFileInfo(current).fileName(), current);
  lutBox->addItem(tr("Browse..."), kBrowse);
  int at = lutBox->findData(current);
  for (int i = 1; at < 0 && i < lutBox->count(); ++i) {
    if (QFileInfo(lutBox->itemData(i).toString()) == QFileInfo(current)) at = i;
  }
  if (at > 0) lutBox->setItemData(at, current);  // the same file under the clip's spelling of it
  lutBox->setCurrentIndex(std::max(0, at));
  m_loading = false;
}

void LookSection::lutPicked(int index) {
  if (m_loading) return;
  QString path = lutBox->itemData(index).toString();
  if (path == kBrowse) {
    path = QFileDialog::getOpenFileName(this, tr("Choose a .cube LUT"), QString(), tr("3D LUTs (*.cube)"));
    if (path.isEmpty()) {
      m_sink.editClip([](color::Grade&) {}, {}, {});  // reloads the controls (nothing changes)
      return;
    }
  }
  chooseLut(path);
}

bool LookSection::chooseLut(const QString& path) {
  if (!path.isEmpty()) {
    auto look = color::ocio::lookTransform(path.toStdString());
    if (!look.ok()) {
      message->setText(tr("The LUT %1 could not be used: %2").arg(QFileInfo(path).fileName(),
                                                                    QString::fromStdString(look.error().message)));
      m_sink.editClip([](color::Grade&) {}, {}, {});  // shows the clip's LUT again; nothing changes
      return false;
    }
  }
  message->setText(path.isEmpty() ? tr("LUT removed.") : tr("LUT %1 applied.").arg(QFileInfo(path).fileName()));
  m_sink.editClip([&](color::Grade& g) { g.creative.lut.path = path.toStdString(); }, tr("Clip LUT"), {});
  return true;
}

}  // namespace postline::ui
