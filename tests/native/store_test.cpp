#include <doctest/doctest.h>

#include "store_fake_server.hpp"
#include "trypost/store.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace store_test {

using namespace trypost;
using trypost::testing::FakeServer;
using nlohmann::json;

namespace {

// Sends one request through the fake server and applies the answer at once.
json round_trip(Store& st, FakeServer& srv, const Expected<json>& req) {
  REQUIRE(req.ok());
  const auto reply = srv.handle(*req);
  return st.apply_response((*req)["request_id"].get<std::uint64_t>(), reply.status, reply.body);
}

std::string add_by_key(Store& st, FakeServer& srv, const std::string& key) {
  const auto out = round_trip(st, srv, st.begin_request("", RequestKind::workspace_probe, {}, key));
  REQUIRE(out["outcome"] == "applied");
  return out["workspace_id"];
}

void refresh_posts(Store& st, FakeServer& srv, const std::string& ws) {
  json params = json::object();
  for (;;) {
    const auto out = round_trip(st, srv, st.begin_request(ws, RequestKind::posts_page, params));
    REQUIRE(out["outcome"] == "applied");
    if (out["next"].is_null()) return;
    params = out["next"];
  }
}

// A store on a server with the account API, listed and ready.
struct AccountFixture {
  FakeServer srv;
  Store st;
  AccountFixture() {
    st.set_account_token(srv.account_token);
    const auto out = round_trip(st, srv, st.begin_request("", RequestKind::account_workspaces_list, {}));
    REQUIRE(out["outcome"] == "applied");
  }
  std::string create(const std::string& name) {
    const auto out = round_trip(st, srv, st.begin_request("", RequestKind::account_workspace_create, {{"name", name}}));
    REQUIRE(out["outcome"] == "applied");
    return out["workspace_id"];
  }
};

std::string auth_of(const Expected<json>& req) { return (*req)["headers"]["Authorization"]; }

}  // namespace

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

TEST_CASE("store: rename and brand go through the account API, within the role's rights") {
  AccountFixture f;
  const auto a = f.create("Acme");
  auto out = round_trip(f.st, f.srv, f.st.begin_request(a, RequestKind::account_workspace_update, {{"name", " Acme Two "}}));
  CHECK(out["outcome"] == "applied");
  CHECK(f.st.find(a)->info.name == "Acme Two");
  const auto brand = f.st.begin_request(a, RequestKind::account_workspace_brand, {{"tone", "bold"}, {"font", "Lato"}});
  REQUIRE(brand.ok());
  CHECK((*brand)["method"] == "PUT");
  CHECK((*brand)["path"] == "/api/account/workspaces/" + a + "/brand");
  const auto sent = json::parse((*brand)["body"].get<std::string>());
  CHECK(sent["image_style"] == "cinematic");  // the whole profile goes, defaults included
  CHECK(sent["tone"] == "bold");
  const auto reply = f.srv.handle(*brand);
  f.st.apply_response((*brand)["request_id"], reply.status, reply.body);
  CHECK(f.st.find(a)->info.brand.font == "Lato");
  const auto bad = f.st.begin_request(a, RequestKind::account_workspace_brand, {{"primary_color", "blue"}});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().to_json()["errors"]["primary_color"][0] == "The primary color field format is invalid.");
  // A Member may neither rename nor brand; a Viewer neither.
  for (const auto role : {Role::member, Role::viewer}) {
    const_cast<WorkspaceState*>(f.st.find(a))->role = role;
    CHECK(f.st.begin_request(a, RequestKind::account_workspace_update, {{"name", "x"}}).error().status == 403);
    CHECK(f.st.begin_request(a, RequestKind::account_workspace_brand, {{"tone", "bold"}}).error().status == 403);
  }
  const_cast<WorkspaceState*>(f.st.find(a))->role = Role::admin;
  CHECK(f.st.begin_request(a, RequestKind::account_workspace_update, {{"name", "x"}}).ok());
}

