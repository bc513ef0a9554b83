#pragma once
// Driving a Store against the in-test FakeServer: a request begun, answered and applied in one
// call, and the common first steps (add a workspace by key, refresh its posts, sign in to the
// account API), shared by the store's test files.
#include <doctest/doctest.h>

#include "store_fake_server.hpp"
#include "trypost/store.hpp"

namespace trypost::testing {

// Sends one request through the fake server and applies the answer at once.
inline nlohmann::json round_trip(Store& st, FakeServer& srv, const Expected<nlohmann::json>& req) {
  REQUIRE(req.ok());
  const auto reply = srv.handle(*req);
  return st.apply_response((*req)["request_id"].get<std::uint64_t>(), reply.status, reply.body);
}

inline std::string add_by_key(Store& st, FakeServer& srv, const std::string& key) {
  const auto out = round_trip(st, srv, st.begin_request("", RequestKind::workspace_probe, {}, key));
  REQUIRE(out["outcome"] == "applied");
  return out["workspace_id"];
}

inline void refresh_posts(Store& st, FakeServer& srv, const std::string& ws) {
  nlohmann::json params = nlohmann::json::object();
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

inline std::string auth_of(const Expected<nlohmann::json>& req) { return (*req)["headers"]["Authorization"]; }

}  // namespace trypost::testing
