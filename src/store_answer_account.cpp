// The steps that land a success answer of the account API (docs/account-api.md): the list of the
// person's workspaces (and what it no longer lists), creating, renaming, branding and deleting a
// workspace, its members, a key for a listed workspace, and this device's sessions.
// store_answer.cpp picks the step.
#include <algorithm>
#include <set>
#include <tuple>

#include "store_parts.hpp"
#include "trypost/store.hpp"

namespace trypost {
namespace {

using nlohmann::json;
using store_parts::api_key_metadata;
using store_parts::member_id;
using store_parts::merge_errors;
using store_parts::string_field;

Expected<json> member_from_json(const json& j, const std::string& path) {
  ApiError err;
  const auto at = [&](const char* k) { return path.empty() ? std::string(k) : path + "." + k; };
  if (!j.is_object()) {
    err.add(path, "The member must be an object.");
  } else {
    if (!j.contains("user_id") || !(j["user_id"].is_string() || j["user_id"].is_number_integer()))
      err.add(at("user_id"), "The user id field is required.");
    if (!j.contains("role") || !j["role"].is_string() || !parse_role(j["role"].get<std::string>()))
      err.add(at("role"), "The selected role is invalid.");
    for (const char* k : {"name", "email"})
      if (j.contains(k) && !j[k].is_string() && !j[k].is_null()) err.add(at(k), std::string("The ") + k + " field must be a string.");
  }
  if (!err.errors.empty()) {
    err.status = 502;
    err.finalize_message();
    return err;
  }
  json m{{"user_id", j["user_id"].is_string() ? j["user_id"] : json(std::to_string(j["user_id"].get<std::int64_t>()))},
         {"name", string_field(j, "name")},
         {"email", string_field(j, "email")},
         {"role", j["role"]}};
  return m;
}

// One session of an account.sessions.open answer, read before any is applied.
struct OpenedSession {
  std::string workspace_id, token;
  Role role;
};

Expected<std::vector<OpenedSession>> read_sessions(const json& list) {
  std::vector<OpenedSession> items;
  ApiError err;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& item = list[i];
    const std::string at = "sessions." + std::to_string(i) + ".";
    const auto text = [&](const char* k) {
      return item.is_object() && item.contains(k) && item[k].is_string() ? item[k].get<std::string>() : std::string();
    };
    const auto role = parse_role(text("role"));
    if (text("workspace_id").empty()) err.add(at + "workspace_id", "The workspace id field is required.");
    if (text("token").empty()) err.add(at + "token", "The token field is required.");
    if (!role) err.add(at + "role", "The selected role is invalid.");
    if (role && !text("workspace_id").empty() && !text("token").empty()) items.push_back({text("workspace_id"), text("token"), *role});
  }
  if (!err.errors.empty()) {
    err.finalize_message();
    return err;
  }
  return items;
}

}  // namespace

Store::ShapeProblem Store::apply_account_workspaces(const PendingRequest& r, const json& body, json& out) {
  if (!body.is_array()) return make_error(502, "The server answered with a malformed list.");
  std::vector<std::pair<Workspace, Role>> listed;
  ApiError err;
  for (std::size_t i = 0; i < body.size(); ++i) {
    auto w = workspace_from_json(body[i], std::to_string(i));
    const auto role = parse_role(string_field(body[i], "role"));
    if (!w) err = merge_errors(std::move(err), w.error());
    else if (!role) err.add(std::to_string(i) + ".role", "The selected role is invalid.");
    else listed.emplace_back(std::move(w).value(), *role);
  }
  if (!err.errors.empty()) {
    err.finalize_message();
    return err;
  }
  lifecycle_ = Lifecycle::supported;
  json ids = json::array();
  std::set<std::string> seen;
  for (auto& [w, role] : listed) {
    auto& st = upsert(w);
    st.role = role;
    st.listed = true;
    ids.push_back(w.id);
    seen.insert(w.id);
  }
  out["workspace_ids"] = ids;
  // A workspace the account API listed before and no longer lists was deleted elsewhere (or
  // this user lost it): it goes, with everything in it. One that appeared after this request
  // was begun is newer than the answer, and one known by a key alone is not the account API's
  // to speak for: both stay.
  json removed = json::array();
  for (const auto& id : std::vector<std::string>(order_)) {
    const auto* st = find(id);
    if (st && st->listed && st->epoch < r.epoch && !seen.count(id)) {
      erase(id);
      removed.push_back(id);
    }
  }
  out["removed_workspace_ids"] = removed;
  // After sign-in the user is somewhere: the first workspace, until they switch.
  if (active_.empty() && !order_.empty()) active_ = order_.front();
  return std::nullopt;
}

