#include <doctest/doctest.h>

#include "store_round_trip.hpp"
#include "trypost/endpoint_call.hpp"
#include "trypost/failure_class.hpp"
#include "trypost/retry.hpp"

// The Store's answers tell the shell what a failure means (failure_class.hpp) and whether a
// request may be sent again (its built request's idempotent flag).
// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace store_failure_test {

using namespace trypost;
using namespace trypost::testing;
using nlohmann::json;

std::uint64_t id_of(const Expected<json>& req) { return (*req)["request_id"].get<std::uint64_t>(); }

TEST_CASE("store: a 401 on a workspace's request says its credential was refused; the probe's says the key was") {
  FakeServer srv;
  Store st;
  const auto ws = add_by_key(st, srv, srv.seed_workspace("Client A", 3));
  const auto list = st.begin_request(ws, RequestKind::posts_page, {});
  REQUIRE(list.ok());
  const auto refused = st.apply_response(id_of(list), 401, R"({"message":"Unauthenticated."})");
  CHECK(refused["outcome"] == "error");
  CHECK(refused["failure_class"]["credential_refused"] == true);
  CHECK(refused["failure_class"]["key_refused"] == false);
  CHECK(refused["failure_class"]["account_token_refused"] == false);
  const auto forbidden = st.begin_request(ws, RequestKind::labels_list, {});
  CHECK(st.apply_response(id_of(forbidden), 403, "{}")["failure_class"]["credential_refused"] == false);

  const auto probe = st.begin_request("", RequestKind::workspace_probe, {}, "tp_not_a_key");
  const auto out = st.apply_response(id_of(probe), 401, R"({"message":"Unauthenticated."})");
  CHECK(out["failure_class"]["key_refused"] == true);
  CHECK(out["failure_class"]["credential_refused"] == false);
  const auto unpaid = st.begin_request("", RequestKind::workspace_probe, {}, "tp_unpaid");
  const auto unpaid_out = st.apply_response(id_of(unpaid), 402, R"({"message":"Subscription required."})");
  CHECK(unpaid_out["failure_class"]["key_refused"] == false);
  CHECK(unpaid_out["failure_class"]["payment_required"] == true);
  CHECK(out["failure_class"]["payment_required"] == false);
}

TEST_CASE("store: a server without device sessions answers the open with unsupported; the account token's 401 refuses no workspace") {
  AccountFixture f;
  for (int status : {404, 405, 501}) {
    CAPTURE(status);
    const auto open = f.st.begin_request("", RequestKind::account_session_open, {{"device_id", "device-0001"}});
    REQUIRE(open.ok());
    const auto out = f.st.apply_response(id_of(open), status, "{}");
    CHECK(out["failure_class"]["unsupported"] == true);
    CHECK(out["status"] == status);  // the caller still hears what the server said
  }
  // Opening for one named workspace: a 404 is that workspace (not the person's), not the route.
  const auto one = f.st.begin_request("", RequestKind::account_session_open, {{"device_id", "device-0001"}, {"workspace_id", "ws-x"}});
  REQUIRE(one.ok());
  CHECK(f.st.apply_response(id_of(one), 404, "{}")["failure_class"]["unsupported"] == false);
  const auto open = f.st.begin_request("", RequestKind::account_session_open, {{"device_id", "device-0001"}});
  const auto out = f.st.apply_response(id_of(open), 401, "{}");
  CHECK(out["failure_class"]["unsupported"] == false);
  CHECK(out["failure_class"]["credential_refused"] == false);
  CHECK(out["failure_class"]["account_token_refused"] == true);
  for (int status : {0, 404, 501}) {
    CAPTURE(status);
    const auto again = f.st.begin_request("", RequestKind::account_session_open, {{"device_id", "device-0001"}});
    CHECK(f.st.apply_response(id_of(again), status, "{}")["failure_class"]["account_token_refused"] == false);
  }
}

