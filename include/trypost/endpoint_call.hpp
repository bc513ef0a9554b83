#pragma once
// One documented endpoint called on behalf of one workspace. The request comes from
// build_request (request.hpp), the credential from the Store: the key of THE workspace named at
// call time (whatever is active when the answer comes back), or the account token for the
// account API with that workspace's id filled in. The role table refuses what the role cannot do
// before anything leaves. The answer is read by parse_response, a 402 is classified (credits or
// plan), and no key or token ever appears in what comes back.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"
#include "trypost/request.hpp"
#include "trypost/role.hpp"
#include "trypost/store.hpp"

namespace trypost {

// The permission an endpoint needs in its workspace; nullopt for endpoints that are not bound to
// one (account.me, account.usage, the workspace list and create, invite accept/decline, uploads).
std::optional<Action> endpoint_action(std::string_view endpoint);

// The one pipeline every request the core hands out ends in (Store::begin_request and
// begin_endpoint_call): whether the endpoint acts in one workspace (a workspace key, or an
// account endpoint with {id} in its path), the role check against the rights table above, and
// the request built from the endpoint table with the bearer credential attached.
bool endpoint_needs_workspace(const Endpoint& endpoint);
std::optional<ApiError> refuse_by_role(const WorkspaceState& workspace, const Endpoint& endpoint);
// build_request's JSON with headers.Authorization = "Bearer <bearer>".
Expected<nlohmann::json> build_with_bearer(const nlohmann::json& description, const std::string& bearer);

// description: {"endpoint", "params"?, "query"?, "body"?, "idempotency_key"?} as build_request
// takes it (no "base": the shell prefixes its origin). Answers build_request's JSON plus
// {"workspace_id", "headers": {... "Authorization"}} or an ApiError (404 unknown workspace, 401 no
// key held, 403 role, 501 no account API, 400/422 bad description).
Expected<nlohmann::json> begin_endpoint_call(const Store& store, const std::string& workspace_id,
                                             const nlohmann::json& description);

// "credits" when the message or body speaks of credits, "plan" when it speaks of the
// subscription, trial or plan status, otherwise "unknown". Only the words the server sent decide.
std::string_view payment_kind(const std::string& message, const nlohmann::json& body);

// meta: {"endpoint","status","headers"?,"now"?,"stage"?: "begin" for the core's own refusal read
// like an answer}; body: the answer's text. parse_response's answer with, on a 402,
// failure.payment, failure.credential_refused (that workspace's credential was refused: sign in
// again, failure_class.hpp), and with that workspace's key and the account token redacted from
// every message.
std::string finish_endpoint_call_json(const Store& store, const std::string& workspace_id, const std::string& meta_json,
                                      const std::string& body);
std::string begin_endpoint_call_json(const Store& store, const std::string& workspace_id,
                                     const std::string& description_json);

}  // namespace trypost
