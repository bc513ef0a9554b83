#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "trypost/widget_token.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace widget_token_test {

using namespace trypost;
using nlohmann::json;

// Tokens are built here as `trypost widget-token` builds them (server/proxy/jwt.js); the
// signature bytes are opaque to the core, so any 32 bytes stand in for the HMAC.
namespace {
constexpr std::int64_t kNow = 1800000000;
const std::string kSig(32, '\x5a');

std::string seg(const std::string& text) { return base64url_encode(text); }
std::string token_with(const std::string& header, const std::string& claims, const std::string& sig = kSig) {
  return seg(header) + "." + seg(claims) + "." + base64url_encode(sig);
}
const std::string kHeader = R"({"alg":"HS256","typ":"JWT"})";
std::string claims(std::int64_t iat, std::int64_t exp, const std::string& extra = "") {
  return R"({"sub":"ws-1","iat":)" + std::to_string(iat) + R"(,"exp":)" + std::to_string(exp) + R"(,"scope":"read")" + extra + "}";
}
WidgetTokenPolicy policy(const std::string& ws = "ws-1") { return {kNow, 3600, 60, ws}; }

WidgetTokenCheck check(const std::string& t, const WidgetTokenPolicy& p = policy()) { return check_widget_token(t, p); }
std::string problem(const std::string& t, const WidgetTokenPolicy& p = policy()) {
  const auto r = check(t, p);
  return r.error ? std::string(wire_name(r.error->problem)) : std::string("ok");
}
}  // namespace

TEST_CASE("widget token: a token as the CLI mints it passes, with the bytes the HMAC covers") {
  const std::string t = token_with(kHeader, claims(kNow, kNow + 300));
  const auto r = check(t);
  REQUIRE(r.ok());
  CHECK(r.signing_input == t.substr(0, t.rfind('.')));
  CHECK(r.signature == kSig);
  REQUIRE(r.claims);
  CHECK(r.claims->sub == "ws-1");
  CHECK(r.claims->scope == "read");
  CHECK(r.claims->iat == kNow);
  CHECK(r.claims->exp == kNow + 300);
  // Any workspace when the caller names none.
  CHECK(check(t, policy("")).ok());
}

TEST_CASE("widget token: structure problems are found before any signature is checked") {
  const std::string good = token_with(kHeader, claims(kNow, kNow + 300));
  const auto first_dot = good.find('.');
  CHECK(problem("") == "malformed");
  CHECK(problem("not.a.jwt") == "malformed");
  CHECK(problem(good.substr(0, good.rfind('.'))) == "malformed");  // two segments
  CHECK(problem(good + ".x") == "malformed");                        // four
  CHECK(problem(good.substr(0, first_dot) + "=" + good.substr(first_dot)) == "malformed");  // padding
  CHECK(problem("+" + good.substr(1)) == "malformed");                                      // base64, not base64url
  CHECK(problem(seg(kHeader) + "." + "A" + "." + base64url_encode(kSig)) == "malformed");     // length % 4 == 1
  // Non-zero trailing bits: the same header spelled a second way is refused.
  const std::string h = seg(R"({"alg":"HS256"} )");  // 16 bytes: the last character carries 4 zero bits
  REQUIRE(h.size() % 4 == 2);
  CHECK(problem(h + "." + seg(claims(kNow, kNow + 300)) + "." + base64url_encode(kSig)) == "ok");
  std::string h2 = h;
  ++h2.back();  // A/Q/g/w -> B/R/h/x: a trailing bit set
  CHECK(problem(h2 + "." + seg(claims(kNow, kNow + 300)) + "." + base64url_encode(kSig)) == "malformed");
  CHECK(problem(seg("[1]") + "." + seg(claims(kNow, kNow + 1)) + "." + base64url_encode(kSig)) == "malformed");
  CHECK(problem(token_with("{\"alg\":\"HS256\"", claims(kNow, kNow + 1))) == "malformed");  // cut JSON
  CHECK(problem(token_with(kHeader, "\"read\"")) == "malformed");
  CHECK(problem(token_with(kHeader, R"({"sub":[[[[["deep"]]]]]})")) == "malformed");  // over the depth limit

  const auto r = check("x.y.z");
  REQUIRE(r.error);
  CHECK(r.error->structural);
  CHECK(r.signing_input.empty());
  CHECK(http_status(r.error->problem) == 401);
}

