#include "trypost/request.hpp"

#include "trypost/url.hpp"

#include <algorithm>

#include "trypost/core_answer.hpp"
#include "trypost/idempotency_key.hpp"

namespace trypost {
namespace {

using nlohmann::json;
using A = AuthKind;
using B = BodyKind;
using R = ResponseShape;

constexpr std::size_t kMaxIdLength = 255;
constexpr std::size_t kMaxSearch = 255;  // assets ?search: longer answers 422 (docs/api-contract.md#limits)

const std::vector<Endpoint> kEndpoints = {
    // The 30 REST endpoints, docs/api-contract.md#endpoints.
    {"posts.list", "GET", "/posts", A::workspace_key, B::none, true, R::post_page, "page"},
    {"posts.create", "POST", "/posts", A::workspace_key, B::json, false, R::post, ""},
    {"posts.get", "GET", "/posts/{post}", A::workspace_key, B::none, true, R::post, ""},
    {"posts.update", "PUT", "/posts/{post}", A::workspace_key, B::json, true, R::post, ""},
    {"posts.delete", "DELETE", "/posts/{post}", A::workspace_key, B::none, true, R::empty, ""},
    {"posts.media.upload", "POST", "/posts/{post}/media", A::workspace_key, B::multipart, false, R::post, ""},
    {"posts.media.from_url", "POST", "/posts/{post}/media/from-url", A::workspace_key, B::json, false, R::post_media_from_url, ""},
    {"posts.media.from_asset", "POST", "/posts/{post}/media/from-asset", A::workspace_key, B::json, true, R::post, ""},
    {"posts.metrics", "GET", "/posts/{post}/metrics", A::workspace_key, B::none, true, R::post_metrics, ""},
    {"posts.preview", "GET", "/posts/{post}/preview", A::workspace_key, B::none, true, R::post_preview, ""},
    {"uploads.store", "POST", "/uploads/{token}", A::signed_url, B::multipart, false, R::upload, "expires workspace_id signature"},
    {"content_types.list", "GET", "/content-types", A::workspace_key, B::none, true, R::content_types, ""},
    {"workspace.get", "GET", "/workspace", A::workspace_key, B::none, true, R::workspace, ""},
    {"assets.list", "GET", "/assets", A::workspace_key, B::none, true, R::asset_page, "page search type"},
    {"assets.get", "GET", "/assets/{media}", A::workspace_key, B::none, true, R::asset, ""},
    {"signatures.list", "GET", "/signatures", A::workspace_key, B::none, true, R::signature_list, ""},
    {"signatures.create", "POST", "/signatures", A::workspace_key, B::json, false, R::signature, ""},
    {"signatures.update", "PUT", "/signatures/{signature}", A::workspace_key, B::json, true, R::signature, ""},
    {"signatures.delete", "DELETE", "/signatures/{signature}", A::workspace_key, B::none, true, R::empty, ""},
    {"labels.list", "GET", "/labels", A::workspace_key, B::none, true, R::label_list, ""},
    {"labels.create", "POST", "/labels", A::workspace_key, B::json, false, R::label, ""},
    {"labels.update", "PUT", "/labels/{label}", A::workspace_key, B::json, true, R::label, ""},
    {"labels.delete", "DELETE", "/labels/{label}", A::workspace_key, B::none, true, R::empty, ""},
    {"social_accounts.list", "GET", "/social-accounts", A::workspace_key, B::none, true, R::social_account_list, ""},
    {"social_accounts.toggle", "PUT", "/social-accounts/{account}/toggle", A::workspace_key, B::none, false, R::social_account, ""},
    {"social_accounts.boards", "GET", "/social-accounts/{account}/boards", A::workspace_key, B::none, true, R::boards, ""},
    {"social_accounts.channels", "GET", "/social-accounts/{account}/channels", A::workspace_key, B::none, true, R::channels, ""},
    {"api_keys.list", "GET", "/api-keys", A::workspace_key, B::none, true, R::api_key_list, ""},
    {"api_keys.create", "POST", "/api-keys", A::workspace_key, B::json, false, R::api_key_created, ""},
    {"api_keys.delete", "DELETE", "/api-keys/{apiToken}", A::workspace_key, B::none, true, R::empty, ""},
    // Account endpoints, docs/account-api.md.
    {"account.me", "GET", "/account/me", A::account_token, B::none, true, R::account_me, ""},
    {"account.workspaces.list", "GET", "/account/workspaces", A::account_token, B::none, true, R::account_workspace_list, ""},
    {"account.workspaces.create", "POST", "/account/workspaces", A::account_token, B::json, false, R::account_workspace_created, ""},
    {"account.workspaces.get", "GET", "/account/workspaces/{id}", A::account_token, B::none, true, R::account_workspace, ""},
    // PATCH sets the fields it names, so sending it twice leaves the same state.
    {"account.workspaces.update", "PATCH", "/account/workspaces/{id}", A::account_token, B::json, true, R::account_workspace, ""},
    {"account.workspaces.brand", "PUT", "/account/workspaces/{id}/brand", A::account_token, B::json, true, R::account_workspace, ""},
    {"account.workspaces.delete", "DELETE", "/account/workspaces/{id}", A::account_token, B::json, true, R::empty, ""},
    {"account.members.list", "GET", "/account/workspaces/{id}/members", A::account_token, B::none, true, R::account_members, ""},
    {"account.invites.create", "POST", "/account/workspaces/{id}/invites", A::account_token, B::json, false, R::account_invite, ""},
    {"account.invites.cancel", "DELETE", "/account/workspaces/{id}/invites/{invite}", A::account_token, B::none, true, R::empty, ""},
    {"account.invites.accept", "POST", "/account/invites/{invite}/accept", A::account_token, B::none, false, R::account_workspace, ""},
    {"account.invites.decline", "POST", "/account/invites/{invite}/decline", A::account_token, B::none, false, R::empty, ""},
    {"account.members.update", "PUT", "/account/workspaces/{id}/members/{user_id}", A::account_token, B::json, true, R::account_member, ""},
    {"account.members.remove", "DELETE", "/account/workspaces/{id}/members/{user_id}", A::account_token, B::none, true, R::empty, ""},
    {"account.api_keys.list", "GET", "/account/workspaces/{id}/api-keys", A::account_token, B::none, true, R::api_key_list, ""},
    {"account.api_keys.create", "POST", "/account/workspaces/{id}/api-keys", A::account_token, B::json, false, R::api_key_created, ""},
    {"account.api_keys.delete", "DELETE", "/account/workspaces/{id}/api-keys/{key}", A::account_token, B::none, true, R::empty, ""},
    {"account.usage", "GET", "/account/usage", A::account_token, B::none, true, R::account_usage, ""},
    // Device sessions: the list and the sign-out (opening is the Store's account.sessions.open).
    {"account.sessions.open", "POST", "/account/sessions", A::account_token, B::json, false, R::account_sessions_opened, ""},
    {"account.sessions.list", "GET", "/account/sessions", A::account_token, B::none, true, R::account_session_list, ""},
    {"account.sessions.revoke", "DELETE", "/account/sessions/{device}", A::account_token, B::none, true, R::empty, ""},
    // A demo connection: the emulator's stand-in for a network's OAuth round trip.
    {"account.social_accounts.connect", "POST", "/account/workspaces/{id}/social-accounts", A::account_token, B::json, false, R::social_account, ""},
};

ApiError request_error(const std::string& field, std::string message) { return field_error(field, std::move(message), 400); }

// A key the caller wrote may be echoed only if it looks like an identifier.
std::string safe_key(const std::string& prefix, const std::string& key) {
  const bool plain = !key.empty() && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  });
  return plain ? (prefix.empty() ? key : prefix + "." + key) : prefix;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    const auto sp = s.find(' ');
    out.push_back(s.substr(0, sp));
    if (sp == std::string_view::npos) break;
    s.remove_prefix(sp + 1);
  }
  return out;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// A query value as text; pages must be positive integers, the rest per docs/api-contract.md#limits and #auth (signed uploads).