TEST_CASE("store: a posts walk's page from a deleted or overtaken walk is quiet") {
  FakeServer srv;
  Store st;
  const auto ws = add_by_key(st, srv, srv.seed_workspace("Client A", 3));
  for (int status : {404, 409}) {
    CAPTURE(status);
    const auto page = st.begin_request(ws, RequestKind::posts_page, {});
    CHECK(st.apply_response(id_of(page), status, "{}")["failure_class"]["quiet"] == true);
  }
  const auto page = st.begin_request(ws, RequestKind::posts_page, {});
  CHECK(st.apply_response(id_of(page), 500, "{}")["failure_class"]["quiet"] == false);
}

TEST_CASE("store: a failed edit's answer carries what the outbox does with it: wait, done, or a problem (a conflict)") {
  FakeServer srv;
  Store st;
  const auto ws = add_by_key(st, srv, srv.seed_workspace("Client A", 3));
  const json edit{{"post_id", "1"}, {"body", {{"content", "mine"}}}};
  const auto sent = [&](RequestKind kind, const json& params, int status, const std::string& body) {
    const auto req = st.begin_request(ws, kind, params);
    REQUIRE(req.ok());
    return st.apply_response(id_of(req), status, body)["failure_class"];
  };
  for (int status : {0, 429, 503}) {
    CAPTURE(status);
    const auto f = sent(RequestKind::post_update, edit, status, "{}");
    CHECK(f["outcome"] == "wait");
    CHECK(f["conflict"] == false);
  }
  CHECK(sent(RequestKind::post_update, edit, 401, "{}")["outcome"] == "wait");
  const auto frozen = sent(RequestKind::post_update, edit, 422, R"({"message":"This post has already been processed."})");
  CHECK(frozen["outcome"] == "problem");
  CHECK(frozen["conflict"] == true);
  CHECK(sent(RequestKind::post_create, {{"body", {{"content", "x"}}}}, 422, "{}")["conflict"] == false);
  CHECK(sent(RequestKind::post_delete, {{"post_id", "1"}}, 404, "{}")["outcome"] == "done");
  CHECK(sent(RequestKind::post_update, edit, 501, "{}")["outcome"] == "problem");
  // A success the core cannot read is the server's passing trouble (502): the edit waits.
  const auto unreadable = [&] {
    const auto req = st.begin_request(ws, RequestKind::post_update, edit);
    REQUIRE(req.ok());
    return st.apply_response(id_of(req), 200, "not json");
  }();
  CHECK(unreadable["status"] == 502);
  CHECK(unreadable["failure_class"]["outcome"] == "wait");
  // The same reading as classifyFailure's for the status the answer names.
  CHECK(json::parse(failure_class_json(R"({"kind":"posts.update","status":502})"))["outcome"] == "wait");
}

TEST_CASE("store: a request refused before sending says what that means in the refusal itself") {
  StoreApi api;
  // A walk of a workspace that went: quiet; the same status for an edit: it waits for the workspace.
  const auto walk = json::parse(api.begin_request("ws-gone", "posts.list", "{}"));
  CHECK(walk["status"] == 404);
  CHECK(walk["failure_class"]["quiet"] == true);
  CHECK(walk["failure_class"]["credential_refused"] == false);
  const auto edit = json::parse(api.begin_request("ws-gone", "posts.update", R"({"post_id":"1","body":{}})"));
  CHECK(edit["failure_class"]["outcome"] == "wait");
  CHECK(edit["failure_class"]["quiet"] == false);
  // No account token: no account API, so no sessions either.
  const auto open = json::parse(api.begin_request("", "account.sessions.open", R"({"device_id":"device-0001"})"));
  CHECK(open["status"] == 501);
  CHECK(open["failure_class"]["unsupported"] == true);
  // The same reading classifyFailure gives for that status before sending.
  const json asked = json::parse(failure_class_json(R"({"kind":"account.sessions.open","status":501,"stage":"begin"})"));
  CHECK(open["failure_class"] == asked);
  const auto probe = json::parse(api.probe_key(""));
  CHECK(probe["errors"].contains("api_key"));
  CHECK(probe["failure_class"]["key_refused"] == false);
}