TEST_CASE("widget token: the size limit holds at 4096 bytes and refuses one byte more") {
  // Unknown claims are ignored, so padding claims grow a valid token up to the limit.
  const auto padded = [](std::size_t n) {
    std::string extra;
    for (std::size_t i = 0; n > 0; ++i) {
      const std::size_t take = std::min<std::size_t>(n, 900);
      extra += R"(,"p)" + std::to_string(i) + R"(":")" + std::string(take, 'p') + "\"";
      n -= take;
    }
    return token_with(kHeader, claims(kNow, kNow + 300, extra));
  };
  std::size_t n = 0;
  while (padded(n + 1).size() <= kMaxWidgetTokenBytes) ++n;
  const std::string at = padded(n), past = padded(n + 1);
  CHECK(at.size() >= kMaxWidgetTokenBytes - 1);  // base64 steps by 1 or 2
  CHECK(problem(at) == "ok");
  CHECK(past.size() > kMaxWidgetTokenBytes);
  CHECK(problem(past) == "too_large");
  CHECK(problem(std::string(kMaxWidgetTokenBytes + 1, 'A')) == "too_large");
}

TEST_CASE("widget token: only HS256, no header extensions, typ JWT when present") {
  const std::string c = claims(kNow, kNow + 300);
  CHECK(problem(token_with(R"({"alg":"none","typ":"JWT"})", c, "")) == "unsupported_alg");
  CHECK(problem(token_with(R"({"alg":"HS512","typ":"JWT"})", c)) == "unsupported_alg");
  CHECK(problem(token_with(R"({"alg":"hs256"})", c)) == "unsupported_alg");
  CHECK(problem(token_with(R"({"typ":"JWT"})", c)) == "unsupported_alg");
  CHECK(problem(token_with(R"({"alg":["HS256"]})", c)) == "unsupported_alg");
  CHECK(problem(token_with(R"({"alg":"HS256","crit":["exp"]})", c)) == "unsupported_header");
  CHECK(problem(token_with(R"({"alg":"HS256","typ":"JOSE+JSON"})", c)) == "unsupported_header");
  CHECK(problem(token_with(R"({"alg":"HS256","typ":"jwt"})", c)) == "ok");
  CHECK(problem(token_with(R"({"alg":"HS256"})", c)) == "ok");
}

TEST_CASE("widget token: the signature segment is exactly 32 bytes") {
  const std::string c = claims(kNow, kNow + 300);
  CHECK(problem(token_with(kHeader, c, "")) == "bad_signature");
  CHECK(problem(token_with(kHeader, c, std::string(31, 'x'))) == "bad_signature");
  CHECK(problem(token_with(kHeader, c, std::string(33, 'x'))) == "bad_signature");
  CHECK(problem(token_with(kHeader, c, std::string(32, 'x'))) == "ok");
}

TEST_CASE("widget token: claims of the wrong type are refused, after the signature bytes are known") {
  const auto bad = [](const std::string& c) {
    const auto r = check(token_with(kHeader, c));
    REQUIRE(r.error);
    CHECK_FALSE(r.error->structural);
    CHECK_FALSE(r.signing_input.empty());  // the caller checks the HMAC first, then shows this
    CHECK_FALSE(r.claims);
    return std::string(wire_name(r.error->problem));
  };
  const std::string t = std::to_string(kNow), e = std::to_string(kNow + 300);
  CHECK(bad(R"({"sub":7,"iat":)" + t + R"(,"exp":)" + e + R"(,"scope":"read"})") == "bad_claim");
  CHECK(bad(R"({"sub":"ws-1","iat":)" + t + R"(,"exp":"soon","scope":"read"})") == "bad_claim");
  CHECK(bad(R"({"sub":"ws-1","iat":)" + t + R"(,"exp":1800000300.5,"scope":"read"})") == "bad_claim");
  CHECK(bad(R"({"sub":"ws-1","iat":-5,"exp":)" + e + R"(,"scope":"read"})") == "bad_claim");
  CHECK(bad(R"({"sub":"ws-1","iat":)" + t + R"(,"exp":18446744073709551615,"scope":"read"})") == "bad_claim");
  CHECK(bad(R"({"sub":"ws-1","iat":)" + t + R"(,"exp":)" + e + R"(,"scope":["read"]})") == "bad_claim");
  CHECK(bad(R"({"sub":"ws-1","iat":)" + t + R"(,"exp":)" + e + R"(,"scope":"read","aud":1})") == "bad_claim");
  CHECK(bad(R"({"sub":"ws-1","iat":)" + t + R"(,"exp":)" + e + R"(,"scope":"read","nbf":true})") == "bad_claim");
  CHECK(bad(R"({"iat":)" + t + R"(,"exp":)" + e + R"(,"scope":"read"})") == "no_workspace");
  CHECK(bad(R"({"sub":"","iat":)" + t + R"(,"exp":)" + e + R"(,"scope":"read"})") == "no_workspace");
  CHECK(bad(R"({"sub":"ws-1","iat":)" + t + R"(,"exp":)" + e + R"(})") == "not_read_only");
  CHECK(bad(R"({"sub":"ws-1","iat":)" + t + R"(,"exp":)" + e + R"(,"scope":"write"})") == "not_read_only");
  CHECK(bad(R"({"sub":"ws-1","exp":)" + e + R"(,"scope":"read"})") == "no_lifetime");
  CHECK(bad(R"({"sub":"ws-1","iat":)" + t + R"(,"scope":"read"})") == "no_lifetime");
  CHECK(bad(claims(kNow + 10, kNow + 10)) == "no_lifetime");
}

