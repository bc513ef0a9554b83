#include <doctest/doctest.h>

#include "trypost/signing.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace signing_test {

using namespace trypost;
using nlohmann::json;

namespace {

// RFC 9421 Appendix B.2 "test-request" as a signer sees it (the body is not covered by B.2.5).
SignedMessage rfc_test_request() {
  return SignedMessage{
      "POST",
      "https://example.com/foo?param=Value&Pet=dog",
      {{"Host", {"example.com"}},
       {"Date", {"Tue, 20 Apr 2021 02:07:55 GMT"}},
       {"Content-Type", {"application/json"}},
       {"Content-Digest", {"sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:"}},
       {"Content-Length", {"18"}}}};
}

const char* const kB25Base =
    "\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n"
    "\"@authority\": example.com\n"
    "\"content-type\": application/json\n"
    "\"@signature-params\": (\"date\" \"@authority\" \"content-type\");created=1618884473;keyid=\"test-shared-secret\"";

SignatureInput b25_input() {
  SignatureInput in;
  in.label = "sig-b25";
  in.components = parse_component_list("\"date\" \"@authority\" \"content-type\"").value();
  in.params.created = 1618884473;
  in.params.keyid = "test-shared-secret";
  return in;
}

}  // namespace

TEST_CASE("RFC 9421 B.2.5: the signature base and Signature-Input are byte-exact") {
  const auto base = signature_base(rfc_test_request(), b25_input());
  REQUIRE(base.ok());
  CHECK(*base == kB25Base);
  CHECK(base->back() != '\n');
  CHECK(serialize_signature_input(b25_input()).value() ==
        "sig-b25=(\"date\" \"@authority\" \"content-type\");created=1618884473;keyid=\"test-shared-secret\"");
}

TEST_CASE("RFC 9421 B.2.5 through the JSON entry point, and rebuilt from the received field") {
  const json req = {{"method", "post"},
                    {"url", "https://Example.COM:443/foo?param=Value&Pet=dog"},
                    {"headers", {{"Date", "Tue, 20 Apr 2021 02:07:55 GMT"}, {"content-type", "  application/json "}}},
                    {"label", "sig-b25"},
                    {"components", "\"date\" \"@authority\" \"content-type\""},
                    {"params", {{"created", 1618884473}, {"keyid", "test-shared-secret"}}}};
  const auto out = json::parse(signature_base_json(req.dump()));
  REQUIRE_FALSE(out.contains("error"));
  CHECK(out["signature_base"] == kB25Base);
  CHECK(out["covers_content_digest"] == false);
  json verify = req;
  verify.erase("components");
  verify.erase("params");
  verify["signature_input"] = out["signature_input"];
  const auto again = json::parse(signature_base_json(verify.dump()));
  CHECK(again["signature_base"] == kB25Base);
}

TEST_CASE("derived components follow RFC 9421 §2.2") {
  SignedMessage m{"GET", "http://www.example.com:80/path?param=value&foo=bar&baz=batman&qux=", {}};
  SignatureInput in;
  in.components = parse_component_list(
                      "\"@method\" \"@target-uri\" \"@authority\" \"@scheme\" \"@request-target\" \"@path\" \"@query\" "
                      "\"@query-param\";name=\"baz\" \"@query-param\";name=\"qux\"")
                      .value();
  const auto base = signature_base(m, in);
  REQUIRE(base.ok());
  CHECK(*base ==
        "\"@method\": GET\n"
        "\"@target-uri\": http://www.example.com/path?param=value&foo=bar&baz=batman&qux=\n"
        "\"@authority\": www.example.com\n"
        "\"@scheme\": http\n"
        "\"@request-target\": /path?param=value&foo=bar&baz=batman&qux=\n"
        "\"@path\": /path\n"
        "\"@query\": ?param=value&foo=bar&baz=batman&qux=\n"
        "\"@query-param\";name=\"baz\": batman\n"
        "\"@query-param\";name=\"qux\": \n"
        "\"@signature-params\": (\"@method\" \"@target-uri\" \"@authority\" \"@scheme\" \"@request-target\" \"@path\" "
        "\"@query\" \"@query-param\";name=\"baz\" \"@query-param\";name=\"qux\")");
}

