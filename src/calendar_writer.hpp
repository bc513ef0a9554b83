#pragma once
// The calendar's JSON writer: views and the index's excerpts are written straight to text.
// Private to the calendar's sources; not part of the public headers.
#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace trypost {

namespace detail {

// Views are written straight to text: a month of posts through a JSON DOM cost several times
// more than the query itself. Strings from the index are valid UTF-8 (the parser checked them).
// The buffer grows by doubling and is written through a cursor: per-character string appends
// were a third of a month view's cost.
class JsonOut {
 public:
  explicit JsonOut(std::size_t expect = 4096) { buf_.resize(expect); }
  std::string take() {
    buf_.resize(n_);
    return std::move(buf_);
  }
  JsonOut& obj() { return open('{'); }
  JsonOut& end_obj() { return close('}'); }
  JsonOut& arr() { return open('['); }
  JsonOut& end_arr() { return close(']'); }
  JsonOut& key(std::string_view k) {
    comma();
    quoted(k);
    put(':');
    after_key_ = true;
    return *this;
  }
  JsonOut& str(std::string_view v) {
    comma();
    quoted(v);
    return *this;
  }
  // A value already in JSON form (a string escaped and quoted once, when the index was built).
  JsonOut& raw(std::string_view v) {
    comma();
    append(v.data(), v.size());
    return *this;
  }
  JsonOut& num(std::int64_t v) {
    comma();
    char tmp[24];
    const auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    append(tmp, std::size_t(r.ptr - tmp));
    return *this;
  }
  JsonOut& boolean(bool v) {
    comma();
    v ? append("true", 4) : append("false", 5);
    return *this;
  }
  JsonOut& null() {
    comma();
    append("null", 4);
    return *this;
  }

 private:
  JsonOut& open(char c) {
    comma();
    put(c);
    first_[++depth_] = true;  // views nest a handful of levels; kMaxDepth is far above that
    return *this;
  }
  JsonOut& close(char c) {
    put(c);
    --depth_;
    return *this;
  }
  void reserve(std::size_t more) {
    if (n_ + more > buf_.size()) buf_.resize(std::max(buf_.size() * 2, n_ + more));
  }
  void put(char c) {
    reserve(1);
    buf_[n_++] = c;
  }
  void append(const char* p, std::size_t len) {
    reserve(len);
    std::memcpy(buf_.data() + n_, p, len);
    n_ += len;
  }
  void comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ > 0) {
      if (!first_[depth_]) put(',');
      first_[depth_] = false;
    }
  }
  void quoted(std::string_view s) {
    reserve(s.size() + 2);
    put('"');
    // Most ids, dates and names need no escaping: copy runs, escape only where needed.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      append(s.data() + run, i - run);
      run = i + 1;
      if (c == '"' || c == '\\') {
        put('\\');
        put(char(c));
      } else {
        static const char* hex = "0123456789abcdef";
        append("\\u00", 4);
        put(hex[c >> 4]);
        put(hex[c & 15]);
      }
    }
    append(s.data() + run, s.size() - run);
    put('"');
  }
  static constexpr int kMaxDepth = 16;
  std::string buf_;
  std::size_t n_ = 0;
  bool first_[kMaxDepth + 1] = {};
  int depth_ = 0;
  bool after_key_ = false;
};

// One string as a JSON value, for fields written on every view.
inline std::string json_quoted(std::string_view s) {
  JsonOut o(s.size() + 8);
  o.str(s);
  return o.take();
}

}  // namespace detail

}  // namespace trypost
