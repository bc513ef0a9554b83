#include <doctest/doctest.h>

#include <set>

#include "trypost/request.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace request_test {

using namespace trypost;
using nlohmann::json;

namespace {

struct Expect {
  const char* endpoint;
  const char* method;
  const char* path;  // with the ids below filled in
  json params;
  bool body;
  bool idempotent;
};

// Written from the table in docs/api-contract.md#endpoints and docs/account-api.md, not from the core's own table.
const std::vector<Expect>& expected() {
  static const std::vector<Expect> e = {
      {"posts.list", "GET", "/api/posts", json::object(), false, true},
      {"posts.create", "POST", "/api/posts", json::object(), true, false},
      {"posts.get", "GET", "/api/posts/p%2F1", {{"post", "p/1"}}, false, true},
      {"posts.update", "PUT", "/api/posts/p1", {{"post", "p1"}}, true, true},
      {"posts.delete", "DELETE", "/api/posts/p1", {{"post", "p1"}}, false, true},
      {"posts.media.upload", "POST", "/api/posts/p1/media", {{"post", "p1"}}, false, false},
      {"posts.media.from_url", "POST", "/api/posts/p1/media/from-url", {{"post", "p1"}}, true, false},
      {"posts.media.from_asset", "POST", "/api/posts/p1/media/from-asset", {{"post", "p1"}}, true, true},
      {"posts.metrics", "GET", "/api/posts/p1/metrics", {{"post", "p1"}}, false, true},
      {"posts.preview", "GET", "/api/posts/p1/preview", {{"post", "p1"}}, false, true},
      {"uploads.store", "POST", "/api/uploads/0b8c3c1e-6a3e-4c1e-9d4e-1f2a3b4c5d6e",
       {{"token", "0b8c3c1e-6a3e-4c1e-9d4e-1f2a3b4c5d6e"}}, false, false},
      {"content_types.list", "GET", "/api/content-types", json::object(), false, true},
      {"workspace.get", "GET", "/api/workspace", json::object(), false, true},
      {"assets.list", "GET", "/api/assets", json::object(), false, true},
      {"assets.get", "GET", "/api/assets/m%20x", {{"media", "m x"}}, false, true},
      {"signatures.list", "GET", "/api/signatures", json::object(), false, true},
      {"signatures.create", "POST", "/api/signatures", json::object(), true, false},
      {"signatures.update", "PUT", "/api/signatures/s1", {{"signature", "s1"}}, true, true},
      {"signatures.delete", "DELETE", "/api/signatures/s1", {{"signature", "s1"}}, false, true},
      {"labels.list", "GET", "/api/labels", json::object(), false, true},
      {"labels.create", "POST", "/api/labels", json::object(), true, false},
      {"labels.update", "PUT", "/api/labels/l1", {{"label", "l1"}}, true, true},
      {"labels.delete", "DELETE", "/api/labels/l1", {{"label", "l1"}}, false, true},
      {"social_accounts.list", "GET", "/api/social-accounts", json::object(), false, true},
      {"social_accounts.toggle", "PUT", "/api/social-accounts/a1/toggle", {{"account", "a1"}}, false, false},
      {"social_accounts.boards", "GET", "/api/social-accounts/a1/boards", {{"account", "a1"}}, false, true},
      {"social_accounts.channels", "GET", "/api/social-accounts/a1/channels", {{"account", "a1"}}, false, true},
      {"api_keys.list", "GET", "/api/api-keys", json::object(), false, true},
      {"api_keys.create", "POST", "/api/api-keys", json::object(), true, false},
      {"api_keys.delete", "DELETE", "/api/api-keys/k1", {{"apiToken", "k1"}}, false, true},
      {"account.me", "GET", "/api/account/me", json::object(), false, true},
      {"account.workspaces.list", "GET", "/api/account/workspaces", json::object(), false, true},
      {"account.workspaces.create", "POST", "/api/account/workspaces", json::object(), true, false},
      {"account.workspaces.get", "GET", "/api/account/workspaces/w1", {{"id", "w1"}}, false, true},
      {"account.workspaces.update", "PATCH", "/api/account/workspaces/w1", {{"id", "w1"}}, true, true},
      {"account.workspaces.brand", "PUT", "/api/account/workspaces/w1/brand", {{"id", "w1"}}, true, true},
      {"account.workspaces.delete", "DELETE", "/api/account/workspaces/w1", {{"id", "w1"}}, true, true},
      {"account.members.list", "GET", "/api/account/workspaces/w1/members", {{"id", "w1"}}, false, true},
      {"account.invites.create", "POST", "/api/account/workspaces/w1/invites", {{"id", "w1"}}, true, false},
      {"account.invites.cancel", "DELETE", "/api/account/workspaces/w1/invites/i1", {{"id", "w1"}, {"invite", "i1"}}, false, true},
      {"account.invites.accept", "POST", "/api/account/invites/i1/accept", {{"invite", "i1"}}, false, false},
      {"account.invites.decline", "POST", "/api/account/invites/i1/decline", {{"invite", "i1"}}, false, false},
      {"account.members.update", "PUT", "/api/account/workspaces/w1/members/u1", {{"id", "w1"}, {"user_id", "u1"}}, true, true},
      {"account.members.remove", "DELETE", "/api/account/workspaces/w1/members/u1", {{"id", "w1"}, {"user_id", "u1"}}, false, true},
      {"account.api_keys.list", "GET", "/api/account/workspaces/w1/api-keys", {{"id", "w1"}}, false, true},
      {"account.api_keys.create", "POST", "/api/account/workspaces/w1/api-keys", {{"id", "w1"}}, true, false},
      {"account.api_keys.delete", "DELETE", "/api/account/workspaces/w1/api-keys/k1", {{"id", "w1"}, {"key", "k1"}}, false, true},
      {"account.usage", "GET", "/api/account/usage", json::object(), false, true},
      {"account.sessions.open", "POST", "/api/account/sessions", json::object(), true, false},
      {"account.sessions.list", "GET", "/api/account/sessions", json::object(), false, true},
      {"account.sessions.revoke", "DELETE", "/api/account/sessions/d%2F1", {{"device", "d/1"}}, false, true},
      {"account.social_accounts.connect", "POST", "/api/account/workspaces/w1/social-accounts", {{"id", "w1"}}, true, false},
  };
  return e;
}

json describe(const Expect& e) {
  json d{{"endpoint", e.endpoint}, {"params", e.params}, {"base", "https://app.trypost.it"}};
  if (e.body) d["body"] = json{{"name", "x"}};
  if (std::string(e.endpoint) == "uploads.store") d["query"] = {{"workspace_id", "w1"}, {"expires", 1700000000}, {"signature", "abc"}};
  return d;
}

}  // namespace

