#pragma once
// Who may do what in a workspace: the one permission table (docs/api-contract.md#roles) that the dashboard, the
// SDK and the CLI all ask. Nothing outside this file decides a permission.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace trypost {

// The account owner (the user who signed up) has every right in every workspace of the account
// and is not assignable; the other three are per-workspace roles. One user can be an Admin in
// one workspace and a Viewer in the next.
enum class Role { owner, admin, member, viewer };

enum class Action {
  view_posts,              // posts, calendar, analytics
  comment,                 // comments, @mentions, reactions
  manage_posts,            // create, edit, publish, delete, duplicate
  use_ai,                  // AI generate / review for posts (rides on create-post permission)
  manage_labels,           // labels: create and manage
  manage_signatures,       // signatures: create and manage
  manage_assets,           // media and asset library: upload, manage, list, get, attach
  lookup_boards_channels,  // Pinterest boards, Discord channels
  manage_accounts,         // social accounts: connect, toggle, disconnect
  manage_team,             // invite and remove members, change roles
  manage_settings,         // workspace name, logo, brand profile
  manage_api_keys,         // API keys: create, list, delete
  billing,
  delete_workspace,
};

inline constexpr std::array<Role, 4> kAllRoles{Role::owner, Role::admin, Role::member, Role::viewer};
inline constexpr std::array<Action, 14> kAllActions{
    Action::view_posts,      Action::comment,        Action::manage_posts,   Action::use_ai,
    Action::manage_labels,   Action::manage_signatures, Action::manage_assets,
    Action::lookup_boards_channels, Action::manage_accounts, Action::manage_team,
    Action::manage_settings, Action::manage_api_keys, Action::billing,      Action::delete_workspace};

bool can(Role role, Action action);

std::string_view wire_name(Role r);
std::string_view wire_name(Action a);
std::optional<Role> parse_role(std::string_view s);
std::optional<Action> parse_action(std::string_view s);
// Roles an invite or a role change may assign (never owner).
bool is_assignable(Role r);
// Whether a member holding the role keeps it: the owner is fixed at sign-up, so neither a role
// change nor a removal applies to them.
bool is_fixed(Role r);

// {"roles":[...], "actions":[...], "matrix":{"owner":{"view_posts":true,...},...}}
nlohmann::json permission_table_json();
// {"view_posts":true, ...} for one role: what the UI needs after a switch.
nlohmann::json permissions_json(Role r);

}  // namespace trypost
