#pragma once
// Character counting as each platform counts: X's weighted rules for x_post, extended grapheme
// clusters (UAX #29) for bluesky_post, Unicode code points for everything else.
// Input is UTF-8 bytes; an invalid sequence counts as one U+FFFD per maximal invalid subpart.
#include <cstddef>
#include <string_view>

#include "trypost/platform.hpp"

namespace trypost {

std::size_t count_code_points(std::string_view utf8);
std::size_t count_graphemes(std::string_view utf8);
std::size_t count_x_weighted(std::string_view utf8);  // NFC first; URLs 23; emoji sequences 2
std::size_t count_for(ContentType type, std::string_view utf8);

// The platform's caption cap (max_content_length of GET /content-types), in the unit count_for
// uses. The content-type catalog reads it from here; it is not written twice.
std::size_t max_content_length(ContentType type);
// Telegram: with media, text past this many characters goes out as a separate message.
inline constexpr std::size_t kTelegramMediaCaptionLimit = 1024;

}  // namespace trypost
