#include "ui/main/other_pages.h"

#include <QLabel>
#include <QVBoxLayout>

namespace postline::ui {

namespace {

struct PageText {
  const char* title;
  const char* body;
};

PageText textOf(MainWindow::Page page) {
  switch (page) {
    case MainWindow::Page::Color:
      return {"Color", "Grade with wheels, curves and LUTs while watching the vectorscope, histogram and "
                       "waveform.\n\nThe page's panels arrive with the next issue. The grade itself works "
                       "today: postline-cli match normalises every clip to a reference, postline-cli grade "
                       "applies looks, and the viewers here show every clip's grade."};
    case MainWindow::Page::Audio:
      return {"Audio", "Faders, pan, mute and solo per role track with LUFS meters, EQ, compression and "
                       "ducking.\n\nThe page's panels arrive with the next issue. The mix itself works today "
                       "(postline-cli mix, postline-cli loudness) and plays in the Edit page."};
    default:
      return {"Deliver", "One click per platform preset, reframed, queued in the background and verified."
                         "\n\nThe page's queue arrives with the next issue. Exports work today: "
                         "postline-cli export PROJECT --preset reels --preset youtube-1080p ..."};
  }
}

}  // namespace

QWidget* buildOtherPage(MainWindow::Page page, MainWindowParts&) {
  const PageText t = textOf(page);
  auto* w = new QWidget();
  w->setObjectName(QString("page") + t.title);
  auto* col = new QVBoxLayout(w);
  col->addStretch();
  auto* title = new QLabel(QObject::tr(t.title), w);
  QFont f = title->font();
  f.setPointSizeF(f.pointSizeF() * 2.0);
  title->setFont(f);
  title->setAlignment(Qt::AlignCenter);
  auto* body = new QLabel(QObject::tr(t.body), w);
  body->setWordWrap(true);
  body->setAlignment(Qt::AlignCenter);
  body->setFixedWidth(640);
  body->setMinimumHeight(body->heightForWidth(640));
  col->addWidget(title);
  col->addWidget(body, 0, Qt::AlignHCenter);
  col->addStretch();
  return w;
}

}  // namespace postline::ui
