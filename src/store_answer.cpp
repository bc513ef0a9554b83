// Store::apply_response: a server's answer, read within the limits of the one bounded JSON
// reader, lands in the workspace the request was begun for (or is dropped), and becomes an
// outcome: applied, dropped, or error with the API's field paths.
#include "trypost/store.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_set>

#include "store_parts.hpp"
#include "trypost/json_reader.hpp"

namespace trypost {
namespace {

using nlohmann::json;
using store_parts::int_field;
using store_parts::kUnsupported;
using store_parts::member_id;
using store_parts::string_field;
using store_parts::uint_field;

// 1.5 million posts at the API's 15 a page.
constexpr std::int64_t kMaxPostPages = 100000;

ApiError merge_errors(ApiError into, const ApiError& from) {
  for (const auto& [f, list] : from.errors)
    for (const auto& m : list) into.add(f, m);
  return into;
}

template <class T, class Parse>
Expected<std::vector<T>> parse_list(const json& body, Parse parse) {
  ApiError err;
  std::vector<T> out;
  if (!body.is_array()) return make_error(502, "The server answered with a malformed list.");
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    auto v = parse(body[i], std::to_string(i));
    if (v) out.push_back(std::move(v).value());
    else err = merge_errors(std::move(err), v.error());
  }
  if (!err.errors.empty()) {
    err.status = 502;
    err.finalize_message();
    return err;
  }
  return out;
}

void reindex(WorkspaceState& s) {
  s.post_index.clear();
  s.post_index.reserve(s.posts.size());
  for (std::size_t i = 0; i < s.posts.size(); ++i) s.post_index.emplace(s.posts[i].id, i);
}

void upsert_post(WorkspaceState& s, Post p) {
  const auto it = s.post_index.find(p.id);
  if (it != s.post_index.end()) s.posts[it->second] = std::move(p);
  else {
    s.post_index.emplace(p.id, s.posts.size());
    s.posts.push_back(std::move(p));
  }
}

void remove_post(WorkspaceState& s, const std::string& id) {
  const auto it = s.post_index.find(id);
  if (it == s.post_index.end()) return;
  s.posts.erase(s.posts.begin() + static_cast<std::ptrdiff_t>(it->second));
  reindex(s);
}

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

// Only the documented metadata of a key: a server that echoed a secret would not get it stored.
json api_key_metadata(const json& j) {
  json out = json::object();
  for (const char* k : {"id", "name", "last_used_at", "expires_at", "created_at"})
    if (j.is_object() && j.contains(k)) out[k] = j[k];
  return out;
}

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

  const auto fail = [&](ApiError e) {
    auto out = outcome(r, "error");
    e.message = redact(e.message, secret);
    e.message = redact(e.message, account_token_);
    out["status"] = e.status;
    out["error"] = e.to_json();
    return out;
  };

  if (status == 0) return fail(make_error(0, "The server could not be reached."));

