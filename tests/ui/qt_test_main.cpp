// Test main of the editor's test programs (tests/ui/<folder>): a QApplication with the editor's
// look (ui/theme) for the whole run; run under Xvfb with QT_QPA_PLATFORM=xcb (GL needs a display).
#include <gtest/gtest.h>

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <cstdio>
#include <cstdlib>

#include "ui/theme/theme.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (::testing::GTEST_FLAG(list_tests)) return RUN_ALL_TESTS();  // discovery needs no display
  QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
  QCoreApplication::setOrganizationName("PostlineTests");
  QCoreApplication::setApplicationName("postline-tests");
  QApplication app(argc, argv);
  postline::ui::applyDarkTheme(app);  // the editor's look, so screenshots show what users see
  // Where the tests leave their screenshots for a person to look at (whichever program runs first).
  QDir().mkpath("/tmp/i8/shots");
  QDir().mkpath("/tmp/i9/shots");
  const int rc = RUN_ALL_TESTS();
  // Leave without tearing Qt's GL integration down (Mesa's GLX driver unload shows as leaks).
  std::fflush(nullptr);
  std::_Exit(rc);
}
