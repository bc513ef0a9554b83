#pragma once
#include <string>
#include <string_view>

namespace trypost {
// http(s)://host[:port]/..., scheme case-insensitive, no whitespace or control characters, a
// plausible host. One rule for every URL field: logos, websites, Pinterest links, media URLs.
bool is_http_url(std::string_view s);
// %XX-encodes every byte for which `keep` is false (upper-case hex). Paths, queries and RFC 9421's
// @query re-encoding differ only in the set they keep.
std::string percent_encode_except(std::string_view s, bool (*keep)(char));
}  // namespace trypost
