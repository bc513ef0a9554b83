#pragma once
// Validation errors collected the way Laravel reports them: every message under its dotted path,
// the summary naming the first error in the order the rules ran (not the alphabetical order of
// the paths), plus " (and N more errors)". The message wording lives here once, so the composer
// shows the server's words before the request leaves.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "trypost/error.hpp"
#include "trypost/url.hpp"

namespace trypost {

// Answers are dumped with this: a byte sequence that is not UTF-8 becomes U+FFFD instead of an
// exception, so no input decides whether the core throws.
inline constexpr auto kReplaceBadUtf8 = nlohmann::json::error_handler_t::replace;

// Not an error: something the server accepts but handles in a way the user should know.
struct Notice {
  std::string path, message;
};

class RuleErrors {
 public:
  void add(const std::string& path, std::string message);
  bool empty() const { return first_.empty(); }
  bool has(const std::string& path) const { return err_.errors.count(path) != 0; }
  std::size_t count() const;
  // The finished 422 (or `status`) answer; the summary names the first error added.
  ApiError finish(int status = 422) const;
  const ApiError& raw() const { return err_; }

 private:
  ApiError err_;
  std::string first_;  // the first message added
};

// Laravel's English messages for the rules the API uses. `path` is the dotted key; the
// attribute words are derived from it ("platforms.0.meta.board_id" -> "platforms.0.meta.board id").
namespace msg {
std::string required(const std::string& path);
std::string required_when(const std::string& path, std::string_view other, std::string_view value);
std::string string(const std::string& path);
std::string boolean(const std::string& path);
std::string integer(const std::string& path);
std::string array(const std::string& path);
std::string invalid_choice(const std::string& path);  // in:, exists:
std::string max_chars(const std::string& path, std::int64_t n);
std::string max_items(const std::string& path, std::int64_t n);
std::string min_items(const std::string& path, std::int64_t n);
std::string url(const std::string& path);
std::string format(const std::string& path);  // regex:
std::string hex_color(const std::string& path);
std::string date(const std::string& path);
std::string after_now(const std::string& path);
}  // namespace msg

// Counting for length rules: PHP's mb_strlen, i.e. Unicode code points.
std::size_t rule_length(std::string_view utf8);

}  // namespace trypost

namespace trypost {
// {"valid", "status", "message", "errors"} for a rule check: `ok_status` when `err` is empty.
nlohmann::json rule_answer(const ApiError& err, int ok_status);
// Reads {"method", "body"} or a bare body; the status a success would get (201 POST, 200 PUT).
// Returns false (and sets `problem`) when the input is not usable.
bool read_simple_request(const nlohmann::json& in, nlohmann::json& body, int& ok_status, std::string& problem);
// The JSON entry point shared by the label and signature rules: parse the request, run
// `validate` on its body, answer in the API's shape (or {"error"} for a malformed request).
std::string simple_rule_json(const std::string& input, ApiError (*validate)(const nlohmann::json& body));
}  // namespace trypost
