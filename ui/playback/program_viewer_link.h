#pragma once
// Wires a Transport to the program viewer panel (the main window calls this once).
namespace postline::ui {

class ProgramViewer;
class Transport;

// Plays through `viewer`'s RenderService into its widget (showImage), puts the panel in playback
// mode while playing (setPlaybackActive), shows the dropped count (setDroppedFrames) and connects
// the panel's buttons (play/pause, step back/forward, go to in/out). Both must outlive the link.
void linkProgramViewer(Transport& transport, ProgramViewer& viewer);

}  // namespace postline::ui
