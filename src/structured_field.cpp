#include "trypost/structured_field.hpp"

#include <algorithm>
#include <charconv>

namespace trypost {
namespace sf {
namespace {

constexpr std::int64_t kMaxInteger = 999'999'999'999'999;

bool is_tchar(char c) {
  if (is_alpha(c) || is_digit(c)) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-':
    case '.': case '^': case '_': case '`': case '|': case '~':
      return true;
    default:
      return false;
  }
}
bool is_b64(char c) { return is_alpha(c) || is_digit(c) || c == '+' || c == '/' || c == '='; }

ApiError sf_error(std::string message) { return make_error(400, std::move(message)); }

// A cursor over the field text; every parse function returns false and sets `error` on failure.
struct Parser {
  explicit Parser(std::string_view text) : s(text) {}
  std::string_view s;
  std::size_t i = 0;
  std::string error;

  bool eof() const { return i >= s.size(); }
  char peek() const { return eof() ? '\0' : s[i]; }
  void skip_sp() {
    while (!eof() && s[i] == ' ') ++i;
  }
  void skip_ows() {
    while (!eof() && (s[i] == ' ' || s[i] == '\t')) ++i;
  }
  bool fail(std::string m) {
    if (error.empty()) error = std::move(m) + " at character " + std::to_string(i + 1) + ".";
    return false;
  }

  bool key(std::string& out) {
    if (eof() || !(is_lcalpha(s[i]) || s[i] == '*')) return fail("Expected a lowercase key");
    const auto start = i;
    while (!eof() && (is_lcalpha(s[i]) || is_digit(s[i]) || s[i] == '_' || s[i] == '-' || s[i] == '.' || s[i] == '*')) ++i;
    out.assign(s.substr(start, i - start));
    return true;
  }

  bool number(BareItem& out) {
    const auto start = i;
    bool neg = false;
    if (peek() == '-') {
      neg = true;
      ++i;
    }
    if (!is_digit(peek())) return fail("Expected a digit");
    std::size_t int_digits = 0, frac_digits = 0;
    bool decimal = false;
    while (!eof()) {
      const char c = s[i];
      if (is_digit(c)) {
        (decimal ? frac_digits : int_digits)++;
        ++i;
      } else if (c == '.' && !decimal) {
        if (int_digits > 12) return fail("A decimal has more than 12 integer digits");
        decimal = true;
        ++i;
      } else {
        break;
      }
      if (!decimal && int_digits > 15) return fail("An integer has more than 15 digits");
      if (decimal && frac_digits > 3) return fail("A decimal has more than 3 fraction digits");
    }
    if (decimal) {
      if (frac_digits == 0) return fail("A decimal ends with a dot");
      out = Decimal{std::string(s.substr(start, i - start))};
      return true;
    }
    std::int64_t v = 0;
    const auto digits = s.substr(start + (neg ? 1 : 0), i - start - (neg ? 1 : 0));
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    out = neg ? -v : v;
    return true;
  }

  bool string(BareItem& out) {
    ++i;  // opening quote
    std::string v;
    while (!eof()) {
      const char c = s[i++];
      if (c == '\\') {
        if (eof()) return fail("A string ends inside an escape");
        const char n = s[i++];
        if (n != '"' && n != '\\') return fail("A string has an invalid escape");
        v.push_back(n);
      } else if (c == '"') {
        out = std::move(v);
        return true;
      } else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) {
        --i;
        return fail("A string holds a character outside printable ASCII");
      } else {
        v.push_back(c);
      }
    }
    return fail("A string is not closed");
  }

  bool token(BareItem& out) {
    const auto start = i++;
    while (!eof() && (is_tchar(s[i]) || s[i] == ':' || s[i] == '/')) ++i;
    out = Token{std::string(s.substr(start, i - start))};
    return true;
  }

  bool bytes(BareItem& out) {
    const auto start = ++i;
    while (!eof() && s[i] != ':') {
      if (!is_b64(s[i])) return fail("A byte sequence holds a character outside base64");
      ++i;
    }
    if (eof()) return fail("A byte sequence is not closed");
    out = ByteSeq{std::string(s.substr(start, i - start))};
    ++i;
    return true;
  }