TEST_CASE("@query-param re-encodes names and values (RFC 9421 §2.2.8 example)") {
  SignedMessage m{"GET", "https://example.com/?var=this%20is%20a%20big%0Avalue&bar=with+plus+whitespace&fa%C3%A7ade%22%3A%20=something", {}};
  SignatureInput in;
  in.components = parse_component_list(
                      "\"@query-param\";name=\"var\" \"@query-param\";name=\"bar\" \"@query-param\";name=\"fa%C3%A7ade%22%3A%20\"")
                      .value();
  const auto base = signature_base(m, in);
  REQUIRE(base.ok());
  CHECK(base->find("\"@query-param\";name=\"var\": this%20is%20a%20big%0Avalue\n") != std::string::npos);
  CHECK(base->find("\"@query-param\";name=\"bar\": with%20plus%20whitespace\n") != std::string::npos);
  CHECK(base->find("\"@query-param\";name=\"fa%C3%A7ade%22%3A%20\": something\n") != std::string::npos);
  SignedMessage twice{"GET", "https://example.com/?a=1&a=2", {}};
  SignatureInput qa;
  qa.components = parse_component_list("\"@query-param\";name=\"a\"").value();
  CHECK_FALSE(signature_base(twice, qa).ok());
}

TEST_CASE("an empty query is a lone '?', an empty path is '/'") {
  SignatureInput in;
  in.components = default_components(false);
  const auto base = signature_base(SignedMessage{"DELETE", "https://app.trypost.it", {}}, in);
  REQUIRE(base.ok());
  CHECK(*base ==
        "\"@method\": DELETE\n\"@authority\": app.trypost.it\n\"@path\": /\n\"@query\": ?\n"
        "\"@signature-params\": (\"@method\" \"@authority\" \"@path\" \"@query\")");
}

TEST_CASE("header fields: several lines join with ', ', folding and outer whitespace go, bs and key work") {
  SignedMessage m{"GET", "https://example.com/", {{"X-Multi", {" a ", "b\r\n  c"}}, {"Example-Dict", {" a=1,    b=2;x=1;y=2,   c=(a   b   c)"}}}};
  SignatureInput in;
  in.components = parse_component_list("\"x-multi\" \"x-multi\";bs \"example-dict\";key=\"c\" \"example-dict\";key=\"b\"").value();
  const auto base = signature_base(m, in);
  REQUIRE(base.ok());
  CHECK(base->find("\"x-multi\": a, b c\n") != std::string::npos);
  CHECK(base->find("\"x-multi\";bs: :YQ==:, :YiBj:\n") != std::string::npos);
  CHECK(base->find("\"example-dict\";key=\"c\": (a b c)\n") != std::string::npos);
  CHECK(base->find("\"example-dict\";key=\"b\": 2;x=1;y=2\n") != std::string::npos);
}

TEST_CASE("what the base refuses: missing or doubled components, line breaks, bad URLs") {
  auto in = b25_input();
  auto m = rfc_test_request();
  m.headers.erase(m.headers.begin() + 1);  // no Date
  const auto missing = signature_base(m, in);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().errors.count("headers.date") == 1);

  in.components.push_back({"date", {}});
  CHECK_FALSE(signature_base(rfc_test_request(), in).ok());

  SignatureInput one;
  one.components = parse_component_list("\"x-evil\"").value();
  CHECK_FALSE(signature_base(SignedMessage{"GET", "https://e.com/", {{"x-evil", {"a\nb"}}}}, one).ok());
  one.components = parse_component_list("\"@path\"").value();
  CHECK_FALSE(signature_base(SignedMessage{"GET", "/relative", {}}, one).ok());
  CHECK_FALSE(signature_base(SignedMessage{"GET", "https://user:pw@e.com/", {}}, one).ok());
  CHECK_FALSE(signature_base(SignedMessage{"GET", "https://e.com/a b", {}}, one).ok());
  CHECK_FALSE(signature_base(SignedMessage{"GET", "https://e.com:99999/", {}}, one).ok());
  one.components = parse_component_list("\"@signature-params\"").value();
  CHECK_FALSE(signature_base(SignedMessage{"GET", "https://e.com/", {}}, one).ok());
  one.components = parse_component_list("\"Authorization\"").value();
  const auto cred = signature_base(SignedMessage{"GET", "https://e.com/", {{"Authorization", {"Bearer tp_secret"}}}}, one);
  REQUIRE_FALSE(cred.ok());
  CHECK(cred.error().to_json().dump().find("tp_secret") == std::string::npos);
  one.components = parse_component_list("\"@status\"").value();
  CHECK_FALSE(signature_base(SignedMessage{"GET", "https://e.com/", {}}, one).ok());
  SignatureInput late;
  late.params.created = 100;
  late.params.expires = 99;
  CHECK_FALSE(signature_base(SignedMessage{"GET", "https://e.com/", {}}, late).ok());
}

