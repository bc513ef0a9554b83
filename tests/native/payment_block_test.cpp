#include <doctest/doctest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "trypost/calendar_window.hpp"
#include "trypost/payment_block.hpp"

namespace payment_block_test {

using namespace trypost;
using nlohmann::json;

namespace {
const std::vector<KnownWorkspace> kKnown = {{"w1", true}, {"w2", true}, {"k1", false}};

PaymentAnswer answer(std::string ws, std::string kind = "posts.list", std::string payment = "plan") {
  PaymentAnswer a;
  a.workspace_id = std::move(ws);
  a.kind = std::move(kind);
  a.payment = std::move(payment);
  return a;
}
}  // namespace

TEST_CASE("a 402 in a workspace the account API lists blocks every listed workspace, not a key-only one") {
  const auto b = payment_block_for(answer("w2"), kKnown, true);
  CHECK(b.announce);
  CHECK(b.workspace_ids == std::vector<std::string>{"w1", "w2"});
}

TEST_CASE("a workspace known by its key alone is blocked alone, listed or not") {
  CHECK(payment_block_for(answer("k1"), kKnown, true).workspace_ids == std::vector<std::string>{"k1"});
  CHECK(payment_block_for(answer("gone"), kKnown, true).workspace_ids == std::vector<std::string>{"gone"});
}

TEST_CASE("a key's probe blocks and announces nothing; the account API's own 402 is announced only") {
  const auto probe = payment_block_for(answer("", "workspace.probe"), kKnown, true);
  CHECK_FALSE(probe.announce);
  CHECK(probe.workspace_ids.empty());
  const auto account = payment_block_for(answer("", "account.me"), kKnown, true);
  CHECK(account.announce);
  CHECK(account.workspace_ids.empty());
  CHECK_FALSE(account.ask_usage);
}

TEST_CASE("only a credits 402 without a date, on a client with the account API, asks for the reset") {
  CHECK(payment_block_for(answer("w1", "posts.list", "credits"), kKnown, true).ask_usage);
  CHECK_FALSE(payment_block_for(answer("w1", "posts.list", "credits"), kKnown, false).ask_usage);
  CHECK_FALSE(payment_block_for(answer("w1", "posts.list", "plan"), kKnown, true).ask_usage);
  auto dated = answer("w1", "posts.list", "credits");
  dated.until = 1'800'000'000;
  CHECK_FALSE(payment_block_for(dated, kKnown, true).ask_usage);
}

TEST_CASE("a block refuses every method but GET, in any case") {
  CHECK_FALSE(payment_block_refuses("GET"));
  CHECK_FALSE(payment_block_refuses("get"));
  for (const char* m : {"POST", "PUT", "DELETE", "PATCH", "HEAD", "put"}) {
    CAPTURE(m);
    CHECK(payment_block_refuses(m));
  }
}

TEST_CASE("a block lifts at its date or at a successful answer, not before, and never by itself without a date") {
  CHECK_FALSE(payment_block_lifted(1000, 999));
  CHECK(payment_block_lifted(1000, 1000));
  CHECK(payment_block_lifted(1000, 5000));
  CHECK_FALSE(payment_block_lifted(std::nullopt, 9'999'999'999));
  CHECK(payment_block_lifted(std::nullopt, 0, 200));
  CHECK(payment_block_lifted(std::nullopt, 0, 304));
  CHECK_FALSE(payment_block_lifted(std::nullopt, 0, 402));
  CHECK_FALSE(payment_block_lifted(std::nullopt, 0, 500));
}

// The usage answer's resets_at is read by the one API time reader the shell asks (parseApiTime).
TEST_CASE("resets_at is read in the API's form (UTC) and in ISO 8601 with an offset") {
  CHECK(api_time_ms("2026-06-01 00:00:00") == 1780272000000.0);
  CHECK(api_time_ms("2026-06-01T00:00:00Z") == 1780272000000.0);
  CHECK(api_time_ms("2026-06-01T02:00:00+02:00") == 1780272000000.0);
  CHECK(std::isnan(api_time_ms("")));
  CHECK(std::isnan(api_time_ms("next month")));
  CHECK(std::isnan(api_time_ms("2026-02-30 00:00:00")));
  CHECK(std::isnan(api_time_ms("soon")));
}

TEST_CASE("the text entry points answer the same decisions and refuse bad input with the field named") {
  const auto b = json::parse(payment_block_json(
      R"({"status":402,"workspace_id":"w1","kind":"labels.create","payment":"credits","workspaces":[{"id":"w1","in_account":true},{"id":"w2","in_account":true}],"account_api":true})"));
  CHECK(b["announce"] == true);
  CHECK(b["workspace_ids"] == json::array({"w1", "w2"}));
  CHECK(b["ask_usage"] == true);
  const auto other = json::parse(payment_block_json(R"({"status":401,"workspace_id":"w1","kind":"posts.list"})"));
  CHECK(other["announce"] == false);

  const auto refused = json::parse(payment_block_check_json(R"({"now":10,"until":20,"method":"post"})"));
  CHECK(refused["lifted"] == false);
  CHECK(refused["refuses"] == true);
  const auto over = json::parse(payment_block_check_json(R"({"now":20,"until":20,"method":"POST"})"));
  CHECK(over["lifted"] == true);
  CHECK(over["refuses"] == false);
  CHECK(json::parse(payment_block_check_json(R"({"now":1,"answered":204})"))["lifted"] == true);

  const auto bad = json::parse(payment_block_check_json(R"({"until":"tomorrow","now":1})"));
  CHECK(bad["status"] == 422);
  CHECK(bad["errors"].contains("until"));
  CHECK(json::parse(payment_block_json(R"({"status":402})"))["errors"].contains("kind"));
  CHECK(json::parse(payment_block_json("[]"))["status"] == 400);
}

}  // namespace payment_block_test