Store::ShapeProblem Store::apply_workspace_create(const json& body, json& out) {
  const json ws = body.is_object() ? body.value("workspace", json()) : json();
  auto w = workspace_from_json(ws, "workspace");
  if (!w) return w.error();
  // This device's session for it, or (from a server that makes one) a key.
  const json session = body.value("session", json::object());
  const json key = body.value("api_key", json::object());
  const auto plain = session.is_object() && !string_field(session, "token").empty() ? string_field(session, "token")
                                                                                   : string_field(key, "plain_token");
  auto& st = upsert(*w);
  st.role = parse_role(string_field(ws, "role", "owner")).value_or(Role::owner);
  st.listed = true;
  st.key = plain;
  active_ = w->id;  // the creator lands in the new workspace at once
  out["workspace_id"] = w->id;
  out["workspace"] = summary(w->id);
  out["activated"] = true;
  return std::nullopt;
}

Store::ShapeProblem Store::apply_workspace_update(WorkspaceState& s, const json& body, json& out) {
  auto w = workspace_from_json(body);
  if (!w) return w.error();
  if (w->id != s.info.id) return make_error(502, "The server answered for another workspace.");
  auto& st = upsert(*w);
  if (const auto role = parse_role(string_field(body, "role"))) st.role = *role;
  out["workspace"] = summary(w->id);
  return std::nullopt;
}

Store::ShapeProblem Store::apply_workspace_delete(const PendingRequest& r, json& out) {
  erase(r.workspace_id);
  out["deleted"] = true;
  out["active"] = active_.empty() ? json(nullptr) : json(active_);
  return std::nullopt;
}

Store::ShapeProblem Store::apply_members(WorkspaceState& s, const json& body) {
  const json list = body.is_object() ? body.value("members", json()) : json();
  if (!list.is_array()) return make_error(502, "The server answered with a malformed member list.");
  json members = json::array();
  ApiError err;
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto m = member_from_json(list[i], "members." + std::to_string(i));
    if (m) members.push_back(*m);
    else err = merge_errors(std::move(err), m.error());
  }
  if (!err.errors.empty()) {
    err.finalize_message();
    return err;
  }
  for (const auto& m : members)
    if (m["role"] == "owner") s.info.owner_id = member_id(m);
  s.members = std::move(members);
  const json invites = body.value("invites", json::array());
  s.caches["invites"] = invites.is_array() ? invites : json::array();
  bump(s, "members");
  return std::nullopt;
}

Store::ShapeProblem Store::apply_member_update(WorkspaceState& s, const json& body) {
  auto m = member_from_json(body, "");
  if (!m) return m.error();
  for (auto& e : s.members)
    if (member_id(e) == member_id(*m)) e = *m;
  bump(s, "members");
  return std::nullopt;
}

Store::ShapeProblem Store::apply_member_remove(const PendingRequest& r, WorkspaceState& s) {
  const auto user = string_field(r.params, "user_id");
  auto& ms = s.members;
  ms.erase(std::remove_if(ms.begin(), ms.end(), [&](const json& m) { return member_id(m) == user; }), ms.end());
  bump(s, "members");
  return std::nullopt;
}

Store::ShapeProblem Store::apply_api_key_create(WorkspaceState& s, const json& body, json& out) {
  const auto plain = string_field(body, "plain_token");
  if (plain.empty()) return field_error("plain_token", "The server answered without a key.");
  if (body.contains("token") && !(body["token"].is_object() && body["token"].contains("id")))
    return field_error("token", "The token field must be the key's metadata.");
  s.key = plain;  // one key per workspace in this client
  if (body.contains("token")) {
    s.api_keys.insert(s.api_keys.begin(), api_key_metadata(body["token"]));
    bump(s, "api_keys");
  }
  bump(s, "workspace");
  out["workspace"] = summary(s.info.id);
  return std::nullopt;
}

Store::ShapeProblem Store::apply_sessions(const json& body, json& out) {
  const json list = body.is_object() ? body.value("sessions", json()) : json();
  if (!list.is_array()) return field_error("sessions", "The sessions field must be a list.");
  // Every item is read before any is applied: a bad answer changes nothing.
  auto items = read_sessions(list);
  if (!items) return items.error();
  json opened = json::array();
  for (const auto& [id, token, role] : *items) {
    auto* st = find_mut(id);
    // Only a workspace the account API listed: a session never adds one by itself.
    if (!st || !st->listed) continue;
    st->key = token;  // one credential per workspace in this client: the session replaces a key
    st->role = role;
    bump(*st, "workspace");
    opened.push_back(id);
  }
  out["workspace_ids"] = opened;
  return std::nullopt;
}

}  // namespace trypost