TEST_CASE("store: a begun request says whether it may go again; a create's key makes it so, written by the core") {
  FakeServer srv;
  Store st;
  const auto ws = add_by_key(st, srv, srv.seed_workspace("Client A", 3));
  CHECK((*st.begin_request(ws, RequestKind::posts_page, {}))["idempotent"] == true);
  CHECK((*st.begin_request(ws, RequestKind::post_delete, {{"post_id", "1"}}))["idempotent"] == true);
  const json body{{"content", "x"}};
  const auto plain = st.begin_request(ws, RequestKind::post_create, {{"body", body}});
  REQUIRE(plain.ok());
  CHECK((*plain)["idempotent"] == false);
  CHECK_FALSE((*plain)["headers"].contains("Idempotency-Key"));
  const auto keyed = st.begin_request(ws, RequestKind::post_create, {{"body", body}, {"idempotency_key", "k-1"}});
  REQUIRE(keyed.ok());
  CHECK((*keyed)["idempotent"] == true);
  CHECK((*keyed)["headers"]["Idempotency-Key"] == "\"k-1\"");
  // The flag is what the retry decision reads: a lost answer to the keyed create goes again.
  RetryInput lost;
  lost.status = 0;
  lost.idempotent = (*keyed)["idempotent"].get<bool>();
  CHECK(retry_decision(lost).retry);
  lost.idempotent = (*plain)["idempotent"].get<bool>();
  CHECK(retry_decision(lost).reason == "not_idempotent");
  // A key the header cannot carry as written is refused before anything is begun.
  const auto before = st.in_flight();
  const auto bad = st.begin_request(ws, RequestKind::post_create, {{"body", body}, {"idempotency_key", "say \"again\""}});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().status == 422);
  CHECK(bad.error().errors.count("idempotency_key") == 1);
  CHECK(st.in_flight() == before);
}

TEST_CASE("endpoint call: a failure says whether the calling workspace's credential was refused") {
  FakeServer srv;
  Store st;
  const auto ws = add_by_key(st, srv, srv.seed_workspace("Client A", 3));
  const auto read = [&](const std::string& workspace, const char* endpoint, int status) {
    const json meta{{"endpoint", endpoint}, {"status", status}, {"now", 0}};
    return json::parse(finish_endpoint_call_json(st, workspace, meta.dump(), R"({"message":"Unauthenticated."})"))["failure"];
  };
  CHECK(read(ws, "labels.list", 401)["credential_refused"] == true);
  CHECK(read(ws, "labels.list", 401)["payment_required"] == false);
  CHECK(read(ws, "labels.create", 402)["payment_required"] == true);
  CHECK(read(ws, "labels.list", 403)["credential_refused"] == false);
  // The Pinterest connection's 401 is not the key's; an unknown workspace has nothing to refuse.
  CHECK(read(ws, "social_accounts.boards", 401)["credential_refused"] == false);
  CHECK(read("ws-unknown", "labels.list", 401)["credential_refused"] == false);
  CHECK(read(ws, "account.usage", 401)["credential_refused"] == false);
  // The core's own refusal before sending (no key held), read like an answer: nothing was refused.
  const json local{{"endpoint", "labels.list"}, {"status", 401}, {"stage", "begin"}};
  CHECK(json::parse(finish_endpoint_call_json(st, ws, local.dump(), "{}"))["failure"]["credential_refused"] == false);
}

TEST_CASE("endpoint call: a server lacking that part of the account API reads as unsupported, before sending or after") {
  FakeServer srv;
  Store st;
  const auto read = [&](const char* endpoint, int status) {
    const json meta{{"endpoint", endpoint}, {"status", status}, {"now", 0}};
    return json::parse(finish_endpoint_call_json(st, "", meta.dump(), "{}"))["failure"];
  };
  CHECK(read("account.usage", 501)["kind"] == "unsupported");
  CHECK(read("account.sessions.list", 404)["kind"] == "unsupported");
  CHECK(read("account.invites.accept", 404)["kind"] == "not_found");  // names an invite: that invite is gone
  CHECK(read("labels.list", 501)["kind"] == "server_error");
  CHECK_FALSE(read("account.usage", 501)["message"].get<std::string>().empty());
}

}  // namespace store_failure_test
