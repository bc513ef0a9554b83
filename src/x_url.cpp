// twitter-text's extractUrlsWithIndices, replayed. The regular expression it runs is
//   (precedingChar | ^) ( (https?://)? domain (:port)? (/path*)? (?query)? )
// in JavaScript's "gi" mode. Everything after the domain is optional, so the engine keeps the
// first way each part can match (its greedy-first choice) and never backtracks into an earlier
// part; only inside the path and the domain does real backtracking happen, and those two are
// written below as small continuation-passing matchers in the regex's own priority order.
#include "trypost/x_url.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

#include "trypost/url_tables.hpp"

namespace trypost::x_url {
namespace {

using namespace urltab;
constexpr std::size_t npos = static_cast<std::size_t>(-1);
constexpr std::size_t kMaxUrlLength = 4096;     // twitter-text's MAX_URL_LENGTH
constexpr std::size_t kMaxTcoSlugLength = 40;   // MAX_TCO_SLUG_LENGTH
constexpr std::size_t kMaxLabelLength = 63;     // a DNS label after punycode

std::uint8_t class_of_slow(char16_t u) {
  std::size_t lo = 0, hi = kClassRunCount;
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    if ((kClassRuns[mid] >> 8) <= u) lo = mid;
    else hi = mid;
  }
  return static_cast<std::uint8_t>(kClassRuns[lo] & 0xFF);
}
// Two-stage table over the BMP built once from the runs: high byte -> block of 256 classes.
// The 125 runs share a handful of distinct blocks, so this stays a few kilobytes.
struct ClassTable {
  std::array<std::uint8_t, 256> stage1{};
  std::vector<std::uint8_t> blocks;
};
const ClassTable kClassTable = [] {
  ClassTable t;
  std::array<std::uint8_t, 256> block{};
  for (unsigned hi = 0; hi < 256; ++hi) {
    for (unsigned lo = 0; lo < 256; ++lo) block[lo] = class_of_slow(static_cast<char16_t>(hi << 8 | lo));
    std::size_t found = t.blocks.size() / 256;
    for (std::size_t b = 0; b < t.blocks.size() / 256; ++b) {
      if (std::equal(block.begin(), block.end(), t.blocks.begin() + static_cast<std::ptrdiff_t>(b * 256))) {
        found = b;
        break;
      }
    }
    if (found == t.blocks.size() / 256) t.blocks.insert(t.blocks.end(), block.begin(), block.end());
    t.stage1[hi] = static_cast<std::uint8_t>(found);
  }
  return t;
}();
inline std::uint8_t class_of(char16_t u) { return kClassTable.blocks[std::size_t{kClassTable.stage1[u >> 8]} * 256 + (u & 0xFF)]; }

// ECMA-262 Canonicalize for the code units a TLD can contain.
char16_t fold(char16_t u) {
  if (u < 128) return (u >= 'a' && u <= 'z') ? static_cast<char16_t>(u - 32) : u;
  std::size_t lo = 0, hi = kTldFoldCount;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if ((kTldFold[mid] >> 16) < u) lo = mid + 1;
    else hi = mid;
  }
  if (lo < kTldFoldCount && (kTldFold[lo] >> 16) == u) return static_cast<char16_t>(kTldFold[lo] & 0xFFFF);
  return u;
}
inline bool ascii_alpha_num(char16_t u) {
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}
inline char16_t lower(char16_t u) { return (u >= 'A' && u <= 'Z') ? static_cast<char16_t>(u + 32) : u; }

struct Matcher {
  const char16_t* s;
  std::size_t n;
  std::vector<std::uint32_t>& labels;  // scratch: ends of subdomain labels
  // Every start position inside a run of label characters sees the same run end; computing it
  // once per text keeps the search linear where CJK or emoji runs would make it quadratic.
  const std::uint32_t* label_end;
  const std::uint32_t* next_underscore;
  std::uint32_t* memo;                  // domain(i) per position, filled lazily
  std::vector<std::uint32_t>& stack;    // scratch for filling it

  bool has(std::size_t i, std::uint8_t mask) const { return i < n && (class_of(s[i]) & mask); }
  bool at(std::size_t i, char16_t c) const { return i < n && s[i] == c; }
  // Case-insensitive literal (ASCII only, as used for "http", "xn--" and "t.co").
  bool literal(std::size_t i, std::u16string_view lit) const {
    if (i > n || n - i < lit.size()) return false;
    for (std::size_t k = 0; k < lit.size(); ++k)
      if (lower(s[i + k]) != lit[k]) return false;
    return true;
  }

