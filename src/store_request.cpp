// Store::begin_request: the Store's own rules for a request (which workspace, which post, a name
// or brand that is valid, the owner's role that cannot change), then the one pipeline every
// request takes: the endpoint's right from the rights table, the request built from the endpoint
// table (request.cpp), the credential attached (endpoint_call.cpp).
#include "trypost/store.hpp"

#include "store_parts.hpp"
#include "trypost/endpoint_call.hpp"
#include "trypost/idempotency_key.hpp"
#include "trypost/request.hpp"

namespace trypost {

using nlohmann::json;

namespace {
// {device_id, device_name?} of a session request: the id this device keeps (8-100 characters).
Expected<json> device_fields(const json& params) {
  const auto id = params.contains("device_id") && params["device_id"].is_string() ? params["device_id"].get<std::string>() : std::string();
  if (id.size() < 8 || id.size() > 100) return field_error("device_id", "The device id field must be 8 to 100 characters.");
  json out{{"device_id", id}};
  if (params.contains("device_name") && params["device_name"].is_string()) {
    const auto name = params["device_name"].get<std::string>();
    if (name.size() > 255) return field_error("device_name", "The device name field must not be greater than 255 characters.");
    out["device_name"] = name;
  }
  return out;
}
}  // namespace
using store_parts::kUnsupported;
using store_parts::member_id;
using store_parts::string_param;

Expected<json> Store::begin_request(const std::string& workspace_id, RequestKind kind, const json& params_in,
                                    const std::string& probe_key) {
  const Endpoint& ep = *find_endpoint(endpoint_of(kind));
  const bool account = ep.auth == AuthKind::account_token;
  const bool probe = kind == RequestKind::workspace_probe;
  json params = params_in.is_object() ? params_in : json::object();
  // An unsupported server is the first answer: the role would not matter there.
  if (account && (account_token_.empty() || lifecycle_ == Lifecycle::unsupported ||
                  (lifecycle_ == Lifecycle::unknown && kind != RequestKind::account_workspaces_list)))
    return make_error(501, kUnsupported);
  WorkspaceState* s = nullptr;
  if (!probe && endpoint_needs_workspace(ep)) {
    s = find_mut(workspace_id);
    if (!s) return make_error(404, "Workspace not found.");
    if (auto refused = refuse_by_role(*s, ep)) return *refused;
  }
  std::string bearer;
  if (account) {
    bearer = account_token_;
  } else if (probe) {
    if (trim_input(probe_key).empty()) return field_error("api_key", "The api key field is required.");
    bearer = probe_key;
  } else {
    if (s->key.empty())
      return make_error(401, "This client holds no API key for this workspace. Add one to use it here.");
    bearer = s->key;
  }

  // What build_request takes: the endpoint, its path parameters, query and body.
  json d{{"endpoint", ep.name}};
  json& path_params = d["params"] = json::object();
  if (s && account) path_params["id"] = s->info.id;
  const auto post_id = string_param(params, "post_id");
  const auto needs_own_post = [&]() -> std::optional<ApiError> {
    if (!post_id || post_id->empty()) return field_error("post_id", "The post id field is required.");
    const auto owner = post_owner(*post_id);
    if (owner && *owner != s->info.id) return move_post(*post_id, s->info.id);
    return std::nullopt;
  };

  switch (kind) {
    case RequestKind::posts_page: {
      std::int64_t page = 1;
      if (params.contains("page")) {
        if (!params["page"].is_number_integer() || params["page"].get<std::int64_t>() < 1)
          return field_error("page", "The page field must be at least 1.");
        page = params["page"].get<std::int64_t>();
      }
      if (page == 1) params.erase("refresh");
      if (page > 1) {
        // Later pages continue the refresh that page 1 started; a stale walk is refused.
        if (!params.contains("refresh") || !params["refresh"].is_number_integer() ||
            params["refresh"].get<std::uint64_t>() != s->refresh_id || s->refresh_id == 0)
          return make_error(409, "This refresh was superseded by a newer one.");
      }
      d["query"] = {{"page", page}};
      break;
    }
    case RequestKind::post_get:
    case RequestKind::post_update:
    case RequestKind::post_delete: {
      if (auto e = needs_own_post()) return *e;
      path_params["post"] = *post_id;
      if (kind == RequestKind::post_update) {
        if (!params.contains("body") || !params["body"].is_object())
          return field_error("body", "The body field must be an object.");
        d["body"] = params["body"];
      }
      break;
    }
    case RequestKind::post_create: {
      if (!params.contains("body") || !params["body"].is_object())
        return field_error("body", "The body field must be an object.");
      // A body carrying another workspace's post id is a copy in disguise.
      for (const char* key : {"id", "copy_of", "source_post_id"}) {
        if (const auto other = string_param(params["body"], key)) {
          const auto owner = post_owner(*other);
          if (owner && *owner != s->info.id) return move_post(*other, s->info.id);
        }
      }
      d["body"] = params["body"];
      // The outbox's key for this create: sent unchanged on every attempt, so the server makes
      // the post once (a key the header cannot carry as written is refused here, before sending).
      if (const auto k = params.find("idempotency_key"); k != params.end() && !k->is_null()) {
        const auto key = k->is_string() ? k->get<std::string>() : std::string();
        if (const auto problem = idempotency_key_problem(key)) return field_error("idempotency_key", *problem);
        d["idempotency_key"] = key;
      }
      break;
    }
    case RequestKind::account_workspace_create: {
      auto name = validate_workspace_name(params.contains("name") ? params["name"] : json());
      if (!name) return name.error();
      d["body"] = {{"name", *name}};
      // A device that names itself gets its session for the new workspace in the same answer.
      if (params.contains("device_id")) {
        auto device = device_fields(params);
        if (!device) return device.error();
        d["body"].update(*device);
      }
      break;
    }
    case RequestKind::account_session_open: {
      auto device = device_fields(params);
      if (!device) return device.error();
      d["body"] = *device;
      if (params.contains("workspace_id")) {
        const auto id = string_param(params, "workspace_id");
        if (!id || id->empty()) return field_error("workspace_id", "The workspace id field must be a string.");
        d["body"]["workspace_id"] = *id;
      }
      break;
    }
    case RequestKind::account_workspace_update: {
      auto patch = workspace_patch_body(params);
      if (!patch) return patch.error();
      if (patch->empty()) return field_error("name", "Nothing to change: give a name or a logo url.");
      d["body"] = *patch;
      break;
    }
    case RequestKind::account_workspace_brand: {
      auto brand = apply_brand_patch(s->info.brand, params);
      if (!brand) return brand.error();
      d["body"] = to_json(*brand);
      break;
    }
    case RequestKind::account_workspace_delete: {
      const auto confirm = string_param(params, "confirm_name");
      // Exactly the name, untrimmed: the confirmation is a deliberate act, not a fuzzy match.
      if (!confirm || *confirm != s->info.name)
        return field_error("confirm_name", "Type the workspace name exactly to confirm the deletion.");
      d["body"] = {{"confirm_name", *confirm}};
      break;
    }
    case RequestKind::account_api_key_create: {
      json name = params.contains("name") ? params["name"] : json("Dashboard");
      auto valid = validate_workspace_name(name, "name");  // same rule: required, trimmed, <= 255
      if (!valid) return valid.error();
      json body{{"name", *valid}};
      if (const auto expires = string_param(params, "expires_at")) body["expires_at"] = *expires;
      d["body"] = std::move(body);
      break;
    }
    case RequestKind::account_member_update:
    case RequestKind::account_member_remove: {
      const auto user = string_param(params, "user_id");
      if (!user || user->empty()) return field_error("user_id", "The user id field is required.");
      bool fixed = s->info.owner_id && *s->info.owner_id == *user;
      for (const auto& m : s->members) {
        if (member_id(m) != *user) continue;
        const auto held = parse_role(m.value("role", ""));
        if (held && is_fixed(*held)) fixed = true;
      }
      if (fixed)
        return field_error(kind == RequestKind::account_member_update ? "role" : "user_id",
                           "The owner's role is fixed: the owner can be neither changed nor removed.");
      if (kind == RequestKind::account_member_update) {
        const auto role = string_param(params, "role");
        const auto parsed = role ? parse_role(*role) : std::nullopt;
        if (!parsed) return field_error("role", "The selected role is invalid.");
        if (!is_assignable(*parsed))
          return field_error("role", "Ownership cannot be transferred: the role must be admin, member or viewer.");
        d["body"] = {{"role", *role}};
      }
      path_params["user_id"] = *user;
      break;
    }
    default: break;  // the lists and workspace.get take nothing but the endpoint
  }

  auto built = build_with_bearer(d, bearer);
  if (!built) return built.error();

  PendingRequest r;
  r.id = next_request_++;
  r.kind = kind;
  r.workspace_id = s ? s->info.id : std::string();
  r.epoch = s ? s->epoch : 0;
  // Workspaces that exist before the list is asked for are the ones its answer speaks for.
  if (kind == RequestKind::account_workspaces_list) r.epoch = next_epoch_;
  r.params = params;
  if (probe) r.probe_key = probe_key;
  if (kind == RequestKind::posts_page && !r.params.contains("refresh")) {
    s->refresh_id = r.id;  // page 1 opens a new walk; older walks' pages will be dropped
    s->staging.clear();
    s->staging_last = 0;
    r.params["refresh"] = r.id;
  }
  if (s && (kind == RequestKind::post_create || kind == RequestKind::post_update || kind == RequestKind::post_delete)) {
    s->outbox.push_back({{"request_id", r.id}, {"kind", std::string(wire_name(kind))}, {"post_id", post_id ? json(*post_id) : json(nullptr)}});
    bump(*s, "outbox");
  }

  json& b = built.value();
  json out{{"request_id", r.id},
           {"workspace_id", r.workspace_id.empty() ? json(nullptr) : json(r.workspace_id)},
           {"kind", std::string(wire_name(kind))},
           {"method", b["method"]},
           {"path", b["url"]},
           {"headers", std::move(b["headers"])},
           {"body", b["body"]},
           // Whether the transport may send it again after a lost answer (retry_decision).
           {"idempotent", b["idempotent"]}};
  if (kind == RequestKind::posts_page) out["refresh"] = r.params["refresh"];
  pending_.emplace(r.id, std::move(r));
  return out;
}

}  // namespace trypost