  if (status >= 400) {
    const json body = read_error_body(body_text);
    if (r.kind == RequestKind::account_workspaces_list && (status == 404 || status == 405 || status == 501)) {
      lifecycle_ = Lifecycle::unsupported;
      return fail(make_error(501, kUnsupported));
    }
    ApiError e = make_error(status, "The server answered " + std::to_string(status) + ".");
    if (body.is_object()) {
      if (body.contains("message") && body["message"].is_string()) e.message = clip(body["message"].get<std::string>(), 500);
      if (body.contains("errors") && body["errors"].is_object())
        for (const auto& [field, list] : body["errors"].items())
          if (list.is_array())
            for (const auto& m : list)
              if (m.is_string()) e.add(field, redact(m.get<std::string>(), secret));
    }
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

json Store::apply_ok(const PendingRequest& r, WorkspaceState* s, int status, const json& body) {
  (void)status;
  auto out = outcome(r, "applied");
  const auto bad = [&](ApiError e) {
    auto o = outcome(r, "error");
    if (e.status < 500) e.status = 502;
    o["reason"] = "shape";
    o["status"] = e.status;
    o["error"] = e.to_json();
    return o;
  };

  switch (r.kind) {
    case RequestKind::workspace_probe: {
      auto w = workspace_from_json(body);
      if (!w) return bad(w.error());
      const bool fresh = find(w->id) == nullptr;
      auto& st = upsert(*w);
      // Only an Owner or an Admin can create a key (docs/api-contract.md#roles), so a key's holder is at least an
      // Admin; the account API, when present, refines this to owner.
      if (fresh) st.role = Role::admin;
      st.key = r.probe_key;  // one key per workspace in this client: a new one replaces the old
      if (active_.empty()) active_ = w->id;
      out["workspace_id"] = w->id;
      out["workspace"] = summary(w->id);
      break;
    }
    case RequestKind::workspace_get: {
      auto w = workspace_from_json(body);
      if (!w) return bad(w.error());
      if (w->id != s->info.id) return bad(make_error(502, "The server answered for another workspace."));
      // REST knows no brand or logo: keep what the account API told us.
      s->info.name = w->name;
      s->info.created_at = w->created_at;
      s->info.updated_at = w->updated_at;
      bump(*s, "workspace");
      break;
    }
    case RequestKind::posts_page: {
      if (uint_field(r.params, "refresh") != s->refresh_id) {
        out["outcome"] = "dropped";
        out["reason"] = "a newer refresh replaced this one";
        return out;
      }
      if (!body.is_object() || !body.contains("data") || !body["data"].is_array())
        return bad(make_error(502, "The server answered with a malformed page."));
      auto posts = parse_list<Post>(body["data"], [](const json& j, const std::string& i) {
        return post_from_json(j, "data." + i);
      });
      if (!posts) {
        s->refresh_id = 0;
        s->staging.clear();
        s->staging_last = 0;
        return bad(posts.error());
      }
      const json meta = body.value("meta", json::object());
      if (!meta.is_object()) return bad(field_error("meta", "The meta field must be an object."));
      for (const char* k : {"current_page", "last_page"})
        if (meta.contains(k) && !meta[k].is_number_integer())
          return bad(field_error(std::string("meta.") + k, std::string("The ") + k + " field must be an integer."));
      const auto current = int_field(meta, "current_page", 1);
      const auto last = int_field(meta, "last_page", 1);
      // A hostile or broken server must not send the walker after billions of pages.
      if (last > kMaxPostPages)
        return bad(field_error("meta.last_page", "The last_page field is above the limit of " + std::to_string(kMaxPostPages) + " pages."));
      // Keyed by the page asked for: that is what the walker tracks, whatever the server echoes.
      const auto asked = int_field(r.params, "page", 1);
      s->staging[asked] = std::move(posts).value();
      s->staging_last = std::max({s->staging_last, last, std::int64_t{1}});
      std::int64_t have = 0;
      for (auto it = s->staging.begin(); it != s->staging.end() && it->first <= s->staging_last; ++it) ++have;
      out["page"] = current;
      out["last_page"] = s->staging_last;
      out["missing"] = s->staging_last - have;
      if (have < s->staging_last) {
        // A sequential walker follows `next`; a parallel one asks for every page up to last_page.
        out["next"] = current < last ? json{{"page", current + 1}, {"refresh", s->refresh_id}} : json(nullptr);
      } else {
        // Posts can shift between pages while we walk; keep the first sighting of each id, in
        // page order.
        std::unordered_set<std::string> seen;
        std::vector<Post> merged;
        for (auto& [page, list] : s->staging) {
          if (page > s->staging_last) break;
          for (auto& p : list)
            if (seen.insert(p.id).second) merged.push_back(std::move(p));
        }
        s->posts = std::move(merged);
        s->staging.clear();
        s->staging_last = 0;
        s->refresh_id = 0;
        reindex(*s);
        bump(*s, "posts");
        out["next"] = nullptr;
        out["count"] = s->posts.size();
      }
      break;
    }
    case RequestKind::post_get:
    case RequestKind::post_create:
    case RequestKind::post_update: {
      auto p = post_from_json(body);
      if (!p) return bad(p.error());
      out["post_id"] = p->id;
      upsert_post(*s, std::move(p).value());
      bump(*s, "posts");
      break;
    }
    case RequestKind::post_delete:
      remove_post(*s, string_field(r.params, "post_id"));
      bump(*s, "posts");
      break;
    case RequestKind::labels_list: {
      auto v = parse_list<Label>(body, [](const json& j, const std::string& i) { return label_from_json(j, i); });
      if (!v) return bad(v.error());
      s->labels = std::move(v).value();
      bump(*s, "labels");
      break;
    }
    case RequestKind::signatures_list: {
      auto v = parse_list<Signature>(body, [](const json& j, const std::string& i) { return signature_from_json(j, i); });
      if (!v) return bad(v.error());
      s->signatures = std::move(v).value();
      bump(*s, "signatures");
      break;
    }
    case RequestKind::accounts_list: {
      auto v = parse_list<SocialAccount>(body, [](const json& j, const std::string& i) {
        return social_account_from_json(j, i);
      });
      if (!v) return bad(v.error());
      s->accounts = std::move(v).value();
      bump(*s, "accounts");
      break;
    }
    case RequestKind::api_keys_list: {
      if (!body.is_array()) return bad(make_error(502, "The server answered with a malformed list."));
      ApiError err;
      for (std::size_t i = 0; i < body.size(); ++i) {
        const json& k = body[i];
        const auto at = std::to_string(i);
        if (!k.is_object()) err.add(at, "The key must be an object.");
        else if (!k.contains("id") || !(k["id"].is_string() || k["id"].is_number_integer())) err.add(at + ".id", "The id field is required.");
        else if (k.contains("name") && !k["name"].is_string()) err.add(at + ".name", "The name field must be a string.");
      }
      if (!err.errors.empty()) {
        err.finalize_message();
        return bad(err);
      }
      s->api_keys = json::array();
      for (const auto& k : body) s->api_keys.push_back(api_key_metadata(k));
      bump(*s, "api_keys");
      break;
    }
    case RequestKind::account_workspaces_list: {
      if (!body.is_array()) return bad(make_error(502, "The server answered with a malformed list."));
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
        return bad(err);
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
      break;
    }
    case RequestKind::account_workspace_create: {
      const json ws = body.is_object() ? body.value("workspace", json()) : json();
      auto w = workspace_from_json(ws, "workspace");
      if (!w) return bad(w.error());
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
      break;
    }
    case RequestKind::account_workspace_update:
    case RequestKind::account_workspace_brand: {
      auto w = workspace_from_json(body);
      if (!w) return bad(w.error());
      if (w->id != s->info.id) return bad(make_error(502, "The server answered for another workspace."));
      auto& st = upsert(*w);
      if (const auto role = parse_role(string_field(body, "role"))) st.role = *role;
      out["workspace"] = summary(w->id);
      break;
    }
    case RequestKind::account_workspace_delete:
      erase(r.workspace_id);
      out["deleted"] = true;
      out["active"] = active_.empty() ? json(nullptr) : json(active_);
      break;
    case RequestKind::account_members_list: {
      const json list = body.is_object() ? body.value("members", json()) : json();
      if (!list.is_array()) return bad(make_error(502, "The server answered with a malformed member list."));
      json members = json::array();
      ApiError err;
      for (std::size_t i = 0; i < list.size(); ++i) {
        auto m = member_from_json(list[i], "members." + std::to_string(i));
        if (m) members.push_back(*m);
        else err = merge_errors(std::move(err), m.error());
      }
      if (!err.errors.empty()) {
        err.finalize_message();
        return bad(err);
      }
      for (const auto& m : members)
        if (m["role"] == "owner") s->info.owner_id = member_id(m);
      s->members = std::move(members);
      const json invites = body.value("invites", json::array());
      s->caches["invites"] = invites.is_array() ? invites : json::array();
      bump(*s, "members");
      break;
    }
    case RequestKind::account_api_key_create: {
      const auto plain = string_field(body, "plain_token");
      if (plain.empty()) return bad(field_error("plain_token", "The server answered without a key."));
      if (body.contains("token") && !(body["token"].is_object() && body["token"].contains("id")))
        return bad(field_error("token", "The token field must be the key's metadata."));
      s->key = plain;  // one key per workspace in this client
      if (body.contains("token")) {
        s->api_keys.insert(s->api_keys.begin(), api_key_metadata(body["token"]));
        bump(*s, "api_keys");
      }
      bump(*s, "workspace");
      out["workspace"] = summary(s->info.id);
      break;
    }
    case RequestKind::account_session_open: {
      const json list = body.is_object() ? body.value("sessions", json()) : json();
      if (!list.is_array()) return bad(field_error("sessions", "The sessions field must be a list."));
      // Every item is read before any is applied: a bad answer changes nothing.
      std::vector<std::tuple<std::string, std::string, Role>> items;
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
        if (role && !text("workspace_id").empty() && !text("token").empty()) items.emplace_back(text("workspace_id"), text("token"), *role);
      }
      if (!err.errors.empty()) {
        err.finalize_message();
        return bad(err);
      }
      json opened = json::array();
      for (const auto& [id, token, role] : items) {
        auto* st = find_mut(id);
        // Only a workspace the account API listed: a session never adds one by itself.
        if (!st || !st->listed) continue;
        st->key = token;  // one credential per workspace in this client: the session replaces a key
        st->role = role;
        bump(*st, "workspace");
        opened.push_back(id);
      }
      out["workspace_ids"] = opened;
      break;
    }
    case RequestKind::account_member_update: {
      auto m = member_from_json(body, "");
      if (!m) return bad(m.error());
      for (auto& e : s->members)
        if (member_id(e) == member_id(*m)) e = *m;
      bump(*s, "members");
      break;
    }
    case RequestKind::account_member_remove: {
      const auto user = string_field(r.params, "user_id");
      auto& ms = s->members;
      ms.erase(std::remove_if(ms.begin(), ms.end(), [&](const json& m) { return member_id(m) == user; }), ms.end());
      bump(*s, "members");
      break;
    }
  }
  return out;
}


}  // namespace trypost
