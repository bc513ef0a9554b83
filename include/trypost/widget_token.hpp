#pragma once
// Widget tokens: the compact JWT (HS256) an agency server mints for the calendar widget, read by
// the widget proxy. This module reads everything a token says (three base64url segments, the
// header's algorithm, the claims and their types, the times against a given now, the workspace it
// is for) and hands back the bytes the HMAC covers. The HMAC itself is computed by the caller with
// the platform's crypto (node:crypto, WebCrypto): no cipher code lives here.
//
// Order for a verifier: structure first (nothing is trusted before it passes), then the HMAC over
// `signing_input`, then the claims' verdict, so a forged token never learns which claim was wrong.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "trypost/base64.hpp"

namespace trypost {

inline constexpr std::size_t kMaxWidgetTokenBytes = 4096;  // ours are ~200 bytes
inline constexpr std::size_t kWidgetSignatureBytes = 32;   // HMAC-SHA256

struct WidgetTokenPolicy {
  std::int64_t now = 0;                // seconds since the epoch
  std::int64_t max_ttl_seconds = 3600; // exp - iat may not exceed this
  std::int64_t skew_seconds = 60;      // clock drift allowed for iat and nbf
  std::string workspace_id;            // the workspace being read; empty: any
};

// What went wrong, one kind per reason a user or an operator acts on differently.
enum class WidgetTokenProblem {
  too_large,         // longer than kMaxWidgetTokenBytes
  malformed,         // not three base64url segments, or header/claims not a JSON object
  unsupported_alg,   // the header names another algorithm than HS256 (none included)
  unsupported_header,// crit extensions, a typ other than JWT
  bad_signature,     // the signature segment is not 32 bytes of base64url
  bad_claim,         // a claim of the wrong type
  no_workspace,      // sub missing or empty
  not_read_only,     // scope is not "read"
  no_lifetime,       // exp or iat missing, or exp not after iat
  expired,
  not_yet_valid,     // nbf in the future (beyond the skew)
  issued_in_future,  // iat in the future (beyond the skew)
  lifetime_too_long, // exp - iat over the policy's maximum
  wrong_workspace,   // sub names another workspace than the one being read
};
std::string_view wire_name(WidgetTokenProblem p);
int http_status(WidgetTokenProblem p);  // 401, or 403 for wrong_workspace

struct WidgetTokenError {
  WidgetTokenProblem problem = WidgetTokenProblem::malformed;
  std::string message;  // never quotes the token
  bool structural = true;  // true: found before any signature could be checked
};

struct WidgetClaims {
  std::string sub;  // the workspace id
  std::string scope;
  std::int64_t iat = 0, exp = 0;
  std::optional<std::int64_t> nbf;
  std::optional<std::string> iss, aud, jti;
};

struct WidgetTokenCheck {
  std::string signing_input;  // "<header>.<claims>", the bytes the HMAC covers
  std::string signature;      // the 32 raw signature bytes
  std::optional<WidgetClaims> claims;   // set when the claims pass the policy
  std::optional<WidgetTokenError> error;
  bool ok() const { return !error.has_value(); }
};

// Never throws and never reads past the token.
WidgetTokenCheck check_widget_token(std::string_view token, const WidgetTokenPolicy& policy);

// {"token", "now", "workspace_id"?, "max_ttl_seconds"?, "skew_seconds"?} ->
// {"ok", "signing_input"?, "signature"? (base64url), "claims"?, "problem"?: {kind, message, status, structural}}
std::string widget_token_check_json(const std::string& json_text);

}  // namespace trypost