  // End of TLD number t matched at i (with its lookahead), or npos.
  std::size_t match_tld(std::size_t t, std::size_t i, std::size_t limit) const {
    const std::uint32_t off = kTldOffsets[t];
    const std::size_t start = off >> 6, len = off & 63;
    if (limit - i < len) return npos;
    for (std::size_t j = 0; j < len; ++j)
      if (fold(s[i + j]) != kTldUnits[start + j]) return npos;
    const std::size_t end = i + len;
    return (end == limit || !(class_of(s[end]) & kTldFollowBad)) ? end : npos;
  }

  // --- top-level domain: the first alternative, in list order, whose lookahead holds ---
  std::size_t tld(std::size_t i, std::size_t limit) const {
    if (i >= limit) return npos;
    if (s[i] < 128) {
      // Only an ASCII-led TLD can start with an ASCII unit. An all-ASCII one must cover the
      // whole run of units that may not follow a TLD (letters, digits): at most one candidate.
      std::size_t best = kTldCount, best_end = npos;
      std::size_t r = i;
      while (r < limit && (class_of(s[r]) & kTldFollowBad)) ++r;
      std::size_t lo = 0, hi = kAsciiTldCount;
      const std::size_t len = r - i;
      while (lo < hi && len > 0) {
        const std::size_t mid = (lo + hi) / 2;
        const std::uint32_t off = kTldOffsets[kAsciiTldSorted[mid]];
        const std::size_t start = off >> 6, tlen = off & 63;
        int cmp = 0;
        for (std::size_t k = 0; k < len && k < tlen && cmp == 0; ++k)
          cmp = static_cast<int>(kTldUnits[start + k]) - static_cast<int>(fold(s[i + k]));
        if (cmp == 0) cmp = static_cast<int>(tlen) - static_cast<int>(len);
        if (cmp == 0) {
          best = kAsciiTldSorted[mid];
          best_end = r;
          break;
        }
        if (cmp < 0) lo = mid + 1;
        else hi = mid;
      }
      for (std::size_t k = 0; k < kMixedTldCount; ++k) {
        if (kMixedTlds[k] >= best) continue;
        const std::size_t end = match_tld(kMixedTlds[k], i, limit);
        if (end != npos) {
          best = kMixedTlds[k];
          best_end = end;
        }
      }
      return best_end != npos ? best_end : punycode(i, limit);
    }
    const char16_t first = fold(s[i]);
    std::size_t lo = 0, hi = kTldCount;
    auto first_of = [](std::size_t k) { return kTldUnits[kTldOffsets[kTldByFirst[k]] >> 6]; };
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (first_of(mid) < first) lo = mid + 1;
      else hi = mid;
    }
    for (std::size_t k = lo; k < kTldCount && first_of(k) == first; ++k) {
      const std::uint32_t off = kTldOffsets[kTldByFirst[k]];
      const std::size_t start = off >> 6, len = off & 63;
      if (limit - i < len) continue;
      std::size_t j = 1;
      while (j < len && fold(s[i + j]) == kTldUnits[start + j]) ++j;
      if (j < len) continue;
      const std::size_t end = i + len;
      if (end == limit || !(class_of(s[end]) & kTldFollowBad)) return end;
    }
    return punycode(i, limit);
  }
  // xn--[-0-9a-z]+ : no lookahead, greedy
  std::size_t punycode(std::size_t i, std::size_t limit) const {
    if (limit - i > 4 && literal(i, u"xn--")) {
      std::size_t j = i + 4;
      while (j < limit && (s[j] == '-' || ascii_alpha_num(s[j]))) ++j;
      if (j > i + 4) return j;
    }
    return npos;
  }

  // --- domain: subdomain* domainName tld ---
  // A subdomain label is a run of domain characters, '-' and '_' that starts and ends with a
  // domain character and is followed by '.'; a domain-name label is the same without '_'.
  // Greedy: take every label, then give them back one by one until a TLD fits. So the domain
  // from i is the domain from the next label if there is one, else (label without '_') the TLD
  // right after i's label. That recursion is memoized per position: a long chain of labels is
  // walked once per text, not once per starting position.
  static constexpr std::uint32_t kUnknown = 0xFFFFFFFF, kNone = 0xFFFFFFFE;
  std::size_t domain(std::size_t i) {
    if (memo[i] != kUnknown) return memo[i] == kNone ? npos : memo[i];
    // Walk forward until a known position or the end of the chain, then fill in backwards.
    stack.clear();
    std::size_t p = i;
    while (p <= n && memo[p] == kUnknown) {
      if (!has(p, kDomain)) {
        memo[p] = kNone;
        break;
      }
      const std::size_t j = label_end[p];
      if (!at(j, '.') || !(class_of(s[j - 1]) & kDomain)) {
        memo[p] = kNone;
        break;
      }
      stack.push_back(static_cast<std::uint32_t>(p));
      p = j + 1;
    }
    for (std::size_t k = stack.size(); k-- > 0;) {
      const std::size_t q = stack[k];
      const std::size_t j = label_end[q];
      std::uint32_t result = memo[j + 1];
      if (result == kNone && next_underscore[q] >= j) {
        const std::size_t end = tld(j + 1, n);
        if (end != npos) result = static_cast<std::uint32_t>(end);
      }
      memo[q] = result;
    }
    return memo[i] == kNone ? npos : memo[i];
  }

  // --- path: "/" validUrlPath* ---
  // twitter-text splices its "ending" expression (E | B) into the path expression without
  // parentheses, so one path segment really reads
  //   G* (B G*)* E   |   B   |   @ G+ /
  // with G a general path character, E one path-ending character (E is a subset of G) and B a
  // balanced group \( (?: G+ | G* \( G+ \) G* ) \). B is deterministic (a G run is followed
  // by exactly one of '(' or ')'), so the first alternative, after its greedy runs give back,
  // ends right after the LAST E inside the G runs of the chain G* B G* B ... that starts there.
  // When the chain holds no E, segments can only be single B groups. The third alternative
  // needs a '/' (an E) in the run after '@', so it never matches where the first failed.
  // Worked out this way the path is one linear scan, where replaying the backtracking literally
  // is quadratic (and deeply recursive) on inputs like "(a)(a)(a)...".
  std::size_t run(std::size_t i) const {
    while (has(i, kPath)) ++i;
    return i;
  }
  std::size_t balanced(std::size_t p) const {
    if (!at(p, '(')) return npos;
    const std::size_t q = run(p + 1);
    if (q > p + 1 && at(q, ')')) return q + 1;
    if (!at(q, '(')) return npos;
    const std::size_t r = run(q + 1);
    if (r == q + 1 || !at(r, ')')) return npos;
    const std::size_t t = run(r + 1);
    return at(t, ')') ? t + 1 : npos;
  }
  std::size_t path(std::size_t pos) const {
    std::size_t last_end = npos;
    for (std::size_t p = pos;;) {
      for (; has(p, kPath); ++p)
        if (class_of(s[p]) & kPathEnd) last_end = p + 1;
      const std::size_t b = balanced(p);
      if (b == npos) break;
      p = b;
    }
    if (last_end != npos) pos = last_end;
    for (std::size_t b; (b = balanced(pos)) != npos;) pos = b;
    return pos;
  }

  // ? QueryChar* QueryEnd, within [i, limit): the last query-ending character of the run.
  std::size_t query(std::size_t i, std::size_t limit) const {
    if (i >= limit || s[i] != '?') return npos;
    std::size_t j = i + 1, last = npos;
    while (j < limit && (class_of(s[j]) & kQuery)) {
      if (class_of(s[j]) & kQueryEnd) last = j + 1;
      ++j;
    }
    return last;
  }

  struct Found {
    std::size_t url_start, protocol_length, domain_start, domain_end, end;
    bool has_path;
  };

  // Everything after the preceding character, at q.
  bool rest(std::size_t q, Found& f) {
    std::size_t proto = 0;
    if (literal(q, u"http")) {
      std::size_t j = q + 4;
      if (j < n && lower(s[j]) == 's') ++j;
      if (literal(j, u"://")) proto = j + 3 - q;
    }
    std::size_t d0 = q + proto;
    std::size_t dend = domain(d0);
    if (dend == npos && proto) {
      d0 = q;
      proto = 0;
      dend = domain(d0);
    }
    if (dend == npos) return false;
    std::size_t pos = dend;
    if (at(pos, ':') && pos + 1 < n && s[pos + 1] >= '0' && s[pos + 1] <= '9') {
      pos += 2;
      while (pos < n && s[pos] >= '0' && s[pos] <= '9') ++pos;
    }
    bool has_path = false;
    if (at(pos, '/')) {
      has_path = true;
      ++pos;
      pos = path(pos);
    }
    if (const std::size_t e = query(pos, n); e != npos) pos = e;
    f = {q, proto, d0, dend, pos, has_path};
    return true;
  }

  // validAsciiDomain, searched inside [from, limit): ([-a-z0-9 latin]+ \.)+ tld
  std::size_t ascii_domain_at(std::size_t a, std::size_t limit, std::size_t& end) {
    labels.clear();
    std::size_t p = a;
    for (;;) {
      std::size_t j = p;
      while (j < limit && (class_of(s[j]) & kAsciiLabel)) ++j;
      if (j == p || j >= limit || s[j] != '.') break;
      labels.push_back(static_cast<std::uint32_t>(j + 1));
      p = j + 1;
    }
    for (std::size_t k = labels.size(); k-- > 0;) {
      const std::size_t e = tld(labels[k], limit);
      if (e != npos) {
        end = e;
        return a;
      }
    }
    return npos;
  }
  template <class F>
  void each_ascii_domain(std::size_t from, std::size_t limit, F&& f) {
    for (std::size_t a = from; a < limit;) {
      std::size_t end = 0;
      if (ascii_domain_at(a, limit, end) != npos) {
        f(a, end);
        a = end;
      } else {
        ++a;
      }
    }
  }
};

