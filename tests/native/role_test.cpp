#include <doctest/doctest.h>

#include "trypost/role.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace role_test {

using namespace trypost;

namespace {
// Expected answers transcribed from docs/api-contract.md#roles, one line per row: owner, admin, member, viewer.
void check_row(Action a, bool owner, bool admin, bool member, bool viewer) {
  INFO("action " << std::string(wire_name(a)));
  CHECK(can(Role::owner, a) == owner);
  CHECK(can(Role::admin, a) == admin);
  CHECK(can(Role::member, a) == member);
  CHECK(can(Role::viewer, a) == viewer);
}
}  // namespace

TEST_CASE("roles: view posts, calendar, analytics -- every role") { check_row(Action::view_posts, 1, 1, 1, 1); }
TEST_CASE("roles: comment on posts -- every role, Viewer included") { check_row(Action::comment, 1, 1, 1, 1); }
TEST_CASE("roles: create, edit, publish, delete, duplicate posts -- not Viewer") {
  check_row(Action::manage_posts, 1, 1, 1, 0);
}
TEST_CASE("roles: AI drafting follows create-post permission -- not Viewer") { check_row(Action::use_ai, 1, 1, 1, 0); }
TEST_CASE("roles: labels create and manage -- not Viewer") { check_row(Action::manage_labels, 1, 1, 1, 0); }
TEST_CASE("roles: signatures create and manage -- not Viewer") { check_row(Action::manage_signatures, 1, 1, 1, 0); }
TEST_CASE("roles: media and assets (REST /assets* is 403 for Viewer) -- not Viewer") {
  check_row(Action::manage_assets, 1, 1, 1, 0);
}
TEST_CASE("roles: Pinterest boards and Discord channels lookup -- not Viewer") {
  check_row(Action::lookup_boards_channels, 1, 1, 1, 0);
}
TEST_CASE("roles: manage social accounts -- Owner and Admin") { check_row(Action::manage_accounts, 1, 1, 0, 0); }
TEST_CASE("roles: invite and remove members, change roles -- Owner and Admin") {
  check_row(Action::manage_team, 1, 1, 0, 0);
}
TEST_CASE("roles: workspace settings -- Owner and Admin") { check_row(Action::manage_settings, 1, 1, 0, 0); }
TEST_CASE("roles: API keys create, list, delete -- Owner and Admin") { check_row(Action::manage_api_keys, 1, 1, 0, 0); }
TEST_CASE("roles: billing -- Owner only") { check_row(Action::billing, 1, 0, 0, 0); }
TEST_CASE("roles: delete workspace -- Owner only") { check_row(Action::delete_workspace, 1, 0, 0, 0); }

TEST_CASE("roles: wire names round-trip and unknown names are refused") {
  for (const auto a : kAllActions) CHECK(parse_action(wire_name(a)) == a);
  for (const auto r : kAllRoles) CHECK(parse_role(wire_name(r)) == r);
  CHECK_FALSE(parse_action("publish_everything"));
  CHECK_FALSE(parse_role("Owner"));  // wire names are lower case, as the account API sends them
  CHECK(wire_name(Action::lookup_boards_channels) == "lookup_boards_channels");
}

TEST_CASE("roles: the owner is not assignable; the three workspace roles are") {
  CHECK_FALSE(is_assignable(Role::owner));
  CHECK(is_assignable(Role::admin));
  CHECK(is_assignable(Role::member));
  CHECK(is_assignable(Role::viewer));
}

TEST_CASE("roles: the exported table is the same table can() answers from") {
  const auto t = permission_table_json();
  REQUIRE(t["actions"].size() == kAllActions.size());
  REQUIRE(t["roles"].size() == 4);
  for (const auto r : kAllRoles)
    for (const auto a : kAllActions)
      CHECK(t["matrix"][std::string(wire_name(r))][std::string(wire_name(a))].get<bool>() == can(r, a));
  // Each step down the ladder loses rights, never gains one.
  for (const auto a : kAllActions) {
    CHECK((!can(Role::admin, a) || can(Role::owner, a)));
    CHECK((!can(Role::member, a) || can(Role::admin, a)));
    CHECK((!can(Role::viewer, a) || can(Role::member, a)));
  }
}

}  // namespace role_test
