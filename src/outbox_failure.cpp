#include "trypost/outbox_failure.hpp"

#include "trypost/core_answer.hpp"

namespace trypost {

OutboxFailure classify_outbox_failure(std::string_view kind, int status, OutboxStage stage) {
  OutboxFailure out;
  if (stage == OutboxStage::begin && (status == 401 || status == 404)) {
    // No key for that workspace yet, or the workspace is not known yet after a reload: the edit
    // waits for one (a key added, a session opened, the list read).
    out.outcome = "wait";
    out.held = "key";
  } else if (stage == OutboxStage::send && kind == "posts.delete" && status == 404) {
    // Deleting a post that is already gone is what the user asked for.
    out.outcome = "done";
  } else if (stage == OutboxStage::send && (status == 0 || status == 408 || status == 429 || status >= 500)) {
    // No answer, a timeout, the throttle or the server's own trouble, past the transport's
    // retries: nothing was refused, so the edit waits its turn. Every 5xx waits here, 501 and 505
    // too: the queue is tried again at the next flush, not in a loop.
    out.outcome = "wait";
  } else if (stage == OutboxStage::send && status == 401) {
    // A refused credential (revoked, expired, deleted) holds the queue until a usable one arrives.
    out.outcome = "wait";
    out.held = "credential";
  } else {
    out.outcome = "problem";
    // A create refused with 422 is the user's input; an edit refused with 422 is a post that
    // changed state meanwhile (published, publishing), shown as a conflict.
    out.conflict = status == 422 && kind != "posts.create";
  }
  return out;
}

std::string outbox_failure_json(const std::string& text) {
  nlohmann::json j;
  ApiError err;
  if (!parse_argument(text, j, err)) return error_answer(err);
  const auto k = j.find("kind");
  if (k == j.end() || !k->is_string()) return error_answer(field_error("kind", "The kind is the outbox entry's kind, e.g. posts.update."));
  const auto st = j.find("status");
  if (st == j.end() || !st->is_number_integer() || st->get<std::int64_t>() < 0 || st->get<std::int64_t>() > 999)
    return error_answer(field_error("status", "The status must be an HTTP status code, or 0 for no answer."));
  OutboxStage stage = OutboxStage::send;
  if (const auto s = j.find("stage"); s != j.end() && !s->is_null()) {
    const auto v = s->is_string() ? s->get<std::string>() : std::string();
    if (v == "begin") stage = OutboxStage::begin;
    else if (v == "local") stage = OutboxStage::local;
    else if (v != "send") return error_answer(field_error("stage", "The stage is begin, send or local."));
  }
  const auto f = classify_outbox_failure(k->get<std::string>(), st->get<int>(), stage);
  nlohmann::json out{{"outcome", f.outcome}, {"conflict", f.conflict}};
  if (!f.held.empty()) out["held"] = f.held;
  return dump_answer(out);
}

}  // namespace trypost
