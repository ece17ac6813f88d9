#pragma once
#include <string>

namespace postline::base {

// What kind of failure an Error reports; stable, used by callers to decide what to do.
enum class ErrorCode {
  InvalidArgument,  // the request itself makes no sense (negative duration, unknown id)
  OutOfRange,       // a value lies outside what the target allows (trim past the media)
  Overflow,         // exact arithmetic left the int64 range
  Conflict,         // the edit would break an invariant (overlap on a track)
  NotFound,         // a file, id or item does not exist
  Io,               // the operating system refused a read or write
  Parse,            // a file's contents are malformed
  Version,          // a file was written by an incompatible schema version
};

// A failure a person can act on: the code plus a message naming the thing and the problem.
struct Error {
  ErrorCode code = ErrorCode::InvalidArgument;
  std::string message;
};

// Short, stable name of an error code ("out_of_range"), for logs and JSON.
const char* errorCodeName(ErrorCode code);

}  // namespace postline::base
