#include <doctest/doctest.h>

#include "trypost/endpoint_call.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace endpoint_call_test {

using namespace trypost;
using nlohmann::json;

namespace {

// A workspace known by its key, as the probe of GET /api/workspace leaves it.
std::string add(Store& st, const std::string& id, const std::string& key) {
  const auto probe = st.begin_request("", RequestKind::workspace_probe, {}, key);
  REQUIRE(probe.ok());
  const json ws{{"id", id}, {"name", id}, {"created_at", "2026-01-01 00:00:00"}, {"updated_at", "2026-01-01 00:00:00"}};
  const auto out = st.apply_response((*probe)["request_id"].get<std::uint64_t>(), 200, ws.dump());
  REQUIRE(out["outcome"] == "applied");
  return id;
}

}  // namespace

TEST_CASE("endpoint call: the key is the named workspace's, whatever is active") {
  Store st;
  add(st, "ws-a", "key-a");
  add(st, "ws-b", "key-b");
  REQUIRE(st.switch_to("ws-b").ok());
  const auto req = begin_endpoint_call(st, "ws-a", json{{"endpoint", "labels.update"}, {"params", {{"label", "l/1"}}},
                                                        {"body", {{"name", "N"}, {"color", "#000000"}}}});
  REQUIRE(req.ok());
  CHECK((*req)["headers"]["Authorization"] == "Bearer key-a");
  CHECK((*req)["workspace_id"] == "ws-a");
  CHECK((*req)["method"] == "PUT");
  CHECK((*req)["url"] == "/api/labels/l%2F1");
  CHECK((*req)["headers"]["Content-Type"] == "application/json");
}

TEST_CASE("endpoint call: refusals before anything leaves") {
  Store st;
  add(st, "ws-a", "key-a");
  CHECK(begin_endpoint_call(st, "nope", json{{"endpoint", "labels.list"}}).error().status == 404);
  CHECK(begin_endpoint_call(st, "ws-a", json{{"endpoint", "uploads.store"}}).error().errors.count("endpoint") == 1);
  CHECK(begin_endpoint_call(st, "ws-a", json{{"endpoint", "labels.list"}, {"base", "https://x"}}).error().errors.count("base") == 1);
  // The builder's own checks still apply: a missing path parameter names its field.
  const auto missing = begin_endpoint_call(st, "ws-a", json{{"endpoint", "labels.delete"}});
  REQUIRE(!missing.ok());
  CHECK(missing.error().errors.count("params.label") == 1);
  // No account token: the account API is unsupported, whatever the workspace.
  CHECK(begin_endpoint_call(st, "ws-a", json{{"endpoint", "account.members.list"}}).error().status == 501);
}

TEST_CASE("endpoint call: the role table decides before the server does") {
  CHECK(endpoint_action("labels.create") == Action::manage_labels);
  CHECK(endpoint_action("social_accounts.toggle") == Action::manage_accounts);
  CHECK(endpoint_action("account.usage") == std::nullopt);
  CHECK(can(Role::viewer, *endpoint_action("labels.list")));
  CHECK_FALSE(can(Role::viewer, *endpoint_action("labels.create")));
  CHECK_FALSE(can(Role::member, *endpoint_action("api_keys.create")));
}

TEST_CASE("endpoint call: 402 says credits or plan from the server's own words") {
  CHECK(payment_kind("Monthly AI credits exhausted", json()) == "credits");
  CHECK(payment_kind("An active subscription is required.", json()) == "plan");
  CHECK(payment_kind("Payment required", json{{"plan_status", "past_due"}}) == "plan");
  CHECK(payment_kind("Payment required", json::object()) == "unknown");
}

