#include "trypost/signature.hpp"

#include <vector>

#include "trypost/core_answer.hpp"
#include "trypost/rule_errors.hpp"

namespace trypost {

using nlohmann::json;

namespace {
std::string_view trim_trailing_space(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}
// A signature keeps its own leading spaces (an indented sign-off) but not the line breaks around it.
std::string_view trim_line_breaks(std::string_view s) {
  while (!s.empty() && (s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  return trim_trailing_space(s);
}
bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }
}  // namespace

std::string apply_signatures(std::string_view content, std::span<const std::string> signatures) {
  std::string out(trim_trailing_space(content));
  if (blank(out)) out.clear();
  for (const auto& sig : signatures) {
    const auto piece = trim_line_breaks(sig);
    if (blank(piece)) continue;
    if (!out.empty()) out += "\n\n";
    out += piece;
  }
  return out;
}

ApiError validate_signature(const json& body) {
  RuleErrors e;
  if (!body.is_object()) {
    e.add("body", "The request body must be a JSON object.");
    return e.finish();
  }
  auto required_string = [&](const char* key, std::size_t max) {
    const auto v = body.find(key);
    if (v == body.end() || v->is_null() || (v->is_string() && v->get_ref<const std::string&>().empty()))
      return e.add(key, msg::required(key));
    if (!v->is_string()) return e.add(key, msg::string(key));
    if (max && rule_length(v->get_ref<const std::string&>()) > max) e.add(key, msg::max_chars(key, std::int64_t(max)));
  };
  required_string("name", kMaxSignatureNameLength);
  required_string("content", 0);
  return e.empty() ? ApiError{} : e.finish();
}

std::string apply_signatures_json(const std::string& input) {
  const json in = json::parse(input, nullptr, false);
  if (in.is_discarded() || !in.is_object()) return error_answer(make_error(400, "expected {\"content\", \"signatures\"}"));
  std::string content;
  if (const auto c = in.find("content"); c != in.end() && !c->is_null()) {
    if (!c->is_string()) return error_answer(make_error(400, "content: expected a string"));
    content = c->get<std::string>();
  }
  std::vector<std::string> texts;
  if (const auto s = in.find("signatures"); s != in.end() && !s->is_null()) {
    if (!s->is_array()) return error_answer(make_error(400, "signatures: expected an array"));
    for (std::size_t i = 0; i < s->size(); ++i) {
      const json& item = (*s)[i];
      if (item.is_string()) texts.push_back(item.get<std::string>());
      else if (item.is_object() && item.contains("content") && item["content"].is_string())
        texts.push_back(item["content"].get<std::string>());
      else return error_answer(make_error(400, "signatures." + std::to_string(i) + ": expected a string or {\"content\": string}"));
    }
  }
  return json{{"content", apply_signatures(content, texts)}}.dump(-1, ' ', false, kReplaceBadUtf8);
}

std::string validate_signature_json(const std::string& input) { return simple_rule_json(input, &validate_signature); }

}  // namespace trypost