  bool boolean(BareItem& out) {
    ++i;
    if (peek() == '1') out.emplace<bool>(true);
    else if (peek() == '0') out.emplace<bool>(false);
    else return fail("A boolean must be ?0 or ?1");
    ++i;
    return true;
  }

  bool bare_item(BareItem& out) {
    const char c = peek();
    if (c == '-' || is_digit(c)) return number(out);
    if (c == '"') return string(out);
    if (is_alpha(c) || c == '*') return token(out);
    if (c == ':') return bytes(out);
    if (c == '?') return boolean(out);
    return fail("Expected a value");
  }

  bool params(Parameters& out) {
    while (peek() == ';') {
      ++i;
      skip_sp();
      std::string k;
      if (!key(k)) return false;
      BareItem v{std::in_place_type<bool>, true};
      if (peek() == '=') {
        ++i;
        if (!bare_item(v)) return false;
      }
      const auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == k; });
      if (it != out.end()) it->second = std::move(v);  // the last one wins, in the first one's place
      else out.emplace_back(std::move(k), std::move(v));
    }
    return true;
  }

  bool item(Item& out) { return bare_item(out.value) && params(out.params); }

  bool inner_list(InnerList& out) {
    ++i;  // (
    while (!eof()) {
      skip_sp();
      if (peek() == ')') {
        ++i;
        return params(out.params);
      }
      Item it;
      if (!item(it)) return false;
      out.items.push_back(std::move(it));
      if (peek() != ' ' && peek() != ')') return fail("Expected a space or ')' in an inner list");
    }
    return fail("An inner list is not closed");
  }

  bool member(Member& out) {
    if (peek() == '(') {
      InnerList l;
      if (!inner_list(l)) return false;
      out = std::move(l);
      return true;
    }
    Item it;
    if (!item(it)) return false;
    out = std::move(it);
    return true;
  }
};

bool valid_token(std::string_view t) {
  if (t.empty() || !(is_alpha(t[0]) || t[0] == '*')) return false;
  for (char c : t)
    if (!(is_tchar(c) || c == ':' || c == '/')) return false;
  return true;
}

}  // namespace

bool valid_key(std::string_view key) {
  if (key.empty() || !(is_lcalpha(key[0]) || key[0] == '*')) return false;
  for (char c : key)
    if (!(is_lcalpha(c) || is_digit(c) || c == '_' || c == '-' || c == '.' || c == '*')) return false;
  return true;
}

const BareItem* find_param(const Parameters& p, std::string_view key) {
  for (const auto& [k, v] : p)
    if (k == key) return &v;
  return nullptr;
}

Expected<std::string> serialize_bare_item(const BareItem& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) {
    if (*n > kMaxInteger || *n < -kMaxInteger) return sf_error("An integer is outside the range a structured field can carry.");
    return std::to_string(*n);
  }
  if (const auto* d = std::get_if<Decimal>(&v)) {
    Parser p{d->text};
    BareItem check;
    if (!p.number(check) || !p.eof() || !std::holds_alternative<Decimal>(check)) return sf_error("A decimal is not well formed.");
    return d->text;
  }
  if (const auto* s = std::get_if<std::string>(&v)) {
    std::string out = "\"";
    for (char c : *s) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u > 0x7e) return sf_error("A string holds a character outside printable ASCII.");
      if (c == '"' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
    out.push_back('"');
    return out;
  }
  if (const auto* t = std::get_if<Token>(&v)) {
    if (!valid_token(t->value)) return sf_error("A token is not well formed.");
    return t->value;
  }
  if (const auto* b = std::get_if<ByteSeq>(&v)) {
    for (char c : b->base64)
      if (!is_b64(c)) return sf_error("A byte sequence holds a character outside base64.");
    return ":" + b->base64 + ":";
  }
  return std::string(std::get<bool>(v) ? "?1" : "?0");
}

Expected<std::string> serialize_params(const Parameters& p) {
  std::string out;
  for (const auto& [k, v] : p) {
    if (!valid_key(k)) return sf_error("A parameter key must be lowercase letters, digits, '_', '-', '.' or '*'.");
    out += ';' + k;
    if (const auto* b = std::get_if<bool>(&v); b && *b) continue;
    const auto s = serialize_bare_item(v);
    if (!s) return s.error();
    out += '=' + *s;
  }
  return out;
}