TEST_CASE("widget token: times against now, each at its boundary") {
  const auto at = [](std::int64_t iat, std::int64_t exp, const std::string& extra = "") {
    return problem(token_with(kHeader, claims(iat, exp, extra)));
  };
  CHECK(at(kNow - 100, kNow) == "expired");
  CHECK(at(kNow - 100, kNow + 1) == "ok");
  CHECK(at(kNow + 60, kNow + 120) == "ok");  // within the skew
  CHECK(at(kNow + 61, kNow + 120) == "issued_in_future");
  CHECK(at(kNow, kNow + 300, R"(,"nbf":)" + std::to_string(kNow + 60)) == "ok");
  CHECK(at(kNow, kNow + 300, R"(,"nbf":)" + std::to_string(kNow + 61)) == "not_yet_valid");
  CHECK(at(kNow, kNow + 3600) == "ok");
  CHECK(at(kNow, kNow + 3601) == "lifetime_too_long");
  // A tighter proxy.
  CHECK(problem(token_with(kHeader, claims(kNow, kNow + 301)), {kNow, 300, 0, "ws-1"}) == "lifetime_too_long");
  CHECK(problem(token_with(kHeader, claims(kNow + 1, kNow + 100)), {kNow, 300, 0, "ws-1"}) == "issued_in_future");
}

TEST_CASE("widget token: a token reads only the workspace it names (403)") {
  const std::string t = token_with(kHeader, claims(kNow, kNow + 300));
  const auto r = check(t, policy("ws-2"));
  REQUIRE(r.error);
  CHECK(r.error->problem == WidgetTokenProblem::wrong_workspace);
  CHECK(http_status(r.error->problem) == 403);
  CHECK(r.error->message.find("another workspace") != std::string::npos);
}

TEST_CASE("widget token: base64url round-trips every length and refuses every other spelling") {
  std::string bytes;
  for (int n = 0; n < 70; ++n) {
    const std::string enc = base64url_encode(bytes);
    CHECK(enc.find_first_of("+/=") == std::string::npos);
    REQUIRE(base64url_decode(enc));
    CHECK(*base64url_decode(enc) == bytes);
    bytes += static_cast<char>((n * 37) & 0xFF);
  }
  CHECK(base64url_encode("\xff\xfe") == "__4");
  CHECK_FALSE(base64url_decode("__5"));  // the same bytes with non-zero trailing bits
  CHECK_FALSE(base64url_decode("ab=="));
  CHECK_FALSE(base64url_decode("a b"));
}

TEST_CASE("widget token: the JSON entry point answers the verdict, the signed bytes and the claims") {
  const std::string t = token_with(kHeader, claims(kNow, kNow + 300));
  const json ok = json::parse(widget_token_check_json(json{{"token", t}, {"now", kNow}, {"workspace_id", "ws-1"}}.dump()));
  CHECK(ok["ok"] == true);
  CHECK(ok["signing_input"] == t.substr(0, t.rfind('.')));
  CHECK(ok["signature"] == t.substr(t.rfind('.') + 1));
  CHECK(ok["claims"]["sub"] == "ws-1");

  const json wrong = json::parse(widget_token_check_json(json{{"token", t}, {"now", kNow}, {"workspace_id", "ws-2"}}.dump()));
  CHECK(wrong["ok"] == false);
  CHECK(wrong["problem"]["kind"] == "wrong_workspace");
  CHECK(wrong["problem"]["status"] == 403);
  CHECK(wrong["problem"]["structural"] == false);
  CHECK(wrong.contains("signing_input"));
  CHECK_FALSE(wrong.contains("claims"));

  const json garbage = json::parse(widget_token_check_json(json{{"token", "a.b"}, {"now", kNow}}.dump()));
  CHECK(garbage["problem"]["kind"] == "malformed");
  CHECK(garbage["problem"]["structural"] == true);
  CHECK_FALSE(garbage.contains("signing_input"));
  // The message never quotes the token.
  const json quoted = json::parse(widget_token_check_json(json{{"token", "secret-looking.x.y"}, {"now", kNow}}.dump()));
  CHECK(quoted.dump().find("secret-looking") == std::string::npos);

  CHECK(json::parse(widget_token_check_json(R"({"now":1})")).contains("error"));
  CHECK(json::parse(widget_token_check_json(R"({"token":"a.b.c"})")).contains("error"));
  CHECK(json::parse(widget_token_check_json(R"({"token":"a.b.c","now":-1})")).contains("error"));
  CHECK(json::parse(widget_token_check_json("[")).contains("error"));
}

}  // namespace widget_token_test
