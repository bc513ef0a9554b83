#include <doctest/doctest.h>

#include "store_round_trip.hpp"

// The Store's workspaces: added by key, switched, refreshed page by page, kept apart (keys,
// posts, outbox), gated by role, and safe from malformed answers.
// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace store_test {

using namespace trypost;
using namespace trypost::testing;
using nlohmann::json;

TEST_CASE("store: adding a workspace by key resolves it with GET /api/workspace and holds the key") {
  FakeServer srv;
  Store st;
  const auto key = srv.seed_workspace("Client A", 3);
  const auto probe = st.begin_request("", RequestKind::workspace_probe, {}, key);
  REQUIRE(probe.ok());
  CHECK((*probe)["path"] == "/api/workspace");
  CHECK(auth_of(probe) == "Bearer " + key);
  const auto reply = srv.handle(*probe);
  const auto out = st.apply_response((*probe)["request_id"], reply.status, reply.body);
  CHECK(out["workspace"]["name"] == "Client A");
  CHECK(out["workspace"]["role"] == "admin");  // only an owner or admin can mint a key
  CHECK(st.active_id() == out["workspace_id"]);
  CHECK(out.dump().find(key) == std::string::npos);
  // A key the server refuses adds nothing.
  const auto bad = round_trip(st, srv, st.begin_request("", RequestKind::workspace_probe, {}, "nope"));
  CHECK(bad["outcome"] == "error");
  CHECK(bad["error"]["message"] == "The API key was not accepted.");
  CHECK(st.workspace_ids().size() == 1);
}

TEST_CASE("store: create puts the creator in the new workspace at once, with its key") {
  AccountFixture f;
  const auto a = f.create("First");
  const auto b = f.create("  Second  ");
  CHECK(f.st.active_id() == b);
  CHECK(f.st.find(b)->info.name == "Second");  // trimmed before it left
  CHECK(f.st.find(b)->role == Role::owner);
  const auto req = f.st.begin_request(b, RequestKind::posts_page, {});
  CHECK(auth_of(req) == "Bearer " + f.srv.workspaces.at(b).keys.front());
  CHECK(auth_of(f.st.begin_request(a, RequestKind::posts_page, {})) == "Bearer " + f.srv.workspaces.at(a).keys.front());
}

TEST_CASE("store: create refuses an invalid name before any request leaves") {
  AccountFixture f;
  for (const json bad : {json(""), json("   "), json(std::string(256, 'n')), json(nullptr)}) {
    const auto req = f.st.begin_request("", RequestKind::account_workspace_create, {{"name", bad}});
    REQUIRE_FALSE(req.ok());
    CHECK(req.error().status == 422);
    CHECK(req.error().errors.count("name") == 1);
  }
  CHECK(f.st.in_flight() == 0);
  CHECK(f.st.begin_request("", RequestKind::account_workspace_create, {{"name", std::string(255, 'n')}}).ok());
}

TEST_CASE("store: workspaces are unlimited") {
  AccountFixture f;
  for (int i = 0; i < 300; ++i) f.create("W" + std::to_string(i));
  CHECK(f.st.workspace_ids().size() == 300);
  CHECK(f.st.snapshot()["workspaces"].size() == 300);
}

TEST_CASE("store: switching swaps the whole view in one call and needs a known workspace") {
  FakeServer srv;
  Store st;
  const auto a = add_by_key(st, srv, srv.seed_workspace("A", 20));
  const auto b = add_by_key(st, srv, srv.seed_workspace("B", 4));
  refresh_posts(st, srv, a);
  refresh_posts(st, srv, b);
  auto s = st.switch_to(b);
  REQUIRE(s.ok());
  CHECK((*s)["counts"]["posts"] == 4);
  CHECK((*s)["active"] == true);
  CHECK((*st.switch_to(a))["counts"]["posts"] == 20);
  const auto missing = st.switch_to("ws-999");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().status == 404);
  CHECK(st.active_id() == a);
}

TEST_CASE("store: a response that arrives after a switch lands in the workspace that asked") {
  FakeServer srv;
  Store st;
  const auto a = add_by_key(st, srv, srv.seed_workspace("A", 7, 3, 1));
  const auto b = add_by_key(st, srv, srv.seed_workspace("B", 2, 1, 2));
  st.switch_to(a);
  const auto posts = st.begin_request(a, RequestKind::posts_page, {});
  const auto labels = st.begin_request(a, RequestKind::labels_list, {});
  st.switch_to(b);  // the user moved on before the answers came back
  const auto rp = srv.handle(*posts), rl = srv.handle(*labels);
  CHECK(st.apply_response((*labels)["request_id"], rl.status, rl.body)["workspace_id"] == a);
  CHECK(st.apply_response((*posts)["request_id"], rp.status, rp.body)["outcome"] == "applied");
  CHECK(st.find(a)->posts.size() == 7);
  CHECK(st.find(a)->labels.size() == 3);
  CHECK(st.find(b)->posts.empty());
  CHECK(st.find(b)->labels.empty());
  CHECK(st.active_id() == b);
}

