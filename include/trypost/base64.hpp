#pragma once
// Base64 (RFC 4648 §4, padded: structured-field byte sequences in RFC 9421 signatures) and
// base64url (§5, unpadded: widget tokens), one encoder for both alphabets.
#include <optional>
#include <string>
#include <string_view>

namespace trypost {

std::string base64_encode(std::string_view bytes);
std::string base64url_encode(std::string_view bytes);
// Strict base64url (no padding, zero trailing bits): nullopt when not canonical.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace trypost
