#include "trypost/rule_errors.hpp"

#include "trypost/core_answer.hpp"
#include "trypost/counting.hpp"
#include "trypost/json_fields.hpp"

namespace trypost {

void RuleErrors::add(const std::string& path, std::string message) {
  if (first_.empty()) first_ = message;
  err_.add(path, std::move(message));
}

std::size_t RuleErrors::count() const {
  std::size_t n = 0;
  for (const auto& [path, list] : err_.errors) n += list.size();
  return n;
}

ApiError RuleErrors::finish(int status) const {
  ApiError out = err_;
  out.status = status;
  if (first_.empty()) return out;
  const auto more = count() - 1;
  out.message = first_;
  if (more > 0) out.message += " (and " + std::to_string(more) + (more == 1 ? " more error)" : " more errors)");
  return out;
}

namespace msg {
namespace {
std::string the(const std::string& path) { return "The " + attribute_name(path) + " field "; }
}  // namespace
std::string required(const std::string& p) { return the(p) + "is required."; }
std::string required_when(const std::string& p, std::string_view other, std::string_view value) {
  return the(p) + "is required when " + attribute_name(std::string(other)) + " is " + std::string(value) + ".";
}
std::string string(const std::string& p) { return the(p) + "must be a string."; }
std::string boolean(const std::string& p) { return the(p) + "must be true or false."; }
std::string integer(const std::string& p) { return the(p) + "must be an integer."; }
std::string array(const std::string& p) { return the(p) + "must be an array."; }
std::string invalid_choice(const std::string& p) { return "The selected " + attribute_name(p) + " is invalid."; }
std::string max_chars(const std::string& p, std::int64_t n) {
  return the(p) + "must not be greater than " + std::to_string(n) + " characters.";
}
std::string max_items(const std::string& p, std::int64_t n) {
  return the(p) + "must not have more than " + std::to_string(n) + " items.";
}
std::string min_items(const std::string& p, std::int64_t n) {
  return the(p) + "must have at least " + std::to_string(n) + (n == 1 ? " item." : " items.");
}
std::string url(const std::string& p) { return the(p) + "must be a valid URL."; }
std::string format(const std::string& p) { return the(p) + "format is invalid."; }
std::string hex_color(const std::string& p) { return the(p) + "must be a valid hexadecimal color."; }
std::string date(const std::string& p) { return the(p) + "must be a valid date."; }
std::string after_now(const std::string& p) { return the(p) + "must be a date after now."; }
}  // namespace msg

std::size_t rule_length(std::string_view utf8) { return count_code_points(utf8); }


}  // namespace trypost

namespace trypost {

nlohmann::json rule_answer(const ApiError& err, int ok_status) {
  const bool ok = err.errors.empty() && err.message.empty();
  return nlohmann::json{{"valid", ok},
                        {"status", ok ? ok_status : err.status},
                        {"message", err.message},
                        {"errors", err.errors.empty() ? nlohmann::json::object() : nlohmann::json(err.errors)}};
}

bool read_simple_request(const nlohmann::json& in, nlohmann::json& body, int& ok_status, std::string& problem) {
  if (!in.is_object()) {
    problem = "a request must be a JSON object";
    return false;
  }
  ok_status = 201;
  if (!in.contains("body")) {
    body = in;
    return true;
  }
  body = in["body"];
  if (const auto m = in.find("method"); m != in.end() && !m->is_null()) {
    if (*m == "PUT" || *m == "put") ok_status = 200;
    else if (!(*m == "POST" || *m == "post")) {
      problem = "method: expected \"POST\" or \"PUT\"";
      return false;
    }
  }
  return true;
}

std::string simple_rule_json(const std::string& input, ApiError (*validate)(const nlohmann::json& body)) {
  const nlohmann::json in = nlohmann::json::parse(input, nullptr, false);
  if (in.is_discarded()) return error_answer(make_error(400, "malformed JSON"));
  nlohmann::json body;
  int ok = 201;
  std::string problem;
  if (!read_simple_request(in, body, ok, problem))
    return error_answer(make_error(400, problem));
  return rule_answer(validate(body), ok).dump(-1, ' ', false, kReplaceBadUtf8);
}

}  // namespace trypost
