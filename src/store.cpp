// The Store's workspaces: the kinds of request it begins (each one endpoint of the endpoint
// table), the workspaces themselves, their summaries and views, and the JSON-text facade the
// bindings use. Beginning a request is in store_request.cpp, applying its answer in
// store_answer.cpp.
#include "trypost/store.hpp"

#include <algorithm>

#include "trypost/core_answer.hpp"
#include "trypost/outbox_failure.hpp"

namespace trypost {
namespace {

using nlohmann::json;

// The name a kind has in beginRequest and in outcomes is its endpoint's name, except the probe,
// which asks workspace.get with a key no workspace holds yet.
struct KindName {
  RequestKind kind;
  std::string_view name;
  std::string_view endpoint;
};

constexpr KindName kKinds[] = {
    {RequestKind::workspace_probe, "workspace.probe", "workspace.get"},
    {RequestKind::workspace_get, "workspace.get", "workspace.get"},
    {RequestKind::posts_page, "posts.list", "posts.list"},
    {RequestKind::post_get, "posts.get", "posts.get"},
    {RequestKind::post_create, "posts.create", "posts.create"},
    {RequestKind::post_update, "posts.update", "posts.update"},
    {RequestKind::post_delete, "posts.delete", "posts.delete"},
    {RequestKind::labels_list, "labels.list", "labels.list"},
    {RequestKind::signatures_list, "signatures.list", "signatures.list"},
    {RequestKind::accounts_list, "social_accounts.list", "social_accounts.list"},
    {RequestKind::api_keys_list, "api_keys.list", "api_keys.list"},
    {RequestKind::account_workspaces_list, "account.workspaces.list", "account.workspaces.list"},
    {RequestKind::account_workspace_create, "account.workspaces.create", "account.workspaces.create"},
    {RequestKind::account_workspace_update, "account.workspaces.update", "account.workspaces.update"},
    {RequestKind::account_workspace_brand, "account.workspaces.brand", "account.workspaces.brand"},
    {RequestKind::account_workspace_delete, "account.workspaces.delete", "account.workspaces.delete"},
    {RequestKind::account_members_list, "account.members.list", "account.members.list"},
    {RequestKind::account_member_update, "account.members.update", "account.members.update"},
    {RequestKind::account_member_remove, "account.members.remove", "account.members.remove"},
    {RequestKind::account_api_key_create, "account.api_keys.create", "account.api_keys.create"},
    {RequestKind::account_session_open, "account.sessions.open", "account.sessions.open"},
};

const KindName& row(RequestKind k) {
  for (const auto& i : kKinds)
    if (i.kind == k) return i;
  return kKinds[0];
}

constexpr const char* kCannotMove =
    "Posts belong to their workspace and cannot be moved or copied to another one. Create the post again in the "
    "target workspace.";

}  // namespace

std::string_view wire_name(RequestKind k) { return row(k).name; }
std::string_view endpoint_of(RequestKind k) { return row(k).endpoint; }

std::optional<RequestKind> parse_request_kind(std::string_view s) {
  for (const auto& i : kKinds)
    if (i.name == s) return i.kind;
  return std::nullopt;
}

bool is_account_kind(RequestKind k) { return row(k).endpoint.rfind("account.", 0) == 0; }

void Store::set_account_token(std::string token) {
  account_token_ = std::move(token);
  lifecycle_ = account_token_.empty() ? Lifecycle::unsupported : Lifecycle::unknown;
}

const WorkspaceState* Store::find(const std::string& id) const {
  const auto it = states_.find(id);
  return it == states_.end() ? nullptr : it->second.get();
}

WorkspaceState* Store::find_mut(const std::string& id) {
  const auto it = states_.find(id);
  return it == states_.end() ? nullptr : it->second.get();
}

void Store::bump(WorkspaceState& s, const char* part) { ++s.revisions[part]; }

WorkspaceState& Store::upsert(const Workspace& w) {
  auto& slot = states_[w.id];
  if (!slot) {
    slot = std::make_unique<WorkspaceState>();
    slot->epoch = next_epoch_++;
    order_.push_back(w.id);
    slot->info = w;
  } else {
    auto owner = slot->info.owner_id;
    slot->info = w;
    if (!slot->info.owner_id) slot->info.owner_id = owner;
  }
  bump(*slot, "workspace");
  return *slot;
}

void Store::erase(const std::string& id) {
  states_.erase(id);  // posts, accounts, labels, signatures, members, key, caches, outbox: all of it
  order_.erase(std::remove(order_.begin(), order_.end(), id), order_.end());
  if (active_ == id) active_ = order_.empty() ? std::string() : order_.front();
}

std::optional<std::string> Store::post_owner(const std::string& post_id) const {
  for (const auto& [id, s] : states_)
    if (s->post_index.count(post_id)) return id;
  return std::nullopt;
}

ApiError Store::move_post(const std::string& post_id, const std::string& target) const {
  (void)post_id;
  (void)target;
  auto e = make_error(422, kCannotMove);
  e.add("workspace_id", kCannotMove);
  return e;
}

bool Store::can(const std::string& workspace_id, Action action) const {
  const auto* s = find(workspace_id);
  return s && trypost::can(s->role, action);
}


Expected<json> Store::switch_to(const std::string& workspace_id) {
  if (!find(workspace_id)) return make_error(404, "Workspace not found.");
  active_ = workspace_id;
  return summary(workspace_id);
}

json Store::summary(const std::string& id) const {
  const auto* s = find(id);
  if (!s) return nullptr;
  json out = to_json(s->info);
  out["role"] = std::string(wire_name(s->role));
  out["permissions"] = permissions_json(s->role);
  out["has_key"] = !s->key.empty();
  // Known through the account API: it shares that account's plan and pooled AI credits.
  out["in_account"] = s->listed;
  out["active"] = id == active_;
  out["counts"] = {{"posts", s->posts.size()},       {"accounts", s->accounts.size()},
                   {"labels", s->labels.size()},     {"signatures", s->signatures.size()},
                   {"members", s->members.size()},   {"api_keys", s->api_keys.size()},
                   {"outbox", s->outbox.size()}};
  json rev = json::object();
  for (const auto& [part, n] : s->revisions) rev[part] = n;
  out["revisions"] = rev;
  return out;
}

json Store::snapshot() const {
  json list = json::array();
  for (const auto& id : order_) list.push_back(summary(id));
  const char* lc = lifecycle_ == Lifecycle::supported ? "supported"
                   : lifecycle_ == Lifecycle::unsupported ? "unsupported"
                                                          : "unknown";
  return {{"active", active_.empty() ? json(nullptr) : json(active_)},
          {"lifecycle", lc},
          {"workspaces", list},
          {"in_flight", pending_.size()}};
}

Expected<json> Store::view(const std::string& workspace_id, const std::string& part) const {
  const auto* s = find(workspace_id);
  if (!s) return make_error(404, "Workspace not found.");
  json out = json::array();
  if (part == "posts") {
    for (const auto& p : s->posts) out.push_back(to_json(p));
  } else if (part == "accounts") {
    for (const auto& a : s->accounts) out.push_back(to_json(a));
  } else if (part == "labels") {
    for (const auto& l : s->labels) out.push_back(to_json(l));
  } else if (part == "signatures") {
    for (const auto& g : s->signatures) out.push_back(to_json(g));
  } else if (part == "members") {
    out = s->members;
  } else if (part == "api_keys") {
    out = s->api_keys;
  } else if (part == "outbox") {
    out = s->outbox;
  } else if (part == "workspace") {
    out = summary(workspace_id);
  } else {
    return field_error("part", "The selected part is invalid.");
  }
  return out;
}

// --- the JSON-text facade ---

namespace {
std::string answer(const Expected<json>& v) { return v ? v->dump() : error_answer(v.error()); }

// A request refused before it was sent says what that means, as a failed answer does
// (failure_class.hpp): the shell reads it from the refusal instead of asking again.
std::string begun(std::string_view kind, const Expected<json>& v) {
  if (v) return v->dump();
  json out = error_json(v.error());
  out["failure_class"] = describe_failure(kind, out["status"].get<int>(), FailureStage::begin);
  return dump_answer(out);
}
}  // namespace

std::string StoreApi::set_account_token(const std::string& token) {
  store_.set_account_token(token);
  return json{{"lifecycle", token.empty() ? "unsupported" : "unknown"}}.dump();
}

std::string StoreApi::begin_request(const std::string& workspace_id, const std::string& kind, const std::string& params_json) {
  const auto k = parse_request_kind(kind);
  if (!k || *k == RequestKind::workspace_probe) return error_answer(field_error("kind", "The selected kind is invalid."));
  json params = params_json.empty() ? json::object() : json::parse(params_json, nullptr, false);
  if (params.is_discarded() || !params.is_object())
    return begun(kind, field_error("params", "The params field must be a JSON object."));
  return begun(kind, store_.begin_request(workspace_id, *k, params));
}

std::string StoreApi::probe_key(const std::string& key) {
  return begun(wire_name(RequestKind::workspace_probe), store_.begin_request("", RequestKind::workspace_probe, json::object(), key));
}

std::string StoreApi::apply_response(double request_id, int status, const std::string& body) {
  if (!(request_id >= 1 && request_id < 9007199254740992.0))
    return json{{"outcome", "dropped"}, {"reason", "unknown request"}}.dump();
  return store_.apply_response(static_cast<std::uint64_t>(request_id), status, body).dump();
}

std::string StoreApi::switch_to(const std::string& workspace_id) { return answer(store_.switch_to(workspace_id)); }

std::string StoreApi::move_post(const std::string& post_id, const std::string& target) {
  return error_answer(store_.move_post(post_id, target));
}

std::string StoreApi::snapshot() { return store_.snapshot().dump(); }

std::string StoreApi::view(const std::string& workspace_id, const std::string& part) {
  return answer(store_.view(workspace_id, part));
}

std::string StoreApi::permissions() { return permission_table_json().dump(); }

}  // namespace trypost
