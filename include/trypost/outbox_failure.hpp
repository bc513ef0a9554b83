#pragma once
// What a failed outbox edit means for the queue: done (what the user wanted happened), wait (stays
// first in its workspace's line and goes out at the next flush) or a problem (taken out and kept,
// with the user's text, for the user to read). The transport has already retried what
// retry_decision allows; this decides what the queue does with the answer that stayed. Which
// statuses are passing is the one table both read (status_class, failure_class.hpp).
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trypost/failure_class.hpp"

namespace trypost {

// A wait for a key or a credential is told apart by the call's consequences (classify_call_failure:
// credential_refused), which the client acts on.
struct OutboxFailure {
  std::string outcome;  // done | wait | problem
  bool conflict = false;  // a problem that is a post changed meanwhile (422 on an edit)
};

// kind: posts.create | posts.update | posts.delete. The binding classifyFailure answers this
// together with the call's consequences (failure_class_json).
OutboxFailure classify_outbox_failure(std::string_view kind, int status, FailureStage stage);

// A failure's class as every answer carries it (the Store's error answers, classifyFailure): the
// call's consequences and the outbox's {"outcome", "conflict"}, so the outbox reads what
// a failed send means from the answer it already has.
nlohmann::json to_json(const CallFailure& call, const OutboxFailure& outbox);
// Both readings of one failure, as that JSON.
nlohmann::json describe_failure(std::string_view kind, int status, FailureStage stage);

}  // namespace trypost
