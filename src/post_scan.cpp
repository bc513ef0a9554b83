#include "trypost/post_scan.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "json_escape.hpp"
#include "trypost/time.hpp"
#include "trypost/unicode.hpp"

namespace trypost {
namespace {

// JSON as RFC 8259 has it, read the way nlohmann's parser reads it (UTF-8 checked, surrogate
// pairs joined, duplicate keys: the last one wins), except that nothing is built for values the
// caller steps over. Every failure just answers false: the full parser then explains it.
class Scanner {
 public:
  Scanner(std::string_view text, const ScanLimits& limits) : p_(text.data()), end_(text.data() + text.size()), limits_(limits) {}

  void ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  bool at_end() {
    ws();
    return p_ == end_;
  }
  char peek() {
    ws();
    return p_ < end_ ? *p_ : '\0';
  }
  bool eat(char c) {
    ws();
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool literal(const char* word) {
    const auto n = std::strlen(word);
    if (static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
    p_ += n;
    return true;
  }
  const char* here() {
    ws();
    return p_;
  }
  bool null() {
    ws();
    return p_ < end_ && *p_ == 'n' && literal("null");
  }

  // A string into `out` (nullptr: checked and skipped).
  bool string(std::string* out) {
    ws();
    if (p_ >= end_ || *p_ != '"') return false;
    ++p_;
    if (out) out->clear();
    std::int64_t size = 0;
    for (;;) {
      const char* run = p_;
      bool high = false;
      while (p_ < end_) {
        const auto c = static_cast<unsigned char>(*p_);
        if (c == '"' || c == '\\' || c < 0x20) break;
        high |= c >= 0x80;
        ++p_;
      }
      if (p_ >= end_) return false;
      if (high && !valid_utf8(run, p_)) return false;
      size += p_ - run;
      if (out) out->append(run, p_);
      const char c = *p_++;
      if (c == '"') break;
      if (c != '\\') return false;  // a raw control character
      if (p_ >= end_) return false;
      const char e = *p_++;
      char one = 0;
      switch (e) {
        case '"': one = '"'; break;
        case '\\': one = '\\'; break;
        case '/': one = '/'; break;
        case 'b': one = '\b'; break;
        case 'f': one = '\f'; break;
        case 'n': one = '\n'; break;
        case 'r': one = '\r'; break;
        case 't': one = '\t'; break;
        case 'u': {
          const auto cp = json_escape::read_unicode_escape(p_, end_);
          if (cp < 0) return false;  // a bad escape, or a lone surrogate: not UTF-8
          char buf[4];
          const int n = unicode::encode_utf8(static_cast<char32_t>(cp), buf);
          size += n;
          if (out) out->append(buf, static_cast<std::size_t>(n));
          continue;
        }
        default: return false;
      }
      ++size;
      if (out) out->push_back(one);
    }
    return size <= limits_.max_string_bytes;
  }

  // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?; `integer` tells whether it had no
  // fraction or exponent and fits what nlohmann keeps as an integer.
  bool number(bool* integer = nullptr) {
    ws();
    const char* start = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ >= end_) return false;
    if (*p_ == '0') ++p_;
    else if (*p_ >= '1' && *p_ <= '9')
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    else
      return false;
    bool whole = true;
    if (p_ < end_ && *p_ == '.') {
      whole = false;
      ++p_;
      if (p_ >= end_ || !(*p_ >= '0' && *p_ <= '9')) return false;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      whole = false;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ >= end_ || !(*p_ >= '0' && *p_ <= '9')) return false;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    // Up to 18 digits surely fits an int64; longer integers are left to the full parser.
    if (integer) *integer = whole && (p_ - start) <= 18;
    return true;
  }

  // Steps over one value of any kind, without recursion; `depth` is the nesting a container
  // there would have (the top-level container is 1).
  bool skip(int depth) {
    std::string stack;               // 'o' / 'a' per open container
    std::vector<std::int64_t> items;  // per open container: values seen so far
    for (;;) {
      // a value
      const char c = peek();
      if (c == '{' || c == '[') {
        ++p_;
        if (depth + static_cast<int>(stack.size()) > limits_.max_depth) return false;
        stack.push_back(c == '{' ? 'o' : 'a');
        items.push_back(1);
        if (eat(c == '{' ? '}' : ']')) {
          stack.pop_back();
          items.pop_back();
        } else {
          if (c == '{' && !(string(nullptr) && eat(':'))) return false;
          continue;
        }
      } else if (c == '"') {
        if (!string(nullptr)) return false;
      } else if (c == 't') {
        if (!literal("true")) return false;
      } else if (c == 'f') {
        if (!literal("false")) return false;
      } else if (c == 'n') {
        if (!literal("null")) return false;
      } else if (!number()) {
        return false;
      }
      // after a value: close containers until one continues
      for (;;) {
        if (stack.empty()) return true;
        const bool obj = stack.back() == 'o';
        if (eat(',')) {
          if (obj && !(string(nullptr) && eat(':'))) return false;
          if (!obj && ++items.back() > limits_.max_array_length) return false;
          break;
        }
        if (!eat(obj ? '}' : ']')) return false;
        stack.pop_back();
        items.pop_back();
      }
    }
  }

  // Calls on_key(key) for each member; on_key reads (or skips) the value and answers false to stop.
  template <class F>
  bool object(int depth, F&& on_key) {
    if (!eat('{')) return false;
    if (depth > limits_.max_depth) return false;
    if (eat('}')) return true;
    std::string key;
    do {
      if (!string(&key) || !eat(':')) return false;
      if (!on_key(key)) return false;
    } while (eat(','));
    return eat('}');
  }

  template <class F>
  bool array(int depth, F&& on_item) {
    if (!eat('[')) return false;
    if (depth > limits_.max_depth) return false;
    if (eat(']')) return true;
    std::int64_t n = 0;
    do {
      if (++n > limits_.max_array_length || !on_item()) return false;
    } while (eat(','));
    return eat(']');
  }

  // Field readers with Fields' rules: null is absent; a present value of the wrong type fails.
  bool opt_string(std::optional<std::string>& out) {
    if (null()) {
      out.reset();
      return true;
    }
    std::string s;
    if (!string(&s)) return false;
    out = std::move(s);
    return true;
  }
  bool opt_time(std::optional<UtcSeconds>& out) {
    std::optional<std::string> s;
    if (!opt_string(s)) return false;
    if (!s) {
      out.reset();
      return true;
    }
    const auto t = parse_time(*s);
    if (!t.value) return false;
    out = t.value;
    return true;
  }
  bool opt_boolean() {
    if (null()) return true;
    const char c = peek();
    return c == 't' ? literal("true") : c == 'f' && literal("false");
  }
  bool opt_integer() {
    if (null()) return true;
    bool integer = false;
    return number(&integer) && integer;
  }
  // An object, or [] (PHP's empty map), or null.
  bool opt_meta(int depth) {
    if (null()) return true;
    const char c = peek();
    if (c == '[') {
      ++p_;
      return eat(']');
    }
    return c == '{' && skip(depth);
  }

 private:
  // Well-formed UTF-8 (RFC 3629): no overlongs, no surrogates, nothing past U+10FFFF.
  static bool valid_utf8(const char* s, const char* e) {
    const auto* p = reinterpret_cast<const unsigned char*>(s);
    const auto* end = reinterpret_cast<const unsigned char*>(e);
    while (p < end) {
      const unsigned c = *p;
      if (c < 0x80) {
        ++p;
        continue;
      }
      int n = 0;
      unsigned lo = 0x80, hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) n = 1;
      else if (c == 0xE0) n = 2, lo = 0xA0;
      else if (c >= 0xE1 && c <= 0xEC) n = 2;
      else if (c == 0xED) n = 2, hi = 0x9F;
      else if (c >= 0xEE && c <= 0xEF) n = 2;
      else if (c == 0xF0) n = 3, lo = 0x90;
      else if (c >= 0xF1 && c <= 0xF3) n = 3;
      else if (c == 0xF4) n = 3, hi = 0x8F;
      else return false;
      if (end - p <= n) return false;
      if (p[1] < lo || p[1] > hi) return false;
      for (int i = 2; i <= n; ++i)
        if (p[i] < 0x80 || p[i] > 0xBF) return false;
      p += n + 1;
    }
    return true;
  }