Expected<std::string> serialize_item(const Item& i) {
  auto v = serialize_bare_item(i.value);
  if (!v) return v;
  const auto p = serialize_params(i.params);
  if (!p) return p;
  return *v + *p;
}

Expected<std::string> serialize_inner_list(const InnerList& l) {
  std::string out = "(";
  for (std::size_t k = 0; k < l.items.size(); ++k) {
    const auto s = serialize_item(l.items[k]);
    if (!s) return s;
    if (k) out.push_back(' ');
    out += *s;
  }
  out.push_back(')');
  const auto p = serialize_params(l.params);
  if (!p) return p;
  return out + *p;
}

Expected<std::string> serialize_dictionary(const Dictionary& d) {
  std::string out;
  for (const auto& [k, m] : d) {
    if (!valid_key(k)) return sf_error("A dictionary key must be lowercase letters, digits, '_', '-', '.' or '*'.");
    if (!out.empty()) out += ", ";
    out += k;
    if (const auto* it = std::get_if<Item>(&m)) {
      if (const auto* b = std::get_if<bool>(&it->value); b && *b) {
        const auto p = serialize_params(it->params);
        if (!p) return p;
        out += *p;
        continue;
      }
      const auto s = serialize_item(*it);
      if (!s) return s;
      out += '=' + *s;
    } else {
      const auto s = serialize_inner_list(std::get<InnerList>(m));
      if (!s) return s;
      out += '=' + *s;
    }
  }
  return out;
}

Expected<std::string> serialize_list(const List& l) {
  std::string out;
  for (const auto& m : l) {
    if (!out.empty()) out += ", ";
    const auto s = std::holds_alternative<Item>(m) ? serialize_item(std::get<Item>(m)) : serialize_inner_list(std::get<InnerList>(m));
    if (!s) return s;
    out += *s;
  }
  return out;
}

Expected<List> parse_list(std::string_view text) {
  Parser p{text};
  List out;
  p.skip_sp();
  while (!p.eof()) {
    Member m;
    if (!p.member(m)) return sf_error(p.error);
    out.push_back(std::move(m));
    p.skip_ows();
    if (p.eof()) break;
    if (p.peek() != ',') {
      p.fail("Expected ',' between list members");
      return sf_error(p.error);
    }
    ++p.i;
    p.skip_ows();
    if (p.eof()) {
      p.fail("A list ends with ','");
      return sf_error(p.error);
    }
  }
  return out;
}

Expected<Dictionary> parse_dictionary(std::string_view text) {
  Parser p{text};
  Dictionary out;
  p.skip_sp();
  while (!p.eof()) {
    std::string k;
    if (!p.key(k)) return sf_error(p.error);
    Member m = Item{BareItem{std::in_place_type<bool>, true}, {}};
    if (p.peek() == '=') {
      ++p.i;
      if (!p.member(m)) return sf_error(p.error);
    } else {
      Item it{BareItem{std::in_place_type<bool>, true}, {}};
      if (!p.params(it.params)) return sf_error(p.error);
      m = std::move(it);
    }
    const auto it = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.first == k; });
    if (it != out.end()) it->second = std::move(m);
    else out.emplace_back(std::move(k), std::move(m));
    p.skip_ows();
    if (p.eof()) break;
    if (p.peek() != ',') {
      p.fail("Expected ',' between dictionary members");
      return sf_error(p.error);
    }
    ++p.i;
    p.skip_ows();
    if (p.eof()) {
      p.fail("A dictionary ends with ','");
      return sf_error(p.error);
    }
  }
  return out;
}

Expected<InnerList> parse_inner_list(std::string_view text) {
  Parser p{text};
  p.skip_sp();
  if (p.peek() != '(') return sf_error("Expected '(' at character 1.");
  InnerList l;
  if (!p.inner_list(l)) return sf_error(p.error);
  p.skip_sp();
  if (!p.eof()) {
    p.fail("Unexpected text after the inner list");
    return sf_error(p.error);
  }
  return l;
}

Expected<Item> parse_item(std::string_view text) {
  Parser p{text};
  p.skip_sp();
  Item it;
  if (!p.item(it)) return sf_error(p.error);
  p.skip_sp();
  if (!p.eof()) {
    p.fail("Unexpected text after the item");
    return sf_error(p.error);
  }
  return it;
}

}  // namespace sf

}  // namespace trypost
