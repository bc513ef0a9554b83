// Counting on arbitrary bytes, invalid UTF-8 included: never crashes, and no count exceeds what
// the input could possibly hold.
#include <cstdint>
#include <string_view>

#include "trypost/counting.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto cps = trypost::count_code_points(text);
  if (cps > size) __builtin_trap();
  if (trypost::count_graphemes(text) > cps) __builtin_trap();
  // X weighs a code point at most 2, and NFC never grows a string by more than 3x.
  if (trypost::count_x_weighted(text) > 6 * cps + 23) __builtin_trap();
  for (auto t : trypost::all_content_types()) (void)trypost::count_for(t, text);
  return 0;
}
