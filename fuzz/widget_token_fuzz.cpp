// Widget token reading on arbitrary bytes (the token a page sends in its Authorization header).
// Invariants: nothing crashes or throws; an accepted token is three canonical base64url segments
// (decode -> encode gives the same text back), its signing input is exactly the token up to the
// second dot, its signature 32 bytes, and its claims satisfy the policy; a refusal before the
// signature carries no signing input; the JSON answer never quotes the token's text.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trypost/widget_token.hpp"

using namespace trypost;

namespace {
void require(bool ok) {
  if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string token(reinterpret_cast<const char*>(data), size);
  const WidgetTokenPolicy policy{1800000000, 3600, 60, "ws-1"};
  const auto r = check_widget_token(token, policy);

  if (r.ok()) {
    require(r.claims.has_value());
    const auto dot1 = token.find('.'), dot2 = token.rfind('.');
    require(dot1 != dot2 && token.find('.', dot1 + 1) == dot2);
    for (const auto& seg : {token.substr(0, dot1), token.substr(dot1 + 1, dot2 - dot1 - 1), token.substr(dot2 + 1)}) {
      const auto bytes = base64url_decode(seg);
      require(bytes && base64url_encode(*bytes) == seg);
    }
    require(r.signing_input == token.substr(0, dot2));
    require(r.signature.size() == kWidgetSignatureBytes);
    const auto& c = *r.claims;
    require(c.sub == policy.workspace_id && c.scope == "read");
    require(c.exp > policy.now && c.iat < c.exp && c.exp - c.iat <= policy.max_ttl_seconds);
    require(c.iat - policy.skew_seconds <= policy.now);
  } else {
    require(!r.claims.has_value());
    if (r.error->structural) require(r.signing_input.empty());
    else require(!r.signing_input.empty() && r.signature.size() == kWidgetSignatureBytes);
    require(!r.error->message.empty());
  }

  // The same through the JSON entry point, with the bytes as a JSON string when they are UTF-8.
  const nlohmann::json arg{{"token", token}, {"now", policy.now}, {"workspace_id", policy.workspace_id}};
  std::string text;
  try {
    text = arg.dump();
  } catch (const nlohmann::json::exception&) {
    return 0;  // not UTF-8: JavaScript could not have sent it as a string
  }
  const auto answer = nlohmann::json::parse(widget_token_check_json(text), nullptr, false);
  require(!answer.is_discarded() && answer.is_object() && answer.contains("ok"));
  require(answer["ok"] == r.ok());
  if (answer.contains("problem")) {
    const std::string message = answer["problem"]["message"];
    require(token.size() < 8 || message.find(token) == std::string::npos);
  }
  return 0;
}
