#pragma once
// The \uXXXX escape of a JSON string, for the readers that decode strings without building a
// document: counting_lines.cpp (the CLI's caption lines) and post_scan.cpp (the calendar's
// one-pass post reader). Not part of the public headers.
#include <cstdint>

namespace trypost::json_escape {

inline constexpr std::int32_t kBadEscape = -1;      // not four hex digits
inline constexpr std::int32_t kLoneSurrogate = -2;  // a surrogate without its other half

inline bool read_hex4(const char*& p, const char* end, std::uint32_t& v) {
  if (end - p < 4) return false;
  v = 0;
  for (int k = 0; k < 4; ++k) {
    const char c = *p++;
    v <<= 4;
    if (c >= '0' && c <= '9') v |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= static_cast<std::uint32_t>(c - 'A' + 10);
    else return false;
  }
  return true;
}

// With p just past "\u": the code point of the escape, joined with the low half that follows a
// high surrogate as "\uXXXX". kLoneSurrogate leaves p past the first four digits only, so a
// reader that replaces it goes on with what follows; kBadEscape means the text is not JSON.
inline std::int32_t read_unicode_escape(const char*& p, const char* end) {
  std::uint32_t u = 0;
  if (!read_hex4(p, end, u)) return kBadEscape;
  if (u < 0xD800 || u > 0xDFFF) return static_cast<std::int32_t>(u);
  if (u <= 0xDBFF && end - p >= 2 && p[0] == '\\' && p[1] == 'u') {
    const char* after = p + 2;
    std::uint32_t lo = 0;
    if (!read_hex4(after, end, lo)) return kBadEscape;
    if (lo >= 0xDC00 && lo <= 0xDFFF) {
      p = after;
      return static_cast<std::int32_t>(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
    }
  }
  return kLoneSurrogate;
}

}  // namespace trypost::json_escape
