#pragma once
// Reading TryPost answers: success bodies into the core's model (unwrapped resources, bare
// arrays, the paginated data/links/meta envelope), failures into values that say what they mean
// for the user (which key needs attention, whether credits block an action, which form field is
// wrong, how long to wait). Nothing the server sends can make this throw or recurse without end.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/json_reader.hpp"
#include "trypost/request.hpp"
#include "trypost/time.hpp"

namespace trypost {

inline constexpr std::int64_t kPostsPerPage = 15;
inline constexpr std::int64_t kAssetsPerPage = 25;

// The limits of an answer are the JSON reader's (json_reader.hpp).
using ResponseLimits = JsonLimits;

struct HttpResponse {
  int status = 0;  // 0: no answer (network error)
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;
};

struct PageInfo {
  std::int64_t current_page = 1, last_page = 1, per_page = 0, total = 0;
  std::optional<std::int64_t> from, to;  // null on an empty page
  std::optional<std::int64_t> next_page, prev_page;
};

// What went wrong, in words the UI acts on. `kind` is one of:
//   network, key_invalid, session_expired, pinterest_token_expired, payment_required, forbidden,
//   upload_link_invalid, not_found, conflict, validation, rate_limited, upstream_unavailable,
//   server_error, client_error, unexpected_status, malformed
struct ResponseFailure {
  int status = 0;
  std::string kind;
  std::string reason;  // for malformed: too_large, too_deep, string_too_long, array_too_long,
                       // html, not_json, error_body, shape
  std::string message;
  std::map<std::string, std::vector<std::string>> errors;  // 422 fields, or shape errors by path
  std::optional<std::int64_t> retry_after_seconds;
  std::optional<UtcSeconds> until;          // 402: when the block lifts, if the server said
  bool workspace_key_needs_attention = false;  // 401 on a workspace endpoint
  bool reconnect_account = false;              // 401 from Pinterest boards
  bool stop_credit_actions = false;            // 402: stop AI and other credit-gated actions
};

struct ParsedResponse {
  bool ok = false;
  int status = 0;
  ResponseShape shape = ResponseShape::empty;
  nlohmann::json data;             // the model in the API's shape (times normalized for posts)
  std::optional<PageInfo> page;    // post_page and asset_page
  std::optional<ResponseFailure> failure;
};

ParsedResponse parse_response(const Endpoint& endpoint, const HttpResponse& response, UtcSeconds now = 0,
                              const ResponseLimits& limits = {});

// read_json_within with its refusal as a malformed answer (status 0), DOM built into `out` (left
// null on failure). Inline, so a caller that reads JSON links the reader and not this file.
inline std::optional<ResponseFailure> parse_json_within(const std::string& body, const ResponseLimits& limits,
                                                        nlohmann::json& out) {
  auto refused = read_json_within(body, limits, out);
  if (!refused) return std::nullopt;
  ResponseFailure f;
  f.kind = "malformed";
  f.reason = std::move(refused->reason);
  f.message = std::move(refused->message);
  return f;
}
// JSON text that is within the limits, or the failure that says why not.
inline std::optional<ResponseFailure> check_json_limits(const std::string& body, const ResponseLimits& limits) {
  nlohmann::json ignored;
  return parse_json_within(body, limits, ignored);
}

// {"endpoint","status","headers"?:{..},"body"?: "<text>","now"?,"limits"?} ->
// {"ok":true,"status","shape","data","page"?} or {"ok":false,"status","failure":{...}}
std::string parse_response_json(const std::string& json_text);
// The same with the body passed as its own text, so a large answer is not escaped into JSON and
// lexed twice: meta is {"endpoint","status","headers"?,"now"?,"limits"?}.
std::string parse_response_parts_json(const std::string& meta_json, const std::string& body);

}  // namespace trypost
