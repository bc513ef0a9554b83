#include "trypost/signing.hpp"

#include <algorithm>
#include <charconv>

#include "signing_detail.hpp"
#include "trypost/base64.hpp"
#include "trypost/url.hpp"

namespace trypost {
namespace signing_detail {

ApiError sig_error(const std::string& field, std::string message) { return field_error(field, std::move(message), 400); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string trim_ows(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  return std::string(s.substr(a, b - a));
}

const std::vector<std::string>* find_field(const FieldLines& fields, std::string_view lname) {
  for (const auto& [name, values] : fields)
    if (lower(name) == lname) return &values;
  return nullptr;
}

std::string component_label(const ComponentId& c) {
  const auto p = sf::serialize_params(c.params);
  return "\"" + c.name + "\"" + (p ? *p : std::string());
}

bool is_param_name(std::string_view k) {
  return k == "created" || k == "expires" || k == "nonce" || k == "alg" || k == "keyid" || k == "tag";
}

}  // namespace signing_detail

namespace {

using namespace signing_detail;

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

// HTTP carries field values as bytes and fetch() takes them as a ByteString: each character up to
// U+00FF is one byte. The core reads them as UTF-8 text, so a ;bs value is turned back into the
// bytes on the wire; a character beyond U+00FF cannot be sent at all.
std::optional<std::string> wire_bytes(std::string_view utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
    } else if ((b == 0xc2 || b == 0xc3) && i + 1 < utf8.size() && (static_cast<unsigned char>(utf8[i + 1]) & 0xc0) == 0x80) {
      out.push_back(static_cast<char>(((b & 0x03) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3f)));
      ++i;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

bool flag(const sf::BareItem& v) {
  const auto* b = std::get_if<bool>(&v);
  return b && *b;
}

bool string_param(const sf::Parameters& p, std::string_view key, std::string& out) {
  if (const auto* v = sf::find_param(p, key)) {
    if (const auto* s = std::get_if<std::string>(v)) {
      out = *s;
      return true;
    }
  }
  return false;
}

bool is_request_derived(std::string_view n) {
  return n == "@method" || n == "@target-uri" || n == "@authority" || n == "@scheme" || n == "@request-target" ||
         n == "@path" || n == "@query" || n == "@query-param";
}

Expected<std::string> query_param(const std::string& where, const sf::Parameters& params, const UrlParts& url) {
  std::string wanted;
  if (!string_param(params, "name", wanted)) return sig_error(where, "@query-param needs a string name parameter.");
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

// `ctx` is the message the value comes from: the target message, or its request for ;req.
Expected<std::string> derived_value(const ComponentId& c, const SignedMessage& ctx) {
  const auto& n = c.name;
  const std::string where = "components." + n;
  for (const auto& [k, v] : c.params) {
    const bool known = (k == "req" && is_request_derived(n)) || (k == "name" && n == "@query-param");
    if (!known) return sig_error(where, "The component " + n + " takes no parameter " + k + ".");
  }
  if (n == "@status") {
    if (!ctx.status) return sig_error(where, "@status belongs to responses; a request has no status.");
    if (*ctx.status < 100 || *ctx.status > 999) return sig_error(where, "The status must be a three-digit number.");
    return std::to_string(*ctx.status);
  }
  if (!is_request_derived(n)) return sig_error(where, "Unknown derived component " + n + ".");
  if (ctx.status)
    return sig_error(where, "The component " + n + " belongs to the request; a response covers it as \"" + n + "\";req.");
  if (n == "@method") return ctx.method;
  if (n == "@request-target" && ctx.request_target) return *ctx.request_target;
  const auto url = split_url(ctx.url);
  if (!url) return url.error();
  if (n == "@authority") return url->authority;
  if (n == "@scheme") return url->scheme;
  if (n == "@path") return url->path;
  if (n == "@query") return "?" + url->query.value_or("");
  if (n == "@request-target") return url->path + (url->query ? "?" + *url->query : std::string());
  if (n == "@target-uri")
    return url->scheme + "://" + url->authority + url->path + (url->query ? "?" + *url->query : std::string());
  return query_param(where, c.params, *url);
}

// Fields whose structured type RFC 8941 users have registered; ;sf on another field reads it as a
// Dictionary when it parses as one, else as a List (an Item serializes as a one-member List).
bool known_list_field(std::string_view n) {
  static const char* const kLists[] = {"accept-ch", "cache-status", "proxy-status", "client-cert-chain", "example-list"};
  for (const char* k : kLists)
    if (n == k) return true;
  return false;
}

Expected<std::string> strict_serialization(const std::string& where, const std::string& name, const std::string& joined) {
  if (!known_list_field(name)) {
    if (const auto d = sf::parse_dictionary(joined)) {
      auto s = sf::serialize_dictionary(*d);
      if (!s) return sig_error(where, "The field " + name + " cannot be serialized strictly: " + s.error().message);
      return s;
    }
  }
  const auto l = sf::parse_list(joined);
  if (!l) return sig_error(where, "The field " + name + " is not a structured field: " + l.error().message);
  auto s = sf::serialize_list(*l);
  if (!s) return sig_error(where, "The field " + name + " cannot be serialized strictly: " + s.error().message);
  return s;
}

Expected<std::string> field_value(const ComponentId& c, const SignedMessage& ctx) {
  const std::string where = "headers." + c.name;
  bool bs = false, sf_flag = false, tr = false;
  std::optional<std::string> key;
  for (const auto& [k, v] : c.params) {
    if (k == "bs" && flag(v)) bs = true;
    else if (k == "sf" && flag(v)) sf_flag = true;
    else if (k == "tr" && flag(v)) tr = true;
    else if (k == "req" && flag(v)) continue;
    else if (k == "key" && std::holds_alternative<std::string>(v)) key = std::get<std::string>(v);
    else return sig_error("components." + c.name, "The component parameter " + k + " is not understood here (use sf, key, bs, req or tr).");
  }
  if (bs && (key || sf_flag)) return sig_error("components." + c.name, "bs cannot be combined with sf or key.");
  const auto* values = find_field(tr ? ctx.trailers : ctx.headers, c.name);
  if (!values || values->empty())
    return sig_error(where, std::string("The covered field ") + c.name + " is not in the message's " + (tr ? "trailers." : "headers."));
  std::vector<std::string> lines;
  for (const auto& raw : *values) {
    const auto line = canonical_line(raw);
    if (!line) return sig_error(where, "The field " + c.name + " holds a CR, LF or NUL character.");
    if (bs) {
      const auto bytes = wire_bytes(*line);
      if (!bytes) return sig_error(where, "The header " + c.name + " holds characters beyond U+00FF, which HTTP cannot carry.");
      lines.push_back(":" + base64_encode(*bytes) + ":");
      continue;
    }
    // A browser sends a non-ASCII value as other bytes than these (RFC 9421 §2.5 wants an error).
    if (std::any_of(line->begin(), line->end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; }))
      return sig_error(where, "The header " + c.name + " holds non-ASCII characters; cover it as \"" + c.name +
                                  "\";bs or percent-encode the value.");
    lines.push_back(*line);
  }
  std::string joined;
  for (std::size_t i = 0; i < lines.size(); ++i) joined += (i ? ", " : "") + lines[i];
  if (!key) return sf_flag ? strict_serialization(where, c.name, joined) : joined;
  const auto dict = sf::parse_dictionary(joined);
  if (!dict) return sig_error(where, "The field " + c.name + " is not a structured dictionary: " + dict.error().message);
  for (const auto& [k, m] : *dict) {
    if (k != *key) continue;
    if (const auto* it = std::get_if<sf::Item>(&m)) return sf::serialize_item(*it);
    return sf::serialize_inner_list(std::get<sf::InnerList>(m));
  }
  return sig_error(where, "The field " + c.name + " has no member named by the key parameter.");
}

sf::Parameters params_list(const SignatureInput& in) {
  sf::Parameters known;  // in the default order
  const auto& s = in.params;
  if (s.created) known.emplace_back("created", *s.created);
  if (s.expires) known.emplace_back("expires", *s.expires);
  if (s.nonce) known.emplace_back("nonce", *s.nonce);
  if (s.alg) known.emplace_back("alg", *s.alg);
  if (s.keyid) known.emplace_back("keyid", *s.keyid);
  if (s.tag) known.emplace_back("tag", *s.tag);
  std::vector<bool> used_known(known.size()), used_extra(in.extra_params.size());
  sf::Parameters p;
  for (const auto& name : in.param_order) {
    for (std::size_t i = 0; i < known.size(); ++i)
      if (!used_known[i] && known[i].first == name) p.push_back(known[i]), used_known[i] = true;
    for (std::size_t i = 0; i < in.extra_params.size(); ++i)
      if (!used_extra[i] && in.extra_params[i].first == name) p.push_back(in.extra_params[i]), used_extra[i] = true;
  }
  for (std::size_t i = 0; i < known.size(); ++i)
    if (!used_known[i]) p.push_back(known[i]);
  for (std::size_t i = 0; i < in.extra_params.size(); ++i)
    if (!used_extra[i]) p.push_back(in.extra_params[i]);
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
    in.param_order.push_back(k);
    if (k == "created" || k == "expires") {
      if (!n || *n < 0) return sig_error(where + "." + k, "The " + k + " parameter must be a non-negative integer.");
      (k == "created" ? in.params.created : in.params.expires) = *n;
    } else if (is_param_name(k)) {
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

// Two identifiers are the same component whatever the order of their parameters (RFC 9421 §2).
std::string identity(const ComponentId& c) {
  std::vector<std::string> params;
  for (const auto& p : c.params) {
    const auto v = sf::serialize_params({p});
    params.push_back(v ? *v : p.first);
  }
  std::sort(params.begin(), params.end());
  std::string out = c.name;
  for (const auto& p : params) out += p;
  return out;
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

Expected<std::string> signature_base(const SignedMessage& msg, const SignatureInput& in, const SignedMessage* request) {
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
    if (std::find(seen.begin(), seen.end(), identity(c)) != seen.end())
      return sig_error("components", "The component " + id + " is covered twice.");
    seen.push_back(identity(c));
    const auto* req = sf::find_param(c.params, "req");
    if (req && !flag(*req)) return sig_error("components." + c.name, "The req parameter is a flag (;req).");
    if (req && !msg.status) return sig_error("components." + c.name, "The req parameter belongs to response signatures.");
    if (req && !request) return sig_error("components." + c.name, "A ;req component needs the request the response answers.");
    const auto& ctx = req ? *request : msg;
    const auto value = c.name[0] == '@' ? derived_value(c, ctx) : field_value(c, ctx);
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

namespace {

Expected<std::vector<std::pair<std::string, std::string>>> byte_members(std::string_view field, const std::string& what,
                                                                       const std::string& where) {
  const auto d = sf::parse_dictionary(field);
  if (!d) return sig_error(where, "The " + what + " field is not a structured dictionary: " + d.error().message);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, m] : *d) {
    const auto* it = std::get_if<sf::Item>(&m);
    const auto* b = it ? std::get_if<sf::ByteSeq>(&it->value) : nullptr;
    if (!b) return sig_error(where + "." + name, "Each " + what + " member must be a byte sequence.");
    out.emplace_back(name, b->base64);
  }
  return out;
}

}  // namespace

Expected<std::vector<std::pair<std::string, std::string>>> parse_signature_field(std::string_view field) {
  return byte_members(field, "Signature", "signature");
}

Expected<std::vector<std::pair<std::string, std::string>>> parse_content_digest(std::string_view field) {
  return byte_members(field, "Content-Digest", "content-digest");
}

}  // namespace trypost
