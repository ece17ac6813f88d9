#include "ui/mixer/mix_result_dialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/mixer/mixer_format.h"

namespace postline::ui {

namespace {

void addRow(QGridLayout* grid, int row, const QString& name, double before, double after, const QString& unit) {
  grid->addWidget(new QLabel(name), row, 0);
  auto* b = new QLabel(mixfmt::text(before) + " " + unit);
  auto* a = new QLabel(QString::fromUtf8("\u2192  ") + mixfmt::text(after) + " " + unit);
  a->setStyleSheet("font-weight: bold;");
  b->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  grid->addWidget(b, row, 1);
  grid->addWidget(a, row, 2);
}

}  // namespace

MixResultDialog::MixResultDialog(const QString& title, const audio::loudness::LoudnessStats& before,
                                 const audio::loudness::LoudnessStats& after, const std::vector<std::string>& report,
                                 const std::vector<std::string>& warnings, QWidget* parent)
    : QDialog(parent), m_before(before), m_after(after) {
  setWindowTitle(title);
  setObjectName("mixResultDialog");
  auto* layout = new QVBoxLayout(this);
  auto* heading = new QLabel(title);
  heading->setStyleSheet("font-size: 14px; font-weight: bold;");
  layout->addWidget(heading);
  auto* grid = new QGridLayout;
  grid->addWidget(new QLabel(tr("Mix")), 0, 0);
  grid->addWidget(new QLabel(tr("before")), 0, 1, Qt::AlignRight);
  grid->addWidget(new QLabel(tr("after")), 0, 2);
  addRow(grid, 1, tr("Integrated"), before.integratedLufs, after.integratedLufs, "LUFS");
  addRow(grid, 2, tr("True peak"), before.truePeakDbtp, after.truePeakDbtp, "dBTP");
  addRow(grid, 3, tr("Loudness range"), before.loudnessRangeLu, after.loudnessRangeLu, "LU");
  layout->addLayout(grid);
  QStringList lines;
  for (const std::string& l : report) lines << QString::fromStdString(l);
  for (const std::string& w : warnings) lines << tr("warning: ") + QString::fromStdString(w);
  m_report = new QLabel(lines.join('\n'));
  m_report->setObjectName("mixReport");
  m_report->setWordWrap(true);
  m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(m_report);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Apply"));
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  setMinimumWidth(420);
}

QString MixResultDialog::reportText() const { return m_report->text(); }

}  // namespace postline::ui