TEST_CASE("a tampered request changes the base") {
  const auto good = signature_base(rfc_test_request(), b25_input()).value();
  auto m = rfc_test_request();
  m.headers[2].second = {"text/plain"};
  CHECK(signature_base(m, b25_input()).value() != good);
  m = rfc_test_request();
  m.url = "https://example.org/foo?param=Value&Pet=dog";
  CHECK(signature_base(m, b25_input()).value() != good);
}

TEST_CASE("Signature-Input parsing round-trips, keeps order and unknown parameters") {
  const std::string field =
      "sig-b21=();created=1618884473;keyid=\"test-key-rsa-pss\";nonce=\"b3k2pp5k7z-50gnwp.yemd\", "
      "sig1=(\"@method\" \"@authority\" \"@path\" \"@query\" \"content-digest\");created=1700000000;expires=1700000300;"
      "nonce=\"n-1\";keyid=\"k1\";custom=?1, sig2=(\"@query-param\";name=\"page\" \"example-dict\";key=\"a\")";
  const auto parsed = parse_signature_input(field);
  REQUIRE(parsed.ok());
  REQUIRE(parsed->size() == 3);
  CHECK(parsed->at(0).components.empty());
  CHECK(parsed->at(0).params.nonce == "b3k2pp5k7z-50gnwp.yemd");
  CHECK(parsed->at(1).params.expires == 1700000300);
  CHECK(parsed->at(1).extra_params.size() == 1);
  CHECK(parsed->at(2).components.at(0).name == "@query-param");
  std::string rebuilt;
  for (const auto& in : *parsed) rebuilt += (rebuilt.empty() ? "" : ", ") + serialize_signature_input(in).value();
  // The parameters are written back in the order received (sig-b21 puts keyid before nonce),
  // strictly serialized (custom=?1 is written as custom).
  CHECK(rebuilt == field.substr(0, field.find("custom=?1")) + "custom" + field.substr(field.find("custom=?1") + 9));
  CHECK(serialize_signature_input(parsed->at(1)).value() ==
        "sig1=(\"@method\" \"@authority\" \"@path\" \"@query\" \"content-digest\");created=1700000000;"
        "expires=1700000300;nonce=\"n-1\";keyid=\"k1\";custom");
}

TEST_CASE("malformed Signature-Input fields are errors with a position, not crashes") {
  for (const char* bad : {"", "sig1", "sig1=(\"a\"", "sig1=(\"a\" \"b\";created=1", "Sig1=(\"a\")", "sig1=(\"a\"),",
                          "sig1=(\"a\");created=x", "sig1=(\"a\");created=-5", "sig1=(\"a\");keyid=5",
                          "sig1=(\"\\q\")", "sig1=(\"Date\")", "sig1=(\"a\");created=1234567890123456",
                          "sig1=(date)", "sig1=\"x\"", "sig1=(\"a\")x"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_signature_input(bad).ok());
  }
  const auto e = parse_signature_input("sig1=(\"a\" \"b\"");
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().errors.at("signature_input").at(0).find("character") != std::string::npos);
}

