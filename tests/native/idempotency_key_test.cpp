#include <doctest/doctest.h>

#include "trypost/idempotency_key.hpp"
#include "trypost/request.hpp"

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace idempotency_key_test {

using namespace trypost;
using nlohmann::json;

TEST_CASE("a key is sent as written inside quotes: a UUID, and every visible character but the quote and backslash") {
  CHECK(idempotency_key_header("9b2e6a3c-1d2f-4e5a-8b7c-0d1e2f3a4b5c") == "\"9b2e6a3c-1d2f-4e5a-8b7c-0d1e2f3a4b5c\"");
  CHECK_FALSE(idempotency_key_problem("!#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}~"));
  CHECK_FALSE(idempotency_key_problem(std::string(255, 'k')));
}

TEST_CASE("a key the header could not carry unchanged is refused, never escaped") {
  for (const std::string& key : std::vector<std::string>{"", "a b", "say \"hi\"", "back\\slash", "tab\there", "caf\xc3\xa9", std::string(256, 'k')}) {
    CAPTURE(key);
    CHECK(idempotency_key_problem(key));
  }
}

TEST_CASE("the request builder and buildIdempotencyHeader write the same header and refuse the same keys") {
  for (const std::string& key : std::vector<std::string>{"same-key", "k:1/2"}) {
    const auto built = build_request(json{{"endpoint", "posts.create"}, {"body", json::object()}, {"idempotency_key", key}});
    REQUIRE(built.ok());
    std::string sent;
    for (const auto& [name, value] : built.value().headers)
      if (name == "Idempotency-Key") sent = value;
    const auto asked = json::parse(idempotency_header_json(json{{"key", key}}.dump()));
    CHECK(asked["name"] == "Idempotency-Key");
    CHECK(asked["value"] == sent);
  }
  const auto refused = json::parse(idempotency_header_json(R"({"key":"a\"b"})"));
  CHECK(refused["status"] == 422);
  CHECK(refused["errors"]["idempotency_key"][0] == "The idempotency key must be visible ASCII without quotes or backslashes.");
  const auto built = build_request(json{{"endpoint", "posts.create"}, {"body", json::object()}, {"idempotency_key", "a\"b"}});
  REQUIRE_FALSE(built.ok());
  CHECK(built.error().errors.at("idempotency_key") == std::vector<std::string>{refused["errors"]["idempotency_key"][0].get<std::string>()});
  CHECK(json::parse(idempotency_header_json(R"({"key":7})"))["errors"].contains("idempotency_key"));
}

}  // namespace idempotency_key_test
