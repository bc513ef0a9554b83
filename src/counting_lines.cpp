#include "trypost/counting_lines.hpp"

#include <array>
#include <vector>

#include <nlohmann/json.hpp>

#include "json_escape.hpp"
#include "trypost/counting.hpp"
#include "trypost/platform.hpp"
#include "trypost/unicode.hpp"

namespace trypost {
namespace {

// A flat JSON object of strings and scalars, read without building a document: the common line
// costs one pass. Anything else (nesting, a syntax error) returns nullopt and the line goes to
// nlohmann's parser, so the answers are the same either way.
// The buffers are kept from line to line, so a line costs no allocation.
struct FlatLine {
  std::string content_type, text, key, other;
  bool has_content_type = false, has_text = false;
  bool content_type_string = true, text_string = true;
};

// Bytes that end the plain part of a JSON string: the quote, the backslash, control characters.
constexpr auto kStringStops = [] {
  std::array<bool, 256> stop{};
  for (int c = 0; c < 0x20; ++c) stop[c] = true;
  stop['"'] = stop['\\'] = true;
  return stop;
}();

struct Scanner {
  std::string_view s;
  std::size_t i = 0;

  void ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
  }
  // A string after its opening quote. A lone surrogate escape becomes U+FFFD, as the CLI's
  // String.prototype.toWellFormed() does.
  bool string(std::string& out) {
    while (i < s.size()) {
      const auto start = i;
      while (i < s.size() && !kStringStops[static_cast<unsigned char>(s[i])]) ++i;
      out.append(s.data() + start, i - start);
      if (i >= s.size()) return false;
      const char c = s[i++];
      if (c == '"') return true;
      if (c != '\\' || i >= s.size()) return false;
      const char e = s[i++];
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          const char* p = s.data() + i;
          const auto cp = json_escape::read_unicode_escape(p, s.data() + s.size());
          i = static_cast<std::size_t>(p - s.data());
          if (cp == json_escape::kBadEscape) return false;
          unicode::append_utf8(out, cp == json_escape::kLoneSurrogate ? unicode::kReplacement : static_cast<char32_t>(cp));
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }
  // A number as JSON writes it (-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?), or a literal.
  bool scalar() {
    const auto digits = [&] {
      const auto from = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      return i > from;
    };
    if (i < s.size() && (s[i] == '-' || (s[i] >= '0' && s[i] <= '9'))) {
      if (s[i] == '-') ++i;
      if (i < s.size() && s[i] == '0') ++i;
      else if (!digits()) return false;
      if (i < s.size() && s[i] == '.' && (++i, !digits())) return false;
      if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digits()) return false;
      }
      return true;
    }
    for (std::string_view lit : {"true", "false", "null"})
      if (s.substr(i, lit.size()) == lit) {
        i += lit.size();
        return true;
      }
    return false;
  }
};

bool scan_flat(std::string_view line, FlatLine& out) {
  Scanner sc{line};
  out.has_content_type = out.has_text = false;
  sc.ws();
  if (sc.i >= line.size() || line[sc.i++] != '{') return false;
  sc.ws();
  if (sc.i < line.size() && line[sc.i] == '}') {
    ++sc.i;
  } else {
    for (;;) {
      out.key.clear();
      if (sc.i >= line.size() || line[sc.i++] != '"' || !sc.string(out.key)) return false;
      sc.ws();
      if (sc.i >= line.size() || line[sc.i++] != ':') return false;
      sc.ws();
      const bool is_type = out.key == "content_type", is_text = out.key == "text";
      std::string& slot = is_type ? out.content_type : is_text ? out.text : out.other;
      bool is_string = false;
      slot.clear();
      if (sc.i < line.size() && line[sc.i] == '"') {
        ++sc.i;
        if (!sc.string(slot)) return false;
        is_string = true;
      } else if (!sc.scalar()) {
        return false;
      }
      // A repeated key: the last one wins, as in JSON.parse and nlohmann.
      if (is_type) out.has_content_type = true, out.content_type_string = is_string;
      if (is_text) out.has_text = true, out.text_string = is_string;
      sc.ws();
      if (sc.i >= line.size()) return false;
      const char c = line[sc.i++];
      if (c == '}') break;
      if (c != ',') return false;
      sc.ws();
    }
  }
  sc.ws();
  return sc.i == line.size();
}

