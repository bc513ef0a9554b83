// What a failed answer means for the user: its kind (which key needs attention, whether credits
// block an action, how long to wait), the server's own words when its body is sane JSON, and
// default words when it is not.
#include "response_parts.hpp"
#include "trypost/failure_class.hpp"
#include "trypost/retry.hpp"

namespace trypost::response_parts {
namespace {

using nlohmann::json;

std::string default_message(const std::string& kind) {
  if (kind == "network") return "The server could not be reached.";
  if (kind == "key_invalid") return "This workspace's API key is missing, invalid, expired or deleted.";
  if (kind == "session_expired") return "Your session has expired; sign in again.";
  if (kind == "pinterest_token_expired") return "The Pinterest connection has expired; reconnect the account.";
  if (kind == "payment_required") return "An active subscription or AI credits are required.";
  if (kind == "forbidden") return "Your role does not allow this action.";
  if (kind == "upload_link_invalid") return "The upload link is invalid or has expired.";
  if (kind == "not_found") return "Not found (it may belong to another workspace).";
  if (kind == "conflict") return "This upload link has already been used.";
  if (kind == "validation") return "The given data was invalid.";
  if (kind == "rate_limited") return "Too many requests; waiting before trying again.";
  if (kind == "upstream_unavailable") return "The social network did not answer; try again later.";
  if (kind == "server_error") return "The server failed to answer.";
  if (kind == "unsupported") return "This server does not offer this part of the account API.";
  return "The request failed.";
}

std::string failure_kind(const Endpoint& ep, int status) {
  if (status == 0) return "network";
  if (status == 401) {
    if (ep.name == "social_accounts.boards") return "pinterest_token_expired";
    return ep.auth == AuthKind::account_token ? "session_expired" : "key_invalid";
  }
  if (status == 402) return "payment_required";
  // The same answer the client acts on (failure_class.hpp): this server lacks that part of the
  // account API, whether the core found so before sending (501) or the server said it.
  if (classify_call_failure(ep.name, status).unsupported) return "unsupported";
  if (status == 403) return ep.auth == AuthKind::signed_url ? "upload_link_invalid" : "forbidden";
  if (status == 404) return "not_found";
  if (status == 409) return "conflict";
  if (status == 422) return "validation";
  if (status == 429) return "rate_limited";
  if (status == 502 && (ep.name == "social_accounts.boards" || ep.name == "social_accounts.channels")) return "upstream_unavailable";
  if (status >= 500 && status <= 599) return "server_error";
  if (status >= 400 && status <= 499) return "client_error";
  return "unexpected_status";
}

std::optional<UtcSeconds> time_value(const json& v) {
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_string()) return parse_time(v.get<std::string>()).value;
  return std::nullopt;
}

// The JSON body of an error answer, when it is sane: the server's message, its field errors and,
// for a 402, when the block lifts. An HTML error page keeps the default words.
void read_error_body(const HttpResponse& r, const ResponseLimits& limits, ResponseFailure& f) {
  json j;
  if (blank(r.body) || looks_like_html(r) || parse_json_within(r.body, limits, j) || !j.is_object()) return;
  if (const auto m = j.find("message"); m != j.end() && m->is_string()) f.message = m->get<std::string>().substr(0, kMaxServerMessage);
  if (const auto e = j.find("errors"); e != j.end() && e->is_object()) {
    for (const auto& [field, list] : e->items()) {
      if (list.is_array()) {
        for (const auto& msg : list)
          if (msg.is_string()) f.errors[field].push_back(msg.get<std::string>().substr(0, kMaxServerMessage));
      } else if (list.is_string()) {
        f.errors[field].push_back(list.get<std::string>().substr(0, kMaxServerMessage));
      }
    }
  }
  if (r.status == 402)
    for (const char* k : {"until", "resets_at", "retry_at", "available_at"})
      if (const auto u = j.find(k); !f.until && u != j.end())
        if (const auto t = time_value(*u)) f.until = *t;
}

}  // namespace

ResponseFailure failure_from(const Endpoint& ep, const HttpResponse& r, UtcSeconds now, const ResponseLimits& limits) {
  ResponseFailure f;
  f.status = r.status;
  f.kind = failure_kind(ep, r.status);
  f.workspace_key_needs_attention = f.kind == "key_invalid";
  f.reconnect_account = f.kind == "pinterest_token_expired";
  f.stop_credit_actions = f.kind == "payment_required";
  const auto ra = header(r, "retry-after");
  if (!ra.empty()) f.retry_after_seconds = parse_retry_after(ra, now);
  read_error_body(r, limits, f);
  if (r.status == 402 && !f.until && f.retry_after_seconds) f.until = now + *f.retry_after_seconds;
  if (f.message.empty()) f.message = default_message(f.kind);
  return f;
}

json failure_json(const ResponseFailure& f) {
  json out{{"status", f.status}, {"kind", f.kind}, {"message", f.message}};
  if (!f.reason.empty()) out["reason"] = f.reason;
  if (!f.errors.empty()) out["errors"] = f.errors;
  if (f.retry_after_seconds) out["retry_after_seconds"] = *f.retry_after_seconds;
  if (f.until) {
    out["until"] = *f.until;
    out["until_iso"] = format_iso_time(*f.until);
  }
  out["workspace_key_needs_attention"] = f.workspace_key_needs_attention;
  out["reconnect_account"] = f.reconnect_account;
  out["stop_credit_actions"] = f.stop_credit_actions;
  return out;
}

}  // namespace trypost::response_parts
