#include "trypost/unicode.hpp"

#include <array>
#include <vector>

#include "trypost/unicode_tables.hpp"

namespace trypost::unicode {
namespace {

// Last run whose start is <= cp; the tables begin at U+0000 so there always is one.
inline std::uint32_t run_value(const std::uint32_t* runs, std::size_t n, unsigned bits, char32_t cp) {
  std::size_t lo = 0, hi = n;
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    if ((runs[mid] >> bits) <= cp) lo = mid;
    else hi = mid;
  }
  return runs[lo] & ((1u << bits) - 1);
}

// Text mostly stays in one script, so the run found last is usually the next one's too.
struct RunCache {
  char32_t lo = 1, hi = 0;
  std::uint32_t value = 0;
};
inline std::uint32_t cached_run_value(const std::uint32_t* runs, std::size_t n, unsigned bits, char32_t cp,
                                      RunCache& cache) {
  if (cp >= cache.lo && cp < cache.hi) return cache.value;
  std::size_t lo = 0, hi = n;
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    if ((runs[mid] >> bits) <= cp) lo = mid;
    else hi = mid;
  }
  cache.lo = runs[lo] >> bits;
  cache.hi = lo + 1 < n ? (runs[lo + 1] >> bits) : 0x110000;
  cache.value = runs[lo] & ((1u << bits) - 1);
  return cache.value;
}
thread_local RunCache prop_cache, norm_cache;

// Latin, Greek and Cyrillic text is most of what gets counted: a direct table spares the search.
constexpr char32_t kDirect = 0x500;
struct Direct {
  std::array<std::uint16_t, kDirect> props{};
  std::array<std::uint8_t, kDirect> ccc{};
  std::array<std::uint8_t, kDirect> qc{};
};
const Direct kDirectTables = [] {
  Direct d;
  for (char32_t c = 0; c < kDirect; ++c) {
    d.props[c] = static_cast<std::uint16_t>(run_value(ucd::kPropRuns, ucd::kPropRunCount, ucd::kPropBits, c));
    const auto n = run_value(ucd::kNormRuns, ucd::kNormRunCount, ucd::kNormBits, c);
    d.ccc[c] = static_cast<std::uint8_t>(n & 0xFF);
    d.qc[c] = static_cast<std::uint8_t>(n >> 8);
  }
  return d;
}();

// Captions mix scripts and emoji, which defeats the run cache: below U+20000 (the BMP and the
// emoji planes) a flat table, built from the runs on first use (256 KB), answers in one load.
constexpr char32_t kFlat = 0x20000;
const std::uint16_t* flat_props() {
  static const std::vector<std::uint16_t> table = [] {
    std::vector<std::uint16_t> out(kFlat);
    std::size_t r = 0;
    for (char32_t c = 0; c < kFlat; ++c) {
      while (r + 1 < ucd::kPropRunCount && (ucd::kPropRuns[r + 1] >> ucd::kPropBits) <= c) ++r;
      out[c] = static_cast<std::uint16_t>(ucd::kPropRuns[r] & ((1u << ucd::kPropBits) - 1));
    }
    return out;
  }();
  return table.data();
}

inline std::uint32_t norm_word(char32_t cp) {
  if (cp < kDirect) return kDirectTables.ccc[cp] | (std::uint32_t{kDirectTables.qc[cp]} << 8);
  return cached_run_value(ucd::kNormRuns, ucd::kNormRunCount, ucd::kNormBits, cp, norm_cache);
}

// Hangul syllables decompose and compose by arithmetic (Unicode ch. 3.12), not by table.
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount,
                   kSCount = kLCount * kNCount;

void decompose(char32_t cp, std::vector<char32_t>& out) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    const char32_t s = cp - kSBase;
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount) out.push_back(kTBase + s % kTCount);
    return;
  }
  std::size_t lo = 0, hi = ucd::kDecompositionCount;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    const auto key = static_cast<char32_t>(ucd::kDecompositions[mid] >> 42);
    if (key < cp) lo = mid + 1;
    else hi = mid;
  }
  if (lo < ucd::kDecompositionCount && static_cast<char32_t>(ucd::kDecompositions[lo] >> 42) == cp) {
    const std::uint64_t v = ucd::kDecompositions[lo];
    decompose(static_cast<char32_t>((v >> 21) & 0x1FFFFF), out);
    if (const auto second = static_cast<char32_t>(v & 0x1FFFFF)) decompose(second, out);
    return;
  }
  out.push_back(cp);
}

