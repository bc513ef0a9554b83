#include "trypost/role.hpp"

namespace trypost {
namespace {

struct Row {
  Action action;
  std::string_view wire;
  // owner, admin, member, viewer
  bool allowed[4];
};

// docs/api-contract.md#roles, row for row. use_ai is not a row of its own there: AI drafting produces posts and
// the MCP tools gate it on create-post permission, so it follows manage_posts.
constexpr Row kTable[] = {
    {Action::view_posts, "view_posts", {true, true, true, true}},
    {Action::comment, "comment", {true, true, true, true}},
    {Action::manage_posts, "manage_posts", {true, true, true, false}},
    {Action::use_ai, "use_ai", {true, true, true, false}},
    {Action::manage_labels, "manage_labels", {true, true, true, false}},
    {Action::manage_signatures, "manage_signatures", {true, true, true, false}},
    {Action::manage_assets, "manage_assets", {true, true, true, false}},
    {Action::lookup_boards_channels, "lookup_boards_channels", {true, true, true, false}},
    {Action::manage_accounts, "manage_accounts", {true, true, false, false}},
    {Action::manage_team, "manage_team", {true, true, false, false}},
    {Action::manage_settings, "manage_settings", {true, true, false, false}},
    {Action::manage_api_keys, "manage_api_keys", {true, true, false, false}},
    {Action::billing, "billing", {true, false, false, false}},
    {Action::delete_workspace, "delete_workspace", {true, false, false, false}},
};
static_assert(std::size(kTable) == kAllActions.size(), "every action has exactly one row");

constexpr std::string_view kRoleNames[] = {"owner", "admin", "member", "viewer"};

const Row& row(Action a) {
  for (const auto& r : kTable)
    if (r.action == a) return r;
  return kTable[0];  // unreachable: the static_assert and the enum keep the table complete
}

}  // namespace

bool can(Role role, Action action) { return row(action).allowed[static_cast<int>(role)]; }

std::string_view wire_name(Role r) { return kRoleNames[static_cast<int>(r)]; }
std::string_view wire_name(Action a) { return row(a).wire; }

std::optional<Role> parse_role(std::string_view s) {
  for (const auto r : kAllRoles)
    if (wire_name(r) == s) return r;
  return std::nullopt;
}

std::optional<Action> parse_action(std::string_view s) {
  for (const auto& r : kTable)
    if (r.wire == s) return r.action;
  return std::nullopt;
}

bool is_assignable(Role r) { return r != Role::owner; }
bool is_fixed(Role r) { return r == Role::owner; }

nlohmann::json permissions_json(Role r) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& row : kTable) out[std::string(row.wire)] = row.allowed[static_cast<int>(r)];
  return out;
}

nlohmann::json permission_table_json() {
  nlohmann::json roles = nlohmann::json::array(), actions = nlohmann::json::array();
  nlohmann::json matrix = nlohmann::json::object();
  for (const auto r : kAllRoles) {
    roles.push_back(std::string(wire_name(r)));
    matrix[std::string(wire_name(r))] = permissions_json(r);
  }
  for (const auto& row : kTable) actions.push_back(std::string(row.wire));
  return {{"roles", roles}, {"actions", actions}, {"matrix", matrix}};
}

}  // namespace trypost
