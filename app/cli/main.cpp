// postline-cli: headless entry point. Subcommands are documented in docs/CLI.md.
#include <cstring>
#include <iostream>
#include <string>

#include "app/cli/cli_common.h"
#include "core/base/version.h"

namespace {

constexpr const char* kHelp = R"(Usage: postline-cli COMMAND [ARGS]

Commands:
  new DIR|FILE            Create a project with the five standard bins and a default
                          sequence (1920x1080, 24 fps, Rec.709, V1 + A1-A5). DIR gets
                          DIR/<name>.postline; a FILE ending in .postline is used as is.
  info PROJECT [--json]   Print bins, media, sequences, tracks and clips with timecodes.
  demo DIR [--quick]      Render the demo media (Origin Coffee Commercial) into DIR/media
                          with libav, import it, cut it (title and logo on V2) and grade
                          it (per-shot match, warm morning look) into DIR/<name>.postline.
                          --quick renders 320x180 and shorter takes (for tests).
  probe FILE... [--json]  Print what media files hold: container, duration, video (codec,
                          size, rotation, exact frame rate, frames, colour tags), audio,
                          warnings (truncated, ...) and a generator hint.
  render PROJECT --out FILE.mp4 [--sequence NAME] [--range IN-OUT] [--json]
                          Render a sequence through the colour pipeline (clip grades,
                          timeline grade, film look) to H.264/AAC at the sequence's size
                          and rate. IN-OUT are sequence timecodes, OUT excluded
                          (00:00:02:00-00:00:07:00 is five seconds).
  frame PROJECT --at TIMECODE --out FRAME.png [--depth 8|16] [--scopes SCOPES.png]
        [--sequence NAME]
                          Render one frame to a PNG (16-bit with --depth 16); --scopes also
                          writes its histogram, vectorscope, waveform and RGB parade.
  grade IMAGE (--lut FILE.cube [--mix 0..1] | --preset NAME) --out IMAGE.png
                          Grade one still (8- or 16-bit PNG, JPEG, ...) through the same
                          pipeline; writes a 16-bit PNG. A .cube applies to the image's code
                          values (tetrahedral). Presets: see docs/CLI.md.
  match PROJECT (--reference FILE | --per-shot) [--sequence NAME]
                          Normalise all: match every video clip's white balance, exposure,
                          contrast and lift/gamma/gain to a reference image or clip, as
                          editable grade values; --per-shot matches each clip to the
                          04_Reference item of its shot number (Shot_03_Keyframe.png).
                          Saves the project.
  look PROJECT --preset NAME [--sequence NAME]
                          Set the timeline grade (grade + film look) from a preset.
  title PROJECT --text TEXT --at TIMECODE --duration SECONDS [--track V2]
        [--size 0.08] [--y 0.85] [--sequence NAME]
                          Add a text title (a Title item in 03_Graphics) on a video track
                          (V2 is created when the sequence has only V1) and save the
                          project. --size: font height as a fraction of the frame height;
                          --y: centre of the text, 0 = top, 1 = bottom. '\n' in TEXT is
                          not special: pass a real newline for two lines.
  mix PROJECT ACTION [--sequence NAME]
                          One-click mix actions, saved to the project:
                            levels      bring each role track to its level (dialogue
                                        -12 LUFS, music -15, SFX -9 dBTP peak, foley
                                        -12 dBTP, ambient -21 LUFS)
                            duck [--depth -9] [--attack 200] [--release 500]
                                 [--threshold -40] [--hold 300] [--ambient]
                                        music (and ambient) dip under dialogue, as
                                        volume keys on their clips
                            deresonate --track A1
                                        notch the strongest narrow peak at 2-4 kHz
                            compress --track A1 [--threshold -12] [--ratio 2]
                                 [--attack 10] [--release 120] [--off]
                            track --track A1 [--fader DB] [--pan -1..1] [--mute]
                                 [--unmute] [--solo] [--unsolo]
                            normalise [--target LUFS|social|streaming|ebu-r128|atsc-a85]
                                        master gain to the target (default: the
                                        sequence's), true peak under the limiter's
                                        ceiling (-1 dBTP)
  loudness PROJECT|FILE [--sequence NAME] [--tracks] [--json]
                          Integrated loudness, loudness range, true and sample peak, max
                          momentary and short-term (libebur128) of a project's mix or of
                          any audio/video file (all channels, LFE excluded); --tracks adds
                          each audio track as it reaches the master.
  presets [--json]        List the delivery presets (shipped, then the user's from
                          $POSTLINE_USER_PRESETS or ~/.config/postline/presets): id, name,
                          size, fps, codec, bitrate window, loudness, max duration; --json
                          gives every field. Broken user presets are warnings on stderr.
  reframe PROJECT --aspect WxH [--sequence NAME] [--json]
                          Each clip's reframing window path for a delivery aspect (auto,
                          keys applied)
  reframe PROJECT --aspect WxH --clip NAME (--at SOURCE_TC_OR_FRAME --x X [--y Y] | --clear)
                          Add/replace or clear a clip's reframing keys for that aspect;
                          saves the project
  export PROJECT --preset ID [--preset ID...] [--range IN-OUT] [--out-dir DIR]
       [--sequence NAME] [--reframe auto|centre|letterbox] [--conform repeat|blend]
       [--over-limit refuse|trim|export]
                          Delivers the sequence to each preset (render once, encode many),
                          verifies every output against its preset and writes a delivery
                          report (JSON + HTML) to DIR (default: the project's 05_Exports).
                          Prints "export:", "progress:", "verified:"/"failed:" lines and
                          "report: PATH" last. Exit 3 when a delivery failed or did not pass.

Options:
  --help                  Show this help.
  --version               Print the version.

Exit status: 0 success, 1 wrong arguments, 2 a file could not be read or written,
3 (export) a delivery failed, was cancelled or did not pass its verification.
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace postline::cli;
  if (argc < 2) return usageError("no command given");
  const std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kHelp;
    return kExitOk;
  }
  if (cmd == "--version") {
    std::cout << "postline-cli " << postline::base::kVersion << "\n";
    return kExitOk;
  }
  const Args args = parseArgs(argc, argv, 2);
  if (args.has("--help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (cmd == "new") return runNew(args);
  if (cmd == "info") return runInfo(args);
  if (cmd == "demo") return runDemo(args);
  if (cmd == "probe") return runProbe(args);
  if (cmd == "render") return runRender(args);
  if (cmd == "frame") return runFrame(args);
  if (cmd == "grade") return runGrade(args);
  if (cmd == "match") return runMatch(args);
  if (cmd == "look") return runLook(args);
  if (cmd == "title") return runTitle(args);
  if (cmd == "mix") return runMix(args);
  if (cmd == "loudness") return runLoudness(args);
  if (cmd == "presets") return runPresets(args);
  if (cmd == "export") return runExport(args);
  if (cmd == "reframe") return runReframe(args);
  return usageError("unknown command '" + cmd + "'");
}
