#include "ui/bins/import_issues_panel.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace postline::ui {

ImportIssuesPanel::ImportIssuesPanel(QWidget* parent)
    : QWidget(parent), m_header(new QLabel(this)), m_list(new QListWidget(this)),
      m_clear(new QPushButton(QStringLiteral("Clear"), this)) {
  auto* top = new QHBoxLayout;
  top->setContentsMargins(0, 0, 0, 0);
  top->addWidget(m_header, 1);
  top->addWidget(m_clear);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 4, 0, 0);
  layout->addLayout(top);
  layout->addWidget(m_list);
  m_list->setWordWrap(true);
  m_list->setAlternatingRowColors(true);
  m_clear->setToolTip(QStringLiteral("Dismiss these import messages"));
  connect(m_clear, &QPushButton::clicked, this, [this] {
    clear();
    emit dismissed();
  });
  setVisible(false);
}

void ImportIssuesPanel::addIssue(Kind kind, const QString& message, const QString& fix) {
  const QStyle::StandardPixmap icon = kind == Kind::Error     ? QStyle::SP_MessageBoxCritical
                                      : kind == Kind::Warning ? QStyle::SP_MessageBoxWarning
                                                              : QStyle::SP_MessageBoxInformation;
  const QString text = fix.isEmpty() ? message : QStringLiteral("%1 — fix: %2").arg(message, fix);
  auto* item = new QListWidgetItem(QApplication::style()->standardIcon(icon), text, m_list);
  item->setToolTip(text);
  item->setData(Qt::UserRole, static_cast<int>(kind));
  if (kind == Kind::Error) ++m_errors;
  m_list->scrollToBottom();
  updateHeader();
  setVisible(true);
}

void ImportIssuesPanel::addReport(const ingest::ImportReport& report) {
  for (const ingest::ImportIssue& i : report.errors) addIssue(Kind::Error, QString::fromStdString(i.message));
  for (const ingest::ImportIssue& i : report.warnings) {
    addIssue(Kind::Warning, QString::fromStdString(i.message), QString::fromStdString(i.fix));
  }
  for (const ingest::ImportIssue& i : report.duplicates) {
    addIssue(Kind::Skipped, QStringLiteral("Skipped: %1").arg(QString::fromStdString(i.message)));
  }
}

int ImportIssuesPanel::count() const { return m_list->count(); }

QStringList ImportIssuesPanel::messages() const {
  QStringList out;
  for (int i = 0; i < m_list->count(); ++i) out << m_list->item(i)->text();
  return out;
}

void ImportIssuesPanel::clear() {
  m_list->clear();
  m_errors = 0;
  updateHeader();
  setVisible(false);
}

void ImportIssuesPanel::updateHeader() {
  const int warnings = count() - m_errors;
  m_header->setText(QStringLiteral("<b>Import</b>: %1 error(s), %2 warning(s) or note(s); the other files were imported")
                        .arg(m_errors)
                        .arg(warnings));
}

}  // namespace postline::ui
