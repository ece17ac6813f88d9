#pragma once
#include <string_view>

namespace postline::base {

// Severity of a log line; lines below the threshold are dropped.
enum class LogLevel { Debug = 0, Info = 1, Warning = 2, Error = 3 };

// Sets the lowest level written to stderr (default Warning; POSTLINE_LOG=debug|info overrides).
void setLogLevel(LogLevel level);
// Writes one line "postline [level] message" to stderr; thread-safe. Never call from the audio callback.
void log(LogLevel level, std::string_view message);

}  // namespace postline::base
