#pragma once
// The finishing pages of the main window: Color (ui/color), Audio (ui/mixer), Deliver (ui/deliver).
namespace postline::ui {

struct MainWindowParts;

// Builds the Color, Audio and Deliver pages into parts.pages (after the Edit page) and links the
// Color page's viewer to the transport.
void buildFinishingPages(MainWindowParts& parts);
// Plays through the program viewer of page `page` (MainWindow::Page as int): the Color page's own,
// else the Edit page's.
void routePlaybackForPage(MainWindowParts& parts, int page);

}  // namespace postline::ui
