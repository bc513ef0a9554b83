#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "trypost/role_catalog.hpp"

namespace role_catalog_test {

using namespace trypost;
using nlohmann::json;

TEST_CASE("role catalog: the notices name exactly the roles the table allows") {
  CHECK(who_may(Action::manage_posts) == "an Owner, Admin or Member");
  CHECK(who_may(Action::manage_team) == "an Owner or Admin");
  CHECK(who_may(Action::manage_accounts) == "an Owner or Admin");
  CHECK(who_may(Action::billing) == "an Owner");
  CHECK(who_may(Action::comment) == "an Owner, Admin, Member or Viewer");
  // Every phrase names each role the table allows and no other.
  for (const auto a : kAllActions) {
    const std::string words = who_may(a);
    for (const auto r : kAllRoles) {
      INFO(std::string(wire_name(a)) << " / " << std::string(wire_name(r)));
      CHECK((words.find(std::string(display_name(r))) != std::string::npos) == can(r, a));
    }
  }
}

TEST_CASE("role catalog: an Owner or Admin may assign Admin, Member and Viewer; never Owner") {
  const json all = json::array({"admin", "member", "viewer"});
  CHECK(assignable_roles(Role::owner) == all);
  CHECK(assignable_roles(Role::admin) == all);
  CHECK(assignable_roles(std::nullopt) == all);
}

TEST_CASE("role catalog: a Member or Viewer may assign no role") {
  CHECK(assignable_roles(Role::member).empty());
  CHECK(assignable_roles(Role::viewer).empty());
}

TEST_CASE("role catalog: each role has a name and a description people read") {
  const json c = json::parse(role_catalog_json(R"({"role":"admin"})"));
  REQUIRE(c["roles"].size() == 4);
  CHECK(c["roles"][0]["role"] == "owner");
  CHECK(c["roles"][0]["name"] == "Owner");
  CHECK(c["roles"][0]["assignable"] == false);
  CHECK(c["roles"][3]["name"] == "Viewer");
  CHECK(c["roles"][3]["assignable"] == true);
  for (const auto& r : c["roles"]) {
    CHECK(r["description"].get<std::string>().size() > 20);
    // Plain words: no wire names such as manage_posts in what a person reads.
    CHECK(r["description"].get<std::string>().find('_') == std::string::npos);
  }
  CHECK(c["assignable"] == json::array({"admin", "member", "viewer"}));
  CHECK(c["who_may"]["manage_api_keys"] == "an Owner or Admin");
  // The Viewer's description says it changes nothing: the table allows it no change.
  for (const auto a : kAllActions)
    if (a != Action::view_posts && a != Action::comment) CHECK_FALSE(can(Role::viewer, a));
}

TEST_CASE("role catalog: a Viewer's catalog offers no role to assign") {
  const json c = json::parse(role_catalog_json(R"({"role":"viewer"})"));
  CHECK(c["assignable"].empty());
  CHECK(c["roles"].size() == 4);
}

TEST_CASE("role catalog: an unknown role is refused, naming the field") {
  const json bad = json::parse(role_catalog_json(R"({"role":"superuser"})"));
  CHECK(bad["status"] == 400);
  CHECK(bad["errors"].contains("role"));
  const json wrong_type = json::parse(role_catalog_json(R"({"role":3})"));
  CHECK(wrong_type["errors"].contains("role"));
  const json not_object = json::parse(role_catalog_json("[1]"));
  CHECK(not_object["status"] == 400);
  CHECK(not_object.contains("error"));
}

TEST_CASE("role catalog: the owner's role is fixed and says why; every other role may change") {
  for (const char* acting : {R"({"role":"owner"})", R"({"role":"admin"})", R"({"role":"viewer"})", "{}"}) {
    CAPTURE(acting);
    const json c = json::parse(role_catalog_json(acting));
    for (const auto& r : c["roles"]) {
      const bool owner = r["role"] == "owner";
      CHECK(r["fixed"] == owner);
      CHECK(r.contains("fixed_reason") == owner);
      // A fixed role is never one that may be handed out.
      if (owner) CHECK(r["assignable"] == false);
    }
    CHECK(c["roles"][0]["fixed_reason"] == "Fixed: ownership cannot be transferred.");
  }
  CHECK(is_fixed(Role::owner));
  for (const auto r : {Role::admin, Role::member, Role::viewer}) CHECK_FALSE(is_fixed(r));
}

}  // namespace role_catalog_test