TEST_CASE("every documented endpoint builds: 30 REST + 22 account, method, encoded path, headers, body") {
  CHECK(endpoints().size() == expected().size());
  std::set<std::string> names;
  int rest = 0;
  for (const auto& e : expected()) {
    CAPTURE(e.endpoint);
    names.insert(e.endpoint);
    if (std::string(e.endpoint).rfind("account.", 0) != 0) ++rest;
    const auto r = build_request(describe(e));
    REQUIRE(r.ok());
    CHECK(r->method == e.method);
    CHECK(r->path == e.path);
    CHECK(r->url.rfind(std::string("https://app.trypost.it") + e.path, 0) == 0);
    CHECK(r->idempotent == e.idempotent);
    CHECK(r->headers.at(0) == std::pair<std::string, std::string>{"Accept", "application/json"});
    CHECK(r->body.has_value() == e.body);
    if (e.body) {
      CHECK(*r->body == R"({"name":"x"})");
      CHECK(r->headers.at(1) == std::pair<std::string, std::string>{"Content-Type", "application/json"});
    } else {
      CHECK(r->headers.size() == 1);
      // A body where none belongs is refused rather than dropped.
      auto with_body = describe(e);
      with_body["body"] = json::object();
      CHECK_FALSE(build_request(with_body).ok());
    }
  }
  CHECK(rest == 30);
  CHECK(names.size() == expected().size());
  for (const auto& ep : endpoints()) CHECK(names.count(std::string(ep.name)) == 1);
}

