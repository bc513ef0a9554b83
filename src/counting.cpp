#include "trypost/counting.hpp"

#include <new>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/core_answer.hpp"
#include "trypost/unicode.hpp"
#include "trypost/x_url.hpp"

namespace trypost {
namespace {

using unicode::decode_nfc;
using unicode::kEmojiVariation;
using unicode::kEmojiModifier;
using unicode::kEmojiModifierBase;
using unicode::kEmojiPresentation;
using unicode::kExtPict;
using unicode::props;

// X's v3 weights: these ranges count 1, every other code point 2.
inline int x_weight(char32_t c) {
  return (c <= 0x10FF || (c >= 0x2000 && c <= 0x200D) || (c >= 0x2010 && c <= 0x201F) ||
          (c >= 0x2032 && c <= 0x2037))
             ? 1
             : 2;
}
constexpr int kXUrlWeight = 23;
constexpr int kXEmojiWeight = 2;
constexpr char32_t kZwj = 0x200D, kVs16 = 0xFE0F, kKeycap = 0x20E3, kTagEnd = 0xE007F;

inline bool is_regional_indicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }
inline bool is_tag_spec(char32_t c) { return c >= 0xE0020 && c <= 0xE007E; }

// One element of an emoji sequence (UTS #51) starting at p, or p when there is none:
// a flag (two regional indicators), a keycap ([0-9#*] FE0F? 20E3; X also counts the form without
// FE0F), or an emoji character (Extended_Pictographic or Emoji_Presentation) with an optional
// skin-tone modifier or, where emoji-variation-sequences lists one, the emoji presentation
// selector FE0F; then an optional tag sequence. A digit, # or * is an element only as a keycap
// or with FE0F.
const char32_t* emoji_element(const char32_t* p, const char32_t* e) {
  const char32_t c = *p;
  if (is_regional_indicator(c)) return (p + 1 < e && is_regional_indicator(p[1])) ? p + 2 : p + 1;
  if ((c >= '0' && c <= '9') || c == '#' || c == '*') {
    const char32_t* q = p + 1;
    if (q < e && *q == kVs16) ++q;
    if (q < e && *q == kKeycap) return q + 1;
    return q == p + 2 ? q : p;  // "1️" is a presentation sequence; a bare digit is not an emoji
  }
  if (c < 0xA9) return p;
  const std::uint16_t pr = props(c);
  if (!(pr & (kExtPict | kEmojiPresentation))) return p;
  const char32_t* q = p + 1;
  if (q < e && (pr & kEmojiModifierBase) && (props(*q) & kEmojiModifier)) ++q;
  else if (q < e && *q == kVs16 && (pr & kEmojiVariation)) ++q;
  if (q < e && is_tag_spec(*q)) {
    const char32_t* t = q;
    while (t < e && is_tag_spec(*t)) ++t;
    if (t < e && *t == kTagEnd) q = t + 1;
  }
  return q;
}

// Length in code points of the emoji sequence at p (elements joined by ZWJ), or 0 when what
// starts at p is no sequence: a lone character that is not emoji-styled by default counts by its
// own weight, like any other character.
std::size_t emoji_sequence(const char32_t* p, const char32_t* e) {
  const char32_t* q = emoji_element(p, e);
  if (q == p) return 0;
  while (q + 1 < e && *q == kZwj) {
    const char32_t* r = emoji_element(q + 1, e);
    if (r == q + 1) break;
    q = r;
  }
  const auto len = static_cast<std::size_t>(q - p);
  if (len == 1 && !(props(*p) & kEmojiPresentation)) return 0;
  return len;
}

struct XScratch {
  std::vector<char32_t> cps;
  std::vector<char16_t> utf16;
  std::vector<x_url::Span> urls;
};

std::size_t x_weighted(std::string_view utf8, XScratch& sc) {
  decode_nfc(utf8, sc.cps);
  const char32_t* const begin = sc.cps.data();
  const char32_t* const end = begin + sc.cps.size();
  sc.urls.clear();
  bool dot = false;
  for (const char32_t* p = begin; p < end && !dot; ++p) dot = *p == '.';
  if (dot) {
    sc.utf16.clear();
    for (const char32_t* p = begin; p < end; ++p) {
      if (*p < 0x10000) {
        sc.utf16.push_back(static_cast<char16_t>(*p));
      } else {
        sc.utf16.push_back(static_cast<char16_t>(0xD800 + ((*p - 0x10000) >> 10)));
        sc.utf16.push_back(static_cast<char16_t>(0xDC00 + ((*p - 0x10000) & 0x3FF)));
      }
    }
    x_url::extract({sc.utf16.data(), sc.utf16.size()}, sc.urls);
  }
  // Walk as twitter-text's parseTweet does: a URL starting here counts 23 and is skipped whole,
  // else an emoji sequence counts 2, else the code point's weight.
  std::size_t total = 0;
  std::size_t unit = 0;  // UTF-16 offset of p
  std::size_t next_url = 0;
  for (const char32_t* p = begin; p < end;) {
    while (next_url < sc.urls.size() && sc.urls[next_url].start < unit) ++next_url;
    if (next_url < sc.urls.size() && sc.urls[next_url].start == unit) {
      total += kXUrlWeight;
      const std::size_t stop = unit + sc.urls[next_url].length;
      while (p < end && unit < stop) unit += (*p++ >= 0x10000) ? 2 : 1;
      ++next_url;
      continue;
    }
    if (*p >= 0xA9 || (*p >= '0' && *p <= '9') || *p == '#' || *p == '*') {
      if (const std::size_t len = emoji_sequence(p, end)) {
        total += kXEmojiWeight;
        for (std::size_t k = 0; k < len; ++k) unit += (*p++ >= 0x10000) ? 2 : 1;
        continue;
      }
    }
    total += static_cast<std::size_t>(x_weight(*p));
    unit += (*p++ >= 0x10000) ? 2 : 1;
  }
  return total;
}

XScratch& x_scratch() {
  static thread_local XScratch sc;
  return sc;
}

}  // namespace

