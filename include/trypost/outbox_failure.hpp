#pragma once
// What a failed outbox edit means for the queue: done (what the user wanted happened), wait (stays
// first in its workspace's line and goes out at the next flush) or a problem (taken out and kept,
// with the user's text, for the user to read). The transport has already retried what
// retry_decision allows; this decides what the queue does with the answer that stayed.
#include <string>
#include <string_view>

namespace trypost {

enum class OutboxStage {
  begin,  // refused by the Store before it was sent (no key yet, unknown workspace, a rule)
  send,   // sent: the server's status, or 0 when no answer came
  local,  // refused by the shell itself (a payment block, a thrown error): nothing was sent
};

struct OutboxFailure {
  std::string outcome;  // done | wait | problem
  std::string held;     // on wait: "key" (no usable key yet) or "credential" (refused: 401); else empty
  bool conflict = false;  // a problem that is a post changed meanwhile (422 on an edit)
};

// kind: posts.create | posts.update | posts.delete
OutboxFailure classify_outbox_failure(std::string_view kind, int status, OutboxStage stage);

// {"kind","status","stage"?: "begin"|"send"|"local"} -> {"outcome","held"?,"conflict"}
// (binding classifyFailure)
std::string outbox_failure_json(const std::string& json_text);

}  // namespace trypost
