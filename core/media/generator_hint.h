#pragma once
// Which AI tool made a file, guessed from its tags or its C2PA manifest. Plain C++ (no libav).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace postline::media {

// The canonical generator name ("Google Veo", "OpenAI Sora", "Kling", "Runway", "Pika",
// "Luma Dream Machine", ...) when `text` names one as a whole word (case-insensitive).
std::optional<std::string> generatorFromText(std::string_view text);

// Looks for a C2PA manifest: in mp4/mov the top-level 'uuid' boxes, otherwise the first
// 256 KiB of the file. Returns "<generator> (C2PA)" when the manifest names a known tool,
// "C2PA manifest" when it names none, nothing when there is no manifest.
std::optional<std::string> c2paGenerator(const std::filesystem::path& file);

}  // namespace postline::media
