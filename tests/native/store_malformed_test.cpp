#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "store_fake_server.hpp"
#include "trypost/store.hpp"

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
