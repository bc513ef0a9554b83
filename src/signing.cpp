#include "trypost/signing.hpp"

#include <algorithm>
#include <charconv>

#include "trypost/base64.hpp"
#include "trypost/core_answer.hpp"
#include "trypost/url.hpp"

namespace trypost {
namespace sf {
namespace {

constexpr std::int64_t kMaxInteger = 999'999'999'999'999;

bool is_lcalpha(char c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
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

// ---------------------------------------------------------------------------------------------

namespace {

using nlohmann::json;

ApiError sig_error(const std::string& field, std::string message) {
  ApiError e = field_error(field, std::move(message));
  e.status = 400;
  return e;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}


int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded parsing as the URL Standard does it (RFC 9421 §2.2.8).
std::string form_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Re-encoding with the urlencoded percent-encode set, spaces as %20 (RFC 9421 §2.2.8).
std::string form_encode(std::string_view s) {
  return percent_encode_except(
      s, [](char c) { return sf::is_alpha(c) || sf::is_digit(c) || c == '*' || c == '-' || c == '.' || c == '_'; });
}

std::string trim_ows(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  return std::string(s.substr(a, b - a));
}

// One field line as RFC 9421 §2.1 canonicalizes it: obsolete folding becomes one space, the
// ends are trimmed; any CR, LF or NUL left over would let a value forge a base line.
std::optional<std::string> canonical_line(std::string_view raw) {
  std::string unfolded;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r' && i + 2 < raw.size() && raw[i + 1] == '\n' && (raw[i + 2] == ' ' || raw[i + 2] == '\t')) {
      unfolded.push_back(' ');
      i += 2;
      while (i + 1 < raw.size() && (raw[i + 1] == ' ' || raw[i + 1] == '\t')) ++i;
      continue;
    }
    unfolded.push_back(raw[i]);
  }
  auto v = trim_ows(unfolded);
  for (char c : v)
    if (c == '\r' || c == '\n' || c == '\0') return std::nullopt;
  return v;
}

const std::vector<std::string>* find_header(const SignedMessage& msg, std::string_view lname) {
  for (const auto& [name, values] : msg.headers)
    if (lower(name) == lname) return &values;
  return nullptr;
}

std::string component_label(const ComponentId& c) {
  const auto p = sf::serialize_params(c.params);
  return "\"" + c.name + "\"" + (p ? *p : std::string());
}

bool is_string_param(const sf::Parameters& p, std::string_view key, std::string& out) {
  if (const auto* v = sf::find_param(p, key)) {
    if (const auto* s = std::get_if<std::string>(v)) {
      out = *s;
      return true;
    }
  }
  return false;
}

Expected<std::string> derived_value(const ComponentId& c, const std::string& method, const UrlParts& url) {
  const auto& n = c.name;
  const std::string where = "components." + n;
  const bool only_known_params = std::all_of(c.params.begin(), c.params.end(), [&](const auto& p) {
    return n == "@query-param" && p.first == "name";
  });
  if (!only_known_params) return sig_error(where, "The component " + n + " takes no such parameter (req and tr are not supported).");
  if (n == "@method") return method;
  if (n == "@authority") return url.authority;
  if (n == "@scheme") return url.scheme;
  if (n == "@path") return url.path;
  if (n == "@query") return "?" + url.query.value_or("");
  if (n == "@request-target") return url.path + (url.query ? "?" + *url.query : std::string());
  if (n == "@target-uri")
    return url.scheme + "://" + url.authority + url.path + (url.query ? "?" + *url.query : std::string());
  if (n == "@query-param") {
    std::string wanted;
    if (!is_string_param(c.params, "name", wanted)) return sig_error(where, "@query-param needs a string name parameter.");
    std::optional<std::string> found;
    std::string_view q = url.query ? std::string_view(*url.query) : std::string_view();
    while (url.query) {
      const auto amp = q.find('&');
      const auto part = q.substr(0, amp);
      if (!part.empty()) {
        const auto eq = part.find('=');
        const auto name = form_encode(form_decode(part.substr(0, eq)));
        const auto value = eq == std::string_view::npos ? std::string() : form_encode(form_decode(part.substr(eq + 1)));
        if (name == wanted) {
          // RFC 9421 §2.2.8: a repeated parameter cannot be covered on its own.
          if (found) return sig_error(where, "The query parameter named in @query-param appears more than once; cover @query instead.");
          found = value;
        }
      }
      if (amp == std::string_view::npos) break;
      q.remove_prefix(amp + 1);
    }
    if (!found) return sig_error(where, "The query parameter named in @query-param is not in the URL.");
    return *found;
  }
  if (n == "@status") return sig_error(where, "@status belongs to responses; this signs requests.");
  return sig_error(where, "Unknown derived component " + n + ".");
}

Expected<std::string> field_value(const ComponentId& c, const SignedMessage& msg) {
  const std::string where = "headers." + c.name;
  const auto* values = find_header(msg, c.name);
  if (!values || values->empty()) return sig_error(where, "The covered field " + c.name + " is not in the message.");
  bool bs = false;
  std::string key;
  for (const auto& [k, v] : c.params) {
    if (k == "bs") bs = true;
    else if (k == "key" && std::holds_alternative<std::string>(v)) key = std::get<std::string>(v);
    else return sig_error("components." + c.name, "The component parameter " + k + " is not supported here (sf, req and tr are not).");
  }
  if (bs && !key.empty()) return sig_error("components." + c.name, "bs and key cannot be combined.");
  std::vector<std::string> lines;
  for (const auto& raw : *values) {
    const auto line = canonical_line(raw);
    if (!line) return sig_error(where, "The field " + c.name + " holds a CR, LF or NUL character.");
    lines.push_back(bs ? ":" + base64_encode(*line) + ":" : *line);
  }
  std::string joined;
  for (std::size_t i = 0; i < lines.size(); ++i) joined += (i ? ", " : "") + lines[i];
  if (key.empty()) return joined;
  const auto dict = sf::parse_dictionary(joined);
  if (!dict) return sig_error(where, "The field " + c.name + " is not a structured dictionary: " + dict.error().message);
  for (const auto& [k, m] : *dict) {
    if (k != key) continue;
    if (const auto* it = std::get_if<sf::Item>(&m)) return sf::serialize_item(*it);
    return sf::serialize_inner_list(std::get<sf::InnerList>(m));
  }
  return sig_error(where, "The field " + c.name + " has no member named by the key parameter.");
}

sf::Parameters params_list(const SignatureInput& in) {
  sf::Parameters p;
  const auto& s = in.params;
  if (s.created) p.emplace_back("created", *s.created);
  if (s.expires) p.emplace_back("expires", *s.expires);
  if (s.nonce) p.emplace_back("nonce", *s.nonce);
  if (s.alg) p.emplace_back("alg", *s.alg);
  if (s.keyid) p.emplace_back("keyid", *s.keyid);
  if (s.tag) p.emplace_back("tag", *s.tag);
  for (const auto& e : in.extra_params) p.push_back(e);
  return p;
}

sf::InnerList to_inner_list(const SignatureInput& in) {
  sf::InnerList l;
  for (const auto& c : in.components) l.items.push_back(sf::Item{c.name, c.params});
  l.params = params_list(in);
  return l;
}

Expected<ComponentId> component_from_item(const sf::Item& it, bool lowercase) {
  const auto* s = std::get_if<std::string>(&it.value);
  if (!s || s->empty()) return sig_error("components", "Each covered component must be a non-empty quoted string.");
  ComponentId c{lowercase ? lower(*s) : *s, it.params};
  if (c.name != lower(c.name)) return sig_error("components", "Component names are lowercase.");
  return c;
}

Expected<SignatureInput> input_from_inner_list(std::string label, const sf::InnerList& l) {
  SignatureInput in;
  in.label = std::move(label);
  for (const auto& it : l.items) {
    auto c = component_from_item(it, false);
    if (!c) return c.error();
    in.components.push_back(std::move(c.value()));
  }
  const std::string where = "signature_input." + in.label;
  for (const auto& [k, v] : l.params) {
    const auto* n = std::get_if<std::int64_t>(&v);
    const auto* s = std::get_if<std::string>(&v);
    if (k == "created" || k == "expires") {
      if (!n || *n < 0) return sig_error(where + "." + k, "The " + k + " parameter must be a non-negative integer.");
      (k == "created" ? in.params.created : in.params.expires) = *n;
    } else if (k == "nonce" || k == "alg" || k == "keyid" || k == "tag") {
      if (!s) return sig_error(where + "." + k, "The " + k + " parameter must be a string.");
      if (k == "nonce") in.params.nonce = *s;
      else if (k == "alg") in.params.alg = *s;
      else if (k == "keyid") in.params.keyid = *s;
      else in.params.tag = *s;
    } else {
      in.extra_params.emplace_back(k, v);
    }
  }
  return in;
}

}  // namespace

Expected<UrlParts> split_url(std::string_view url) {
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f)
      return sig_error("url", "The URL holds a space, control or non-ASCII character; percent-encode it first.");
  }
  const auto colon = url.find("://");
  if (colon == std::string_view::npos || colon == 0) return sig_error("url", "The URL must be absolute (scheme://host/path).");
  UrlParts out;
  out.scheme = lower(url.substr(0, colon));
  for (char c : out.scheme)
    if (!(sf::is_lcalpha(c) || sf::is_digit(c) || c == '+' || c == '-' || c == '.'))
      return sig_error("url", "The URL scheme is not well formed.");
  auto rest = url.substr(colon + 3);
  if (const auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  const auto auth_end = rest.find_first_of("/?");
  auto authority = rest.substr(0, auth_end);
  rest = auth_end == std::string_view::npos ? std::string_view() : rest.substr(auth_end);
  if (authority.find('@') != std::string_view::npos) return sig_error("url", "Credentials in the URL are refused.");
  std::string_view host = authority, port;
  if (!authority.empty() && authority[0] == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return sig_error("url", "The URL's IPv6 host is not closed.");
    host = authority.substr(0, close + 1);
    const auto after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') return sig_error("url", "The URL's authority is not well formed.");
      port = after.substr(1);
    }
  } else if (const auto c = authority.rfind(':'); c != std::string_view::npos) {
    host = authority.substr(0, c);
    port = authority.substr(c + 1);
  }
  if (host.empty()) return sig_error("url", "The URL has no host.");
  for (char c : port)
    if (!sf::is_digit(c)) return sig_error("url", "The URL's port is not a number.");
  if (port.size() > 5) return sig_error("url", "The URL's port is out of range.");
  out.authority = lower(host);
  if (!port.empty()) {
    int p = 0;
    std::from_chars(port.data(), port.data() + port.size(), p);
    if (p > 65535) return sig_error("url", "The URL's port is out of range.");
    const bool default_port = (out.scheme == "https" && p == 443) || (out.scheme == "http" && p == 80);
    if (!default_port) out.authority += ":" + std::to_string(p);
  }
  const auto q = rest.find('?');
  out.path = std::string(rest.substr(0, q));
  if (out.path.empty()) out.path = "/";
  if (q != std::string_view::npos) out.query = std::string(rest.substr(q + 1));
  return out;
}

