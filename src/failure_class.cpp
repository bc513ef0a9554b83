#include "trypost/failure_class.hpp"

#include "trypost/core_answer.hpp"
#include "trypost/outbox_failure.hpp"
#include "trypost/request.hpp"

namespace trypost {
namespace {

// The Store's probe of a key reads workspace.get with the key being tried, not a workspace's own.
constexpr std::string_view kProbe = "workspace.probe";

const Endpoint* endpoint_for(std::string_view kind) {
  return find_endpoint(kind == kProbe ? std::string_view("workspace.get") : kind);
}

}  // namespace

StatusClass status_class(int s) {
  if (s >= 200 && s < 400) return StatusClass::success;
  if (s == 401) return StatusClass::credential_refused;
  if (s == 402) return StatusClass::payment_required;
  if (s == 429) return StatusClass::rate_limited;
  if (s == 0 || s == 408 || (s >= 500 && s != 501 && s != 505)) return StatusClass::passing;
  return StatusClass::refused;
}

std::string_view status_class_name(StatusClass c) {
  switch (c) {
    case StatusClass::success: return "success";
    case StatusClass::passing: return "passing";
    case StatusClass::rate_limited: return "rate_limited";
    case StatusClass::payment_required: return "payment_required";
    case StatusClass::credential_refused: return "credential_refused";
    case StatusClass::refused: return "refused";
  }
  return "refused";
}

std::string_view transport_error_kind(int status, bool timed_out) {
  if (status == 0) return timed_out ? "timeout" : "network";
  switch (status_class(status)) {
    case StatusClass::success: return "";
    case StatusClass::rate_limited: return "rate_limited";
    case StatusClass::payment_required: return "payment_required";
    default: return "http";
  }
}

bool known_failure_kind(std::string_view kind) { return endpoint_for(kind) != nullptr; }

CallFailure classify_call_failure(std::string_view kind, int status, FailureStage stage, bool names_resource) {
  CallFailure out;
  const Endpoint* ep = endpoint_for(kind);
  if (!ep) return out;
  const bool refused_401 = stage == FailureStage::send && status_class(status) == StatusClass::credential_refused;
  out.payment_required = stage == FailureStage::send && status_class(status) == StatusClass::payment_required;
  if (kind == kProbe) {
    out.key_refused = refused_401;
    return out;
  }
  // A 401 from the Pinterest boards list speaks of the Pinterest connection, not of the key
  // (api-contract: the two are told apart by endpoint); the account API's 401 is the account
  // token's, not any workspace's.
  out.credential_refused = refused_401 && ep->auth == AuthKind::workspace_key && ep->name != "social_accounts.boards";
  out.account_token_refused = refused_401 && ep->auth == AuthKind::account_token;
  if (ep->auth == AuthKind::account_token && stage != FailureStage::local) {
    // A server without this part of the account API: 501 anywhere, 405 (no such method there),
    // and 404 on a path that names no resource (only the route itself can be missing).
    const bool names_nothing = !names_resource && ep->path.find('{') == std::string_view::npos;
    out.unsupported = status == 501 || status == 405 || (status == 404 && names_nothing);
  }
  // Deleted mid-walk (404) or overtaken by a newer refresh (409).
  out.quiet = ep->name == "posts.list" && (status == 404 || status == 409);
  return out;
}

nlohmann::json to_json(const CallFailure& c) {
  return {{"credential_refused", c.credential_refused},
          {"key_refused", c.key_refused},
          {"unsupported", c.unsupported},
          {"account_token_refused", c.account_token_refused},
          {"quiet", c.quiet},
          {"payment_required", c.payment_required}};
}

nlohmann::json describe_failure(std::string_view kind, int status, FailureStage stage) {
  return to_json(classify_call_failure(kind, status, stage), classify_outbox_failure(kind, status, stage));
}

nlohmann::json to_json(const CallFailure& call, const OutboxFailure& outbox) {
  nlohmann::json out = to_json(call);
  out["outcome"] = outbox.outcome;
  out["conflict"] = outbox.conflict;
  return out;
}

std::string failure_class_json(const std::string& text) {
  nlohmann::json j;
  ApiError err;
  if (!parse_argument(text, j, err)) return error_answer(err);
  const auto k = j.find("kind");
  if (k == j.end() || !k->is_string() || !known_failure_kind(k->get<std::string>()))
    return error_answer(field_error("kind", "The kind is a request kind or an endpoint name, e.g. posts.update."));
  const auto st = j.find("status");
  if (st == j.end() || !st->is_number_integer() || st->get<std::int64_t>() < 0 || st->get<std::int64_t>() > 999)
    return error_answer(field_error("status", "The status must be an HTTP status code, or 0 for no answer."));
  FailureStage stage = FailureStage::send;
  if (const auto s = j.find("stage"); s != j.end() && !s->is_null()) {
    const auto v = s->is_string() ? s->get<std::string>() : std::string();
    if (v == "begin") stage = FailureStage::begin;
    else if (v == "local") stage = FailureStage::local;
    else if (v != "send") return error_answer(field_error("stage", "The stage is begin, send or local."));
  }
  const auto kind = k->get<std::string>();
  const int status = st->get<int>();
  return dump_answer(describe_failure(kind, status, stage));
}

}  // namespace trypost