  const char* p_;
  const char* end_;
  const ScanLimits& limits_;
};

// post_from_json's label: id required; name, color strings; timestamps valid.
bool read_label(Scanner& s, int depth, Label& l) {
  std::optional<std::string> id, name, color;
  std::optional<UtcSeconds> created, updated;
  const bool ok = s.object(depth, [&](const std::string& k) {
    if (k == "id") return s.opt_string(id);
    if (k == "name") return s.opt_string(name);
    if (k == "color") return s.opt_string(color);
    if (k == "created_at") return s.opt_time(created);
    if (k == "updated_at") return s.opt_time(updated);
    return s.skip(depth + 1);
  });
  if (!ok || !id) return false;
  l.id = std::move(*id);
  l.name = name.value_or("");
  l.color = color.value_or("");
  l.created_at = created;
  l.updated_at = updated;
  return true;
}

bool read_media(Scanner& s, int depth) {
  std::optional<std::string> str;
  return s.object(depth, [&](const std::string& k) {
    if (k == "id" || k == "path" || k == "url" || k == "type" || k == "mime_type" || k == "original_filename")
      return s.opt_string(str);
    if (k == "size") return s.opt_integer();
    if (k == "meta") return s.opt_meta(depth + 1);
    return s.skip(depth + 1);
  });
}

bool read_platform(Scanner& s, int depth, PostPlatform& pp) {
  std::optional<std::string> id, platform, content_type, status, nested_account, account_id, str;
  std::optional<UtcSeconds> published;
  const bool ok = s.object(depth, [&](const std::string& k) {
    if (k == "id") return s.opt_string(id);
    if (k == "platform") return s.opt_string(platform);
    if (k == "content_type") return s.opt_string(content_type);
    if (k == "status") return s.opt_string(status);
    if (k == "social_account_id") return s.opt_string(account_id);
    if (k == "social_account") {
      nested_account.reset();
      if (s.peek() != '{') return s.skip(depth + 1);  // not an object: ignored, as Fields does
      return s.object(depth + 1, [&](const std::string& ak) {
        return ak == "id" ? s.opt_string(nested_account) : s.skip(depth + 2);
      });
    }
    if (k == "enabled") return s.opt_boolean();
    if (k == "meta") return s.opt_meta(depth + 1);
    if (k == "published_at") return s.opt_time(published);
    if (k == "platform_url" || k == "error_message" || k == "display_name" || k == "display_username" ||
        k == "display_avatar")
      return s.opt_string(str);
    return s.skip(depth + 1);
  });
  if (!ok || !id || !platform || !content_type) return false;
  const auto pl = parse_platform(*platform);
  if (!pl || !parse_content_type(*content_type)) return false;
  if (status && !parse_platform_status(*status)) return false;
  pp.id = std::move(*id);
  pp.platform = *pl;
  pp.social_account_id = account_id ? *account_id : nested_account.value_or("");
  return true;
}

bool read_post(Scanner& s, int depth, Post& p) {
  std::optional<std::string> id, status;
  std::optional<UtcSeconds> ignored;
  const bool ok = s.object(depth, [&](const std::string& k) {
    if (k == "id") return s.opt_string(id);
    if (k == "content") return s.opt_string(p.content);
    if (k == "status") return s.opt_string(status);
    if (k == "scheduled_at") return s.opt_time(p.scheduled_at);
    if (k == "published_at") return s.opt_time(p.published_at);
    if (k == "created_at" || k == "updated_at") return s.opt_time(ignored);
    if (k == "platforms" || k == "labels" || k == "media") {
      if (s.null()) return true;
      const bool platforms = k == "platforms", labels = k == "labels";
      if (platforms) p.platforms.clear();
      if (labels) p.labels.clear();
      return s.array(depth + 1, [&] {
        if (platforms) return read_platform(s, depth + 2, p.platforms.emplace_back());
        if (labels) return read_label(s, depth + 2, p.labels.emplace_back());
        return read_media(s, depth + 2);
      });
    }
    return s.skip(depth + 1);
  });
  if (!ok || !id || !status) return false;
  const auto st = parse_post_status(*status);
  if (!st) return false;
  p.id = std::move(*id);
  p.status = *st;
  return true;
}

bool read_posts(Scanner& s, int depth, std::vector<Post>& out) {
  out.clear();
  return s.array(depth, [&] { return read_post(s, depth + 1, out.emplace_back()); });
}

}  // namespace

std::optional<ScannedPosts> scan_posts_document(std::string_view text, const ScanLimits& limits) {
  Scanner s(text, limits);
  ScannedPosts out;
  const char first = s.peek();
  if (first == '[') {
    if (!read_posts(s, 1, out.posts) || !s.at_end()) return std::nullopt;
    out.bare = true;
    return out;
  }
  if (first != '{') return std::nullopt;
  std::vector<Post> posts, data;
  bool has_posts = false, has_data = false, labels_list = false;
  std::vector<std::pair<std::string, std::string_view>> members;
  const bool ok = s.object(1, [&](const std::string& k) {
    if (k == "posts") {
      has_posts = true;
      if (s.null()) return false;
      return read_posts(s, 2, posts);
    }
    if (k == "data") {
      has_data = true;
      if (s.null()) return false;
      return read_posts(s, 2, data);
    }
    if (k == "labels") {
      labels_list = s.peek() == '[';
      if (!labels_list) return s.skip(2);  // the full parser ignores labels that are no list
      out.labels.clear();
      return s.array(2, [&] { return read_label(s, 3, out.labels.emplace_back()); });
    }
    // Kept as text for the snapshot checks (name, brand, accounts, counts: a few small values).
    const char* begin = s.here();
    if (!s.skip(2)) return false;
    const char* end = s.here();
    for (auto& [key, raw] : members)
      if (key == k) {
        raw = std::string_view(begin, std::size_t(end - begin));
        return true;
      }
    members.emplace_back(k, std::string_view(begin, std::size_t(end - begin)));
    return true;
  });
  if (!ok || !s.at_end()) return std::nullopt;
  const bool snapshot_like = std::any_of(members.begin(), members.end(), [](const auto& m) { return m.first == "format"; });
  if (snapshot_like) {
    // A snapshot's posts and labels lists are both required; without them the full parser says so.
    if (!has_posts || !labels_list) return std::nullopt;
    out.posts = std::move(posts);
    out.snapshot_members = std::move(members);
    return out;
  }
  if (has_posts) out.posts = std::move(posts);
  else if (has_data) {
    out.posts = std::move(data);
    out.labels.clear();
    out.from_data = true;
  } else {
    return std::nullopt;
  }
  return out;
}

}  // namespace trypost
