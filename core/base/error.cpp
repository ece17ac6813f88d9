#include "core/base/error.h"

namespace postline::base {

const char* errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::OutOfRange: return "out_of_range";
    case ErrorCode::Overflow: return "overflow";
    case ErrorCode::Conflict: return "conflict";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::Io: return "io";
    case ErrorCode::Parse: return "parse";
    case ErrorCode::Version: return "version";
  }
  return "unknown";
}

}  // namespace postline::base
