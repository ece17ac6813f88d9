#pragma once
// Wires a Transport to the program viewer panels: the Edit page's and each finishing page's own.
// Every linked viewer's buttons drive the transport; playback plays through one of them at a time
// (the one on the page shown), chosen with routePlayback.
namespace postline::ui {

class ProgramViewer;
class Transport;

// Connects `viewer`'s buttons (play/pause, step back/forward, go to in/out) to `transport` and, the
// first time for this transport, routes playback to it. Both must outlive the link.
void linkProgramViewer(Transport& transport, ProgramViewer& viewer);

// Plays through `viewer` from now on: its RenderService renders, its widget shows the frames
// (showImage), it is in playback mode while playing (setPlaybackActive) and shows the dropped
// count. A transport that is playing is paused first (the other viewer's frames are not ready).
void routePlayback(Transport& transport, ProgramViewer& viewer);

// The viewer playback goes through (nullptr before the first link).
ProgramViewer* playbackViewer(const Transport& transport);

}  // namespace postline::ui
