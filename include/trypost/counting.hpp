#pragma once
// Character counting as each platform counts: X's weighted rules for x_post, extended grapheme
// clusters (UAX #29) for bluesky_post, Unicode code points for everything else.
// Input is UTF-8 bytes; an invalid sequence counts as one U+FFFD per maximal invalid subpart.
#include <cstddef>
#include <cstdint>
#include <string>
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

// Many texts, one content type, one call: utf8 holds the texts back to back and
// utf16_lengths[i] is text i's length in UTF-16 code units (JavaScript's String length), which is
// how the boundaries are found: each 4-byte UTF-8 sequence is 2 units, every other sequence 1.
// utf8 must be well formed (TextEncoder output). Writes n counts to out.
void count_batch(ContentType type, std::string_view utf8, const std::uint32_t* utf16_lengths, std::size_t n,
                 std::int32_t* out);

// For the SDK's batch path: a buffer in this module's memory that the caller fills in place.
// Layout from the returned address: utf8_bytes of UTF-8, padding to 4 bytes, n uint32 UTF-16
// lengths, then n int32 results. Valid until the next call.
std::uintptr_t counting_batch_buffer(std::size_t utf8_bytes, std::size_t n);
// Counts the batch in that buffer; false for an unknown content type.
bool counting_batch_run(std::string_view content_type, std::size_t utf8_bytes, std::size_t n);

// {"content_type": T, "text": S} -> {"content_type":T,"length":N,"max_length":M,"valid":bool};
// an error answer is {"error": "..."}.
std::string count_text_json(const std::string& json);

}  // namespace trypost