// punycode.toASCII(label).length as the punycode package computes it (RFC 3492 bootstring).
std::size_t punycode_part_length(const char32_t* cps, std::size_t count) {
  bool ascii = true;
  for (std::size_t i = 0; i < count; ++i) ascii = ascii && cps[i] < 0x7F;
  if (ascii) return count;
  constexpr std::int64_t base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
  auto adapt = [](std::int64_t delta, std::int64_t points, bool first) {
    delta = first ? delta / damp : delta >> 1;
    delta += delta / points;
    std::int64_t k = 0;
    for (; delta > ((base - tmin) * tmax) >> 1; k += base) delta /= base - tmin;
    return k + (base - tmin + 1) * delta / (delta + skew);
  };
  std::size_t out = 0, basic = 0;
  for (std::size_t i = 0; i < count; ++i)
    if (cps[i] < 0x80) ++basic;
  out = basic + (basic ? 1 : 0) + 4;  // "xn--" and the delimiter
  std::int64_t n = 128, delta = 0, bias = 72;
  std::size_t handled = basic;
  while (handled < count) {
    std::int64_t m = INT64_MAX;
    for (std::size_t i = 0; i < count; ++i)
      if (cps[i] >= n && cps[i] < m) m = cps[i];
    delta += (m - n) * static_cast<std::int64_t>(handled + 1);
    n = m;
    for (std::size_t i = 0; i < count; ++i) {
      if (cps[i] < n) ++delta;
      if (cps[i] == n) {
        std::int64_t q = delta;
        for (std::int64_t k = base;; k += base) {
          const std::int64_t t = k <= bias ? tmin : (k >= bias + tmax ? tmax : k - bias);
          if (q < t) break;
          ++out;
          q = (q - t) / (base - t);
        }
        ++out;
        bias = adapt(delta, static_cast<std::int64_t>(handled + 1), handled == basic);
        delta = 0;
        ++handled;
      }
    }
    ++delta;
    ++n;
  }
  return out;
}

