#pragma once
// The URLs X counts as 23 characters, found exactly as twitter-text 3.1 (the library X's clients
// count with) finds them: its extraction regular expression, replayed by hand with the same
// backtracking order over UTF-16 code units, the same top-level-domain list and the same
// after-the-fact checks (label lengths after punycode, t.co slugs, ASCII-only domains when the
// scheme is missing). Offsets and lengths are in UTF-16 code units, as twitter-text reports them.
#include <cstdint>
#include <string_view>
#include <vector>

namespace trypost::x_url {

struct Span {
  std::uint32_t start;
  std::uint32_t length;
};

// Appends the URL entities of text (NFC, UTF-16) to out, in text order.
void extract(std::u16string_view text, std::vector<Span>& out);

}  // namespace trypost::x_url
