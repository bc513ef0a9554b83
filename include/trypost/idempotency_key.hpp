#pragma once
// The Idempotency-Key header: which keys may be sent and how the header is written. One rule for
// the request builder and for the shell's Store requests (outbox creates), so a key is either
// sent as written or refused with the same words everywhere; nothing escapes it on the way.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace trypost {

inline constexpr std::size_t kMaxIdempotencyKey = 255;

// nullopt when the key may be sent: 1 to 255 visible ASCII characters without a quote or a
// backslash, so the structured-field string needs no escaping and a server comparing the raw
// header and one comparing the decoded string see the same key. Otherwise the message to show.
std::optional<std::string> idempotency_key_problem(std::string_view key);

// draft-ietf-httpapi-idempotency-key-header: the value is a structured-field string ("key").
// Only for a key idempotency_key_problem accepts.
std::string idempotency_key_header(std::string_view key);

// {"key": "..."} -> {"name": "Idempotency-Key", "value": "\"...\""}; a refused key answers the
// flat error shape naming the field idempotency_key.
std::string idempotency_header_json(const std::string& json_text);

}  // namespace trypost