Expected<std::string> query_value(std::string_view name, const json& v) {
  const std::string where = "query." + std::string(name);
  if (name == "page" || name == "expires") {
    std::int64_t n = 0;
    const std::string text = v.is_string() ? v.get<std::string>() : std::string();
    if (v.is_number_integer()) {
      n = v.get<std::int64_t>();
    } else if (!text.empty() && text.size() <= 18 &&
               std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      n = std::stoll(text);
    } else {
      return request_error(where, "The " + std::string(name) + " must be an integer.");
    }
    if (name == "page" && n < 1) return request_error(where, "The page must be at least 1.");
    if (n < 0) return request_error(where, "The " + std::string(name) + " must not be negative.");
    return std::to_string(n);
  }
  if (!v.is_string()) return request_error(where, "The " + std::string(name) + " must be a string.");
  auto s = v.get<std::string>();
  if (name == "search" && code_points(s) > kMaxSearch)
    return request_error(where, "The search may not be greater than 255 characters.");
  if (name == "type" && s != "image" && s != "video" && s != "document")
    return request_error(where, "The type must be one of image, video or document.");
  return s;
}

}  // namespace

const std::vector<Endpoint>& endpoints() { return kEndpoints; }

const Endpoint* find_endpoint(std::string_view name) {
  for (const auto& e : kEndpoints)
    if (e.name == name) return &e;
  return nullptr;
}

