#include "trypost/preview.hpp"

#include <array>

#include "trypost/content_type.hpp"
#include "trypost/core_answer.hpp"
#include "trypost/counting.hpp"
#include "trypost/rule_errors.hpp"
#include "trypost/unicode.hpp"

namespace trypost {
namespace {

using nlohmann::json;

struct Tag {
  std::size_t end = 0;  // one past '>'
  std::string name;     // lower case
  bool closing = false;
};

// A tag starts at s[i] == '<': "<name ...>" or "</name>"; anything else is plain text.
std::optional<Tag> read_tag(std::string_view s, std::size_t i) {
  Tag t;
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '/') {
    t.closing = true;
    ++j;
  }
  while (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9'))) {
    char c = s[j++];
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    t.name += c;
  }
  if (t.name.empty() || !(t.name[0] >= 'a' && t.name[0] <= 'z')) return std::nullopt;
  const auto close = s.find('>', j);
  if (close == std::string_view::npos || s.substr(j, close - j).find('<') != std::string_view::npos) return std::nullopt;
  t.end = close + 1;
  return t;
}

template <std::size_t N>
bool in(const std::array<std::string_view, N>& names, const std::string& n) {
  for (const auto x : names)
    if (x == n) return true;
  return false;
}

// LinkedIn has no markup, so bold and underline travel as characters: Mathematical Sans-Serif
// Bold for ASCII letters and digits, U+0332 after each character for underline.
std::string linkedin(std::string_view s) {
  std::string out;
  int bold = 0, underline = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '<') {
      if (const auto t = read_tag(s, i); t && (t->name == "strong" || t->name == "b" || t->name == "u")) {
        int& depth = t->name == "u" ? underline : bold;
        depth = t->closing ? (depth > 0 ? depth - 1 : 0) : depth + 1;
        i = t->end;
        continue;
      }
    }
    // Copy one UTF-8 sequence.
    std::size_t len = 1;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    len = std::min(len, s.size() - i);
    if (bold && len == 1 && c >= 'A' && c <= 'Z') unicode::append_utf8(out, U'\U0001D5D4' + (c - 'A'));
    else if (bold && len == 1 && c >= 'a' && c <= 'z') unicode::append_utf8(out, U'\U0001D5EE' + (c - 'a'));
    else if (bold && len == 1 && c >= '0' && c <= '9') unicode::append_utf8(out, U'\U0001D7EC' + (c - '0'));
    else out.append(s.substr(i, len));
    if (underline && c != '\n' && c != '\r') unicode::append_utf8(out, U'\u0332');
    i += len;
  }
  return out;
}

template <std::size_t N, std::size_t B>
std::string allow_list(std::string_view s, const std::array<std::string_view, N>& keep,
                       const std::array<std::string_view, B>& blocks) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '<') {
      if (const auto t = read_tag(s, i)) {
        if (in(keep, t->name)) out.append(s.substr(i, t->end - i));
        else if (t->name == "br" || (t->closing && in(blocks, t->name))) out += '\n';
        i = t->end;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

constexpr std::array<std::string_view, 6> kMastodonTags{"p", "strong", "em", "a", "br", "span"};
constexpr std::array<std::string_view, 7> kTelegramTags{"b", "i", "u", "s", "a", "code", "pre"};
constexpr std::array<std::string_view, 11> kBlocks{"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"};
constexpr std::array<std::string_view, 0> kNoBlocks{};

}  // namespace

std::string sanitize_for(Platform p, std::string_view content) {
  switch (p) {
    case Platform::linkedin:
    case Platform::linkedin_page: return linkedin(content);
    case Platform::mastodon: return allow_list(content, kMastodonTags, kNoBlocks);
    case Platform::telegram: return allow_list(content, kTelegramTags, kBlocks);
    default: return std::string(content);
  }
}

json post_preview(const Post& post) {
  const std::string original = post.content.value_or("");
  json rows = json::array();
  for (const auto& pp : post.platforms) {
    if (!pp.enabled) continue;
    const std::string text = sanitize_for(pp.platform, original);
    const auto length = count_for(pp.content_type, text);
    const auto max = max_content_length(pp.content_type);
    rows.push_back(json{{"post_platform_id", pp.id},
                        {"platform", to_string(pp.platform)},
                        {"content_type", to_string(pp.content_type)},
                        {"sanitized_content", text},
                        {"sanitized_length", length},
                        {"max_content_length", max},
                        // As the server means it: sanitizing shrank the bytes; never a cut.
                        {"truncated", text.size() < original.size()},
                        // Stories show no caption, so their text is never over.
                        {"over_limit", !content_type_info(pp.content_type).captionless && length > max}});
  }
  return json{{"post_id", post.id},
              {"original_content", original},
              {"original_length", count_code_points(original)},
              {"platforms", std::move(rows)}};
}

std::string post_preview_json(const std::string& input) {
  const json in = json::parse(input, nullptr, false);
  if (in.is_discarded()) return error_answer(make_error(400, "malformed JSON"));
  const auto post = post_from_json(in.is_object() && in.contains("post") ? in["post"] : in);
  if (!post) {
    // The message names the first field ("path: message"), as the composer shows it.
    ApiError e = post.error();
    if (!e.errors.empty()) e.message = e.errors.begin()->first + ": " + e.errors.begin()->second.front();
    return error_answer(e);
  }
  return post_preview(*post).dump(-1, ' ', false, kReplaceBadUtf8);
}

}  // namespace trypost
