#include "ui/actions/action_dialogs.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace postline::ui {

namespace {

// A dialog with `form` rows above OK/Cancel.
QFormLayout* makeForm(QDialog& dialog, const QString& title) {
  dialog.setWindowTitle(title);
  auto* outer = new QVBoxLayout(&dialog);
  auto* form = new QFormLayout;
  outer->addLayout(form);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  outer->addWidget(buttons);
  return form;
}

}  // namespace

std::optional<SpeedChoice> askSpeed(QWidget* parent, double currentPercent) {
  QDialog dialog(parent);
  QFormLayout* form = makeForm(dialog, QObject::tr("Clip Speed"));
  auto* percent = new QDoubleSpinBox(&dialog);
  percent->setObjectName("speedPercent");
  percent->setRange(1.0, 1000.0);
  percent->setDecimals(1);
  percent->setSuffix(QStringLiteral(" %"));
  percent->setValue(currentPercent);
  auto* ripple = new QCheckBox(QObject::tr("Ripple: later clips move by the change in length"), &dialog);
  ripple->setObjectName("speedRipple");
  ripple->setChecked(true);
  form->addRow(QObject::tr("Speed"), percent);
  form->addRow(QString(), ripple);
  percent->selectAll();
  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  return SpeedChoice{percent->value(), ripple->isChecked()};
}

std::optional<double> askSeconds(QWidget* parent, const QString& title, const QString& label, double minSeconds,
                                 double maxSeconds, double value) {
  QDialog dialog(parent);
  QFormLayout* form = makeForm(dialog, title);
  auto* seconds = new QDoubleSpinBox(&dialog);
  seconds->setObjectName("seconds");
  seconds->setRange(minSeconds, maxSeconds);
  seconds->setDecimals(2);
  seconds->setSingleStep(0.1);
  seconds->setSuffix(QStringLiteral(" s"));
  seconds->setValue(value);
  form->addRow(label, seconds);
  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  return seconds->value();
}

std::optional<QString> askMarkerName(QWidget* parent, const QString& current) {
  QDialog dialog(parent);
  QFormLayout* form = makeForm(dialog, QObject::tr("Rename Marker"));
  auto* name = new QLineEdit(current, &dialog);
  name->setObjectName("markerName");
  name->selectAll();
  form->addRow(QObject::tr("Name"), name);
  dialog.resize(320, dialog.sizeHint().height());
  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  return name->text();
}

}  // namespace postline::ui
