#include "trypost/endpoint_call.hpp"

#include "trypost/failure_class.hpp"

#include <algorithm>
#include <cctype>

#include "store_parts.hpp"
#include "trypost/core_answer.hpp"
#include "trypost/response.hpp"

namespace trypost {
namespace {

using nlohmann::json;
using store_parts::kUnsupported;

struct EndpointRight {
  std::string_view endpoint;
  Action action;
};

// docs/api-contract.md#roles by endpoint. Boards and channels follow the MCP rule (create-post permission); the
// REST pages are silent there.
constexpr EndpointRight kRights[] = {
    {"posts.list", Action::view_posts},
    {"posts.get", Action::view_posts},
    {"posts.metrics", Action::view_posts},
    {"posts.preview", Action::view_posts},
    {"posts.create", Action::manage_posts},
    {"posts.update", Action::manage_posts},
    {"posts.delete", Action::manage_posts},
    {"posts.media.upload", Action::manage_posts},
    {"posts.media.from_url", Action::manage_posts},
    {"posts.media.from_asset", Action::manage_assets},
    {"content_types.list", Action::view_posts},
    {"workspace.get", Action::view_posts},
    {"assets.list", Action::manage_assets},
    {"assets.get", Action::manage_assets},
    {"signatures.list", Action::view_posts},
    {"signatures.create", Action::manage_signatures},
    {"signatures.update", Action::manage_signatures},
    {"signatures.delete", Action::manage_signatures},
    {"labels.list", Action::view_posts},
    {"labels.create", Action::manage_labels},
    {"labels.update", Action::manage_labels},
    {"labels.delete", Action::manage_labels},
    {"social_accounts.list", Action::view_posts},
    {"social_accounts.toggle", Action::manage_accounts},
    {"social_accounts.boards", Action::lookup_boards_channels},
    {"social_accounts.channels", Action::lookup_boards_channels},
    {"api_keys.list", Action::manage_api_keys},
    {"api_keys.create", Action::manage_api_keys},
    {"api_keys.delete", Action::manage_api_keys},
    {"account.workspaces.get", Action::view_posts},
    {"account.workspaces.update", Action::manage_settings},
    {"account.workspaces.brand", Action::manage_settings},
    {"account.workspaces.delete", Action::delete_workspace},
    {"account.members.list", Action::view_posts},
    {"account.invites.create", Action::manage_team},
    {"account.invites.cancel", Action::manage_team},
    {"account.members.update", Action::manage_team},
    {"account.members.remove", Action::manage_team},
    {"account.api_keys.list", Action::manage_api_keys},
    {"account.api_keys.create", Action::manage_api_keys},
    {"account.api_keys.delete", Action::manage_api_keys},
    {"account.social_accounts.connect", Action::manage_accounts},
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Strings anywhere in the answer, keys included in no case (keys are ours or the API's).
void redact_all(json& j, const std::string& secret) {
  if (secret.empty()) return;
  if (j.is_string()) {
    j = redact(j.get<std::string>(), secret);
  } else if (j.is_array() || j.is_object()) {
    for (auto& v : j) redact_all(v, secret);
  }
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::optional<Action> endpoint_action(std::string_view endpoint) {
  for (const auto& r : kRights)
    if (r.endpoint == endpoint) return r.action;
  return std::nullopt;
}

bool endpoint_needs_workspace(const Endpoint& ep) {
  return ep.auth == AuthKind::workspace_key || ep.path.find("{id}") != std::string_view::npos;
}

std::optional<ApiError> refuse_by_role(const WorkspaceState& s, const Endpoint& ep) {
  if (const auto action = endpoint_action(ep.name); action && !can(s.role, *action))
    return make_error(403, "This action is unauthorized.");
  return std::nullopt;
}

Expected<json> build_with_bearer(const json& description, const std::string& bearer) {
  auto built = build_request(description);
  if (!built) return built.error();
  json out = to_json(*built);
  out["headers"]["Authorization"] = "Bearer " + bearer;
  return out;
}

Expected<json> begin_endpoint_call(const Store& store, const std::string& workspace_id, const json& d) {
  if (!d.is_object()) return field_error("description", "The request description must be an object.");
  if (d.contains("base")) return field_error("base", "The shell adds the server's address; leave base out.");
  const auto e_it = d.find("endpoint");
  if (e_it == d.end() || !e_it->is_string()) return field_error("endpoint", "The endpoint field is required.");
  const Endpoint* ep = find_endpoint(e_it->get<std::string>());
  if (!ep) return field_error("endpoint", "Unknown endpoint; see endpoints() for the list.");
  if (ep->auth == AuthKind::signed_url)
    return field_error("endpoint", "A signed upload URL carries its own authority; no workspace key goes with it.");

  json description = d;
  const WorkspaceState* s = nullptr;
  if (endpoint_needs_workspace(*ep)) {
    s = store.find(workspace_id);
    if (!s) return make_error(404, "Workspace not found.");
    if (auto refused = refuse_by_role(*s, *ep)) return *refused;
  }

  std::string bearer;
  if (ep->auth == AuthKind::account_token) {
    if (store.account_token().empty() || store.lifecycle() != Lifecycle::supported) return make_error(501, kUnsupported);
    bearer = store.account_token();
    if (s) {
      // The account API names the workspace in its path: always the calling one.
      json& params = description["params"];
      if (params.is_null()) params = json::object();
      if (!params.is_object()) return field_error("params", "The params field must be an object.");
      if (const auto id = params.find("id"); id != params.end() && !(id->is_string() && id->get<std::string>() == s->info.id))
        return field_error("params.id", "A call is bound to the workspace that made it; it cannot name another one.");
      params["id"] = s->info.id;
    }
  } else {
    if (s->key.empty())
      return make_error(401, "This client holds no API key for this workspace. Add one to use it here.");
    bearer = s->key;
  }

  auto out = build_with_bearer(description, bearer);
  if (!out) return out.error();
  out.value()["workspace_id"] = s ? json(s->info.id) : json(nullptr);
  return out;
}

std::string_view payment_kind(const std::string& message, const json& body) {
  const auto m = lower(message);
  if (m.find("credit") != std::string::npos) return "credits";
  if (body.is_object() && body.contains("plan_status")) return "plan";
  for (const char* word : {"subscription", "plan", "trial", "past_due", "past due", "billing"})
    if (m.find(word) != std::string::npos) return "plan";
  return "unknown";
}

std::string begin_endpoint_call_json(const Store& store, const std::string& workspace_id, const std::string& text) {
  const json d = json::parse(text, nullptr, false);
  if (d.is_discarded() || !d.is_object()) return error_answer(make_error(400, "The argument must be a JSON object."));
  const auto out = begin_endpoint_call(store, workspace_id, d);
  return out ? dump(*out) : error_answer(out.error());
}

std::string finish_endpoint_call_json(const Store& store, const std::string& workspace_id, const std::string& meta,
                                      const std::string& body) {
  std::string text = parse_response_parts_json(meta, body);
  // A success ("data" sorts first) goes back as the parser wrote it: no second parse of a page.
  if (text.rfind("{\"failure\"", 0) != 0) return text;
  json out = json::parse(text, nullptr, false);
  if (out.is_discarded() || !out.is_object()) return error_answer(make_error(500, "The answer could not be read."));
  const auto f = out.find("failure");
  if (f == out.end()) return dump(out);
  if (f->is_object()) {
    if (f->value("status", 0) == 402) {
      json parsed;
      if (body.size() <= 64 * 1024) parsed = json::parse(body, nullptr, false);
      (*f)["payment"] = std::string(payment_kind(f->value("message", std::string()), parsed.is_discarded() ? json() : parsed));
      if (parsed.is_object())
        for (const char* k : {"plan_status", "credits_used", "credits_limit"})
          if (const auto v = parsed.find(k); v != parsed.end() && (v->is_string() || v->is_number_integer())) (*f)[k] = *v;
    }
    // Whether this workspace's own credential was refused (failure_class.hpp): the client then
    // lists it as needing sign-in again. meta.stage "begin": the shell reads the core's own
    // refusal before sending; nothing was refused.
    const json m = json::parse(meta, nullptr, false);
    const auto text_of = [&](const char* key) {
      const auto it = m.is_object() ? m.find(key) : m.end();
      return m.is_object() && it != m.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const auto means = classify_call_failure(text_of("endpoint"), f->value("status", 0),
                                             text_of("stage") == "begin" ? FailureStage::begin : FailureStage::send);
    (*f)["credential_refused"] = store.find(workspace_id) != nullptr && means.credential_refused;
    (*f)["payment_required"] = means.payment_required;
  }
  if (const auto* s = store.find(workspace_id)) redact_all(*f, s->key);
  redact_all(*f, store.account_token());
  return dump(out);
}

}  // namespace trypost
