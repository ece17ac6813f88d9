#include "core/base/log.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace postline::base {
namespace {

LogLevel initialLevel() {
  const char* env = std::getenv("POSTLINE_LOG");
  if (env == nullptr) return LogLevel::Warning;
  if (std::strcmp(env, "debug") == 0) return LogLevel::Debug;
  if (std::strcmp(env, "info") == 0) return LogLevel::Info;
  if (std::strcmp(env, "error") == 0) return LogLevel::Error;
  return LogLevel::Warning;
}

std::atomic<int> g_level{static_cast<int>(initialLevel())};
std::mutex g_mutex;

const char* levelName(LogLevel level) {
  switch (level) {
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warning: return "warning";
    case LogLevel::Error: return "error";
  }
  return "?";
}

}  // namespace

void setLogLevel(LogLevel level) { g_level.store(static_cast<int>(level)); }

void log(LogLevel level, std::string_view message) {
  if (static_cast<int>(level) < g_level.load()) return;
  std::lock_guard lock(g_mutex);
  std::fprintf(stderr, "postline [%s] %.*s\n", levelName(level), static_cast<int>(message.size()),
               message.data());
}

}  // namespace postline::base