TEST_CASE("store: a refresh walks every page, 15 per page, and a newer refresh supersedes an older one") {
  FakeServer srv;
  Store st;
  const auto a = add_by_key(st, srv, srv.seed_workspace("A", 31));
  const auto first = st.begin_request(a, RequestKind::posts_page, {});
  const auto second = st.begin_request(a, RequestKind::posts_page, {});
  const auto r1 = srv.handle(*first);
  CHECK(st.apply_response((*first)["request_id"], r1.status, r1.body)["outcome"] == "dropped");
  // The old walk cannot continue either.
  CHECK(st.begin_request(a, RequestKind::posts_page, {{"page", 2}, {"refresh", (*first)["refresh"]}}).error().status == 409);
  const auto r2 = srv.handle(*second);
  auto out = st.apply_response((*second)["request_id"], r2.status, r2.body);
  CHECK(out["next"]["page"] == 2);
  CHECK(st.find(a)->posts.empty());  // nothing is shown half-walked
  out = round_trip(st, srv, st.begin_request(a, RequestKind::posts_page, out["next"]));
  out = round_trip(st, srv, st.begin_request(a, RequestKind::posts_page, out["next"]));
  CHECK(out["next"].is_null());
  CHECK(out["count"] == 31);
  CHECK(st.find(a)->posts.size() == 31);
}

TEST_CASE("store: a parallel walk may answer pages in any order; the swap waits for every page") {
  FakeServer srv;
  Store st;
  const auto a = add_by_key(st, srv, srv.seed_workspace("A", 61));  // 5 pages: 15,15,15,15,1
  const auto b = add_by_key(st, srv, srv.seed_workspace("B", 3));
  auto out = round_trip(st, srv, st.begin_request(a, RequestKind::posts_page, {}));
  REQUIRE(out["last_page"] == 5);
  CHECK(out["missing"] == 4);
  const auto refresh = out["next"]["refresh"];
  std::vector<Expected<json>> reqs;
  for (int page : {5, 3, 2, 4}) reqs.push_back(st.begin_request(a, RequestKind::posts_page, {{"page", page}, {"refresh", refresh}}));
  st.switch_to(b);  // the walk still belongs to A
  // The last page arrives before the middle ones: nothing is swapped in yet.
  for (std::size_t i = 0; i < 3; ++i) {
    const auto reply = srv.handle(*reqs[i]);
    out = st.apply_response((*reqs[i])["request_id"], reply.status, reply.body);
    CHECK(out["outcome"] == "applied");
    CHECK(out["workspace_id"] == a);
    CHECK(st.find(a)->posts.empty());
  }
  CHECK(out["missing"] == 1);
  const auto reply = srv.handle(*reqs[3]);
  out = st.apply_response((*reqs[3])["request_id"], reply.status, reply.body);
  CHECK(out["missing"] == 0);
  CHECK(out["count"] == 61);
  REQUIRE(st.find(a)->posts.size() == 61);
  // Merged in page order, as a sequential walk would have them.
  FakeServer same;
  Store seq;
  const auto c = add_by_key(seq, same, same.seed_workspace("A", 61));
  refresh_posts(seq, same, c);
  REQUIRE(seq.find(c)->posts.size() == 61);
  for (std::size_t i = 0; i < 61; ++i) CHECK(st.find(a)->posts[i].content == seq.find(c)->posts[i].content);
  CHECK(st.find(b)->posts.empty());
}

TEST_CASE("store: a post cannot be moved or copied into another workspace") {
  FakeServer srv;
  Store st;
  const auto a = add_by_key(st, srv, srv.seed_workspace("A", 3));
  const auto b = add_by_key(st, srv, srv.seed_workspace("B", 3));
  refresh_posts(st, srv, a);
  const auto post = a + "-post-1";
  const auto moved = st.move_post(post, b);
  CHECK(moved.status == 422);
  CHECK(moved.message.find("cannot be moved or copied") != std::string::npos);
  const auto upd = st.begin_request(b, RequestKind::post_update, {{"post_id", post}, {"body", {{"status", "draft"}}}});
  REQUIRE_FALSE(upd.ok());
  CHECK(upd.error().message == moved.message);
  CHECK_FALSE(st.begin_request(b, RequestKind::post_delete, {{"post_id", post}}).ok());
  CHECK_FALSE(st.begin_request(b, RequestKind::post_create, {{"body", {{"id", post}, {"content", "x"}}}}).ok());
  CHECK(st.begin_request(a, RequestKind::post_update, {{"post_id", post}, {"body", {{"status", "draft"}}}}).ok());
  CHECK(st.find(b)->posts.empty());
}

