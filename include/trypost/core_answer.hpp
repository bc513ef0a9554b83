#pragma once
// How every JSON entry point of the core answers a failure, in one flat shape:
//   {"error": message, "status": n, "errors": {field: [messages]}, "reason": limit}
// `errors` is there when fields are named (the API's dotted paths), `reason` when a document was
// refused by a parsing limit. web/sdk/core.js turns this into a thrown CoreError (its `details` is
// the whole answer). A server's failure read by the core is not this: it is an answer of its own
// (`outcome: "error"`) whose `error` member is ApiError::to_json().
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"

namespace trypost {

inline nlohmann::json error_json(const ApiError& e, std::string_view reason = {}) {
  nlohmann::json out{{"error", e.message.empty() ? std::string("invalid input") : e.message},
                     {"status", e.status == 0 ? 400 : e.status}};
  if (!e.errors.empty()) out["errors"] = e.errors;
  if (!reason.empty()) out["reason"] = std::string(reason);
  return out;
}

inline std::string error_answer(const ApiError& e, std::string_view reason = {}) {
  return error_json(e, reason).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Parses an entry point's JSON argument without throwing; input text is never quoted back.
// Arguments nest a few levels; anything deeper than this is refused before a DOM is built,
// because nlohmann's writer and destructor recurse.
inline constexpr int kMaxArgumentDepth = 128;

inline bool argument_too_deep(const std::string& text) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxArgumentDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

inline bool parse_argument(const std::string& text, nlohmann::json& out, ApiError& err) {
  if (argument_too_deep(text)) {
    err = make_error(400, "The argument nests deeper than " + std::to_string(kMaxArgumentDepth) + " levels.");
    return false;
  }
  out = nlohmann::json::parse(text, nullptr, false);
  if (out.is_discarded() || !out.is_object()) {
    err = make_error(400, "The argument must be a JSON object.");
    return false;
  }
  return true;
}

inline std::string dump_answer(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace trypost