TEST_CASE("store: delete is the owner's, confirmed by the exact name, and removes everything") {
  AccountFixture f;
  const auto keep = f.create("Keep");
  const auto doomed = f.create("Client B");
  f.srv.workspaces.at(doomed).posts = 20;
  f.srv.workspaces.at(doomed).labels = 2;
  refresh_posts(f.st, f.srv, doomed);
  round_trip(f.st, f.srv, f.st.begin_request(doomed, RequestKind::labels_list, {}));
  round_trip(f.st, f.srv, f.st.begin_request(doomed, RequestKind::account_members_list, {}));
  REQUIRE(f.st.find(doomed)->posts.size() == 20);

  for (const char* wrong : {"client b", "Client B ", " Client B", "Client", ""}) {
    const auto req = f.st.begin_request(doomed, RequestKind::account_workspace_delete, {{"confirm_name", wrong}});
    REQUIRE_FALSE(req.ok());
    CHECK(req.error().errors.count("confirm_name") == 1);
  }
  CHECK(f.st.begin_request(doomed, RequestKind::account_workspace_delete, {}).error().status == 422);
  const_cast<WorkspaceState*>(f.st.find(doomed))->role = Role::admin;
  CHECK(f.st.begin_request(doomed, RequestKind::account_workspace_delete, {{"confirm_name", "Client B"}}).error().status == 403);
  const_cast<WorkspaceState*>(f.st.find(doomed))->role = Role::owner;

  const auto inflight = f.st.begin_request(doomed, RequestKind::posts_page, {});
  const auto out = round_trip(f.st, f.srv, f.st.begin_request(doomed, RequestKind::account_workspace_delete, {{"confirm_name", "Client B"}}));
  CHECK(out["outcome"] == "applied");
  CHECK(f.st.find(doomed) == nullptr);
  CHECK(f.st.active_id() == keep);
  CHECK_FALSE(f.st.view(doomed, "posts").ok());
  CHECK(f.st.snapshot().dump().find(doomed) == std::string::npos);
  // Its answer, arriving late, is dropped: nothing of it reappears anywhere.
  const auto late = f.st.apply_response((*inflight)["request_id"], 200, FakeServer::Reply{}.body);
  CHECK(late["outcome"] == "dropped");
  CHECK(f.st.find(doomed) == nullptr);
  CHECK(f.st.find(keep)->posts.empty());
  CHECK(f.st.begin_request(doomed, RequestKind::posts_page, {}).error().status == 404);
}

TEST_CASE("store: ownership never transfers, and the owner cannot be removed") {
  AccountFixture f;
  const auto a = f.create("Team");
  f.srv.workspaces.at(a).members = 2;
  round_trip(f.st, f.srv, f.st.begin_request(a, RequestKind::account_members_list, {}));
  CHECK(f.st.find(a)->info.owner_id == std::optional<std::string>("u-owner"));
  const auto member = a + "-user-0";
  auto e = f.st.begin_request(a, RequestKind::account_member_update, {{"user_id", member}, {"role", "owner"}});
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().errors.at("role").at(0).find("Ownership cannot be transferred") == 0);
  CHECK(f.st.begin_request(a, RequestKind::account_member_update, {{"user_id", "u-owner"}, {"role", "admin"}}).error().status == 422);
  CHECK(f.st.begin_request(a, RequestKind::account_member_remove, {{"user_id", "u-owner"}}).error().status == 422);
  CHECK(f.st.begin_request(a, RequestKind::account_member_update, {{"user_id", member}, {"role", "viewer"}}).ok());
  CHECK(f.st.begin_request(a, RequestKind::account_member_remove, {{"user_id", member}}).ok());
  const_cast<WorkspaceState*>(f.st.find(a))->role = Role::member;
  CHECK(f.st.begin_request(a, RequestKind::account_member_remove, {{"user_id", member}}).error().status == 403);
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

