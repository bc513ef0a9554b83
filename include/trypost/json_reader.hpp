#pragma once
// The one bounded JSON reader: every JSON text from a network or a file (answers, snapshots,
// calendar documents, widget tokens) is read through it. Size, depth, string length and list
// length are checked while the DOM is built, in one pass without recursion, so a hostile text
// costs no more than its limits allow. The calendar-only widget core links this and nothing of
// the request and response code.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace trypost {

struct JsonLimits {
  std::int64_t max_body_bytes = 8 * 1024 * 1024;  // a page of 25 assets is a few tens of KiB
  int max_depth = 64;                             // posts nest 4 deep; meta objects a few more
  std::int64_t max_string_bytes = 1024 * 1024;    // content is <= 10 000 characters
  std::int64_t max_array_length = 100000;         // pages hold 15 or 25; lists are a workspace's own
};

// Why a text was refused. reason: too_large, too_deep, string_too_long, array_too_long, not_json.
struct JsonRefusal {
  std::string reason;
  std::string message;
};

// Builds the DOM into `out`, or leaves it null and says why the text was refused.
std::optional<JsonRefusal> read_json_within(const std::string& text, const JsonLimits& limits, nlohmann::json& out);

}  // namespace trypost
