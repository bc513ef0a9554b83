#pragma once
// The store of workspaces: one isolated state per workspace id (accounts, posts, labels,
// signatures, members, API-key metadata, the key itself, caches, outbox) and the rule that binds
// every request to the workspace that made it.
//
// The store does no I/O. The shell asks it to begin a request (it answers the method, path, body
// and the Authorization header of THAT workspace), performs the fetch, and hands the answer back
// by request id; the store applies it to the workspace recorded at begin time, whatever is active
// by then, and drops it if that workspace was deleted meanwhile.
//
// Keys live in memory here and leave only in begin_request's header. Snapshots, views, errors and
// outcomes never carry one.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"
#include "trypost/post.hpp"
#include "trypost/role.hpp"
#include "trypost/workspace.hpp"

namespace trypost {

enum class RequestKind {
  workspace_probe,  // GET /api/workspace with a key not yet bound to a workspace (add by key)
  workspace_get,
  posts_page,       // posts.list: GET /api/posts?page=N, one page of a refresh
  post_get,
  post_create,
  post_update,
  post_delete,
  labels_list,
  signatures_list,
  accounts_list,    // social_accounts.list
  api_keys_list,
  account_workspaces_list,  // also the probe that tells whether the account API exists
  account_workspace_create,
  account_workspace_update,
  account_workspace_brand,
  account_workspace_delete,
  account_members_list,
  account_member_update,
  account_member_remove,
  account_api_key_create,  // a key for a listed workspace this client holds none for
  account_session_open,    // this device's session credential for every listed workspace (or one)
};

// A kind's name (beginRequest, outcomes) and the endpoint of the endpoint table (request.hpp) it
// is built from: the same name, except the key probe ("workspace.probe" asks "workspace.get").
std::string_view wire_name(RequestKind k);
std::string_view endpoint_of(RequestKind k);
std::optional<RequestKind> parse_request_kind(std::string_view s);
bool is_account_kind(RequestKind k);

enum class Lifecycle { unknown, supported, unsupported };

// What a workspace holds. Every list is this workspace's own object; nothing points across.
struct WorkspaceState {
  Workspace info;
  Role role = Role::admin;
  std::string key;  // the one workspace key this client holds; may be empty (listed, not connected)
  std::uint64_t epoch = 0;  // unique per state object: a deleted-then-re-added id is a new world
  bool listed = false;      // known from the account API (listed or created there), not by key alone
  std::vector<Post> posts;
  std::unordered_map<std::string, std::size_t> post_index;  // id -> position in posts
  std::vector<SocialAccount> accounts;
  std::vector<Label> labels;
  std::vector<Signature> signatures;
  nlohmann::json members = nlohmann::json::array();   // [{user_id, name, email, role}]
  nlohmann::json api_keys = nlohmann::json::array();  // key metadata from the server, no secrets
  nlohmann::json caches = nlohmann::json::object();
  nlohmann::json outbox = nlohmann::json::array();    // mutations sent and not yet answered
  // A refresh walks every page into staging and swaps it in once every page up to the highest
  // last_page seen has arrived. Pages may arrive in any order (a parallel walk); they are keyed by
  // the page number asked for and merged in page order.
  std::uint64_t refresh_id = 0;
  std::map<std::int64_t, std::vector<Post>> staging;
  std::int64_t staging_last = 0;
  // Bumped when the part changes, so the shell re-reads a part only when it changed.
  std::map<std::string, std::uint64_t> revisions;
};

struct PendingRequest {
  std::uint64_t id = 0;
  RequestKind kind = RequestKind::workspace_get;
  std::string workspace_id;  // empty for probe, list and create
  std::uint64_t epoch = 0;  // the workspace's epoch; for the account list: the next epoch when begun
  nlohmann::json params = nlohmann::json::object();
  std::string probe_key;  // workspace_probe only: the key being tried
};

class Store {
 public:
  // The account token (user session) for the account endpoints; memory only. Without one the
  // account API cannot be used and lifecycle operations are reported as unsupported.
  void set_account_token(std::string token);
  Lifecycle lifecycle() const { return lifecycle_; }
  // For endpoint_call.hpp, which binds the account API's calls to this session; memory only.
  const std::string& account_token() const { return account_token_; }

  // Begins a request. For workspace kinds `workspace_id` names the workspace whose key signs it.
  // Answers {request_id, workspace_id, kind, method, path, headers, body} or an ApiError when a
  // rule refuses it before it leaves (role, validation, unknown workspace, unsupported server).
  Expected<nlohmann::json> begin_request(const std::string& workspace_id, RequestKind kind,
                                         const nlohmann::json& params, const std::string& probe_key = "");
  // Applies the server's answer (status 0 = network failure) to the workspace the request was
  // begun for. Answers {request_id, workspace_id, kind, outcome: applied|dropped|error, ...}.
  nlohmann::json apply_response(std::uint64_t request_id, int status, const std::string& body);