// The line as the one-pass reader sees its text: bytes that are not UTF-8 and lone surrogate
// escapes become U+FFFD, so a line the parser reads (a nested one) counts as a flat one would.
std::string well_formed(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  const char* p = line.data();
  const char* const end = p + line.size();
  while (p < end) {
    if (*p == '\\' && end - p >= 2) {
      if (p[1] != 'u') {
        out.append(p, 2);
        p += 2;
        continue;
      }
      const char* q = p + 2;
      const auto cp = json_escape::read_unicode_escape(q, end);
      if (cp == json_escape::kBadEscape) {  // not JSON: left for the parser to refuse
        out.append(p, 2);
        p += 2;
        continue;
      }
      if (cp == json_escape::kLoneSurrogate) out += "\\ufffd";
      else out.append(p, static_cast<std::size_t>(q - p));
      p = q;
      continue;
    }
    if (static_cast<unsigned char>(*p) < 0x80) {
      out.push_back(*p++);
      continue;
    }
    auto* u = reinterpret_cast<const unsigned char*>(p);
    unicode::append_utf8(out, unicode::next_code_point(u, reinterpret_cast<const unsigned char*>(end)));
    p = reinterpret_cast<const char*>(u);
  }
  return out;
}

// The messages count_text_json gives; a line that is not a JSON object says "malformed line".
void answer_error(std::string& out, std::string_view message) {
  out += "{\"error\":\"";
  out += message;
  out += "\"}\n";
}

void answer_line(std::string& out, std::string_view line, FlatLine& flat) {
  bool type_is_string = false, text_is_string = false;
  if (scan_flat(line, flat)) {
    type_is_string = flat.has_content_type && flat.content_type_string;
    text_is_string = flat.has_text && flat.text_string;
  } else {
    const auto doc = nlohmann::json::parse(well_formed(line), nullptr, false);
    if (doc.is_discarded()) return answer_error(out, "malformed line: not JSON");
    if (!doc.is_object()) return answer_error(out, "malformed line: expected an object {\\\"content_type\\\", \\\"text\\\"}");
    if (const auto ct = doc.find("content_type"); ct != doc.end() && ct->is_string()) {
      flat.content_type = ct->get<std::string>();
      type_is_string = true;
    }
    if (const auto t = doc.find("text"); t != doc.end() && t->is_string()) {
      flat.text = t->get<std::string>();
      text_is_string = true;
    }
  }
  if (!type_is_string) return answer_error(out, "content_type must be a string");
  const auto type = parse_content_type(flat.content_type);
  if (!type) return answer_error(out, "unknown content_type");
  if (!text_is_string) return answer_error(out, "text must be a string");
  const std::size_t length = count_for(*type, flat.text);
  const std::size_t max = max_content_length(*type);
  out += "{\"content_type\":\"";
  out += to_string(*type);
  out += "\",\"length\":";
  out += std::to_string(length);
  out += ",\"max_length\":";
  out += std::to_string(max);
  out += length <= max ? ",\"valid\":true}\n" : ",\"valid\":false}\n";
}

std::vector<char>& input_storage() {
  static std::vector<char> bytes;
  return bytes;
}
std::string& output_storage() {
  static std::string out;
  return out;
}

}  // namespace

std::string count_lines(std::string_view jsonl) {
  std::string out;
  out.reserve(jsonl.size() / 2 + 64);
  std::size_t start = 0;
  FlatLine flat;
  while (start < jsonl.size()) {
    auto end = jsonl.find('\n', start);
    if (end == std::string_view::npos) end = jsonl.size();
    auto line = jsonl.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    answer_line(out, line, flat);
  }
  return out;
}

std::uintptr_t counting_lines_buffer(std::size_t bytes) {
  auto& in = input_storage();
  try {
    if (in.size() < bytes + 1) in.resize(bytes + 1);
  } catch (const std::bad_alloc&) {
    return 0;
  }
  return reinterpret_cast<std::uintptr_t>(in.data());
}

std::size_t counting_lines_run(std::size_t bytes) {
  auto& in = input_storage();
  if (in.size() < bytes) return 0;
  output_storage() = count_lines(std::string_view(in.data(), bytes));
  return output_storage().size();
}

std::uintptr_t counting_lines_output() { return reinterpret_cast<std::uintptr_t>(output_storage().data()); }

}  // namespace trypost
