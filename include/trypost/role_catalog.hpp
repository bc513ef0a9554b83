#pragma once
// The roles as a person reads them: each role's name and what it may do, who may take an action
// (for the "only an Owner or Admin can ..." notices), and which roles the acting person may hand
// out in an invite or a role change. Built from the permission table in role.hpp, so the words
// cannot drift from what the core allows.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trypost/role.hpp"

namespace trypost {

// "Owner", "Admin", "Member", "Viewer".
std::string_view display_name(Role r);
// What a person holding the role may do, in a sentence or two.
std::string_view role_description(Role r);
// The roles allowed to take an action, as a sentence part: "an Owner, Admin or Member".
std::string who_may(Action a);
// Roles `acting` may assign: every assignable role for a role that manages the team, none
// otherwise; with no acting role, every assignable role.
nlohmann::json assignable_roles(std::optional<Role> acting);

// {"roles": [{"role", "name", "description", "assignable", "fixed", "fixed_reason"?}], "assignable": [...],
//  "who_may": {action: text}}: a fixed role is one a member keeps (neither changed nor removed),
// and its reason says why in words.
nlohmann::json role_catalog(std::optional<Role> acting);
// Input {"role"?: "admin"}: the acting person's role in the open workspace. Bad input gets the
// flat error answer (core_answer.hpp) naming the field.
std::string role_catalog_json(const std::string& input);

}  // namespace trypost