Expected<std::vector<ComponentId>> parse_component_list(std::string_view text) {
  const auto t = trim_ows(text);
  const auto wrapped = !t.empty() && t.front() == '(' ? t : "(" + t + ")";
  const auto l = sf::parse_inner_list(wrapped);
  if (!l) return sig_error("components", "The component list is not well formed: " + l.error().message);
  if (!l->params.empty()) return sig_error("components", "Give signature parameters as options, not inside the component list.");
  std::vector<ComponentId> out;
  for (const auto& it : l->items) {
    auto c = component_from_item(it, true);
    if (!c) return c.error();
    out.push_back(std::move(c.value()));
  }
  return out;
}

std::vector<ComponentId> default_components(bool has_body) {
  std::vector<ComponentId> out{{"@method", {}}, {"@authority", {}}, {"@path", {}}, {"@query", {}}};
  if (has_body) out.push_back({"content-digest", {}});
  return out;
}

Expected<std::string> serialize_signature_params(const SignatureInput& in) {
  return sf::serialize_inner_list(to_inner_list(in));
}

Expected<std::string> serialize_signature_input(const SignatureInput& in) {
  return sf::serialize_dictionary({{in.label, to_inner_list(in)}});
}

Expected<std::string> signature_base(const SignedMessage& msg, const SignatureInput& in) {
  const auto url = split_url(msg.url);
  if (!url) return url.error();
  if (in.params.created && in.params.expires && *in.params.expires < *in.params.created)
    return sig_error("params.expires", "The signature expires before it is created.");
  std::string base;
  std::vector<std::string> seen;
  for (const auto& c : in.components) {
    const auto id = component_label(c);
    if (c.name == "@signature-params") return sig_error("components", "@signature-params cannot be a covered component.");
    // The base is printed by `trypost sign` and may be logged while debugging; a bearer key or a
    // cookie must never be copied into it. The HMAC already proves who signed.
    if (c.name == "authorization" || c.name == "proxy-authorization" || c.name == "cookie")
      return sig_error("components", "Credentials (" + c.name + ") are not copied into a signature base.");
    if (std::find(seen.begin(), seen.end(), id) != seen.end())
      return sig_error("components", "The component " + id + " is covered twice.");
    seen.push_back(id);
    const auto value = c.name[0] == '@' ? derived_value(c, msg.method, *url) : field_value(c, msg);
    if (!value) return value.error();
    base += id + ": " + *value + "\n";
  }
  const auto params = serialize_signature_params(in);
  if (!params) return params.error();
  base += "\"@signature-params\": " + *params;
  return base;
}

