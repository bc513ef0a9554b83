#include "trypost/outbox_failure.hpp"

namespace trypost {

OutboxFailure classify_outbox_failure(std::string_view kind, int status, FailureStage stage) {
  OutboxFailure out;
  const StatusClass cls = status_class(status);
  if (stage == FailureStage::begin && (status == 401 || status == 404)) {
    // No key for that workspace yet, or the workspace is not known yet after a reload: the edit
    // waits for one (a key added, a session opened, the list read).
    out.outcome = "wait";
  } else if (stage == FailureStage::send && kind == "posts.delete" && status == 404) {
    // Deleting a post that is already gone is what the user asked for.
    out.outcome = "done";
  } else if (stage == FailureStage::send && (cls == StatusClass::passing || cls == StatusClass::rate_limited)) {
    // No answer, a timeout, the throttle or the server's passing trouble, past the transport's
    // retries: nothing was refused, so the edit waits its turn and goes at the next flush.
    out.outcome = "wait";
  } else if (stage == FailureStage::send && cls == StatusClass::credential_refused) {
    // A refused credential (revoked, expired, deleted) holds the queue until a usable one arrives.
    out.outcome = "wait";
  } else {
    // Everything else is refused as sent (501 and 505 too: waiting would hold every later edit of
    // the workspace behind one the server will never take).
    out.outcome = "problem";
    // A create refused with 422 is the user's input; an edit refused with 422 is a post that
    // changed state meanwhile (published, publishing), shown as a conflict.
    out.conflict = status == 422 && kind != "posts.create";
  }
  return out;
}

}  // namespace trypost
