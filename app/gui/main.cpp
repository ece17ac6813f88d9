// postline: the editor. `postline [PROJECT]` opens the window (and the project).
//   --version              print the version and exit
//   --smoke-test [PROJECT] open the window (and project), wait for the program viewer's first frame,
//                          print "smoke-test: ok (<renderer>)" and exit 0 (non-zero with the reason)
//   --capture DIR [PROJECT] write screenshots of the window, each page and the timeline at a few
//                          zooms into DIR, then exit (scripts/screenshots)
#include <QApplication>
#include <QCommandLineParser>
#include <QSurfaceFormat>
#include <cstdio>
#include <string_view>

#include "app/gui/gui_modes.h"
#include "core/base/version.h"
#include "ui/main/main_window.h"
#include "ui/theme/theme.h"

int main(int argc, char** argv) {
  // --version answers without a display (packaging checks, scripts).
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--version" || std::string_view(argv[i]) == "-v") {
      std::printf("postline %s\n", postline::base::kVersion);
      return 0;
    }
  }
  QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
  QSurfaceFormat fmt;
  fmt.setVersion(4, 3);
  fmt.setProfile(QSurfaceFormat::CoreProfile);
  QSurfaceFormat::setDefaultFormat(fmt);
  QApplication app(argc, argv);
  QCoreApplication::setOrganizationName("Postline");
  QCoreApplication::setApplicationName("postline");
  QCoreApplication::setApplicationVersion(postline::base::kVersion);
  QApplication::setDesktopFileName("org.postline.Postline");

  QCommandLineParser parser;
  parser.setApplicationDescription("Postline: a non-linear video editor for finishing AI-generated video.");
  parser.addHelpOption();
  parser.addVersionOption();
  QCommandLineOption smoke("smoke-test", "Open the window, wait for the first frame, exit 0 when it drew.");
  QCommandLineOption capture("capture", "Write screenshots into DIR and exit.", "DIR");
  parser.addOption(smoke);
  parser.addOption(capture);
  parser.addPositionalArgument("project", "A .postline project to open.", "[PROJECT]");
  parser.process(app);

  postline::ui::applyDarkTheme(app);
  postline::ui::MainWindow window;
  const QStringList args = parser.positionalArguments();
  window.show();
  if (!args.isEmpty() && !window.openProject(args.first().toStdString(), !parser.isSet(smoke) && !parser.isSet(capture))) {
    if (parser.isSet(smoke) || parser.isSet(capture)) return 2;
  }
  if (parser.isSet(smoke)) return postline::app::runSmokeTest(app, window);
  if (parser.isSet(capture)) return postline::app::runCapture(app, window, parser.value(capture));
  return app.exec();
}