Expected<std::vector<SignatureInput>> parse_signature_input(std::string_view field) {
  const auto d = sf::parse_dictionary(field);
  if (!d) return sig_error("signature_input", "The Signature-Input field is not a structured dictionary: " + d.error().message);
  if (d->empty()) return sig_error("signature_input", "The Signature-Input field is empty.");
  std::vector<SignatureInput> out;
  for (const auto& [label, m] : *d) {
    const auto* l = std::get_if<sf::InnerList>(&m);
    if (!l) return sig_error("signature_input." + label, "Each Signature-Input member must be an inner list.");
    auto in = input_from_inner_list(label, *l);
    if (!in) return in.error();
    out.push_back(std::move(in.value()));
  }
  return out;
}

Expected<std::vector<std::pair<std::string, std::string>>> parse_signature_field(std::string_view field) {
  const auto d = sf::parse_dictionary(field);
  if (!d) return sig_error("signature", "The Signature field is not a structured dictionary: " + d.error().message);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [label, m] : *d) {
    const auto* it = std::get_if<sf::Item>(&m);
    const auto* b = it ? std::get_if<sf::ByteSeq>(&it->value) : nullptr;
    if (!b) return sig_error("signature." + label, "Each Signature member must be a byte sequence.");
    out.emplace_back(label, b->base64);
  }
  return out;
}