TEST_CASE("structured-field serializers refuse what a field cannot carry") {
  CHECK_FALSE(sf::serialize_bare_item(std::string("a\nb")).ok());
  CHECK_FALSE(sf::serialize_bare_item(std::string("caf\xc3\xa9")).ok());
  CHECK(sf::serialize_bare_item(std::string("say \"hi\" \\o/")).value() == "\"say \\\"hi\\\" \\\\o/\"");
  CHECK(sf::serialize_bare_item(std::int64_t{999'999'999'999'999}).ok());
  CHECK_FALSE(sf::serialize_bare_item(std::int64_t{1'000'000'000'000'000}).ok());
  CHECK_FALSE(sf::serialize_bare_item(sf::Token{"1abc"}).ok());
  CHECK(sf::serialize_bare_item(sf::Decimal{"-1.5"}).value() == "-1.5");
  CHECK_FALSE(sf::serialize_bare_item(sf::Decimal{"1.2345"}).ok());
  CHECK(sf::parse_dictionary("a=?0, b, c;foo=bar").ok());
  CHECK(sf::serialize_dictionary(sf::parse_dictionary("a=?0,  b,\tc;foo=bar, d=:AQID:, e=1.25").value()).value() ==
        "a=?0, b, c;foo=bar, d=:AQID:, e=1.25");
  CHECK(parse_content_digest("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:").value().at(0).first == "sha-256");
  CHECK_FALSE(parse_content_digest("sha-256=X48E").ok());
  CHECK(parse_signature_field("sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:").value().at(0).second ==
        "pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=");
}

TEST_CASE("the JSON entry points answer errors as values") {
  CHECK(json::parse(signature_base_json("not json")).contains("error"));
  CHECK(json::parse(signature_base_json(R"J({"method":"GET"})J")).contains("error"));
  const auto many = json::parse(signature_base_json(
      R"J({"method":"GET","url":"https://e.com/","signature_input":"a=(\"@path\"), b=(\"@method\")"})J"));
  CHECK(many["errors"].contains("label"));
  const auto bad_param = json::parse(signature_base_json(R"J({"method":"GET","url":"https://e.com/","params":{"created":-1}})J"));
  CHECK(bad_param["errors"].contains("params.created"));
  const auto dup = json::parse(signature_base_json(R"J({"method":"GET","url":"https://e.com/","headers":{"Date":"x","date":"y"}})J"));
  CHECK(dup["errors"].contains("headers.date"));
  const auto defaults = json::parse(signature_base_json(
      R"J({"method":"PUT","url":"https://e.com/api/posts/1","headers":{"Content-Digest":"sha-256=:AA==:"},"params":{"created":1,"nonce":"n","keyid":"k","expires":2}})J"));
  CHECK(defaults["signature_input"] ==
        "sig1=(\"@method\" \"@authority\" \"@path\" \"@query\" \"content-digest\");created=1;expires=2;nonce=\"n\";keyid=\"k\"");
  CHECK(defaults["covers_content_digest"] == true);
  const auto parsed = json::parse(parse_signature_input_json(
      R"J({"signature_input":"sig-b25=(\"date\");created=1;keyid=\"k\"","signature":"sig-b25=:pxcQ:"})J"));
  CHECK(parsed["signatures"][0]["signature"] == "pxcQ");
  CHECK(parsed["signatures"][0]["components"][0] == "\"date\"");
}

TEST_CASE("every truncation of a Signature-Input field parses or fails cleanly, and prefixes that parse re-serialize") {
  const std::string field =
      "sig1=(\"@method\" \"@query-param\";name=\"a\" \"example-dict\";key=\"b\";bs);created=1700000000;"
      "nonce=\"x\\\\y\\\"z\";keyid=\"k\";flag;dec=1.25;tok=abc/def;bin=:AQID:, sig2=()";
  for (std::size_t n = 0; n <= field.size(); ++n) {
    const auto parsed = parse_signature_input(field.substr(0, n));
    if (!parsed) continue;
    std::string again;
    for (const auto& in : *parsed) again += (again.empty() ? "" : ", ") + serialize_signature_input(in).value();
    const auto reparsed = parse_signature_input(again);
    REQUIRE(reparsed.ok());
    CHECK(reparsed->size() == parsed->size());
  }
  const auto full = parse_signature_input(field);
  REQUIRE(full.ok());
  CHECK(full->at(0).params.nonce == "x\\y\"z");
  CHECK(full->at(0).extra_params.size() == 4);
}

TEST_CASE("a received signature's base keeps the signer's parameter order") {
  // keyid before nonce, as RFC 9421 B.2.1 writes them: the verifier must rebuild these bytes.
  const auto out = json::parse(signature_base_json(
      R"J({"method":"GET","url":"https://e.com/","signature_input":"sig1=(\"@method\");created=1618884473;keyid=\"k\";nonce=\"n\""})J"));
  CHECK(out["signature_base"] == "\"@method\": GET\n\"@signature-params\": (\"@method\");created=1618884473;keyid=\"k\";nonce=\"n\"");
  CHECK(out["param_order"] == json::array({"created", "keyid", "nonce"}));
}

TEST_CASE("the signer chooses the parameter order; unnamed parameters follow in the default order") {
  const auto out = json::parse(signature_base_json(
      R"J({"method":"GET","url":"https://e.com/","components":["@method"],"params":{"created":1,"nonce":"n","keyid":"k","tag":"t","alg":"hmac-sha256"},"param_order":["tag","keyid","nonce"]})J"));
  CHECK(out["signature_input"] == "sig1=(\"@method\");tag=\"t\";keyid=\"k\";nonce=\"n\";created=1;alg=\"hmac-sha256\"");
  const auto bad = json::parse(signature_base_json(R"J({"method":"GET","url":"https://e.com/","param_order":["colour"]})J"));
  CHECK(bad["errors"].contains("param_order"));
  const auto twice = json::parse(signature_base_json(R"J({"method":"GET","url":"https://e.com/","param_order":["nonce","nonce"]})J"));
  CHECK(twice["errors"].contains("param_order"));
}

TEST_CASE("a non-ASCII field value is refused unless covered with ;bs (RFC 9421 section 2.5)") {
  SignatureInput in;
  in.components = parse_component_list("\"x-name\"").value();
  const SignedMessage m{"GET", "https://e.com/", {{"X-Name", {"caf\xc3\xa9"}}}};
  const auto refused = signature_base(m, in);
  REQUIRE_FALSE(refused.ok());
  REQUIRE(refused.error().errors.count("headers.x-name") == 1);
  CHECK(refused.error().errors.at("headers.x-name").at(0).find(";bs") != std::string::npos);
  // With ;bs the value is the bytes HTTP carries: one byte per character up to U+00FF.
  in.components = parse_component_list("\"x-name\";bs").value();
  CHECK(signature_base(m, in).value().rfind("\"x-name\";bs: :Y2Fm6Q==:\n", 0) == 0);
  const SignedMessage beyond{"GET", "https://e.com/", {{"X-Name", {"\xe2\x82\xac"}}}};
  CHECK_FALSE(signature_base(beyond, in).ok());
}

TEST_CASE("responses: @status, ;req from the request, and the errors around them") {
  SignedMessage response;
  response.status = 503;
  response.headers = {{"Content-Type", {"application/json"}}};
  const auto request = rfc_test_request();
  SignatureInput in;
  in.components = parse_component_list("\"@status\" \"content-type\" \"@method\";req \"content-type\";req").value();
  in.params.created = 1;
  CHECK(signature_base(response, in, &request).value() ==
        "\"@status\": 503\n\"content-type\": application/json\n\"@method\";req: POST\n\"content-type\";req: application/json\n"
        "\"@signature-params\": (\"@status\" \"content-type\" \"@method\";req \"content-type\";req);created=1");
  CHECK_FALSE(signature_base(response, in).ok());  // ;req without the request
  in.components = parse_component_list("\"@method\"").value();
  CHECK_FALSE(signature_base(response, in, &request).ok());  // a request component without ;req
  in.components = parse_component_list("\"@status\"").value();
  CHECK_FALSE(signature_base(request, in).ok());  // @status on a request
  in.components = parse_component_list("\"date\";req").value();
  CHECK_FALSE(signature_base(request, in).ok());  // ;req on a request
  in.components = parse_component_list("\"date\";bs;sf").value();
  CHECK_FALSE(signature_base(request, in).ok());  // incompatible parameters
  in.components = parse_component_list("\"date\";colour").value();
  CHECK_FALSE(signature_base(request, in).ok());  // a parameter not understood
  in.components = parse_component_list("\"@method\" \"@method\";req").value();
  CHECK_FALSE(signature_base(request, in).ok());
  in.components = parse_component_list("\"example-dict\";key=\"a\";sf \"example-dict\";sf;key=\"a\"").value();
  const SignedMessage dict{"GET", "https://e.com/", {{"Example-Dict", {"a=1"}}}};
  const auto twice = signature_base(dict, in);
  REQUIRE_FALSE(twice.ok());  // the same identifier whatever the order of its parameters
  CHECK(twice.error().errors.at("components").at(0).find("twice") != std::string::npos);
}

}  // namespace signing_test