TEST_CASE("store: one key per workspace in this client; a new key replaces the old") {
  FakeServer srv;
  Store st;
  const auto key1 = srv.seed_workspace("A", 1);
  const auto a = add_by_key(st, srv, key1);
  const auto key2 = "key-second-" + a;
  srv.workspaces.at(a).keys.push_back(key2);
  srv.key_owner[key2] = a;
  CHECK(add_by_key(st, srv, key2) == a);
  CHECK(st.workspace_ids().size() == 1);
  CHECK(auth_of(st.begin_request(a, RequestKind::labels_list, {})) == "Bearer " + key2);
}

TEST_CASE("store: roles gate workspace-scoped requests before they leave") {
  FakeServer srv;
  Store st;
  const auto a = add_by_key(st, srv, srv.seed_workspace("A", 1));
  auto* s = const_cast<WorkspaceState*>(st.find(a));
  s->role = Role::viewer;
  CHECK(st.begin_request(a, RequestKind::posts_page, {}).ok());
  CHECK(st.begin_request(a, RequestKind::post_create, {{"body", {{"content", "x"}}}}).error().status == 403);
  CHECK(st.begin_request(a, RequestKind::api_keys_list, {}).error().status == 403);
  s->role = Role::member;
  CHECK(st.begin_request(a, RequestKind::post_create, {{"body", {{"content", "x"}}}}).ok());
  CHECK(st.begin_request(a, RequestKind::api_keys_list, {}).error().status == 403);
  CHECK(st.can(a, Action::manage_posts));
  CHECK_FALSE(st.can(a, Action::manage_team));
  CHECK_FALSE(st.can("nope", Action::view_posts));
}

TEST_CASE("store: keys appear only in the Authorization header of their own requests") {
  AccountFixture f;
  const auto a = f.create("A");
  f.srv.workspaces.at(a).posts = 3;
  const auto key = f.srv.workspaces.at(a).keys.front();
  refresh_posts(f.st, f.srv, a);
  std::string all = f.st.snapshot().dump();
  for (const char* part : {"posts", "accounts", "labels", "signatures", "members", "api_keys", "outbox", "workspace"})
    all += f.st.view(a, part)->dump();
  // A server error that echoes the key is redacted before it reaches the caller.
  const auto req = f.st.begin_request(a, RequestKind::labels_list, {});
  const auto out = f.st.apply_response((*req)["request_id"], 500, json{{"message", "bad key " + key}}.dump());
  all += out.dump();
  all += f.st.begin_request(a, RequestKind::post_update, {{"post_id", ""}}).error().to_json().dump();
  CHECK(all.find(key) == std::string::npos);
  CHECK(all.find(f.srv.account_token) == std::string::npos);
  CHECK(out["error"]["message"] == "bad key [redacted]");
  CHECK(auth_of(f.st.begin_request(a, RequestKind::labels_list, {})) == "Bearer " + key);
  CHECK(auth_of(f.st.begin_request("", RequestKind::account_workspaces_list, {})) == "Bearer " + f.srv.account_token);
}

TEST_CASE("store: malformed answers are errors, not crashes, and change nothing") {
  FakeServer srv;
  Store st;
  const auto a = add_by_key(st, srv, srv.seed_workspace("A", 2, 2));
  round_trip(st, srv, st.begin_request(a, RequestKind::labels_list, {}));
  for (const char* body : {"{", "[1,2", "{\"data\":5}", "[{\"id\":5}]", "null", ""}) {
    const auto req = st.begin_request(a, RequestKind::labels_list, {});
    const auto out = st.apply_response((*req)["request_id"], 200, body);
    CHECK(out["outcome"] == "error");
    CHECK(st.find(a)->labels.size() == 2);
  }
  CHECK(st.apply_response(987654, 200, "{}")["outcome"] == "dropped");
  const auto net = st.begin_request(a, RequestKind::labels_list, {});
  CHECK(st.apply_response((*net)["request_id"], 0, "")["status"] == 0);
  StoreApi api;
  CHECK(json::parse(api.begin_request("", "no.such.kind", "{}")).contains("error"));
  CHECK(json::parse(api.begin_request("", "posts.list", "{not json")).contains("error"));
  CHECK(json::parse(api.apply_response(-1, 200, "{}"))["outcome"] == "dropped");
  CHECK(json::parse(api.permissions())["matrix"]["viewer"]["comment"] == true);
}

TEST_CASE("store: the outbox holds a workspace's unanswered edits and empties on the answer") {
  FakeServer srv;
  Store st;
  const auto a = add_by_key(st, srv, srv.seed_workspace("A", 2));
  const auto b = add_by_key(st, srv, srv.seed_workspace("B", 2));
  const auto req = st.begin_request(a, RequestKind::post_update, {{"post_id", a + "-post-0"}, {"body", {{"status", "draft"}}}});
  CHECK(st.find(a)->outbox.size() == 1);
  CHECK(st.find(b)->outbox.empty());
  const auto reply = srv.handle(*req);
  CHECK(st.apply_response((*req)["request_id"], reply.status, reply.body)["post_id"] == a + "-post-0");
  CHECK(st.find(a)->outbox.empty());
  CHECK(st.find(a)->posts.size() == 1);
}

}  // namespace store_test
