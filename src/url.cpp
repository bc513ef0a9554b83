#include "trypost/url.hpp"

namespace trypost {

bool is_http_url(std::string_view s) {
  auto starts = [&](std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      char c = s[i];
      if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  std::size_t rest = 0;
  if (starts("https://")) rest = 8;
  else if (starts("http://")) rest = 7;
  else return false;
  for (const unsigned char c : s)
    if (c <= 0x20 || c == 0x7F) return false;
  const std::size_t end = s.find_first_of("/?#", rest);
  std::string_view authority = s.substr(rest, end == std::string_view::npos ? std::string_view::npos : end - rest);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host = authority;
  std::string_view port;
  bool has_port = false;
  if (!authority.empty() && authority.front() == '[') {
    // An IPv6 literal: what is bracketed is the host, then an optional port.
    const auto close = authority.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    host = authority.substr(0, close + 1);
    const auto after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return false;
      port = after.substr(1);
      has_port = true;
    }
  } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
    has_port = true;
  }
  if (has_port && (port.empty() || port.size() > 5)) return false;
  for (const char c : port)
    if (c < '0' || c > '9') return false;
  if (host.size() > 2 && host.front() == '[') return true;
  if (host.empty() || host.front() == '.' || host.back() == '.' || host.front() == '-') return false;
  for (const char c : host) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '-' || static_cast<unsigned char>(c) >= 0x80;
    if (!ok) return false;
  }
  return host.find("..") == std::string_view::npos;
}

std::string percent_encode_except(std::string_view s, bool (*keep)(char)) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (keep(c)) {
      out.push_back(c);
    } else {
      const auto u = static_cast<unsigned char>(c);
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

}  // namespace trypost