// The primary composite of a pair, or 0.
char32_t compose(char32_t a, char32_t b) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount)
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase && b < kTBase + kTCount)
    return a + (b - kTBase);
  const std::uint64_t key = (std::uint64_t{a} << 21) | b;
  std::size_t lo = 0, hi = ucd::kCompositionCount;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if ((ucd::kCompositions[mid] >> 21) < key) lo = mid + 1;
    else hi = mid;
  }
  if (lo < ucd::kCompositionCount && (ucd::kCompositions[lo] >> 21) == key)
    return static_cast<char32_t>(ucd::kCompositions[lo] & 0x1FFFFF);
  return 0;
}

}  // namespace

std::uint16_t props(char32_t cp) {
  if (cp < kDirect) return kDirectTables.props[cp];
  if (cp < kFlat) return flat_props()[cp];
  return static_cast<std::uint16_t>(cached_run_value(ucd::kPropRuns, ucd::kPropRunCount, ucd::kPropBits, cp, prop_cache));
}

std::uint8_t combining_class(char32_t cp) { return static_cast<std::uint8_t>(norm_word(cp) & 0xFF); }

namespace {

// Normalizes cps[from, to) (one segment between stable starters) onto the end of out.
void normalize_segment(const char32_t* from, const char32_t* to, std::vector<char32_t>& out,
                       std::vector<char32_t>& decomposed) {
  // Canonical decomposition, then canonical ordering by a stable insertion of each non-starter.
  decomposed.clear();
  for (const char32_t* p = from; p < to; ++p) {
    const std::size_t first = decomposed.size();
    decompose(*p, decomposed);
    for (std::size_t i = first; i < decomposed.size(); ++i) {
      const auto ccc = combining_class(decomposed[i]);
      if (ccc == 0) continue;
      for (std::size_t j = i; j > 0; --j) {
        if (combining_class(decomposed[j - 1]) <= ccc) break;
        std::swap(decomposed[j - 1], decomposed[j]);
      }
    }
  }
  // Canonical composition: a character joins the last starter unless something between them
  // blocks it (a starter, or a mark of the same or higher class).
  std::size_t starter = 0;
  bool have_starter = false;
  std::uint8_t last_ccc = 0;
  for (const char32_t c : decomposed) {
    const auto ccc = combining_class(c);
    if (have_starter) {
      const bool adjacent = out.size() - 1 == starter;
      if (adjacent || (last_ccc != 0 && last_ccc < ccc)) {
        if (const char32_t composite = compose(out[starter], c)) {
          out[starter] = composite;
          continue;
        }
      }
    }
    if (ccc == 0) {
      starter = out.size();
      have_starter = true;
    }
    last_ccc = ccc;
    out.push_back(c);
  }
}

// A starter that NFC leaves alone and that nothing before it can combine with: segments of
// text between two of these normalize independently.
inline bool stable_starter(char32_t c) { return c < 0x300 || norm_word(c) == 0; }

}  // namespace

void to_nfc(std::vector<char32_t>& cps, std::vector<char32_t>& scratch) {
  // Quick check (UAX #15): most text is already NFC, and then nothing is copied. Otherwise only
  // the segments around the characters that fail it are normalized.
  const std::size_t n = cps.size();
  std::size_t pos = 0;
  bool copied = false;
  static thread_local std::vector<char32_t> decomposed;
  while (pos < n) {
    std::uint8_t last = 0;
    std::size_t fail = n;
    for (std::size_t i = pos; i < n; ++i) {
      const char32_t c = cps[i];
      if (c < 0x300) {
        last = 0;
        continue;
      }
      const auto w = norm_word(c);
      const auto ccc = static_cast<std::uint8_t>(w & 0xFF);
      if ((w >> 8) != 0 || (ccc != 0 && ccc < last)) {
        fail = i;
        break;
      }
      last = ccc;
    }
    if (fail == n) {
      if (copied) scratch.insert(scratch.end(), cps.begin() + static_cast<std::ptrdiff_t>(pos), cps.end());
      break;
    }
    if (!copied) {
      scratch.clear();
      copied = true;
    }
    std::size_t seg = fail;
    while (seg > pos && !stable_starter(cps[seg])) --seg;
    std::size_t seg_end = fail + 1;
    while (seg_end < n && !stable_starter(cps[seg_end])) ++seg_end;
    scratch.insert(scratch.end(), cps.begin() + static_cast<std::ptrdiff_t>(pos), cps.begin() + static_cast<std::ptrdiff_t>(seg));
    normalize_segment(cps.data() + seg, cps.data() + seg_end, scratch, decomposed);
    pos = seg_end;
  }
  if (copied) cps.swap(scratch);
}