TEST_CASE("store: against a server without the account API, lifecycle is unsupported and the rest works") {
  FakeServer srv;
  srv.account_api = false;
  Store st;
  st.set_account_token("some-token");
  const auto probe = round_trip(st, srv, st.begin_request("", RequestKind::account_workspaces_list, {}));
  CHECK(probe["outcome"] == "error");
  CHECK(st.lifecycle() == Lifecycle::unsupported);
  CHECK(probe["error"]["message"].get<std::string>().find("not supported by this server") != std::string::npos);
  const auto create = st.begin_request("", RequestKind::account_workspace_create, {{"name", "New"}});
  REQUIRE_FALSE(create.ok());
  CHECK(create.error().status == 501);
  CHECK(create.error().message.find("not supported by this server") != std::string::npos);
  const auto a = add_by_key(st, srv, srv.seed_workspace("A", 16));
  const auto b = add_by_key(st, srv, srv.seed_workspace("B", 1));
  CHECK(st.begin_request(a, RequestKind::account_workspace_update, {{"name", "x"}}).error().status == 501);
  CHECK(st.begin_request(a, RequestKind::account_workspace_delete, {{"confirm_name", "A"}}).error().status == 501);
  refresh_posts(st, srv, a);
  CHECK(st.switch_to(b).ok());
  CHECK(st.find(a)->posts.size() == 16);
  CHECK(st.snapshot()["lifecycle"] == "unsupported");
  // No account token at all: the same answer without asking the server.
  Store bare;
  CHECK(bare.begin_request("", RequestKind::account_workspace_create, {{"name", "x"}}).error().status == 501);
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

TEST_CASE("store: a listed workspace without a key gets one through the account API, within the role's rights") {
  FakeServer srv;
  srv.create("Listed elsewhere").posts = 4;  // exists server-side; this client never saw its key
  Store st;
  st.set_account_token(srv.account_token);
  round_trip(st, srv, st.begin_request("", RequestKind::account_workspaces_list, {}));
  REQUIRE(st.workspace_ids().size() == 1);
  const auto a = st.workspace_ids().front();
  CHECK(st.active_id() == a);  // after sign-in the user is somewhere
  const auto no_key = st.begin_request(a, RequestKind::posts_page, {});
  REQUIRE_FALSE(no_key.ok());
  CHECK(no_key.error().status == 401);
  CHECK(st.begin_request(a, RequestKind::account_api_key_create, {{"name", "  "}}).error().errors.count("name") == 1);
  const auto out = round_trip(st, srv, st.begin_request(a, RequestKind::account_api_key_create, {{"name", "Dashboard"}}));
  CHECK(out["outcome"] == "applied");
  CHECK(out["workspace"]["has_key"] == true);
  CHECK(out.dump().find("key-") == std::string::npos);
  CHECK(st.view(a, "api_keys")->at(0)["name"] == "Dashboard");
  const auto req = st.begin_request(a, RequestKind::posts_page, {});
  CHECK(srv.issued.at(auth_of(req).substr(7)) == a);
  refresh_posts(st, srv, a);
  CHECK(st.find(a)->posts.size() == 4);
  const_cast<WorkspaceState*>(st.find(a))->role = Role::member;
  CHECK(st.begin_request(a, RequestKind::account_api_key_create, {}).error().status == 403);
}

TEST_CASE("store: the account list drops a workspace deleted elsewhere, keeps key-only and newer ones") {
  AccountFixture f;
  const auto a = f.create("A");
  const auto b = f.create("B");
  f.srv.workspaces.at(b).posts = 5;
  refresh_posts(f.st, f.srv, b);
  REQUIRE(f.st.switch_to(b).ok());
  // Deleted elsewhere: the server no longer has B.
  f.srv.workspaces.erase(b);
  // Known by a key alone: its key still works, but the account API does not list it.
  const auto k = add_by_key(f.st, f.srv, f.srv.seed_workspace("Key only", 3));
  f.srv.workspaces.erase(k);
  // A list begun before C was created and answered after: C is newer than that answer.
  const auto listing = f.st.begin_request("", RequestKind::account_workspaces_list, {});
  REQUIRE(listing.ok());
  const auto reply = f.srv.handle(*listing);
  const auto c = f.create("C");
  const auto out = f.st.apply_response((*listing)["request_id"].get<std::uint64_t>(), reply.status, reply.body);
  REQUIRE(out["outcome"] == "applied");
  CHECK(out["removed_workspace_ids"] == json::array({b}));
  CHECK(f.st.find(b) == nullptr);
  CHECK(f.st.snapshot().dump().find(b) == std::string::npos);
  CHECK(f.st.active_id() != b);
  CHECK(f.st.find(a) != nullptr);
  CHECK(f.st.find(k) != nullptr);
  CHECK(f.st.find(c) != nullptr);
  // Listed and created ones share the account (its plan and credits); a key alone says nothing.
  CHECK(f.st.summary(a)["in_account"] == true);
  CHECK(f.st.summary(c)["in_account"] == true);
  CHECK(f.st.summary(k)["in_account"] == false);
  // The next list, begun after C, lists C: nothing more goes.
  const auto again = round_trip(f.st, f.srv, f.st.begin_request("", RequestKind::account_workspaces_list, {}));
  CHECK(again["removed_workspace_ids"].empty());
}

TEST_CASE("store: a device session opens each listed workspace with the person's own role, never a key-only one") {
  FakeServer srv;
  srv.create("Listed A");
  srv.create("Listed B");
  Store st;
  FakeServer elsewhere(2);  // another account's server: its ids follow srv's
  for (int i = 0; i < 3; ++i) elsewhere.create("skip");
  const auto key_only = add_by_key(st, elsewhere, elsewhere.seed_workspace("By key", 1));
  st.set_account_token(srv.account_token);
  round_trip(st, srv, st.begin_request("", RequestKind::account_workspaces_list, {}));
  std::vector<std::string> listed;
  for (const auto& id : st.workspace_ids())
    if (st.find(id)->listed && id != key_only) listed.push_back(id);
  REQUIRE(listed.size() == 2);
  CHECK(st.begin_request("", RequestKind::account_session_open, {{"device_id", "short"}}).error().errors.count("device_id") == 1);
  const auto req = st.begin_request("", RequestKind::account_session_open, {{"device_id", "device-0001"}, {"device_name", "Chromium"}});
  REQUIRE(req.ok());
  CHECK((*req)["method"] == "POST");
  CHECK((*req)["path"] == "/api/account/sessions");
  CHECK(auth_of(req) == "Bearer " + srv.account_token);
  CHECK(json::parse((*req)["body"].get<std::string>()) == json{{"device_id", "device-0001"}, {"device_name", "Chromium"}});
  const json answer{{"device_id", "device-0001"},
                    {"sessions", {{{"workspace_id", listed[0]}, {"role", "viewer"}, {"token", "tps_a"}},
                                  {{"workspace_id", listed[1]}, {"role", "member"}, {"token", "tps_b"}},
                                  {{"workspace_id", key_only}, {"role", "owner"}, {"token", "tps_c"}},
                                  {{"workspace_id", "not-known"}, {"role", "owner"}, {"token", "tps_d"}}}}};
  const auto out = st.apply_response((*req)["request_id"].get<std::uint64_t>(), 201, answer.dump());
  REQUIRE(out["outcome"] == "applied");
  CHECK(out["workspace_ids"] == json{listed[0], listed[1]});
  CHECK(out.dump().find("tps_") == std::string::npos);
  CHECK(st.find(listed[0])->role == Role::viewer);
  CHECK(st.find(listed[1])->role == Role::member);
  CHECK(auth_of(st.begin_request(listed[0], RequestKind::posts_page, {})) == "Bearer tps_a");
  CHECK(st.begin_request(listed[0], RequestKind::post_create, {{"body", {{"content", "x"}}}}).error().status == 403);
  CHECK(st.find(key_only)->key != "tps_c");
  CHECK(st.find("not-known") == nullptr);
}

TEST_CASE("store: a workspace created by a device that names itself uses the session in the answer") {
  FakeServer srv;
  Store st;
  st.set_account_token(srv.account_token);
  round_trip(st, srv, st.begin_request("", RequestKind::account_workspaces_list, {}));
  const auto req = st.begin_request("", RequestKind::account_workspace_create, {{"name", "New"}, {"device_id", "device-0001"}});
  REQUIRE(req.ok());
  CHECK(json::parse((*req)["body"].get<std::string>()) == json{{"name", "New"}, {"device_id", "device-0001"}});
  const json answer{{"workspace", {{"id", "ws-new"}, {"name", "New"}, {"role", "owner"}}},
                    {"session", {{"workspace_id", "ws-new"}, {"role", "owner"}, {"token", "tps_new"}}}};
  const auto out = st.apply_response((*req)["request_id"].get<std::uint64_t>(), 201, answer.dump());
  REQUIRE(out["outcome"] == "applied");
  CHECK(out["workspace"]["has_key"] == true);
  CHECK(auth_of(st.begin_request("ws-new", RequestKind::posts_page, {})) == "Bearer tps_new");
}

}  // namespace store_test