// Length of a label after punycode.toASCII, which also splits at the IDNA dot variants.
std::size_t punycode_label_length(const char16_t* s, std::size_t n) {
  static thread_local std::vector<char32_t> cps;
  std::size_t total = 0;
  std::size_t parts = 0;
  std::size_t i = 0;
  for (;;) {
    cps.clear();
    while (i < n) {
      char32_t u = s[i];
      if (u == 0x2E || u == 0x3002 || u == 0xFF0E || u == 0xFF61) break;
      if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
        u = 0x10000 + ((u - 0xD800) << 10) + (s[i + 1] - 0xDC00);
        ++i;
      }
      cps.push_back(u);
      ++i;
    }
    total += punycode_part_length(cps.data(), cps.size());
    ++parts;
    if (i >= n) break;
    ++i;  // the separator
  }
  return total + (parts - 1);
}

}  // namespace

void extract(std::u16string_view text, std::vector<Span>& out) {
  const char16_t* s = text.data();
  const std::size_t n = text.size();
  if (text.find(u'.') == std::u16string_view::npos) return;  // as twitter-text: no dot, no URL
  static thread_local std::vector<std::uint32_t> labels, label_end, next_underscore, memo, stack;
  memo.assign(n + 2, Matcher::kUnknown);
  memo[n] = memo[n + 1] = Matcher::kNone;
  label_end.resize(n + 1);
  next_underscore.resize(n + 1);
  label_end[n] = static_cast<std::uint32_t>(n);
  next_underscore[n] = static_cast<std::uint32_t>(n);
  for (std::size_t i = n; i-- > 0;) {
    const char16_t u = s[i];
    const bool in_label = u == '-' || u == '_' || (class_of(u) & kDomain);
    label_end[i] = in_label ? label_end[i + 1] : static_cast<std::uint32_t>(i);
    next_underscore[i] = u == '_' ? static_cast<std::uint32_t>(i) : next_underscore[i + 1];
  }
  Matcher m{s, n, labels, label_end.data(), next_underscore.data(), memo.data(), stack};
  std::size_t last_index = 0;
  while (last_index < n) {
    Matcher::Found f{};
    bool found = false;
    bool has_before = false;
    char16_t before = 0;
    for (std::size_t a = last_index; a < n && !found; ++a) {
      // Cheap refusal first: a match needs "http" or a label that ends at a '.' right after a.
      const std::size_t q = a + 1;
      const bool could = q < n && (s[q] == 'h' || s[q] == 'H' || (label_end[q] > q && label_end[q] < n && s[label_end[q]] == '.'));
      if (could && (class_of(s[a]) & kPreceding) && m.rest(q, f)) {
        found = true;
        has_before = true;
        before = s[a];
      } else if (a == 0 && m.rest(0, f)) {
        found = true;
      }
    }
    if (!found) break;
    last_index = f.end;

    const std::size_t url_length = f.end - f.url_start;
    // isValidUrl: a punycode-looking domain must hold an ASCII domain; every label must fit in
    // 63 characters after punycode; the whole URL in 4096.
    if (n - f.domain_start >= 4 && s[f.domain_start] == 'x' && s[f.domain_start + 1] == 'n' &&
        s[f.domain_start + 2] == '-' && s[f.domain_start + 3] == '-') {
      bool any = false;
      m.each_ascii_domain(f.domain_start, f.domain_end, [&](std::size_t, std::size_t) { any = true; });
      if (!any) continue;
    }
    bool labels_ok = true;
    for (std::size_t a = f.domain_start; a <= f.domain_end && labels_ok;) {
      std::size_t b = a;
      while (b < f.domain_end && s[b] != '.') ++b;
      const std::size_t len = punycode_label_length(s + a, b - a);
      labels_ok = len >= 1 && len <= kMaxLabelLength;
      a = b + 1;
    }
    if (!labels_ok) continue;
    if ((f.protocol_length ? f.protocol_length : 8) + url_length > kMaxUrlLength) continue;

    if (!f.protocol_length) {
      if (has_before && before < 128) {
        bool bad = false;
        for (const char c : std::string_view(kNoProtocolBadPreceding)) bad = bad || before == static_cast<char16_t>(c);
        if (bad) continue;
      }
      const std::size_t first = out.size();
      m.each_ascii_domain(f.domain_start, f.domain_end, [&](std::size_t a, std::size_t e) {
        out.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(e - a)});
      });
      if (out.size() == first) continue;
      // The last ASCII domain carries the path (and what follows it) when there is one.
      if (f.has_path) out.back().length += static_cast<std::uint32_t>(f.end - f.domain_end);
      continue;
    }
    std::size_t length = url_length;
    // t.co links: nothing after the slug (but a query) belongs to the URL.
    {
      std::size_t j = f.url_start + 4;
      if (j < n && lower(s[j]) == 's') ++j;
      if (m.literal(j, u"://t.co/")) {
        j += 8;
        const std::size_t slug = j;
        while (j < f.end && ascii_alpha_num(s[j])) ++j;
        if (j > slug) {
          if (j - slug > kMaxTcoSlugLength) continue;
          if (const std::size_t e = m.query(j, f.end); e != npos) j = e;
          length = j - f.url_start;
        }
      }
    }
    out.push_back({static_cast<std::uint32_t>(f.url_start), static_cast<std::uint32_t>(length)});
  }
}

}  // namespace trypost::x_url