  Expected<nlohmann::json> switch_to(const std::string& workspace_id);
  const std::string& active_id() const { return active_; }

  // Posts belong to a workspace: moving or copying one into another is refused, never emulated.
  ApiError move_post(const std::string& post_id, const std::string& target_workspace_id) const;

  bool can(const std::string& workspace_id, Action action) const;
  nlohmann::json snapshot() const;  // every workspace, no keys
  nlohmann::json summary(const std::string& workspace_id) const;
  // One part of one workspace ("posts", "accounts", "labels", "signatures", "members",
  // "api_keys", "outbox"), in the API's shapes.
  Expected<nlohmann::json> view(const std::string& workspace_id, const std::string& part) const;

  const WorkspaceState* find(const std::string& id) const;
  std::vector<std::string> workspace_ids() const { return order_; }
  std::size_t in_flight() const { return pending_.size(); }

 private:
  WorkspaceState* find_mut(const std::string& id);
  WorkspaceState& upsert(const Workspace& w);
  void erase(const std::string& id);
  void bump(WorkspaceState& s, const char* part);
  nlohmann::json outcome(const PendingRequest& r, const char* what) const;
  nlohmann::json apply_ok(const PendingRequest& r, WorkspaceState* s, int status, const nlohmann::json& body);
  // One step per kind of success answer: it lands the answer (filling the outcome `out`) or
  // answers why its shape is refused, changing nothing. The workspace's REST data is in
  // store_answer_workspace.cpp, the account API's in store_answer_account.cpp.
  using ShapeProblem = std::optional<ApiError>;
  using Json = nlohmann::json;
  ShapeProblem apply_workspace_probe(const PendingRequest& r, const Json& body, Json& out);
  ShapeProblem apply_workspace_get(WorkspaceState& s, const Json& body);
  ShapeProblem apply_posts_page(const PendingRequest& r, WorkspaceState& s, const Json& body, Json& out);
  ShapeProblem apply_post(WorkspaceState& s, const Json& body, Json& out);
  ShapeProblem apply_post_delete(const PendingRequest& r, WorkspaceState& s);
  ShapeProblem apply_list(RequestKind kind, WorkspaceState& s, const Json& body);  // labels, signatures, accounts
  ShapeProblem apply_api_keys(WorkspaceState& s, const Json& body);
  ShapeProblem apply_account_workspaces(const PendingRequest& r, const Json& body, Json& out);
  ShapeProblem apply_workspace_create(const Json& body, Json& out);
  ShapeProblem apply_workspace_update(WorkspaceState& s, const Json& body, Json& out);  // rename and brand
  ShapeProblem apply_workspace_delete(const PendingRequest& r, Json& out);
  ShapeProblem apply_members(WorkspaceState& s, const Json& body);
  ShapeProblem apply_member_update(WorkspaceState& s, const Json& body);
  ShapeProblem apply_member_remove(const PendingRequest& r, WorkspaceState& s);
  ShapeProblem apply_api_key_create(WorkspaceState& s, const Json& body, Json& out);
  ShapeProblem apply_sessions(const Json& body, Json& out);
  std::optional<std::string> post_owner(const std::string& post_id) const;

  std::map<std::string, std::unique_ptr<WorkspaceState>> states_;
  std::vector<std::string> order_;  // insertion order, for lists and the fallback after a delete
  std::string active_;
  std::string account_token_;
  Lifecycle lifecycle_ = Lifecycle::unsupported;
  std::map<std::uint64_t, PendingRequest> pending_;
  std::uint64_t next_request_ = 1;
  std::uint64_t next_epoch_ = 1;
};

// The JSON-text facade the embind class exposes: every method takes and returns text and never
// throws; errors come back as {"error": message, "status": n, "errors": {...}}.
class StoreApi {
 public:
  std::string set_account_token(const std::string& token);
  std::string begin_request(const std::string& workspace_id, const std::string& kind, const std::string& params_json);
  std::string probe_key(const std::string& key);
  std::string apply_response(double request_id, int status, const std::string& body);
  std::string switch_to(const std::string& workspace_id);
  std::string move_post(const std::string& post_id, const std::string& target_workspace_id);
  std::string snapshot();
  std::string view(const std::string& workspace_id, const std::string& part);
  std::string permissions();  // the whole role x action table

  Store& store() { return store_; }

 private:
  Store store_;
};

}  // namespace trypost
