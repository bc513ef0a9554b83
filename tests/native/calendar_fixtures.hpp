#pragma once
// Posts, indexes and views shared by the calendar's doctest files (calendar_*_test.cpp).
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "trypost/calendar.hpp"

namespace calendar_fixtures {

using nlohmann::json;

inline json post(const std::string& id, const char* at, const char* status = "scheduled", const char* account = "acc1",
          const char* platform = "x", std::vector<std::string> labels = {}) {
  json labs = json::array();
  for (const auto& l : labels) labs.push_back(json{{"id", l}, {"name", "L" + l}, {"color", "#4f46e5"}});
  json p{{"id", id},
         {"status", status},
         {"content", "post " + id},
         {"platforms", json::array({json{{"id", "pp" + id}, {"platform", platform},
                                         {"content_type", std::string(platform) == "x" ? "x_post" : "linkedin_post"},
                                         {"social_account", {{"id", account}}}}})},
         {"labels", labs}};
  p["scheduled_at"] = at ? json(at) : json(nullptr);
  return p;
}

inline trypost::CalendarIndex index_of(const json& posts) {
  trypost::CalendarIndex idx;
  auto r = idx.load(json{{"posts", posts}});
  REQUIRE(r.ok());
  return idx;
}

inline json view(const trypost::CalendarIndex& idx, json q) {
  auto parsed = trypost::calendar_query_from_json(q);
  REQUIRE(parsed.ok());
  return idx.view(*parsed);
}

inline std::vector<std::string> all_dates(const json& v) {
  std::vector<std::string> out;
  for (const auto& w : v["weeks"])
    for (const auto& d : w["days"]) out.push_back(d["date"].get<std::string>());
  return out;
}

}  // namespace calendar_fixtures