TEST_CASE("auth kinds: workspace key, account token, or the signed upload URL alone") {
  CHECK(build_request(json{{"endpoint", "posts.list"}})->auth == AuthKind::workspace_key);
  CHECK(build_request(json{{"endpoint", "account.me"}})->auth == AuthKind::account_token);
  const auto up = build_request(describe(expected().at(10)));
  REQUIRE(up.ok());
  CHECK(up->auth == AuthKind::signed_url);
  CHECK(up->multipart);
  CHECK(up->query == "expires=1700000000&workspace_id=w1&signature=abc");
  auto unsigned_upload = describe(expected().at(10));
  unsigned_upload["query"].erase("signature");
  CHECK(build_request(unsigned_upload).error().errors.count("query.signature") == 1);
}

TEST_CASE("base URL handling: {base}/api, with or without /api, sub-paths, trailing slashes") {
  CHECK(api_root("https://app.trypost.it").value() == "https://app.trypost.it/api");
  CHECK(api_root("https://app.trypost.it/api").value() == "https://app.trypost.it/api");
  CHECK(api_root("https://app.trypost.it/api/").value() == "https://app.trypost.it/api");
  CHECK(api_root("http://localhost:8080/trypost/").value() == "http://localhost:8080/trypost/api");
  CHECK_FALSE(api_root("ftp://x").ok());
  CHECK_FALSE(api_root("https://").ok());
  CHECK_FALSE(api_root("https://u:p@x.com").ok());
  CHECK_FALSE(api_root("https://x.com/?a=1").ok());
  CHECK_FALSE(api_root("https://x.com/ a").ok());
  const auto sub = build_request(json{{"endpoint", "posts.get"}, {"base", "http://localhost:8080/tp"}, {"params", {{"post", "p1"}}}});
  CHECK(sub->path == "/tp/api/posts/p1");
  CHECK(sub->url == "http://localhost:8080/tp/api/posts/p1");
  const auto rel = build_request(json{{"endpoint", "posts.get"}, {"params", {{"post", "p1"}}}});
  CHECK(rel->url == "/api/posts/p1");
}

TEST_CASE("ids cannot escape their path segment") {
  const auto r = build_request(json{{"endpoint", "posts.get"}, {"params", {{"post", "../api-keys?x=1#f"}}}});
  REQUIRE(r.ok());
  CHECK(r->path == "/api/posts/..%2Fapi-keys%3Fx%3D1%23f");
  CHECK(build_request(json{{"endpoint", "posts.get"}, {"params", {{"post", "caf\xc3\xa9"}}}})->path == "/api/posts/caf%C3%A9");
  for (const char* bad : {"", ".", ".."}) {
    CAPTURE(bad);
    CHECK(build_request(json{{"endpoint", "posts.get"}, {"params", {{"post", bad}}}}).error().errors.count("params.post") == 1);
  }
  CHECK_FALSE(build_request(json{{"endpoint", "posts.get"}, {"params", {{"post", std::string(256, 'a')}}}}).ok());
  CHECK(build_request(json{{"endpoint", "posts.get"}, {"params", {{"post", std::string(255, 'a')}}}}).ok());
  CHECK(build_request(json{{"endpoint", "posts.get"}}).error().errors.count("params.post") == 1);
  CHECK(build_request(json{{"endpoint", "posts.get"}, {"params", {{"post", "p"}, {"extra", "x"}}}}).error().errors.count("params.extra") == 1);
}

