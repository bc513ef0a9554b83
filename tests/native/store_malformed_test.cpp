#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "store_fake_server.hpp"
#include "trypost/store.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace store_malformed_test {

using namespace trypost;
using trypost::testing::FakeServer;
using nlohmann::json;

// A server that answers badly: wrong types, missing fields, an HTML error page, cut-off JSON, a
// 200 whose body is an error. Each answer becomes a typed error on the request it answers, and
// no view of any workspace changes by a single byte.
namespace {
const char* const kParts[] = {"posts", "accounts", "labels", "signatures", "members", "api_keys", "outbox"};

std::string views(const Store& st, const std::string& ws) {
  std::string all;
  for (const char* part : kParts) all += st.view(ws, part).value().dump() + "\n";
  return all + st.summary(ws).dump();
}

json answer(Store& st, FakeServer& srv, const Expected<json>& req) {
  REQUIRE(req.ok());
  const auto reply = srv.handle(*req);
  return st.apply_response((*req)["request_id"].get<std::uint64_t>(), reply.status, reply.body);
}

struct Loaded {
  FakeServer srv;
  Store st;
  std::string a, b;
  Loaded() {
    for (auto* id : {&a, &b}) {
      const auto key = srv.seed_workspace(id == &a ? "A" : "B", 20, 2, 2);
      *id = answer(st, srv, st.begin_request("", RequestKind::workspace_probe, {}, key))["workspace_id"].get<std::string>();
      json params = json::object();
      for (;;) {
        const auto out = answer(st, srv, st.begin_request(*id, RequestKind::posts_page, params));
        REQUIRE(out["outcome"] == "applied");
        if (out["next"].is_null()) break;
        params = out["next"];
      }
      REQUIRE(answer(st, srv, st.begin_request(*id, RequestKind::labels_list, {}))["outcome"] == "applied");
      REQUIRE(answer(st, srv, st.begin_request(*id, RequestKind::accounts_list, {}))["outcome"] == "applied");
    }
    REQUIRE(st.find(a)->posts.size() == 20);
  }
};

struct Bad {
  const char* what;
  int status;
  std::string body;
};

std::vector<Bad> bad_answers(const std::string& honest) {
  return {
      {"wrong types", 200, R"({"data":[{"id":5,"content":["x"],"status":7}],"meta":{"current_page":"one"}})"},
      {"wrong types in a list", 200, R"([{"id":{"a":1},"name":2,"color":false}])"},
      {"missing fields", 200, R"({"data":[{}],"links":{},"meta":{}})"},
      {"missing fields in a list", 200, R"([{"name":"no id"}])"},
      {"an HTML error page with 200", 200, "<!DOCTYPE html><html><head><title>Bad Gateway</title></head><body>502</body></html>"},
      {"an HTML error page with 502", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>"},
      {"truncated JSON", 200, honest.substr(0, honest.size() / 2)},
      {"an empty body", 200, ""},
      {"a 200 with an error body", 200, R"({"message":"Server Error","exception":"ErrorException"})"},
      {"a 200 with a bare string", 200, R"("ok")"},
      {"a 500 with a JSON error", 500, R"({"message":"Server Error"})"},
  };
}
}  // namespace

TEST_CASE("store: malformed server answers are typed errors and leave every workspace byte-identical") {
  Loaded w;
  for (const RequestKind kind : {RequestKind::posts_page, RequestKind::labels_list, RequestKind::accounts_list,
                                 RequestKind::workspace_get, RequestKind::post_get}) {
    const json params = kind == RequestKind::post_get ? json{{"post_id", w.a + "-post-3"}} : json::object();
    // The honest answer to the same request, to cut short.
    const auto probe = w.st.begin_request(w.a, kind, params);
    REQUIRE(probe.ok());
    const std::string honest = w.srv.handle(*probe).body;
    w.st.apply_response((*probe)["request_id"].get<std::uint64_t>(), 0, "");  // answered: no network

    for (const auto& bad : bad_answers(honest)) {
      const std::string kind_name(wire_name(kind)), what(bad.what);
      CAPTURE(kind_name);
      CAPTURE(what);
      const auto req = w.st.begin_request(w.a, kind, params);
      REQUIRE(req.ok());
      const std::string before_a = views(w.st, w.a), before_b = views(w.st, w.b);
      const json out = w.st.apply_response((*req)["request_id"].get<std::uint64_t>(), bad.status, bad.body);
      CHECK(out["outcome"] == "error");
      CHECK(out["workspace_id"] == w.a);
      CHECK(out["status"].get<int>() >= 400);
      REQUIRE(out["error"].is_object());
      CHECK_FALSE(out["error"]["message"].get<std::string>().empty());
      CHECK(views(w.st, w.a) == before_a);
      CHECK(views(w.st, w.b) == before_b);
    }
  }
  CHECK(w.st.in_flight() == 0);
  // The workspace still works: the next honest answer applies.
  CHECK(answer(w.st, w.srv, w.st.begin_request(w.a, RequestKind::labels_list, {}))["outcome"] == "applied");
}

TEST_CASE("store: a refresh interrupted by a malformed page keeps the previous posts whole") {
  Loaded w;
  const std::string before = views(w.st, w.a);
  const auto first = answer(w.st, w.srv, w.st.begin_request(w.a, RequestKind::posts_page, json::object()));
  REQUIRE(first["outcome"] == "applied");
  REQUIRE(first["next"].is_object());
  const auto second = w.st.begin_request(w.a, RequestKind::posts_page, first["next"]);
  REQUIRE(second.ok());
  const json out = w.st.apply_response((*second)["request_id"].get<std::uint64_t>(), 200, R"({"data":[{"id":1}]})");
  CHECK(out["outcome"] == "error");
  CHECK(views(w.st, w.a) == before);
  CHECK(w.st.find(w.a)->posts.size() == 20);
}

// ---- every kind the store ingests, each with its own wrong types and missing fields ----
namespace {
struct KindCase {
  RequestKind kind;
  json params;
  std::string honest;  // a well-formed answer, cut short for the truncation case
  std::vector<std::string> wrong_types, missing_fields;
};

// Everything a user could see of the store: each workspace's parts (revision counters aside, since
// a mutation's outbox entry comes and goes), the list, the active one and the account lifecycle.
std::string everything(const Store& st) {
  std::string all;
  for (const auto& id : st.workspace_ids()) {
    for (const char* part : kParts) all += st.view(id, part).value().dump() + "\n";
    json s = st.summary(id);
    s.erase("revisions");
    all += s.dump() + "\n";
  }
  json snap = st.snapshot();
  for (auto& w : snap["workspaces"]) w.erase("revisions");
  return all + snap.dump();
}

std::vector<KindCase> kind_cases(const std::string& a, const std::string& key) {
  const std::string ws = R"({"id":")" + a + R"(","name":"A","created_at":"2026-01-01 00:00:00","updated_at":"2026-01-01 00:00:00")";
  const std::string post = R"({"id":")" + a + R"(-post-1","content":"x","status":"draft"})";
  const std::string member = R"({"user_id":"u-2","name":"M","email":"m@x","role":"admin"})";
  const std::string key_meta = R"({"id":"k2","name":"CI","last_used_at":null,"expires_at":null,"created_at":"2026-01-01T00:00:00+00:00"})";
  const json post_body{{"content", "hello"}};
  return {
      {RequestKind::workspace_probe, {{"probe_key", key}}, ws + "}", {R"({"id":{"x":1},"name":false})", R"({"id":")" + a + R"(","name":"A","created_at":12})"}, {R"({"name":"A"})", "{}"}},
      {RequestKind::workspace_get, json::object(), ws + "}", {R"({"id":")" + a + R"(","name":["A"]})"}, {R"({"name":"A"})"}},
      {RequestKind::posts_page, json::object(),
       R"({"data":[)" + post + R"(],"links":{"first":null,"last":null,"prev":null,"next":null},"meta":{"current_page":1,"last_page":1,"per_page":15,"total":1}})",
       {R"({"data":[{"id":5,"content":["x"],"status":7}],"meta":{"current_page":1,"last_page":1}})", R"({"data":[],"meta":{"current_page":"one","last_page":"x"}})",
        R"({"data":[],"meta":[1]})", R"({"data":{"0":{}}})"},
       {R"({"data":[{}],"links":{},"meta":{}})", R"({"links":{},"meta":{"current_page":1,"last_page":1}})"}},
      {RequestKind::post_get, {{"post_id", a + "-post-1"}}, post, {R"({"id":1.5,"content":7,"status":"nope"})"}, {R"({"content":"x"})"}},
      {RequestKind::post_create, {{"body", post_body}}, post, {R"({"id":[],"content":"x","status":"draft"})"}, {R"({"status":"draft"})"}},
      {RequestKind::post_update, {{"post_id", a + "-post-1"}, {"body", post_body}}, post, {R"({"id":")" + a + R"(-post-1","content":{},"status":"draft"})"}, {"{}"}},
      {RequestKind::post_delete, {{"post_id", a + "-post-1"}}, "", {}, {}},
      {RequestKind::labels_list, json::object(), R"([{"id":"l","name":"n","color":"#112233"}])", {R"([{"id":{"a":1},"name":2,"color":false}])", R"({"0":{"id":"l"}})"}, {R"([{"name":"no id"}])"}},
      {RequestKind::signatures_list, json::object(), R"([{"id":"s","name":"Sig","content":"-- A"}])", {R"([{"id":"s","name":["Sig"],"content":1}])"}, {R"([{"content":"-- A"}])"}},
      {RequestKind::accounts_list, json::object(),
       R"([{"id":"acc","platform":"x","display_name":"A","username":"@a","is_active":true,"status":"connected"}])",
       {R"([{"id":"acc","platform":"myspace","display_name":3,"is_active":"yes"}])"}, {R"([{"platform":"x"}])"}},
      {RequestKind::api_keys_list, json::object(), "[" + key_meta + "]", {R"([{"id":["k"],"name":3}])", R"(["k1"])"}, {R"([{"name":"CI"}])"}},
      {RequestKind::account_workspaces_list, json::object(), "[" + ws + R"(,"role":"owner"}])", {"[" + ws + R"(,"role":5}])", R"([{"id":7,"name":"A","role":"owner"}])"}, {R"([{"name":"A","role":"owner"}])", "[" + ws + "}]"}},
      {RequestKind::account_workspace_create, {{"name", "New"}},
       R"({"workspace":{"id":"ws-new","name":"New","role":"owner"},"api_key":{"token":)" + key_meta + R"(,"plain_token":"k-new"}})",
       {R"({"workspace":{"id":1.5,"name":[]},"api_key":"x"})"}, {R"({"api_key":{"plain_token":"k-new"}})"}},
      {RequestKind::account_workspace_update, {{"name", "A2"}}, ws + R"(,"role":"owner"})", {R"({"id":")" + a + R"(","name":5})"}, {R"({"name":"A2"})"}},
      {RequestKind::account_workspace_brand, {{"image_style", "cinematic"}, {"font", "Inter"}, {"content_language", "en"}}, ws + R"(,"role":"owner"})", {R"({"id":")" + a + R"(","name":"A","brand":"calm"})"}, {R"({"brand":{}})"}},
      {RequestKind::account_members_list, json::object(), R"({"members":[)" + member + R"(],"invites":[]})",
       {R"({"members":[{"user_id":1.5,"role":"king"}]})", R"({"members":[{"user_id":"u-2","role":"member","name":5}]})", R"({"members":{"u":1}})"},
       {R"({"invites":[]})", R"({"members":[{"name":"M"}]})"}},
      {RequestKind::account_member_update, {{"user_id", "u-2"}, {"role", "admin"}}, member, {R"({"user_id":"u-2","role":7})", R"({"user_id":"u-2","role":"admin","email":[]})"}, {R"({"name":"M"})"}},
      {RequestKind::account_member_remove, {{"user_id", "u-2"}}, "", {}, {}},
      {RequestKind::account_api_key_create, {{"name", "CI"}}, R"({"token":)" + key_meta + R"(,"plain_token":"k-ci"})",
       {R"({"token":)" + key_meta + R"(,"plain_token":5})", R"({"token":"k2","plain_token":"k-ci"})"}, {R"({"token":)" + key_meta + "}"}},
      // Last but one: its honest answer replaces the key the cases above sign with.
      {RequestKind::account_session_open, {{"device_id", "device-123"}},
       R"({"device_id":"device-123","sessions":[{"workspace_id":")" + a + R"(","role":"owner","token":"tps_new"}]})",
       {R"({"sessions":5})", R"({"sessions":[{"workspace_id":7,"role":"owner","token":"t"}]})", R"({"sessions":[{"workspace_id":")" + a + R"(","role":"king","token":"t"}]})"},
       {R"({"device_id":"device-123"})"}},
      {RequestKind::account_workspace_delete, {{"confirm_name", "A"}}, "", {}, {}},
  };
}
}  // namespace

TEST_CASE("store: each kind it ingests turns wrong types, missing fields, HTML, cut JSON and error bodies into typed errors") {
  FakeServer srv;
  Store st;
  const std::string key = srv.seed_workspace("A", 3);
  const std::string a = answer(st, srv, st.begin_request("", RequestKind::workspace_probe, {}, key))["workspace_id"];
  srv.seed_workspace("B", 2);
  st.set_account_token(srv.account_token);
  REQUIRE(answer(st, srv, st.begin_request("", RequestKind::account_workspaces_list, {}))["outcome"] == "applied");
  REQUIRE(answer(st, srv, st.begin_request(a, RequestKind::posts_page, json::object()))["outcome"] == "applied");
  REQUIRE(answer(st, srv, st.begin_request(a, RequestKind::account_members_list, {}))["outcome"] == "applied");
  REQUIRE(st.workspace_ids().size() == 2);

  int checked = 0;
  for (const auto& c : kind_cases(a, key)) {
    const bool empty_kind = c.honest.empty();
    std::vector<Bad> bad;
    for (const auto& b : c.wrong_types) bad.push_back({"wrong types", 200, b});
    for (const auto& b : c.missing_fields) bad.push_back({"missing fields", 200, b});
    bad.push_back({"an HTML error page with 200", 200, "<!DOCTYPE html><html><body>Bad Gateway</body></html>"});
    bad.push_back({"an HTML error page with 502", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>"});
    bad.push_back({"a 200 with an error body", 200, R"({"message":"Server Error","exception":"ErrorException"})"});
    bad.push_back({"a 500 with a JSON error", 500, R"({"message":"Server Error"})"});
    bad.push_back({"JSON that is not JSON", 200, R"({"message": "Ser)"});
    if (!empty_kind) {
      bad.push_back({"truncated JSON", 200, c.honest.substr(0, c.honest.size() / 2)});
      bad.push_back({"an empty body", 200, ""});
      bad.push_back({"a 200 with a bare string", 200, R"("ok")"});
    }
    for (const auto& b : bad) {
      const std::string kind_name(wire_name(c.kind)), what(b.what), body(b.body);
      CAPTURE(kind_name);
      CAPTURE(what);
      CAPTURE(body);
      const std::string before = everything(st);
      const auto req = c.kind == RequestKind::workspace_probe ? st.begin_request("", c.kind, {}, key)
                       : c.kind == RequestKind::account_workspaces_list || c.kind == RequestKind::account_workspace_create
                           ? st.begin_request("", c.kind, c.params)
                           : st.begin_request(a, c.kind, c.params);
      REQUIRE(req.ok());
      const json out = st.apply_response((*req)["request_id"].get<std::uint64_t>(), b.status, b.body);
      CHECK(out["outcome"] == "error");
      CHECK(out["status"].get<int>() >= 400);
      REQUIRE(out["error"].is_object());
      CHECK_FALSE(out["error"]["message"].get<std::string>().empty());
      if (b.status < 300) {
        // Typed: a 2xx that cannot be used says why.
        const std::string reason = out.value("reason", "");
        CHECK((reason == "html" || reason == "not_json" || reason == "error_body" || reason == "shape"));
        if (what == "an HTML error page with 200") CHECK(reason == "html");
        if (what == "a 200 with an error body") CHECK(reason == "error_body");
        if (what == "wrong types" || what == "missing fields") CHECK(reason == "shape");
      }
      CHECK(everything(st) == before);
      ++checked;
    }
    // The honest answer still applies afterwards (except the ones that would end this test's world).
    if (c.kind != RequestKind::account_workspace_delete) {
      const auto req = c.kind == RequestKind::workspace_probe ? st.begin_request("", c.kind, {}, key)
                       : c.kind == RequestKind::account_workspaces_list || c.kind == RequestKind::account_workspace_create
                           ? st.begin_request("", c.kind, c.params)
                           : st.begin_request(a, c.kind, c.params);
      REQUIRE(req.ok());
      const std::string kind_name(wire_name(c.kind));
      CAPTURE(kind_name);
      CHECK(st.apply_response((*req)["request_id"].get<std::uint64_t>(), empty_kind ? 204 : 200, c.honest)["outcome"] == "applied");
    }
  }
  CHECK(checked > 150);
  CHECK(st.in_flight() == 0);
}

}  // namespace store_malformed_test
