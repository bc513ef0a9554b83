#include <doctest/doctest.h>

#include "store_round_trip.hpp"

// The Store with the account API: creating, renaming, branding and deleting workspaces, members
// and ownership, keys and device sessions for listed workspaces, and a server without that API.
// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace store_account_test {

using namespace trypost;
using namespace trypost::testing;
using nlohmann::json;

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

}  // namespace store_account_test
