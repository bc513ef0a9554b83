// PLACEHOLDER until the Unicode-table work lands: code points only, for every content type.
#include "trypost/counting.hpp"

namespace trypost {

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}
std::size_t count_graphemes(std::string_view s) { return count_code_points(s); }
std::size_t count_x_weighted(std::string_view s) { return count_code_points(s); }
std::size_t count_for(ContentType, std::string_view s) { return count_code_points(s); }

}  // namespace trypost