TEST_CASE("query parameters: documented names only, in a fixed order, validated like the server") {
  const auto a = build_request(json{{"endpoint", "assets.list"}, {"query", {{"type", "image"}, {"search", "a&b c"}, {"page", "2"}}}});
  REQUIRE(a.ok());
  CHECK(a->query == "page=2&search=a%26b%20c&type=image");
  CHECK(a->url == "/api/assets?page=2&search=a%26b%20c&type=image");
  CHECK(build_request(json{{"endpoint", "posts.list"}, {"query", {{"page", 0}}}}).error().errors.count("query.page") == 1);
  CHECK(build_request(json{{"endpoint", "posts.list"}, {"query", {{"page", "2x"}}}}).error().errors.count("query.page") == 1);
  CHECK(build_request(json{{"endpoint", "posts.list"}, {"query", {{"status", "draft"}}}}).error().errors.count("query.status") == 1);
  CHECK(build_request(json{{"endpoint", "assets.list"}, {"query", {{"type", "gif"}}}}).error().errors.count("query.type") == 1);
  // search: 255 characters pass, 256 fail (counted in characters, not bytes).
  std::string s255;
  for (int i = 0; i < 255; ++i) s255 += "\xc3\xa9";
  CHECK(build_request(json{{"endpoint", "assets.list"}, {"query", {{"search", s255}}}}).ok());
  CHECK_FALSE(build_request(json{{"endpoint", "assets.list"}, {"query", {{"search", s255 + "e"}}}}).ok());
  CHECK(build_request(json{{"endpoint", "posts.list"}})->query.empty());
}

TEST_CASE("idempotency keys: only on creates, sent as a structured string, make the create retryable") {
  const auto c = build_request(json{{"endpoint", "posts.create"}, {"body", {{"platforms", json::array()}}}, {"idempotency_key", "k-123"}});
  REQUIRE(c.ok());
  CHECK(c->idempotent);
  CHECK(c->headers.back() == std::pair<std::string, std::string>{"Idempotency-Key", "\"k-123\""});
  CHECK_FALSE(build_request(json{{"endpoint", "posts.create"}, {"body", json::object()}})->idempotent);
  CHECK(build_request(json{{"endpoint", "posts.list"}, {"idempotency_key", "k"}}).error().errors.count("idempotency_key") == 1);
  CHECK_FALSE(build_request(json{{"endpoint", "posts.create"}, {"body", json::object()}, {"idempotency_key", "a b"}}).ok());
  CHECK_FALSE(build_request(json{{"endpoint", "posts.create"}, {"body", json::object()}, {"idempotency_key", std::string(256, 'k')}}).ok());
  CHECK(build_request(json{{"endpoint", "posts.create"}, {"body", json::object()}, {"idempotency_key", std::string(255, 'k')}}).ok());
}

TEST_CASE("descriptions that do not fit are errors that never quote a value") {
  const std::string secret = "tp_SECRETSECRETSECRET";
  for (const json& d : {json{{"endpoint", secret}}, json{{"endpoint", "posts.get"}, {"params", {{"post", json{{"k", secret}}}}}},
                        json{{"endpoint", "posts.create"}, {"body", secret}}, json{{"endpoint", "posts.list"}, {"Authorization", secret}},
                        json{{"endpoint", "posts.list"}, {"base", "https://" + secret + "@x.com"}},
                        json{{"endpoint", "posts.list"}, {secret + "!", 1}}}) {
    const auto r = build_request(d);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().to_json().dump().find(secret) == std::string::npos);
  }
  CHECK(json::parse(build_request_json("{")).contains("error"));
  CHECK(json::parse(build_request_json("[]")).contains("error"));
  const auto ok = json::parse(build_request_json(R"({"endpoint":"labels.update","params":{"label":"l1"},"body":{"name":"n","color":"#000000"}})"));
  CHECK(ok["method"] == "PUT");
  CHECK(ok["response"] == "label");
  CHECK(ok["headers"]["Content-Type"] == "application/json");
  CHECK(json::parse(endpoints_json())["endpoints"].size() == endpoints().size());
}

TEST_CASE("arguments nested past 128 levels are refused before any DOM is built") {
  const auto nested = [](int n) { return std::string(n, '[') + std::string(n, ']'); };
  const auto ok = json::parse(build_request_json(R"({"endpoint":"labels.create","body":{"name":)" + nested(120) + "}}"));
  CHECK_FALSE(ok.contains("error"));
  const auto deep = json::parse(build_request_json(R"({"endpoint":"labels.create","body":{"name":)" + nested(200000) + "}}"));
  CHECK(deep.contains("error"));
  CHECK(json::parse(build_request_json(R"({"endpoint":"labels.create","body":{"name":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\\"}})")).contains("method"));
}

}  // namespace request_test
