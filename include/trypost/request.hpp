#pragma once
// Building TryPost REST requests: the 30 documented endpoints (docs/api-contract.md#endpoints) and this project's
// account endpoints (docs/account-api.md), from a JSON description to method, URL, headers and
// body. Pure: no I/O, no keys. The caller adds Authorization, because the Store decides which
// key (a workspace's, the account's, or none for a signed upload URL) goes with which request.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"

namespace trypost {

// Which credential the caller must attach.
enum class AuthKind { workspace_key, account_token, signed_url };
enum class BodyKind { none, json, multipart };

// What a successful answer holds, so the response parser knows what to expect.
enum class ResponseShape {
  post, post_page, post_media_from_url, post_metrics, post_preview, upload, content_types, workspace,
  asset, asset_page, signature, signature_list, label, label_list, social_account, social_account_list,
  boards, channels, api_key_list, api_key_created, empty,
  account_me, account_workspace, account_workspace_list, account_workspace_created, account_members,
  account_invite, account_member, account_usage, account_session_list, account_sessions_opened
};

struct Endpoint {
  std::string_view name;    // "posts.update"
  std::string_view method;  // "PUT"
  std::string_view path;    // "/posts/{post}" (below {base}/api)
  AuthKind auth;
  BodyKind body;
  // Safe to send twice. By method, except where the API says otherwise: toggle is a PUT that
  // flips a flag (twice = undone), from-asset is a POST the docs call idempotent.
  bool idempotent;
  ResponseShape response;
  std::string_view query;  // allowed query names, space-separated, in the order they are written
};

// All endpoints: the 30 REST ones first (in the order of docs/api-contract.md#endpoints), then the account ones.
const std::vector<Endpoint>& endpoints();
const Endpoint* find_endpoint(std::string_view name);
std::string_view to_string(ResponseShape s);
std::string_view to_string(AuthKind a);

struct HttpRequest {
  std::string endpoint;
  std::string method;
  std::string path;   // "/api/posts/abc" including any base path prefix
  std::string query;  // "page=2" (no "?"), empty when none
  std::string url;    // base + path + "?" + query; relative ("/api/...") when no base was given
  std::vector<std::pair<std::string, std::string>> headers;  // Accept, Content-Type, Idempotency-Key
  std::optional<std::string> body;  // JSON text; none for GET/DELETE without body and multipart
  bool multipart = false;           // the caller sends FormData with the file field "media"
  bool idempotent = false;          // safe to retry: by endpoint, or a create with an idempotency key
  AuthKind auth = AuthKind::workspace_key;
  ResponseShape response = ResponseShape::empty;
};

// "https://app.trypost.it", ".../api", "https://host/sub/" -> "https://host/sub/api". Refuses a
// base with credentials, a query or a fragment, or a scheme other than http(s).
Expected<std::string> api_root(std::string_view base);

// Every byte outside RFC 3986's unreserved set becomes %XX, so an id can never add a path
// segment, a query or a fragment.
std::string percent_encode(std::string_view s);

// description: {"endpoint": "posts.update", "base"?: "https://app.trypost.it",
//   "params"?: {"post": "..."}, "query"?: {"page": 2}, "body"?: {...}, "idempotency_key"?: "..."}
// Error messages name fields, never values (a value might be a secret pasted in the wrong place).
Expected<HttpRequest> build_request(const nlohmann::json& description);
nlohmann::json to_json(const HttpRequest& r);

// Bindings entry: description text -> request JSON, or {"error": ...}.
std::string build_request_json(const std::string& json_text);
// {"endpoints": [{name, method, path, auth, idempotent, body, response, query}]}
std::string endpoints_json();

}  // namespace trypost