std::size_t count_code_points(std::string_view s) { return unicode::count_code_points(s); }
std::size_t count_graphemes(std::string_view s) { return unicode::count_graphemes(s); }
std::size_t count_x_weighted(std::string_view s) { return x_weighted(s, x_scratch()); }

std::size_t count_for(ContentType t, std::string_view s) {
  switch (t) {
    case ContentType::x_post: return count_x_weighted(s);
    case ContentType::bluesky_post: return count_graphemes(s);
    default: return count_code_points(s);
  }
}

std::size_t max_content_length(ContentType t) {
  switch (t) {
    case ContentType::linkedin_post:
    case ContentType::linkedin_page_post: return 3000;
    case ContentType::x_post: return 280;
    case ContentType::facebook_post:
    case ContentType::facebook_reel:
    case ContentType::facebook_story: return 10000;
    case ContentType::instagram_feed:
    case ContentType::instagram_reel:
    case ContentType::instagram_story:
    case ContentType::tiktok_video:
    case ContentType::tiktok_photo: return 2200;
    case ContentType::youtube_short: return 100;
    case ContentType::threads_post:
    case ContentType::mastodon_post: return 500;
    case ContentType::pinterest_pin:
    case ContentType::pinterest_video_pin:
    case ContentType::pinterest_carousel: return 800;
    case ContentType::bluesky_post: return 300;
    case ContentType::telegram_post: return 4096;
    case ContentType::discord_message: return 2000;
  }
  return 0;
}

void count_batch(ContentType type, std::string_view utf8, const std::uint32_t* utf16_lengths, std::size_t n,
                 std::int32_t* out) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t size = utf8.size();
  std::size_t pos = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t from = pos;
    std::uint32_t units = 0;
    const std::uint32_t want = utf16_lengths[i];
    while (pos < size && units < want) {
      const unsigned char b = bytes[pos];
      units += b >= 0xF0 ? 2 : 1;
      pos += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }
    if (pos > size) pos = size;
    out[i] = static_cast<std::int32_t>(count_for(type, utf8.substr(from, pos - from)));
  }
}

namespace {
std::vector<std::uint32_t>& batch_storage() {
  static std::vector<std::uint32_t> words;
  return words;
}
std::size_t round_up4(std::size_t v) { return (v + 3) & ~std::size_t{3}; }
}  // namespace

std::uintptr_t counting_batch_buffer(std::size_t utf8_bytes, std::size_t n) {
  auto& words = batch_storage();
  const std::size_t need = round_up4(utf8_bytes) / 4 + 2 * n + 1;
  if (words.size() < need) {
    try {
      words.resize(need);
    } catch (const std::bad_alloc&) {
      return 0;
    }
  }
  return reinterpret_cast<std::uintptr_t>(words.data());
}

bool counting_batch_run(std::string_view content_type, std::size_t utf8_bytes, std::size_t n) {
  const auto type = parse_content_type(content_type);
  if (!type) return false;
  auto& words = batch_storage();
  if (words.size() < round_up4(utf8_bytes) / 4 + 2 * n) return false;
  const auto* base = reinterpret_cast<const char*>(words.data());
  const auto* lengths = words.data() + round_up4(utf8_bytes) / 4;
  auto* out = reinterpret_cast<std::int32_t*>(words.data() + round_up4(utf8_bytes) / 4 + n);
  count_batch(*type, std::string_view(base, utf8_bytes), lengths, n, out);
  return true;
}

std::string count_text_json(const std::string& json) {
  const auto doc = nlohmann::json::parse(json, nullptr, false);
  auto error = [](const std::string& message) { return error_answer(make_error(400, message)); };
  if (doc.is_discarded() || !doc.is_object()) return error("expected a JSON object {\"content_type\", \"text\"}");
  const auto ct = doc.find("content_type");
  if (ct == doc.end() || !ct->is_string()) return error("content_type must be a string");
  const auto type = parse_content_type(ct->get_ref<const std::string&>());
  if (!type) return error("unknown content_type");
  const auto text = doc.find("text");
  if (text == doc.end() || !text->is_string()) return error("text must be a string");
  const std::size_t length = count_for(*type, text->get_ref<const std::string&>());
  const std::size_t max = max_content_length(*type);
  return nlohmann::json{{"content_type", to_string(*type)},
                        {"length", length},
                        {"max_length", max},
                        {"valid", length <= max}}
      .dump();
}

}  // namespace trypost
