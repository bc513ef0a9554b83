#pragma once
// Unicode primitives behind counting: UTF-8 decoding that never fails, property lookups in the
// build-time tables, NFC normalization and extended grapheme clusters (UAX #29, Unicode 17).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace trypost::unicode {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point and advances p. An ill-formed sequence yields U+FFFD once per maximal
// subpart (Unicode's recommended practice, as TextDecoder and ICU do): the longest prefix of a
// well-formed sequence is consumed, and the byte that broke it starts the next decode.
inline char32_t next_code_point(const unsigned char*& p, const unsigned char* end) {
  const unsigned c = *p++;
  if (c < 0x80) return c;
  if (c < 0xC2 || c > 0xF4) return kReplacement;
  if (c < 0xE0) {
    if (p < end && (*p & 0xC0) == 0x80) return ((c & 0x1Fu) << 6) | (*p++ & 0x3Fu);
    return kReplacement;
  }
  unsigned lo = 0x80, hi = 0xBF;
  if (c == 0xE0) lo = 0xA0;
  else if (c == 0xED) hi = 0x9F;  // no surrogates
  else if (c == 0xF0) lo = 0x90;  // no overlongs
  else if (c == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
  if (p >= end || *p < lo || *p > hi) return kReplacement;
  char32_t cp = (c < 0xF0 ? (c & 0x0Fu) : (c & 0x07u));
  cp = (cp << 6) | (*p++ & 0x3Fu);
  for (int more = c < 0xF0 ? 1 : 2; more > 0; --more) {
    if (p >= end || (*p & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (*p++ & 0x3Fu);
  }
  return cp;
}

// The UTF-8 bytes of a code point into out (room for four); answers how many. Surrogates are the
// caller's to refuse or replace: they are encoded as they are.
inline int encode_utf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

inline void append_utf8(std::string& out, char32_t cp) {
  char bytes[4];
  out.append(bytes, static_cast<std::size_t>(encode_utf8(cp, bytes)));
}

// Grapheme_Cluster_Break values, in the generator's order.
enum Gcb : std::uint8_t {
  kOther, kCR, kLF, kControl, kExtend, kZWJ, kRegionalIndicator, kPrepend, kSpacingMark,
  kL, kV, kT, kLV, kLVT
};
enum Incb : std::uint8_t { kIncbNone, kIncbLinker, kIncbConsonant, kIncbExtend };
inline constexpr std::uint16_t kExtPict = 1u << 6, kEmojiVariation = 1u << 7, kEmojiPresentation = 1u << 8,
                               kEmojiModifier = 1u << 9, kEmojiModifierBase = 1u << 10;

// Property word of a code point (bit layout in the generated unicode_tables.hpp).
std::uint16_t props(char32_t cp);
inline Gcb gcb(std::uint16_t p) { return static_cast<Gcb>(p & 0xF); }
inline Incb incb(std::uint16_t p) { return static_cast<Incb>((p >> 4) & 3); }
std::uint8_t combining_class(char32_t cp);

// Decodes utf8 into out (cleared first) as NFC.
void decode_nfc(std::string_view utf8, std::vector<char32_t>& out);
// Normalizes code points in place to NFC (scratch is reused storage).
void to_nfc(std::vector<char32_t>& cps, std::vector<char32_t>& scratch);

std::size_t count_code_points(std::string_view utf8);
std::size_t count_graphemes(std::string_view utf8);

}  // namespace trypost::unicode
