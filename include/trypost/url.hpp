#pragma once
#include <string_view>

namespace trypost {
// http(s)://host[:port]/..., scheme case-insensitive, no whitespace or control characters, a
// plausible host. One rule for every URL field: logos, websites, Pinterest links, media URLs.
bool is_http_url(std::string_view s);
}  // namespace trypost