std::string_view to_string(AuthKind a) {
  switch (a) {
    case AuthKind::workspace_key: return "workspace_key";
    case AuthKind::account_token: return "account_token";
    case AuthKind::signed_url: return "signed_url";
  }
  return "workspace_key";
}

std::string_view to_string(ResponseShape s) {
  switch (s) {
    case R::post: return "post";
    case R::post_page: return "post_page";
    case R::post_media_from_url: return "post_media_from_url";
    case R::post_metrics: return "post_metrics";
    case R::post_preview: return "post_preview";
    case R::upload: return "upload";
    case R::content_types: return "content_types";
    case R::workspace: return "workspace";
    case R::asset: return "asset";
    case R::asset_page: return "asset_page";
    case R::signature: return "signature";
    case R::signature_list: return "signature_list";
    case R::label: return "label";
    case R::label_list: return "label_list";
    case R::social_account: return "social_account";
    case R::social_account_list: return "social_account_list";
    case R::boards: return "boards";
    case R::channels: return "channels";
    case R::api_key_list: return "api_key_list";
    case R::api_key_created: return "api_key_created";
    case R::empty: return "empty";
    case R::account_me: return "account_me";
    case R::account_workspace: return "account_workspace";
    case R::account_workspace_list: return "account_workspace_list";
    case R::account_workspace_created: return "account_workspace_created";
    case R::account_members: return "account_members";
    case R::account_invite: return "account_invite";
    case R::account_member: return "account_member";
    case R::account_usage: return "account_usage";
    case R::account_session_list: return "account_session_list";
    case R::account_sessions_opened: return "account_sessions_opened";
  }
  return "empty";
}

std::string percent_encode(std::string_view s) {
  // RFC 3986 unreserved characters stay as they are.
  return percent_encode_except(s, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
  });
}

Expected<std::string> api_root(std::string_view base) {
  for (char c : base) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f) return request_error("base", "The base URL holds a space, control or non-ASCII character.");
  }
  std::string lowered(base.substr(0, std::min<std::size_t>(base.size(), 8)));
  for (auto& c : lowered)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::size_t after_scheme = 0;
  if (lowered.rfind("https://", 0) == 0) after_scheme = 8;
  else if (lowered.rfind("http://", 0) == 0) after_scheme = 7;
  else return request_error("base", "The base URL must start with https:// or http://.");
  if (base.find_first_of("?#") != std::string_view::npos) return request_error("base", "The base URL may not carry a query or fragment.");
  const auto rest = base.substr(after_scheme);
  const auto authority = rest.substr(0, rest.find('/'));
  if (authority.empty()) return request_error("base", "The base URL has no host.");
  if (authority.find('@') != std::string_view::npos) return request_error("base", "Credentials in the base URL are refused.");
  std::string root(base);
  while (!root.empty() && root.back() == '/') root.pop_back();
  // Both the documented form ({APP_URL}/api) and the bare app URL are accepted.
  if (root.size() < 4 || root.compare(root.size() - 4, 4, "/api") != 0) root += "/api";
  return root;
}

