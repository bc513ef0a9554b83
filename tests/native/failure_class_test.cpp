#include <doctest/doctest.h>

#include "trypost/failure_class.hpp"
#include "trypost/outbox_failure.hpp"
#include "trypost/retry.hpp"

#include <nlohmann/json.hpp>

namespace failure_class_test {

using namespace trypost;
using nlohmann::json;

RetryInput sent(int status) {
  RetryInput in;
  in.status = status;
  in.idempotent = true;
  in.attempt = 1;
  return in;
}

TEST_CASE("the transport retries exactly the failures the outbox waits on") {
  // Every status, with an idempotent request on its first attempt: a status the transport gives
  // up on as not retryable is never one the queue would hold every later edit behind.
  for (int s = 0; s <= 999; ++s) {
    if (s > 0 && s < 100) continue;
    CAPTURE(s);
    const auto d = retry_decision(sent(s));
    const auto f = classify_outbox_failure("posts.update", s, FailureStage::send);
    const bool retried = d.retry;
    // A refused credential waits for a new one, not for the server: sending it again cannot help.
    const bool waits_on_server = f.outcome == "wait" && !classify_call_failure("posts.update", s).credential_refused;
    CHECK(retried == waits_on_server);
  }
}

TEST_CASE("one status table: 501 and 505 are refusals, the rest of 5xx passes") {
  for (int s : {0, 408, 500, 502, 503, 504, 599}) {
    CAPTURE(s);
    CHECK(status_class(s) == StatusClass::passing);
  }
  for (int s : {400, 403, 404, 409, 413, 422, 501, 505}) {
    CAPTURE(s);
    CHECK(status_class(s) == StatusClass::refused);
    CHECK(retry_decision(sent(s)).reason == "not_retryable_status");
  }
  CHECK(status_class(401) == StatusClass::credential_refused);
  CHECK(status_class(402) == StatusClass::payment_required);
  CHECK(status_class(429) == StatusClass::rate_limited);
  CHECK(status_class(204) == StatusClass::success);
}

TEST_CASE("a 401 on a workspace's own request refuses that workspace's credential") {
  for (const char* kind : {"posts.list", "posts.create", "workspace.get", "labels.list", "social_accounts.channels"}) {
    CAPTURE(kind);
    CHECK(classify_call_failure(kind, 401).credential_refused);
    CHECK_FALSE(classify_call_failure(kind, 403).credential_refused);
    CHECK_FALSE(classify_call_failure(kind, 401).key_refused);
  }
  // The account API's 401 is the account token's; a probe's is the key being tried; the boards
  // list's is the Pinterest connection's (api-contract: told apart by endpoint).
  CHECK_FALSE(classify_call_failure("account.members.list", 401).credential_refused);
  CHECK_FALSE(classify_call_failure("account.sessions.open", 401).credential_refused);
  CHECK_FALSE(classify_call_failure("workspace.probe", 401).credential_refused);
  CHECK_FALSE(classify_call_failure("social_accounts.boards", 401).credential_refused);
  // Refused by the core before sending (no key held): nothing was refused by the server.
  CHECK_FALSE(classify_call_failure("posts.list", 401, FailureStage::begin).credential_refused);
}

TEST_CASE("a key refused when probed is forgotten; any other answer keeps it") {
  CHECK(classify_call_failure("workspace.probe", 401).key_refused);
  for (int s : {0, 402, 403, 404, 429, 500, 503}) {
    CAPTURE(s);
    CHECK_FALSE(classify_call_failure("workspace.probe", s).key_refused);
  }
}

TEST_CASE("a server without that part of the account API: 501, 405, or 404 where the path names nothing") {
  for (int s : {404, 405, 501}) {
    CAPTURE(s);
    CHECK(classify_call_failure("account.workspaces.list", s).unsupported);
    CHECK(classify_call_failure("account.sessions.open", s).unsupported);
  }
  // The core's own refusal before sending (no account API known) says the same.
  CHECK(classify_call_failure("account.members.list", 501, FailureStage::begin).unsupported);
  // A 404 on a path (or for a body) that names a workspace is that workspace, not the route.
  CHECK_FALSE(classify_call_failure("account.sessions.open", 404, FailureStage::send, true).unsupported);
  CHECK(classify_call_failure("account.sessions.open", 405, FailureStage::send, true).unsupported);
  CHECK_FALSE(classify_call_failure("account.members.list", 404).unsupported);
  CHECK_FALSE(classify_call_failure("account.sessions.open", 500).unsupported);
  CHECK_FALSE(classify_call_failure("account.sessions.open", 401).unsupported);
  CHECK_FALSE(classify_call_failure("posts.list", 501).unsupported);
}

TEST_CASE("the account token refused: a 401 the account API sent, whatever it was about") {
  for (const char* kind : {"account.workspaces.list", "account.sessions.open", "account.me", "account.members.list"}) {
    CAPTURE(kind);
    CHECK(classify_call_failure(kind, 401).account_token_refused);
    CHECK_FALSE(classify_call_failure(kind, 401).credential_refused);
    for (int s : {0, 403, 404, 429, 501}) {
      CAPTURE(s);
      CHECK_FALSE(classify_call_failure(kind, s).account_token_refused);
    }
    // Not sent: the server refused nothing.
    CHECK_FALSE(classify_call_failure(kind, 401, FailureStage::begin).account_token_refused);
    CHECK_FALSE(classify_call_failure(kind, 401, FailureStage::local).account_token_refused);
  }
  CHECK(classify_call_failure("account.sessions.open", 401, FailureStage::send, true).account_token_refused);
  // A workspace key's or a probed key's 401 is not the account token's.
  for (const char* kind : {"posts.list", "workspace.probe", "social_accounts.boards"}) {
    CAPTURE(kind);
    CHECK_FALSE(classify_call_failure(kind, 401).account_token_refused);
  }
}

TEST_CASE("the transport's error kinds are read from the one status table") {
  CHECK(transport_error_kind(0, false) == "network");
  CHECK(transport_error_kind(0, true) == "timeout");
  CHECK(transport_error_kind(429, false) == "rate_limited");
  CHECK(transport_error_kind(402, false) == "payment_required");
  for (int s : {200, 201, 204, 301, 304}) {
    CAPTURE(s);
    CHECK(transport_error_kind(s, false).empty());
  }
  for (int s : {400, 401, 403, 404, 408, 409, 422, 500, 501, 503, 505}) {
    CAPTURE(s);
    CHECK(transport_error_kind(s, false) == "http");
    CHECK(transport_error_kind(s, true) == "http");  // an answer came: the timer did not end it
  }
  // Every status: a kind exists exactly when the class is not success, and the two kinds with a
  // class of their own are those classes.
  for (int s = 0; s <= 999; ++s) {
    if (s > 0 && s < 100) continue;
    CAPTURE(s);
    const auto cls = status_class(s);
    CHECK(transport_error_kind(s, false).empty() == (cls == StatusClass::success));
    CHECK((transport_error_kind(s, false) == "rate_limited") == (cls == StatusClass::rate_limited));
    CHECK((transport_error_kind(s, false) == "payment_required") == (cls == StatusClass::payment_required));
  }
}

TEST_CASE("decideRetry answers the status's class and the transport's error kind") {
  const auto ask = [](const char* text) { return json::parse(retry_decision_json(text)); };
  const auto ok = ask(R"({"status":201,"idempotent":false})");
  CHECK(ok["status_class"] == "success");
  CHECK_FALSE(ok.contains("error_kind"));
  const auto lost = ask(R"({"status":0,"idempotent":true,"attempt":5})");
  CHECK(lost["status_class"] == "passing");
  CHECK(lost["error_kind"] == "network");
  CHECK(ask(R"({"status":0,"idempotent":true,"attempt":5,"timed_out":true})")["error_kind"] == "timeout");
  CHECK(ask(R"({"status":402,"idempotent":true})")["error_kind"] == "payment_required");
  CHECK(ask(R"({"status":429,"idempotent":true,"attempt":5})")["error_kind"] == "rate_limited");
  const auto refused = ask(R"({"status":401,"idempotent":true})");
  CHECK(refused["status_class"] == "credential_refused");
  CHECK(refused["error_kind"] == "http");
  CHECK(ask(R"({"status":505,"idempotent":true})")["status_class"] == "refused");
  CHECK(ask(R"({"status":0,"idempotent":true,"timed_out":"yes"})")["errors"].contains("timed_out"));
}

TEST_CASE("a posts walk ends quietly when its workspace went or a newer refresh took over") {
  for (int s : {404, 409}) {
    CAPTURE(s);
    CHECK(classify_call_failure("posts.list", s).quiet);
    CHECK(classify_call_failure("posts.list", s, FailureStage::begin).quiet);
    CHECK_FALSE(classify_call_failure("posts.get", s).quiet);
  }
  for (int s : {0, 401, 403, 422, 500}) {
    CAPTURE(s);
    CHECK_FALSE(classify_call_failure("posts.list", s).quiet);
  }
}

TEST_CASE("a 402 the server sent says payment is required, for a workspace's call, a key being tried and the account API") {
  for (const char* kind : {"posts.list", "posts.create", "workspace.probe", "labels.create", "account.usage", "account.workspaces.list"}) {
    CAPTURE(kind);
    CHECK(classify_call_failure(kind, 402).payment_required);
    // Refused before sending (a payment block the shell holds, a core rule): nothing answered 402.
    CHECK_FALSE(classify_call_failure(kind, 402, FailureStage::begin).payment_required);
    CHECK_FALSE(classify_call_failure(kind, 402, FailureStage::local).payment_required);
    for (int s : {0, 200, 401, 403, 422, 429, 500}) {
      CAPTURE(s);
      CHECK_FALSE(classify_call_failure(kind, s).payment_required);
    }
  }
  CHECK(json::parse(failure_class_json(R"({"kind":"workspace.probe","status":402})"))["payment_required"] == true);
  CHECK(json::parse(failure_class_json(R"({"kind":"workspace.probe","status":401})"))["payment_required"] == false);
}

TEST_CASE("classifyFailure answers the outbox's outcome and the call's consequences, and names a bad field") {
  const auto a = json::parse(failure_class_json(R"({"kind":"posts.list","status":401})"));
  CHECK(a["credential_refused"] == true);
  CHECK(a["quiet"] == false);
  CHECK(a["outcome"] == "wait");
  const auto b = json::parse(failure_class_json(R"({"kind":"posts.list","status":409,"stage":"begin"})"));
  CHECK(b["quiet"] == true);
  CHECK(b["credential_refused"] == false);
  CHECK(json::parse(failure_class_json(R"({"kind":"workspace.probe","status":401})"))["key_refused"] == true);
  CHECK(json::parse(failure_class_json(R"({"kind":"account.sessions.open","status":405})"))["unsupported"] == true);
  const auto token = json::parse(failure_class_json(R"({"kind":"account.workspaces.list","status":401})"));
  CHECK(token["account_token_refused"] == true);
  CHECK(token["credential_refused"] == false);
  CHECK(json::parse(failure_class_json(R"({"kind":"posts.list","status":401})"))["account_token_refused"] == false);
  CHECK(json::parse(failure_class_json(R"({"kind":"posts.update","status":505})"))["outcome"] == "problem");
  CHECK(json::parse(failure_class_json(R"({"kind":"posts.rewrite","status":500})"))["errors"].contains("kind"));
}

}  // namespace failure_class_test
