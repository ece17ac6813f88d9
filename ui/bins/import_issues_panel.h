#pragma once
// The one dismissable list of import problems: per-file errors (unreadable or corrupt media,
// not imported), warnings (variable or foreign frame rate, with the offered fix; imported) and
// skipped duplicates. Hidden while empty; "Clear" empties and hides it.
#include <QStringList>
#include <QWidget>

#include "core/ingest/import.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace postline::ui {

class ImportIssuesPanel : public QWidget {
  Q_OBJECT

 public:
  // What kind of line an issue is.
  enum class Kind { Error, Warning, Skipped };

  explicit ImportIssuesPanel(QWidget* parent = nullptr);

  // Adds the errors, warnings and duplicates of one import (newest last) and shows the panel.
  void addReport(const ingest::ImportReport& report);
  // Adds one line (relink results, a failed import).
  void addIssue(Kind kind, const QString& message, const QString& fix = {});
  // Number of lines, and how many of them are errors.
  int count() const;
  int errorCount() const { return m_errors; }
  // The lines' texts (message, then " — fix" when one is offered).
  QStringList messages() const;
  QListWidget* list() const { return m_list; }

 public slots:
  // Empties the list and hides the panel.
  void clear();

 signals:
  // The list was emptied by the user.
  void dismissed();

 private:
  void updateHeader();

  QLabel* m_header;
  QListWidget* m_list;
  QPushButton* m_clear;
  int m_errors = 0;
};

}  // namespace postline::ui
