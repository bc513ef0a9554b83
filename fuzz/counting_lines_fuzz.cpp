// `trypost count --jsonl` on arbitrary bytes:
// - every line that is JSON gets exactly the answer nlohmann's parser and count_for give it;
// - a line answers the same whichever path reads it: the same line with a nested member added
//   (which only the parser reads) answers what the one-pass reader of flat lines answered, raw
//   bytes that are not UTF-8 and lone surrogate escapes (both U+FFFD) included;
// - a document answers what its lines answer one by one.
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trypost/content_type.hpp"
#include "trypost/counting.hpp"
#include "trypost/counting_lines.hpp"

namespace {

// The answer a line must get, from the full parser; empty when the line is not strict JSON.
std::string expected_answer(std::string_view line) {
  const auto doc = nlohmann::json::parse(line, nullptr, false);
  if (doc.is_discarded()) return "";
  if (!doc.is_object()) return "error";
  const auto ct = doc.find("content_type");
  if (ct == doc.end() || !ct->is_string()) return "error";
  const auto type = trypost::parse_content_type(ct->get<std::string>());
  if (!type) return "error";
  const auto text = doc.find("text");
  if (text == doc.end() || !text->is_string()) return "error";
  return std::to_string(trypost::count_for(*type, text->get<std::string>()));
}

// The line with one more member, a nested one: only the parser reads it. Empty when the line is
// not an object's braces around something.
std::string nested(std::string_view line) {
  const auto first = line.find_first_not_of(" \t\r\n");
  const auto last = line.find_last_not_of(" \t\r\n");
  if (first == std::string_view::npos || line[first] != '{' || line[last] != '}' || last == first) return {};
  const auto inner = line.substr(first + 1, last - first - 1);
  const bool empty = inner.find_first_not_of(" \t\r\n") == std::string_view::npos;
  return std::string("{") + std::string(inner) + (empty ? "" : ",") + "\"zz_nested\":[{\"a\":[0]}]}";
}

// The same, read from count_lines' answer line.
std::string actual_answer(const std::string& answer) {
  if (answer.rfind("{\"error\":", 0) == 0) return "error";
  const auto at = answer.find("\"length\":");
  if (at == std::string::npos) __builtin_trap();
  const auto from = at + 9;
  return answer.substr(from, answer.find(',', from) - from);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string whole = trypost::count_lines(input);
  std::string joined;
  std::size_t start = 0;
  while (start < input.size()) {
    auto end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    auto line = input.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::string answer = trypost::count_lines(line);
    if (answer.empty() || answer.back() != '\n' || answer.find('\n') != answer.size() - 1) __builtin_trap();
    const auto expected = expected_answer(line);
    if (!expected.empty() && actual_answer(answer) != expected) __builtin_trap();
    if (const auto other = nested(line); !other.empty() && trypost::count_lines(other) != answer) __builtin_trap();
    joined += answer;
  }
  if (joined != whole) __builtin_trap();
  return 0;
}