Expected<std::vector<std::pair<std::string, std::string>>> parse_content_digest(std::string_view field) {
  const auto d = sf::parse_dictionary(field);
  if (!d) return sig_error("content-digest", "The Content-Digest field is not a structured dictionary: " + d.error().message);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [alg, m] : *d) {
    const auto* it = std::get_if<sf::Item>(&m);
    const auto* b = it ? std::get_if<sf::ByteSeq>(&it->value) : nullptr;
    if (!b) return sig_error("content-digest." + alg, "Each Content-Digest member must be a byte sequence.");
    out.emplace_back(alg, b->base64);
  }
  return out;
}

// ---- JSON entry points ------------------------------------------------------------------------

namespace {

Expected<SignedMessage> message_from_json(const json& j) {
  SignedMessage msg;
  const auto m = j.find("method");
  const auto u = j.find("url");
  if (m == j.end() || !m->is_string() || m->get<std::string>().empty()) return sig_error("method", "The method field is required.");
  if (u == j.end() || !u->is_string()) return sig_error("url", "The url field is required.");
  msg.method = m->get<std::string>();
  // fetch() uppercases these six and sends every other method as written.
  static const char* const kNormalized[] = {"DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"};
  std::string upper = msg.method;
  for (auto& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  for (const char* k : kNormalized)
    if (upper == k) msg.method = upper;
  msg.url = u->get<std::string>();
  if (const auto h = j.find("headers"); h != j.end() && !h->is_null()) {
    if (!h->is_object()) return sig_error("headers", "The headers field must be an object of name: value.");
    std::vector<std::string> seen;
    for (const auto& [name, value] : h->items()) {
      const auto lname = lower(name);
      if (std::find(seen.begin(), seen.end(), lname) != seen.end())
        return sig_error("headers." + lname, "The header " + lname + " is given twice with different letter case.");
      seen.push_back(lname);
      std::vector<std::string> lines;
      if (value.is_string()) {
        lines.push_back(value.get<std::string>());
      } else if (value.is_array()) {
        for (const auto& v : value) {
          if (!v.is_string()) return sig_error("headers." + lname, "Header values must be strings.");
          lines.push_back(v.get<std::string>());
        }
      } else if (value.is_number_integer()) {
        lines.push_back(std::to_string(value.get<std::int64_t>()));
      } else {
        return sig_error("headers." + lname, "Header values must be strings.");
      }
      msg.headers.emplace_back(lname, std::move(lines));
    }
  }
  return msg;
}

Expected<SignatureInput> input_from_json(const json& j, const SignedMessage& msg) {
  SignatureInput in;
  in.label = "sig1";
  if (const auto l = j.find("label"); l != j.end() && !l->is_null()) {
    if (!l->is_string() || !sf::valid_key(l->get<std::string>()))
      return sig_error("label", "The label must be lowercase letters, digits, '_', '-', '.' or '*'.");
    in.label = l->get<std::string>();
  }
  const auto c = j.find("components");
  if (c == j.end() || c->is_null()) {
    in.components = default_components(find_header(msg, "content-digest") != nullptr);
  } else if (c->is_string()) {
    auto list = parse_component_list(c->get<std::string>());
    if (!list) return list.error();
    in.components = std::move(list.value());
  } else if (c->is_array()) {
    for (const auto& e : *c) {
      if (!e.is_string()) return sig_error("components", "Each component must be a string such as \"@path\" or date.");
      auto s = e.get<std::string>();
      // A bare name (date) and a serialized identifier ("date";bs) are both accepted.
      if (s.empty() || s[0] != '"') s = "\"" + s + "\"";
      auto list = parse_component_list(s);
      if (!list) return list.error();
      for (auto& x : list.value()) in.components.push_back(std::move(x));
    }
  } else {
    return sig_error("components", "The components must be a string or a list of strings.");
  }
  if (const auto p = j.find("params"); p != j.end() && !p->is_null()) {
    if (!p->is_object()) return sig_error("params", "The params field must be an object.");
    for (const auto& [k, v] : p->items()) {
      if (k == "created" || k == "expires") {
        if (v.is_null()) continue;
        if (!v.is_number_integer() || v.get<std::int64_t>() < 0)
          return sig_error("params." + k, "The " + k + " parameter must be a non-negative integer (Unix seconds).");
        (k == "created" ? in.params.created : in.params.expires) = v.get<std::int64_t>();
      } else if (k == "nonce" || k == "alg" || k == "keyid" || k == "tag") {
        if (v.is_null()) continue;
        if (!v.is_string()) return sig_error("params." + k, "The " + k + " parameter must be a string.");
        auto s = v.get<std::string>();
        if (k == "nonce") in.params.nonce = std::move(s);
        else if (k == "alg") in.params.alg = std::move(s);
        else if (k == "keyid") in.params.keyid = std::move(s);
        else in.params.tag = std::move(s);
      } else {
        return sig_error("params." + k, "Unknown signature parameter; use created, expires, nonce, alg, keyid or tag.");
      }
    }
  }
  return in;
}

json input_to_json(const SignatureInput& in) {
  json comps = json::array();
  for (const auto& c : in.components) comps.push_back(component_label(c));
  json params = json::object();
  if (in.params.created) params["created"] = *in.params.created;
  if (in.params.expires) params["expires"] = *in.params.expires;
  if (in.params.nonce) params["nonce"] = *in.params.nonce;
  if (in.params.alg) params["alg"] = *in.params.alg;
  if (in.params.keyid) params["keyid"] = *in.params.keyid;
  if (in.params.tag) params["tag"] = *in.params.tag;
  json out{{"label", in.label}, {"components", comps}, {"params", params}};
  if (const auto s = serialize_signature_params(in)) out["signature_params"] = *s;
  return out;
}

}  // namespace

std::string signature_base_json(const std::string& json_text) {
  json j;
  ApiError err;
  if (!parse_argument(json_text, j, err)) return error_answer(err);
  const auto msg = message_from_json(j);
  if (!msg) return error_answer(msg.error());
  SignatureInput in;
  if (const auto si = j.find("signature_input"); si != j.end() && !si->is_null()) {
    // Verifying: rebuild the base from what the sender declared.
    if (!si->is_string()) return error_answer(sig_error("signature_input", "The signature_input field must be a string."));
    const auto all = parse_signature_input(si->get<std::string>());
    if (!all) return error_answer(all.error());
    std::optional<std::string> label;
    if (const auto l = j.find("label"); l != j.end() && l->is_string()) label = l->get<std::string>();
    if (!label && all->size() > 1)
      return error_answer(sig_error("label", "The Signature-Input field holds several signatures; name the label to check."));
    const auto it = std::find_if(all->begin(), all->end(), [&](const auto& s) { return !label || s.label == *label; });
    if (it == all->end()) return error_answer(sig_error("label", "No signature with that label in the Signature-Input field."));
    in = *it;
  } else {
    auto built = input_from_json(j, *msg);
    if (!built) return error_answer(built.error());
    in = std::move(built.value());
  }
  const auto base = signature_base(*msg, in);
  if (!base) return error_answer(base.error());
  const auto field = serialize_signature_input(in);
  if (!field) return error_answer(field.error());
  auto out = input_to_json(in);
  out["signature_base"] = *base;
  out["signature_input"] = *field;
  out["covers_content_digest"] = std::any_of(in.components.begin(), in.components.end(),
                                             [](const auto& c) { return c.name == "content-digest"; });
  return dump_answer(out);
}

std::string parse_signature_input_json(const std::string& json_text) {
  json j;
  ApiError err;
  if (!parse_argument(json_text, j, err)) return error_answer(err);
  const auto si = j.find("signature_input");
  if (si == j.end() || !si->is_string()) return error_answer(sig_error("signature_input", "The signature_input field is required."));
  const auto all = parse_signature_input(si->get<std::string>());
  if (!all) return error_answer(all.error());
  std::vector<std::pair<std::string, std::string>> sigs;
  if (const auto s = j.find("signature"); s != j.end() && !s->is_null()) {
    if (!s->is_string()) return error_answer(sig_error("signature", "The signature field must be a string."));
    auto parsed = parse_signature_field(s->get<std::string>());
    if (!parsed) return error_answer(parsed.error());
    sigs = std::move(parsed.value());
  }
  json list = json::array();
  for (const auto& in : *all) {
    auto e = input_to_json(in);
    for (const auto& [label, b64] : sigs)
      if (label == in.label) e["signature"] = b64;
    list.push_back(std::move(e));
  }
  return dump_answer(json{{"signatures", list}});
}

}  // namespace trypost