Expected<HttpRequest> build_request(const json& d) {
  if (!d.is_object()) return request_error("description", "The request description must be an object.");
  for (const auto& [k, v] : d.items()) {
    (void)v;
    if (k != "endpoint" && k != "base" && k != "params" && k != "query" && k != "body" && k != "idempotency_key")
      return request_error(safe_key("", k).empty() ? "description" : safe_key("", k),
                           "Unknown key in the request description; use endpoint, base, params, query, body, idempotency_key.");
  }
  const auto e_it = d.find("endpoint");
  if (e_it == d.end() || !e_it->is_string()) return request_error("endpoint", "The endpoint field is required.");
  const Endpoint* ep = find_endpoint(e_it->get<std::string>());
  if (!ep) return request_error("endpoint", "Unknown endpoint; see endpoints() for the list.");

  HttpRequest r;
  r.endpoint = std::string(ep->name);
  r.method = std::string(ep->method);
  r.auth = ep->auth;
  r.response = ep->response;
  r.idempotent = ep->idempotent;
  r.multipart = ep->body == BodyKind::multipart;

  std::string root = "/api";
  std::string origin;
  if (const auto b = d.find("base"); b != d.end() && !b->is_null()) {
    if (!b->is_string()) return request_error("base", "The base must be a URL string.");
    auto rt = api_root(b->get<std::string>());
    if (!rt) return rt.error();
    // Split "https://host/sub/api" into origin and path prefix.
    const auto& full = rt.value();
    const auto slash = full.find('/', full.find("://") + 3);
    origin = full.substr(0, slash);
    root = full.substr(slash);
  }

  // Path parameters: each {name} must be given, as a non-empty string, and nothing else may be.
  const json empty_obj = json::object();
  const auto p_it = d.find("params");
  const json& params = (p_it == d.end() || p_it->is_null()) ? empty_obj : *p_it;
  if (!params.is_object()) return request_error("params", "The params field must be an object.");
  std::string path;
  std::vector<std::string> used;
  std::string_view tmpl = ep->path;
  while (!tmpl.empty()) {
    const auto open = tmpl.find('{');
    path += std::string(tmpl.substr(0, open));
    if (open == std::string_view::npos) break;
    const auto close = tmpl.find('}', open);
    const std::string name(tmpl.substr(open + 1, close - open - 1));
    used.push_back(name);
    const auto v = params.find(name);
    std::string value;
    if (v != params.end() && v->is_string()) value = v->get<std::string>();
    else if (v != params.end() && v->is_number_integer()) value = std::to_string(v->get<std::int64_t>());
    else return request_error("params." + name, "The " + name + " parameter is required and must be a string.");
    if (value.empty()) return request_error("params." + name, "The " + name + " parameter may not be empty.");
    if (value.size() > kMaxIdLength) return request_error("params." + name, "The " + name + " parameter is longer than 255 bytes.");
    // "." and ".." survive percent-encoding and a URL parser would resolve them away.
    if (value == "." || value == "..") return request_error("params." + name, "The " + name + " parameter may not be a dot segment.");
    path += percent_encode(value);
    tmpl.remove_prefix(close + 1);
  }
  for (const auto& [k, v] : params.items()) {
    (void)v;
    if (std::find(used.begin(), used.end(), k) == used.end())
      return request_error(safe_key("params", k), "Not a path parameter of this endpoint.");
  }
  r.path = root + path;

  // Query: only the names the endpoint documents, written in the documented order.
  const auto q_it = d.find("query");
  const json& query = (q_it == d.end() || q_it->is_null()) ? empty_obj : *q_it;
  if (!query.is_object()) return request_error("query", "The query field must be an object.");
  const auto allowed = split_words(ep->query);
  for (const auto& [k, v] : query.items()) {
    (void)v;
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
      return request_error(safe_key("query", k), "Not a query parameter of this endpoint.");
  }
  for (const auto name : allowed) {
    const auto v = query.find(std::string(name));
    if (v == query.end() || v->is_null()) {
      if (ep->auth == AuthKind::signed_url)
        return request_error("query." + std::string(name), "A signed upload URL carries expires, workspace_id and signature.");
      continue;
    }
    auto value = query_value(name, *v);
    if (!value) return value.error();
    if (!r.query.empty()) r.query += '&';
    r.query += std::string(name) + "=" + percent_encode(value.value());
  }
  r.url = origin + r.path + (r.query.empty() ? "" : "?" + r.query);

  r.headers.emplace_back("Accept", "application/json");
  const auto body = d.find("body");
  const bool has_body = body != d.end() && !body->is_null();
  switch (ep->body) {
    case BodyKind::json:
      if (!has_body) return request_error("body", "This endpoint takes a JSON object body.");
      if (!body->is_object()) return request_error("body", "The body must be a JSON object.");
      r.body = body->dump(-1, ' ', false, json::error_handler_t::replace);
      r.headers.emplace_back("Content-Type", "application/json");
      break;
    case BodyKind::multipart:
      // The caller builds FormData; fetch writes the multipart Content-Type with its boundary.
      if (has_body) return request_error("body", "This endpoint takes a multipart file (field media), not a JSON body.");
      break;
    case BodyKind::none:
      if (has_body) return request_error("body", "This endpoint takes no body.");
      break;
  }

  if (const auto k = d.find("idempotency_key"); k != d.end() && !k->is_null()) {
    if (ep->idempotent)
      return request_error("idempotency_key", "This endpoint is idempotent already; an idempotency key is for creates.");
    if (!k->is_string()) return request_error("idempotency_key", "The idempotency key must be a string.");
    const auto key = k->get<std::string>();
    if (const auto problem = idempotency_key_problem(key)) return request_error("idempotency_key", *problem);
    r.headers.emplace_back("Idempotency-Key", idempotency_key_header(key));
    r.idempotent = true;
  }
  return r;
}

