// Every example of RFC 9421 sections 2.1-2.5 and Appendix B (tests/fixtures/rfc9421): the core's
// signature base must be the RFC's, byte for byte. tests/js/sign-rfc9421.test.js checks the
// published signatures over these bases with the example keys.
#include <doctest/doctest.h>

#include "test_support.hpp"
#include "trypost/signing.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace signing_rfc9421_test {

using nlohmann::json;

namespace {

json rfc_cases() {
  return json::parse(trypost::testing::read_file(trypost::testing::fixture_path("rfc9421/examples.json")))["cases"];
}

std::string expected_base(const json& c) {
  std::string out;
  for (const auto& l : c["lines"]) out += (out.empty() ? "" : "\n") + l.get<std::string>();
  if (c["complete"].get<bool>()) return out;
  const auto member = c["signature_input"].get<std::string>();
  return out + "\n\"@signature-params\": " + member.substr(member.find('=') + 1);
}

json base_of(const json& c) {
  json in = c["message"];
  in["signature_input"] = c["signature_input"];
  return json::parse(trypost::signature_base_json(in.dump()));
}

}  // namespace

TEST_CASE("RFC 9421: every example's signature base, byte for byte") {
  const auto cases = rfc_cases();
  REQUIRE(cases.size() >= 30);
  std::string valid_b4;
  for (const auto& c : cases) {
    const auto name = c["section"].get<std::string>() + " " + c["name"].get<std::string>();
    CAPTURE(name);
    const auto out = base_of(c);
    REQUIRE_MESSAGE(out.contains("signature_base"), out.dump());
    if (c["lines"].is_null()) {
      // A B.4 transformation that must break the signature: its base differs from the signed one.
      CHECK(out["signature_base"] != valid_b4);
      continue;
    }
    CHECK(out["signature_base"].get<std::string>() == expected_base(c));
    if (c["section"] == "B.4") valid_b4 = out["signature_base"];
    // The member written back is the one received: same components, same parameter order.
    const auto member = c["signature_input"].get<std::string>();
    CHECK(out["signature_input"] == member);
    if (c.contains("params_from_rfc")) CHECK(out["signature_params"] == c["params_from_rfc"]);
  }
}

TEST_CASE("RFC 9421: signing rebuilds the examples from components and ordered parameters") {
  for (const auto& c : rfc_cases()) {
    if (!c["complete"].get<bool>() || c["lines"].is_null()) continue;
    const auto name = c["section"].get<std::string>();
    CAPTURE(name);
    const auto parsed = trypost::parse_signature_input(c["signature_input"].get<std::string>()).value().at(0);
    json in = c["message"];
    in["label"] = parsed.label;
    json components = json::array();
    for (const auto& x : parsed.components) {
      auto label = trypost::serialize_signature_params({"", {x}, {}, {}, {}}).value();
      components.push_back(label.substr(1, label.size() - 2));  // "(...)" -> the identifier
    }
    in["components"] = components;
    json params = json::object();
    const auto& p = parsed.params;
    if (p.created) params["created"] = *p.created;
    if (p.expires) params["expires"] = *p.expires;
    if (p.nonce) params["nonce"] = *p.nonce;
    if (p.alg) params["alg"] = *p.alg;
    if (p.keyid) params["keyid"] = *p.keyid;
    if (p.tag) params["tag"] = *p.tag;
    in["params"] = params;
    in["param_order"] = parsed.param_order;
    const auto out = json::parse(trypost::signature_base_json(in.dump()));
    REQUIRE_MESSAGE(out.contains("signature_base"), out.dump());
    CHECK(out["signature_base"].get<std::string>() == expected_base(c));
    CHECK(out["signature_input"] == c["signature_input"]);
  }
}

}  // namespace signing_rfc9421_test
