#include "ui/main/finishing_pages.h"

#include <QStackedWidget>

#include "ui/color/color_page.h"
#include "ui/deliver/deliver_page.h"
#include "ui/main/main_window_parts.h"
#include "ui/mixer/audio_page.h"
#include "ui/playback/program_viewer_link.h"
#include "ui/playback/transport.h"
#include "ui/viewer/program_viewer.h"

namespace postline::ui {

void buildFinishingPages(MainWindowParts& p) {
  p.colorPage = new ColorPage(*p.controller);
  p.colorPage->setObjectName("pageColor");
  p.audioPage = new AudioPage(*p.controller, p.transport->audio());
  p.audioPage->setObjectName("pageAudio");
  p.deliverPage = new DeliverPage(*p.controller);
  p.deliverPage->setObjectName("pageDeliver");
  p.pages->addWidget(p.colorPage);
  p.pages->addWidget(p.audioPage);
  p.pages->addWidget(p.deliverPage);
  linkProgramViewer(*p.transport, p.colorPage->viewer());
}

void routePlaybackForPage(MainWindowParts& p, int page) {
  // The Audio and Deliver pages have no program viewer of their own: playback keeps going
  // through the Edit page's (hidden there, it still keeps the clock's frames honest).
  if (page == 1) {
    routePlayback(*p.transport, p.colorPage->viewer());
  } else {
    routePlayback(*p.transport, *p.program);
  }
}

}  // namespace postline::ui