void decode_nfc(std::string_view utf8, std::vector<char32_t>& out) {
  static thread_local std::vector<char32_t> scratch;
  out.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  while (p < end) out.push_back(next_code_point(p, end));
  to_nfc(out, scratch);
}

std::size_t count_code_points(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  std::size_t n = 0;
  while (p < end) {
    if (*p < 0x80) ++p;
    else next_code_point(p, end);
    ++n;
  }
  return n;
}

std::size_t count_graphemes(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  std::size_t count = 0;
  Gcb prev = kControl;  // a break before the first character
  bool ri_odd = false;  // an odd number of regional indicators ends at prev
  int emoji = 0;        // 1: ExtPict Extend* seen; 2: ... followed by ZWJ (GB11)
  int conjunct = 0;     // 1: InCB Consonant [Extend Linker]* seen; 2: with a Linker (GB9c)
  static const Gcb kPrintableAscii = gcb(kDirectTables.props['a']);
  while (p < end) {
    // Printable ASCII followed by ASCII is a cluster of its own (no rule joins it to what
    // follows), and one with a break before it unless a Prepend precedes (GB9b): most captions
    // are largely such runs, counted here without the per-character rules.
    if (*p >= 0x20 && *p < 0x7f && p + 1 < end && p[1] < 0x80) {
      const auto* q = p + 1;
      while (q + 1 < end && *q >= 0x20 && *q < 0x7f && q[1] < 0x80) ++q;
      count += static_cast<std::size_t>(q - p) - (prev == kPrepend ? 1 : 0);
      p = q;
      prev = kPrintableAscii;
      ri_odd = false;
      emoji = 0;
      conjunct = 0;
      continue;
    }
    const char32_t cp = *p < 0x80 ? *p++ : next_code_point(p, end);
    const std::uint16_t pr = cp < kDirect ? kDirectTables.props[cp] : props(cp);
    const Gcb g = gcb(pr);
    const Incb ic = incb(pr);
    bool brk;
    if (prev == kCR && g == kLF) brk = false;                                          // GB3
    else if (prev == kCR || prev == kLF || prev == kControl) brk = true;               // GB4
    else if (g == kCR || g == kLF || g == kControl) brk = true;                        // GB5
    else if (prev == kL && (g == kL || g == kV || g == kLV || g == kLVT)) brk = false;  // GB6
    else if ((prev == kLV || prev == kV) && (g == kV || g == kT)) brk = false;         // GB7
    else if ((prev == kLVT || prev == kT) && g == kT) brk = false;                     // GB8
    else if (g == kExtend || g == kZWJ || g == kSpacingMark) brk = false;              // GB9, GB9a
    else if (prev == kPrepend) brk = false;                                            // GB9b
    else if (conjunct == 2 && ic == kIncbConsonant) brk = false;                       // GB9c
    else if (emoji == 2 && (pr & kExtPict)) brk = false;                               // GB11
    else if (prev == kRegionalIndicator && g == kRegionalIndicator && ri_odd) brk = false;  // GB12/13
    else brk = true;                                                                   // GB999
    count += brk;

    ri_odd = g == kRegionalIndicator && !(prev == kRegionalIndicator && ri_odd);
    if (pr & kExtPict) emoji = 1;
    else if (emoji == 1 && g == kExtend) emoji = 1;
    else if (emoji == 1 && g == kZWJ) emoji = 2;
    else emoji = 0;
    if (ic == kIncbConsonant) conjunct = 1;
    else if (conjunct != 0 && ic == kIncbLinker) conjunct = 2;
    else if (conjunct != 0 && ic == kIncbExtend) {
    } else conjunct = 0;
    prev = g;
  }
  return count;
}

}  // namespace trypost::unicode
