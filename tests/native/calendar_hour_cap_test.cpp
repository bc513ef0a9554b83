#include <doctest/doctest.h>

#include <cstdio>
#include <set>

#include "trypost/calendar.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace calendar_hour_cap_test {

using namespace trypost;
using nlohmann::json;

namespace {

json post_at(int n, int hour, int minute) {
  char at[32];
  std::snprintf(at, sizeof at, "2026-05-12T%02d:%02d:00Z", hour, minute);
  return json{{"id", "p" + std::to_string(100 + n)},
              {"status", "scheduled"},
              {"content", "post " + std::to_string(n)},
              {"scheduled_at", at},
              {"platforms", json::array({json{{"id", "pp" + std::to_string(n)}, {"platform", "x"}, {"content_type", "x_post"},
                                              {"social_account", {{"id", "acc1"}}}}})}};
}

json day_view(const CalendarIndex& idx, json q) {
  q["view"] = "day";
  q["date"] = "2026-05-12";
  auto parsed = calendar_query_from_json(q);
  REQUIRE(parsed.ok());
  return idx.view(*parsed);
}

}  // namespace

TEST_CASE("time grid: a busy hour keeps its first posts and counts the rest in its own \"+N more\"") {
  // 30 posts in one day: 20 between 09:00 and 09:57, 10 spread over the afternoon hours.
  json posts = json::array();
  for (int i = 0; i < 20; ++i) posts.push_back(post_at(i, 9, i * 3));
  for (int i = 0; i < 10; ++i) posts.push_back(post_at(20 + i, 13 + i % 5, (i / 5) * 40));
  CalendarIndex idx;
  REQUIRE(idx.load(json{{"posts", posts}}).ok());

  const json uncapped = day_view(idx, json::object());
  CHECK(uncapped["items"].size() == 30);
  CHECK_FALSE(uncapped.contains("hour_more"));
  int widest = 0;
  for (const auto& it : uncapped["items"]) widest = std::max(widest, it["columns"].get<int>());
  CHECK(widest >= 10);  // without a cap, the 09:00 hour splits its column ten ways

  const json capped = day_view(idx, {{"max_per_hour", 3}});
  // 09:00: 2 shown and "+18 more"; 13:00-17:00 hold 2 posts each, all shown.
  REQUIRE(capped["hour_more"].size() == 1);
  CHECK(capped["hour_more"][0]["hour"] == 9);
  CHECK(capped["hour_more"][0]["hidden"] == 18);
  CHECK(capped["hidden"] == 18);
  CHECK(capped["items"].size() == 12);
  std::set<std::string> nine;
  widest = 0;
  for (const auto& it : capped["items"]) {
    widest = std::max(widest, it["columns"].get<int>());
    if (it["minute"].get<int>() / 60 == 9) nine.insert(it["post_id"].get<std::string>());
  }
  CHECK(nine == std::set<std::string>{"p100", "p101"});  // the hour's first posts, in time order
  CHECK(widest <= 2);                                      // columns are found among the kept posts only

  // Every post is either placed or counted: nothing is lost between the two.
  const json with_columns = day_view(idx, {{"max_per_hour", 3}, {"max_columns", 1}});
  CHECK(with_columns["items"].size() + with_columns["hidden"].get<std::size_t>() == 30);

  // The week grid carries the same per-day list; an hour at the cap exactly shows everything.
  auto parsed = calendar_query_from_json({{"view", "week"}, {"date", "2026-05-12"}, {"max_per_hour", 20}});
  REQUIRE(parsed.ok());
  const json week = idx.view(*parsed);
  const json& tuesday = week["weeks"][0]["days"][1];
  CHECK(tuesday["items"].size() == 30);
  CHECK(tuesday["hour_more"].empty());

  CHECK_FALSE(calendar_query_from_json({{"view", "day"}, {"date", "2026-05-12"}, {"max_per_hour", -1}}).ok());
}

}  // namespace calendar_hour_cap_test