TEST_CASE("endpoint call: a finished 402 carries kind, until and payment; no key in any message") {
  Store st;
  add(st, "ws-a", "key-a");
  const json meta{{"endpoint", "labels.create"}, {"status", 402}, {"now", 1767225600}};
  const std::string body = R"({"message":"Monthly AI credits exhausted for key-a","credits_used":2500,"credits_limit":2500,"resets_at":"2026-02-01 00:00:00"})";
  const json out = json::parse(finish_endpoint_call_json(st, "ws-a", meta.dump(), body));
  REQUIRE(out["ok"] == false);
  const auto& f = out["failure"];
  CHECK(f["kind"] == "payment_required");
  CHECK(f["payment"] == "credits");
  CHECK(f["until_iso"] == "2026-02-01T00:00:00Z");
  CHECK(f["credits_limit"] == 2500);
  CHECK(f["stop_credit_actions"] == true);
  CHECK(f["message"].get<std::string>().find("key-a") == std::string::npos);

  const json plan = json::parse(finish_endpoint_call_json(
      st, "ws-a", meta.dump(), R"({"message":"An active subscription is required.","plan_status":"past_due"})"));
  CHECK(plan["failure"]["payment"] == "plan");
  CHECK(plan["failure"]["plan_status"] == "past_due");
  CHECK_FALSE(plan["failure"].contains("until"));
}

TEST_CASE("endpoint call: a 422 keeps its field paths") {
  Store st;
  add(st, "ws-a", "key-a");
  const json meta{{"endpoint", "labels.create"}, {"status", 422}};
  const json out = json::parse(finish_endpoint_call_json(
      st, "ws-a", meta.dump(), R"({"message":"The color field is required.","errors":{"color":["The color field is required."]}})"));
  CHECK(out["failure"]["kind"] == "validation");
  CHECK(out["failure"]["errors"]["color"][0] == "The color field is required.");
}

TEST_CASE("endpoint call: 401, 409 and 429 keep their meanings") {
  Store st;
  add(st, "ws-a", "key-a");
  const auto read = [&](const char* endpoint, int status, const json& headers, const std::string& body) {
    const json meta{{"endpoint", endpoint}, {"status", status}, {"headers", headers}, {"now", 0}};
    return json::parse(finish_endpoint_call_json(st, "ws-a", meta.dump(), body))["failure"];
  };
  const auto key = read("labels.list", 401, json::object(), R"({"message":"Unauthenticated."})");
  CHECK(key["kind"] == "key_invalid");
  CHECK(key["workspace_key_needs_attention"] == true);
  const auto pin = read("social_accounts.boards", 401, json::object(), R"({"message":"Token expired"})");
  CHECK(pin["kind"] == "pinterest_token_expired");
  CHECK(pin["reconnect_account"] == true);
  CHECK(read("posts.create", 409, json::object(), R"({"message":"busy"})")["kind"] == "conflict");
  const auto rate = read("labels.list", 429, json{{"Retry-After", "30"}}, R"({"message":"Too Many Attempts."})");
  CHECK(rate["kind"] == "rate_limited");
  CHECK(rate["retry_after_seconds"] == 30);
  CHECK(read("labels.list", 403, json::object(), "")["kind"] == "forbidden");
  CHECK(read("labels.list", 404, json::object(), "")["kind"] == "not_found");
}

TEST_CASE("endpoint call: a success is the parser's answer, data in the API's shape") {
  Store st;
  add(st, "ws-a", "key-a");
  const json meta{{"endpoint", "labels.list"}, {"status", 200}};
  const json out = json::parse(finish_endpoint_call_json(
      st, "ws-a", meta.dump(), R"([{"id":"l1","name":"A","color":"#000000","created_at":"2026-01-01 00:00:00","updated_at":"2026-01-01 00:00:00"}])"));
  CHECK(out["ok"] == true);
  CHECK(out["data"][0]["id"] == "l1");
  const json gone = json::parse(finish_endpoint_call_json(st, "ws-a", json{{"endpoint", "labels.delete"}, {"status", 204}}.dump(), ""));
  CHECK(gone["ok"] == true);
  CHECK(gone["data"].is_null());
  // A 200 that is an error in disguise is still a failure, read like one.
  const json odd = json::parse(finish_endpoint_call_json(st, "ws-a", meta.dump(), R"({"message":"nope key-a"})"));
  CHECK(odd["ok"] == false);
  CHECK(odd["failure"]["message"].get<std::string>().find("key-a") == std::string::npos);
}

}  // namespace endpoint_call_test
