#include <doctest/doctest.h>

#include "trypost/endpoint_call.hpp"
#include "trypost/request.hpp"
#include "trypost/store.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace store_pipeline_test {

using namespace trypost;
using nlohmann::json;

namespace {

constexpr RequestKind kAllKinds[] = {
    RequestKind::workspace_probe, RequestKind::workspace_get, RequestKind::posts_page, RequestKind::post_get,
    RequestKind::post_create, RequestKind::post_update, RequestKind::post_delete, RequestKind::labels_list,
    RequestKind::signatures_list, RequestKind::accounts_list, RequestKind::api_keys_list,
    RequestKind::account_workspaces_list, RequestKind::account_workspace_create, RequestKind::account_workspace_update,
    RequestKind::account_workspace_brand, RequestKind::account_workspace_delete, RequestKind::account_members_list,
    RequestKind::account_member_update, RequestKind::account_member_remove, RequestKind::account_api_key_create,
};

// A workspace known by its key, with the given role, as the probe of GET /api/workspace leaves it.
std::string add(Store& st, const std::string& id, const std::string& key, Role role = Role::admin) {
  const auto probe = st.begin_request("", RequestKind::workspace_probe, {}, key);
  REQUIRE(probe.ok());
  const json ws{{"id", id}, {"name", id}, {"created_at", "2026-01-01 00:00:00"}, {"updated_at", "2026-01-01 00:00:00"}};
  const auto out = st.apply_response((*probe)["request_id"].get<std::uint64_t>(), 200, ws.dump());
  REQUIRE(out["outcome"] == "applied");
  const_cast<WorkspaceState*>(st.find(id))->role = role;  // as the account API's list would say
  return id;
}

}  // namespace

TEST_CASE("store pipeline: every kind the Store begins is one endpoint of the table, under that endpoint's name") {
  for (const auto kind : kAllKinds) {
    const Endpoint* ep = find_endpoint(endpoint_of(kind));
    REQUIRE_MESSAGE(ep != nullptr, endpoint_of(kind));
    if (kind != RequestKind::workspace_probe) CHECK(wire_name(kind) == ep->name);
    CHECK(parse_request_kind(wire_name(kind)) == kind);
    CHECK(is_account_kind(kind) == (ep->auth == AuthKind::account_token));
  }
  // The old second names are gone.
  CHECK_FALSE(parse_request_kind("posts.page"));
  CHECK_FALSE(parse_request_kind("accounts.list"));
}

TEST_CASE("store pipeline: the Store and an endpoint call build the same request with the same encoder") {
  Store st;
  add(st, "ws a/1", "key-a");
  const std::string odd = "p/1 ?#%";
  const auto via_store = st.begin_request("ws a/1", RequestKind::post_update, {{"post_id", odd}, {"body", {{"content", "x"}}}});
  const auto via_call = begin_endpoint_call(st, "ws a/1", json{{"endpoint", "posts.update"}, {"params", {{"post", odd}}},
                                                               {"body", {{"content", "x"}}}});
  REQUIRE(via_store.ok());
  REQUIRE(via_call.ok());
  CHECK((*via_store)["path"] == "/api/posts/p%2F1%20%3F%23%25");
  CHECK((*via_store)["path"] == (*via_call)["url"]);
  CHECK((*via_store)["method"] == (*via_call)["method"]);
  CHECK((*via_store)["headers"] == (*via_call)["headers"]);
  CHECK((*via_store)["body"] == (*via_call)["body"]);
  CHECK((*via_store)["kind"] == "posts.update");
  const auto page = st.begin_request("ws a/1", RequestKind::posts_page, {{"page", 1}});
  REQUIRE(page.ok());
  CHECK((*page)["path"] == "/api/posts?page=1");
  CHECK((*page)["kind"] == "posts.list");
}

TEST_CASE("store pipeline: one rights table refuses a viewer the same way on both doors") {
  Store st;
  add(st, "ws-v", "key-v", Role::viewer);
  const auto store_refusal = st.begin_request("ws-v", RequestKind::post_create, {{"body", {{"content", "x"}}}});
  const auto call_refusal = begin_endpoint_call(st, "ws-v", json{{"endpoint", "posts.create"}, {"body", {{"content", "x"}}}});
  REQUIRE_FALSE(store_refusal.ok());
  REQUIRE_FALSE(call_refusal.ok());
  CHECK(store_refusal.error().status == 403);
  CHECK(call_refusal.error().status == 403);
  CHECK(store_refusal.error().message == call_refusal.error().message);
  // Reading is the viewer's right on both.
  CHECK(st.begin_request("ws-v", RequestKind::labels_list, json::object()).ok());
  CHECK(begin_endpoint_call(st, "ws-v", json{{"endpoint", "labels.list"}}).ok());
}

}  // namespace store_pipeline_test
