#include "trypost/role_catalog.hpp"

#include <vector>

#include "trypost/core_answer.hpp"

namespace trypost {
namespace {

constexpr std::string_view kDisplayNames[] = {"Owner", "Admin", "Member", "Viewer"};

// Kept in step with the table in role.cpp by tests/native/role_catalog_test.cpp.
constexpr std::string_view kDescriptions[] = {
    "Signed up for the account: may do everything in every workspace of it, billing and deleting a "
    "workspace included. Fixed at sign-up; it cannot be assigned or handed over.",
    "Runs the workspace: posts, labels, signatures and media, and also social accounts, the team, "
    "workspace settings and API keys. No billing, and cannot delete the workspace.",
    "Writes, schedules and publishes posts, and manages labels, signatures and media. Cannot connect "
    "social accounts or change the team, workspace settings or API keys.",
    "Sees every post and the calendar and can comment, but cannot change anything.",
};

}  // namespace

std::string_view display_name(Role r) { return kDisplayNames[static_cast<int>(r)]; }
std::string_view role_description(Role r) { return kDescriptions[static_cast<int>(r)]; }

std::string who_may(Action a) {
  std::vector<std::string_view> names;
  for (const auto r : kAllRoles)
    if (can(r, a)) names.push_back(display_name(r));
  if (names.empty()) return "no one";
  // "an Owner", "an Admin", "a Member", "a Viewer".
  std::string out = names.front() == "Owner" || names.front() == "Admin" ? "an " : "a ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

nlohmann::json assignable_roles(std::optional<Role> acting) {
  nlohmann::json out = nlohmann::json::array();
  if (acting && !can(*acting, Action::manage_team)) return out;
  for (const auto r : kAllRoles)
    if (is_assignable(r)) out.push_back(std::string(wire_name(r)));
  return out;
}

nlohmann::json role_catalog(std::optional<Role> acting) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto r : kAllRoles) {
    nlohmann::json entry{{"role", std::string(wire_name(r))},
                         {"name", std::string(display_name(r))},
                         {"description", std::string(role_description(r))},
                         {"assignable", is_assignable(r)},
                         {"fixed", is_fixed(r)}};
    if (is_fixed(r)) entry["fixed_reason"] = "Fixed: ownership cannot be transferred.";
    roles.push_back(std::move(entry));
  }
  nlohmann::json who = nlohmann::json::object();
  for (const auto a : kAllActions) who[std::string(wire_name(a))] = who_may(a);
  return {{"roles", roles}, {"assignable", assignable_roles(acting)}, {"who_may", who}};
}

std::string role_catalog_json(const std::string& input) {
  nlohmann::json in;
  ApiError err;
  if (!parse_argument(input, in, err)) return error_answer(err);
  std::optional<Role> acting;
  if (in.contains("role") && !in["role"].is_null()) {
    const auto& r = in["role"];
    acting = r.is_string() ? parse_role(r.get<std::string>()) : std::nullopt;
    if (!acting) {
      return error_answer(field_error("role", "The role must be one of owner, admin, member or viewer.", 400));
    }
  }
  return role_catalog(acting).dump();
}

}  // namespace trypost