json to_json(const HttpRequest& r) {
  json headers = json::object();
  for (const auto& [k, v] : r.headers) headers[k] = v;
  json out{{"endpoint", r.endpoint},   {"method", r.method},         {"path", r.path},
           {"query", r.query},         {"url", r.url},               {"headers", headers},
           {"body", r.body ? json(*r.body) : json(nullptr)},         {"multipart", r.multipart},
           {"idempotent", r.idempotent}, {"auth", to_string(r.auth)}, {"response", to_string(r.response)}};
  if (r.multipart) out["multipart_field"] = "media";
  return out;
}

std::string build_request_json(const std::string& json_text) {
  json d;
  ApiError err;
  if (!parse_argument(json_text, d, err)) return error_answer(err);
  const auto r = build_request(d);
  if (!r) return error_answer(r.error());
  return dump_answer(to_json(*r));
}

std::string endpoints_json() {
  json list = json::array();
  for (const auto& e : kEndpoints) {
    json q = json::array();
    for (const auto w : split_words(e.query)) q.push_back(std::string(w));
    list.push_back({{"name", e.name},
                    {"method", e.method},
                    {"path", e.path},
                    {"auth", to_string(e.auth)},
                    {"idempotent", e.idempotent},
                    {"body", e.body == BodyKind::json ? "json" : e.body == BodyKind::multipart ? "multipart" : "none"},
                    {"response", to_string(e.response)},
                    {"query", q}});
  }
  return dump_answer(json{{"endpoints", list}});
}

}  // namespace trypost
