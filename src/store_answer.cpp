// Store::apply_response: a server's answer, read within the limits of the one bounded JSON
// reader, lands in the workspace the request was begun for (or is dropped), and becomes an
// outcome: applied, dropped, or error with the API's field paths. Each kind of success answer has
// its own step: the workspace's REST data in store_answer_workspace.cpp, the account API's in
// store_answer_account.cpp.
#include "trypost/store.hpp"

#include <algorithm>

#include "store_parts.hpp"
#include "trypost/json_reader.hpp"
#include "trypost/outbox_failure.hpp"

namespace trypost {
namespace {

using nlohmann::json;
using store_parts::kUnsupported;

// What a success body of each kind carries: nothing (the 204 deletes), a list, or an object that
// a key identifies. An object with a "message" where that key should be is an error wearing a 200.
enum class Body { empty, list, object };
struct Expects {
  Body body;
  const char* marker = nullptr;
};
Expects expects(RequestKind k) {
  switch (k) {
    case RequestKind::post_delete:
    case RequestKind::account_workspace_delete:
    case RequestKind::account_member_remove:
      return {Body::empty};
    case RequestKind::labels_list:
    case RequestKind::signatures_list:
    case RequestKind::accounts_list:
    case RequestKind::api_keys_list:
    case RequestKind::account_workspaces_list:
      return {Body::list};
    case RequestKind::posts_page: return {Body::object, "data"};
    case RequestKind::account_workspace_create: return {Body::object, "workspace"};
    case RequestKind::account_members_list: return {Body::object, "members"};
    case RequestKind::account_member_update: return {Body::object, "user_id"};
    case RequestKind::account_api_key_create: return {Body::object, "plain_token"};
    case RequestKind::account_session_open: return {Body::object, "sessions"};
    default: return {Body::object, "id"};
  }
}

// At most n bytes of a server's message, cut on a character boundary (the outcome must stay UTF-8).
std::string clip(const std::string& text, std::size_t n) {
  if (text.size() <= n) return text;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

struct Refusal {
  std::string reason, message;
};

// The one bounded parse of a success body (the limits of json_reader.hpp), or why it was refused.
std::optional<Refusal> read_success_body(RequestKind kind, const std::string& text, json& body) {
  const auto want = expects(kind);
  if (blank(text)) {
    if (want.body == Body::empty) return std::nullopt;
    return Refusal{"not_json", "The server answered with an empty body where JSON was expected."};
  }
  const auto first = text.find_first_not_of(" \t\r\n");
  if (text[first] == '<') return Refusal{"html", "The server answered with an HTML page instead of JSON."};
  if (const auto f = read_json_within(text, JsonLimits{}, body)) {
    if (f->reason == "not_json") return Refusal{"not_json", "The server answered with malformed JSON (cut short or corrupt)."};
    return Refusal{f->reason, f->message};
  }
  const auto msg = body.is_object() ? body.find("message") : body.end();
  if (body.is_object() && msg != body.end() && msg->is_string()) {
    const bool error_like = want.body == Body::empty
                                ? body.contains("exception") || body.contains("errors") || body.contains("error")
                                : want.body == Body::list || !body.contains(want.marker);
    if (error_like) return Refusal{"error_body", "The server reported an error: " + clip(msg->get<std::string>(), 500)};
  }
  return std::nullopt;
}

// The message of an error answer, when its body is a readable, bounded JSON object.
json read_error_body(const std::string& text) {
  json body;
  if (blank(text) || text[text.find_first_not_of(" \t\r\n")] == '<') return body;
  if (read_json_within(text, JsonLimits{}, body)) return json();
  return body;
}

// An error answer as the outcome's error: the server's message (cut to 500 bytes) and its field
// errors, with the key that signed the request redacted from them.
ApiError failure_of(int status, const json& body, const std::string& secret) {
  ApiError e = make_error(status, "The server answered " + std::to_string(status) + ".");
  if (!body.is_object()) return e;
  if (body.contains("message") && body["message"].is_string()) e.message = clip(body["message"].get<std::string>(), 500);
  if (body.contains("errors") && body["errors"].is_object())
    for (const auto& [field, list] : body["errors"].items())
      if (list.is_array())
        for (const auto& m : list)
          if (m.is_string()) e.add(field, redact(m.get<std::string>(), secret));
  return e;
}

}  // namespace

json Store::outcome(const PendingRequest& r, const char* what) const {
  return {{"request_id", r.id},
          {"workspace_id", r.workspace_id.empty() ? json(nullptr) : json(r.workspace_id)},
          {"kind", std::string(wire_name(r.kind))},
          {"outcome", what}};
}
json Store::apply_response(std::uint64_t request_id, int status, const std::string& body_text) {
  const auto it = pending_.find(request_id);
  if (it == pending_.end())
    return {{"request_id", request_id}, {"outcome", "dropped"}, {"reason", "unknown request"}};
  const PendingRequest r = std::move(it->second);
  pending_.erase(it);

  WorkspaceState* s = nullptr;
  if (!r.workspace_id.empty()) {
    s = find_mut(r.workspace_id);
    if (!s || s->epoch != r.epoch) {
      auto out = outcome(r, "dropped");
      out["reason"] = "the workspace was deleted while the request was in flight";
      return out;
    }
    auto& ob = s->outbox;
    const auto before = ob.size();
    ob.erase(std::remove_if(ob.begin(), ob.end(), [&](const json& e) { return e.value("request_id", 0ULL) == r.id; }),
             ob.end());
    if (ob.size() != before) bump(*s, "outbox");
  }
  const std::string secret = s ? s->key : r.probe_key;

  // What the shell does with the failure besides telling its caller (failure_class.hpp): read
  // from the status the server sent, whatever status the answer ends up naming. What the outbox
  // does with it reads the status the answer names (an unreadable success is a 502: it waits).
  const bool names_workspace = r.kind == RequestKind::account_session_open && r.params.contains("workspace_id");
  const bool failed = status == 0 || status >= 400;
  CallFailure means = failed ? classify_call_failure(wire_name(r.kind), status, FailureStage::send, names_workspace) : CallFailure{};
  means.credential_refused = means.credential_refused && !r.workspace_id.empty();
  const auto fail = [&](ApiError e) {
    auto out = outcome(r, "error");
    e.message = redact(e.message, secret);
    e.message = redact(e.message, account_token_);
    out["status"] = e.status;
    out["error"] = e.to_json();
    out["failure_class"] = to_json(means, classify_outbox_failure(wire_name(r.kind), e.status, FailureStage::send));
    return out;
  };

  if (status == 0) return fail(make_error(0, "The server could not be reached."));

  if (status >= 400) {
    if (r.kind == RequestKind::account_workspaces_list && means.unsupported) {
      lifecycle_ = Lifecycle::unsupported;
      return fail(make_error(501, kUnsupported));
    }
    ApiError e = failure_of(status, read_error_body(body_text), secret);
    if (status == 401 && r.kind == RequestKind::workspace_probe) e.message = "The API key was not accepted.";
    return fail(std::move(e));
  }
  // Nothing of the workspace is touched until the whole body has passed the limits.
  json body;
  if (auto refused = read_success_body(r.kind, body_text, body)) {
    auto out = fail(make_error(502, refused->message));
    out["reason"] = refused->reason;
    return out;
  }
  return apply_ok(r, s, status, body);
}

// The step of the answer's kind. Every kind but the probe, the account list and create was begun
// for a workspace, so `s` is that workspace (apply_response has dropped the answer otherwise).
json Store::apply_ok(const PendingRequest& r, WorkspaceState* s, int status, const json& body) {
  (void)status;
  auto out = outcome(r, "applied");
  std::optional<ApiError> problem;
  switch (r.kind) {
    case RequestKind::workspace_probe: problem = apply_workspace_probe(r, body, out); break;
    case RequestKind::workspace_get: problem = apply_workspace_get(*s, body); break;
    case RequestKind::posts_page: problem = apply_posts_page(r, *s, body, out); break;
    case RequestKind::post_get:
    case RequestKind::post_create:
    case RequestKind::post_update: problem = apply_post(*s, body, out); break;
    case RequestKind::post_delete: problem = apply_post_delete(r, *s); break;
    case RequestKind::labels_list:
    case RequestKind::signatures_list:
    case RequestKind::accounts_list: problem = apply_list(r.kind, *s, body); break;
    case RequestKind::api_keys_list: problem = apply_api_keys(*s, body); break;
    case RequestKind::account_workspaces_list: problem = apply_account_workspaces(r, body, out); break;
    case RequestKind::account_workspace_create: problem = apply_workspace_create(body, out); break;
    case RequestKind::account_workspace_update:
    case RequestKind::account_workspace_brand: problem = apply_workspace_update(*s, body, out); break;
    case RequestKind::account_workspace_delete: problem = apply_workspace_delete(r, out); break;
    case RequestKind::account_members_list: problem = apply_members(*s, body); break;
    case RequestKind::account_api_key_create: problem = apply_api_key_create(*s, body, out); break;
    case RequestKind::account_session_open: problem = apply_sessions(body, out); break;
    case RequestKind::account_member_update: problem = apply_member_update(*s, body); break;
    case RequestKind::account_member_remove: problem = apply_member_remove(r, *s); break;
  }
  if (!problem) return out;
  // An answer of the wrong shape is the server's fault, never the request's.
  auto refused = outcome(r, "error");
  if (problem->status < 500) problem->status = 502;
  refused["reason"] = "shape";
  refused["status"] = problem->status;
  refused["error"] = problem->to_json();
  refused["failure_class"] = to_json(CallFailure{}, classify_outbox_failure(wire_name(r.kind), problem->status, FailureStage::send));
  return refused;
}

}  // namespace trypost
