// Widget token reading on arbitrary bytes (the token a page sends in its Authorization header).
// Invariants: nothing crashes or throws; an accepted token is three canonical base64url segments
// (decode -> encode gives the same text back), its signing input is exactly the token up to the
// second dot, its signature 32 bytes, and its claims satisfy the policy; a refusal before the
// signature carries no signing input; every message is one of a fixed set, so none can quote
// the token.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <set>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trypost/widget_token.hpp"

using namespace trypost;

namespace {
void require(bool ok) {
  if (!ok) std::abort();
}

const std::set<std::string>& known_messages() {
  static const std::set<std::string> all = [] {
    std::set<std::string> m = {"The token is longer than 4096 bytes.", "The token is malformed.",
                               "The token must be signed with HS256.",
                               "The token uses header extensions this proxy does not understand.", "The token is not a JWT.",
                               "The token signature is invalid.", "The token names no workspace.",
                               "The token is not a read-only token.", "The token has no lifetime.", "The token has expired.",
                               "The token is not valid yet.", "The token was issued in the future.",
                               "The token lives longer than this proxy allows.", "This token is for another workspace."};
    for (const char* c : {"sub", "scope", "iss", "aud", "jti"}) m.insert(std::string("The token's ") + c + " claim must be a string.");
    for (const char* c : {"iat", "exp", "nbf"}) m.insert(std::string("The token's ") + c + " claim must be a whole number of seconds.");
    return m;
  }();
  return all;
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
    require(known_messages().count(r.error->message) == 1);
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
  if (answer.contains("problem")) require(answer["problem"]["message"] == r.error->message);
  return 0;
}
