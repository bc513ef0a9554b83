#include <doctest/doctest.h>

#include "trypost/failure_class.hpp"
#include "trypost/outbox_failure.hpp"

#include <nlohmann/json.hpp>

namespace outbox_failure_test {

using namespace trypost;
using nlohmann::json;

TEST_CASE("no answer, a timeout, the throttle and a passing 5xx keep the edit waiting first in line") {
  for (int s : {0, 408, 429, 500, 502, 503, 504, 507, 599}) {
    CAPTURE(s);
    const auto f = classify_outbox_failure("posts.update", s, FailureStage::send);
    CHECK(f.outcome == "wait");
    CHECK_FALSE(classify_call_failure("posts.update", s).credential_refused);
    CHECK_FALSE(f.conflict);
  }
}

TEST_CASE("501 and 505 are refusals: the edit becomes a problem instead of holding the queue") {
  for (int s : {501, 505}) {
    CAPTURE(s);
    for (const char* kind : {"posts.create", "posts.update", "posts.delete"}) {
      CAPTURE(kind);
      const auto f = classify_outbox_failure(kind, s, FailureStage::send);
      CHECK(f.outcome == "problem");
      CHECK_FALSE(f.conflict);
    }
  }
}

TEST_CASE("a refused credential holds the queue; a refusal before sending for want of a key waits for one") {
  const auto refused = classify_outbox_failure("posts.create", 401, FailureStage::send);
  CHECK(refused.outcome == "wait");
  CHECK(classify_call_failure("posts.create", 401).credential_refused);
  for (int s : {401, 404}) {
    const auto f = classify_outbox_failure("posts.update", s, FailureStage::begin);
    CHECK(f.outcome == "wait");
    CHECK_FALSE(classify_call_failure("posts.update", s, FailureStage::begin).credential_refused);
  }
  CHECK(classify_outbox_failure("posts.update", 403, FailureStage::begin).outcome == "problem");
}

TEST_CASE("deleting a post that is already gone is done; a missing post for an edit is a problem") {
  CHECK(classify_outbox_failure("posts.delete", 404, FailureStage::send).outcome == "done");
  CHECK(classify_outbox_failure("posts.update", 404, FailureStage::send).outcome == "problem");
  CHECK(classify_outbox_failure("posts.delete", 404, FailureStage::local).outcome == "problem");
}

TEST_CASE("a 422 on an edit is a conflict; on a create it is the user's input") {
  const auto edit = classify_outbox_failure("posts.update", 422, FailureStage::send);
  CHECK(edit.outcome == "problem");
  CHECK(edit.conflict);
  CHECK(classify_outbox_failure("posts.delete", 422, FailureStage::send).conflict);
  const auto create = classify_outbox_failure("posts.create", 422, FailureStage::send);
  CHECK(create.outcome == "problem");
  CHECK_FALSE(create.conflict);
  CHECK_FALSE(classify_outbox_failure("posts.update", 403, FailureStage::send).conflict);
}

TEST_CASE("a refusal by the shell itself (a payment block, a thrown error) is a problem, whatever the status") {
  for (int s : {0, 402, 500}) {
    CAPTURE(s);
    CHECK(classify_outbox_failure("posts.update", s, FailureStage::local).outcome == "problem");
  }
}

TEST_CASE("classifyFailure's text answers the same and names a bad field") {
  const auto w = json::parse(failure_class_json(R"({"kind":"posts.create","status":401})"));
  CHECK(w["outcome"] == "wait");
  CHECK(w["credential_refused"] == true);
  const auto p = json::parse(failure_class_json(R"({"kind":"posts.update","status":422,"stage":"send"})"));
  CHECK(p["outcome"] == "problem");
  CHECK(p["conflict"] == true);
  const auto k = json::parse(failure_class_json(R"({"kind":"posts.update","status":404,"stage":"begin"})"));
  CHECK(k["outcome"] == "wait");
  CHECK(k["credential_refused"] == false);
  CHECK(json::parse(failure_class_json(R"({"kind":"posts.update","status":1000})"))["errors"].contains("status"));
  CHECK(json::parse(failure_class_json(R"({"kind":"posts.update","status":500,"stage":"later"})"))["errors"].contains("stage"));
  CHECK(json::parse(failure_class_json(R"({"status":500})"))["errors"].contains("kind"));
}

}  // namespace outbox_failure_test
