#include "core/model/shot_take.h"

#include <regex>

namespace postline::model {

namespace {
int firstNumberAfter(const std::string& name, const std::regex& word) {
  std::smatch m;
  if (!std::regex_search(name, m, word)) return 0;
  const std::string digits = m[1];
  return digits.size() > 5 ? 0 : std::stoi(digits);
}
}  // namespace

ShotTake parseShotTake(const std::string& name) {
  static const std::regex shot(R"((?:^|[^a-z])(?:shot|sh)[ _-]?(\d+))", std::regex::icase);
  static const std::regex take(R"((?:^|[^a-z])(?:take|tk)[ _-]?(\d+))", std::regex::icase);
  return ShotTake{firstNumberAfter(name, shot), firstNumberAfter(name, take)};
}

}  // namespace postline::model
