#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "calendar_fixtures.hpp"
#include "trypost/calendar.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace calendar_days_test {

using namespace trypost;
using namespace calendar_fixtures;
using nlohmann::json;

TEST_CASE("calendar month grid: whole weeks covering the month, for a 1st on every weekday") {
  CalendarIndex idx = index_of(json::array());
  // 2026: June 1 Mon, Sep 1 Tue, Apr 1 Wed, Jan 1 Thu, May 1 Fri, Aug 1 Sat, Mar 1 Sun.
  const std::vector<std::pair<std::string, unsigned>> firsts = {{"2026-06-10", 0}, {"2026-09-10", 1}, {"2026-04-10", 2},
                                                                {"2026-01-10", 3}, {"2026-05-10", 4}, {"2026-08-10", 5},
                                                                {"2026-03-10", 6}};
  for (const auto& first : firsts) {
    const std::string date = first.first;
    const unsigned weekday = first.second;
    for (const char* ws : {"monday", "sunday"}) {
      CAPTURE(date);
      CAPTURE(ws);
      const json v = view(idx, {{"view", "month"}, {"date", date}, {"week_start", ws}});
      const auto dates = all_dates(v);
      REQUIRE(dates.size() % 7 == 0);
      const auto first_day = days_from_civil(*parse_date(dates.front()));
      CHECK(weekday_of(first_day) == (std::string(ws) == "monday" ? 0u : 6u));
      const std::string first_of_month = date.substr(0, 8) + "01";
      CHECK(weekday_of(days_from_civil(*parse_date(first_of_month))) == weekday);
      // The 1st sits in the first row and the grid has no row without a day of the month.
      const auto pos = std::find(dates.begin(), dates.end(), first_of_month) - dates.begin();
      CHECK(pos < 7);
      int in_month = 0;
      for (const auto& w : v["weeks"]) {
        int row = 0;
        for (const auto& d : w["days"]) row += d["in_month"].get<bool>();
        CHECK(row > 0);
        in_month += row;
      }
      const CivilDate cd = *parse_date(date);
      const int length = int(days_from_civil({cd.year, cd.month == 12 ? 1 : cd.month + 1, 1}) -
                             days_from_civil({cd.year, cd.month, 1}));
      CHECK(in_month == length);
      CHECK(v["range"]["start"] == dates.front());
      CHECK(v["range"]["end"] == dates.back());
    }
  }
  // A 28-day February starting on the week's first day fills exactly four rows.
  CHECK(view(idx, {{"view", "month"}, {"date", "2027-02-01"}})["weeks"].size() == 4);
  // A 31-day month starting on the week's last day needs six.
  CHECK(view(idx, {{"view", "month"}, {"date", "2026-03-01"}})["weeks"].size() == 6);
  CHECK(view(idx, {{"view", "month"}, {"date", "2026-03-01"}, {"week_start", "sunday"}})["weeks"].size() == 5);
}

TEST_CASE("calendar leap years: February has 29 days in 2028 and 2000, 28 in 2100 and 2027") {
  CalendarIndex idx = index_of(json::array());
  auto feb_days = [&](const char* date) {
    int n = 0;
    const json v = view(idx, {{"view", "month"}, {"date", date}});
    for (const auto& w : v["weeks"])
      for (const auto& d : w["days"]) n += d["in_month"].get<bool>();
    return n;
  };
  CHECK(feb_days("2028-02-01") == 29);
  CHECK(feb_days("2000-02-15") == 29);
  CHECK(feb_days("2100-02-15") == 28);
  CHECK(feb_days("2027-02-28") == 28);
  CHECK(calendar_query_from_json({{"view", "month"}, {"date", "2027-02-29"}}).ok() == false);
}

TEST_CASE("calendar ISO weeks: week-numbering years, week 53, year boundaries") {
  // 2026 starts on a Thursday: 53 weeks. 2020 starts on a Wednesday and is leap: 53 weeks.
  CHECK(iso_week_of(days_from_civil({2026, 12, 31})).week == 53);
  CHECK(iso_week_of(days_from_civil({2027, 1, 3})).week == 53);
  CHECK(iso_week_of(days_from_civil({2027, 1, 3})).year == 2026);
  CHECK(iso_week_of(days_from_civil({2027, 1, 4})).week == 1);
  CHECK(iso_week_of(days_from_civil({2020, 12, 31})).week == 53);
  CHECK(iso_week_of(days_from_civil({2021, 1, 1})).year == 2020);
  // 2025 has 52: Dec 29, 2025 is already week 1 of 2026.
  CHECK(iso_week_of(days_from_civil({2025, 12, 28})).week == 52);
  CHECK(iso_week_of(days_from_civil({2025, 12, 29})).week == 1);
  CHECK(iso_week_of(days_from_civil({2025, 12, 29})).year == 2026);
  // 2019 has 52 (starts on Tuesday).
  CHECK(iso_week_of(days_from_civil({2019, 12, 29})).week == 52);

  CalendarIndex idx = index_of(json::array());
  const json dec = view(idx, {{"view", "month"}, {"date", "2026-12-01"}});
  CHECK(dec["weeks"].back()["iso_week"] == 53);
  CHECK(dec["weeks"].back()["days"].back()["date"] == "2027-01-03");
  const json jan = view(idx, {{"view", "month"}, {"date", "2027-01-15"}});
  CHECK(jan["weeks"][0]["iso_week"] == 53);
  CHECK(jan["weeks"][0]["iso_year"] == 2026);
  CHECK(jan["weeks"][1]["iso_week"] == 1);
  // Sunday rows take the week number of the Monday inside them.
  const json jan_sun = view(idx, {{"view", "month"}, {"date", "2027-01-15"}, {"week_start", "sunday"}});
  CHECK(jan_sun["weeks"][0]["days"][0]["date"] == "2026-12-27");
  CHECK(jan_sun["weeks"][0]["iso_week"] == 53);
  const json week = view(idx, {{"view", "week"}, {"date", "2026-01-01"}});
  CHECK(week["weeks"][0]["iso_week"] == 1);
  CHECK(week["weeks"][0]["days"][0]["date"] == "2025-12-29");
}

}  // namespace calendar_days_test
