#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <set>

#include "trypost/calendar.hpp"
#include "trypost/layout.hpp"
#include "trypost/zone.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace calendar_test {

using namespace trypost;
using nlohmann::json;

namespace {

json post(const std::string& id, const char* at, const char* status = "scheduled", const char* account = "acc1",
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

CalendarIndex index_of(const json& posts) {
  CalendarIndex idx;
  auto r = idx.load(json{{"posts", posts}});
  REQUIRE(r.ok());
  return idx;
}

json view(const CalendarIndex& idx, json q) {
  auto parsed = calendar_query_from_json(q);
  REQUIRE(parsed.ok());
  return idx.view(*parsed);
}

std::vector<std::string> all_dates(const json& v) {
  std::vector<std::string> out;
  for (const auto& w : v["weeks"])
    for (const auto& d : w["days"]) out.push_back(d["date"].get<std::string>());
  return out;
}

}  // namespace

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

TEST_CASE("calendar placement: scheduled_at, else published_at, else unscheduled; order by time then id") {
  json posts = json::array({post("10", "2026-05-10T15:30:00Z"), post("9", "2026-05-10 15:30:00"),
                            post("b", "2026-05-10T08:00:00Z"), post("d1", nullptr, "draft")});
  json published = post("pub", nullptr, "published");
  published["published_at"] = "2026-05-11 09:00:00";
  posts.push_back(published);
  CalendarIndex idx = index_of(posts);
  const json v = view(idx, {{"view", "month"}, {"date", "2026-05-01"}});
  std::map<std::string, json> by_date;
  for (const auto& w : v["weeks"])
    for (const auto& d : w["days"]) by_date[d["date"]] = d["post_ids"];
  CHECK(by_date["2026-05-10"] == json::array({"b", "9", "10"}));
  CHECK(by_date["2026-05-11"] == json::array({"pub"}));
  CHECK(v["unscheduled"] == json::array({"d1"}));
  // A post at the very last second of a day stays on it; the next second is the next day.
  CalendarIndex edge = index_of(json::array({post("a", "2026-05-10T23:59:59Z"), post("z", "2026-05-11T00:00:00Z")}));
  const json d = view(edge, {{"view", "day"}, {"date", "2026-05-10"}});
  REQUIRE(d["items"].size() == 1);
  CHECK(d["items"][0]["post_id"] == "a");
  CHECK(d["items"][0]["minute"] == 1439);
}

TEST_CASE("calendar zone lens: Europe/Paris DST days are 23 and 25 hours") {
  // 2026: CET +1 until 2026-03-29T01:00Z, CEST +2 until 2026-10-25T01:00Z.
  const json zone{{"name", "Europe/Paris"},
                  {"transitions", json::array({json{{"at_utc", "2026-01-01T00:00:00Z"}, {"offset_seconds", 3600}},
                                               json{{"at_utc", "2026-03-29T01:00:00Z"}, {"offset_seconds", 7200}},
                                               json{{"at_utc", "2026-10-25T01:00:00Z"}, {"offset_seconds", 3600}}})}};
  CalendarIndex idx = index_of(json::array({post("late", "2026-03-28T23:30:00Z"),   // 00:30 CET on the 29th
                                            post("jump", "2026-03-29T01:00:00Z"),   // 03:00 CEST
                                            post("first", "2026-10-25T00:30:00Z"),  // 02:30 CEST
                                            post("second", "2026-10-25T01:30:00Z"), // 02:30 CET
                                            post("eve", "2026-10-25T22:59:00Z")})); // 23:59 CET
  const json spring = view(idx, {{"view", "day"}, {"date", "2026-03-29"}, {"zone", zone}});
  CHECK(spring["minutes"] == 23 * 60);
  REQUIRE(spring["items"].size() == 2);
  CHECK(spring["items"][0]["start"] == "2026-03-29T00:30:00+01:00");
  CHECK(spring["items"][1]["start"] == "2026-03-29T03:00:00+02:00");
  // Placed where the clock says (03:00), under the same 24-hour axis as every other day; the
  // skipped hour (02:00-03:00) is reported for the view to mark.
  CHECK(spring["items"][0]["minute"] == 30);
  CHECK(spring["items"][1]["minute"] == 180);
  CHECK(spring["clock_changes"] == json::array({json{{"from_minute", 120}, {"to_minute", 180}}}));
  CHECK(spring["range"]["start_utc"] == "2026-03-28T23:00:00Z");
  const json autumn = view(idx, {{"view", "day"}, {"date", "2026-10-25"}, {"zone", zone}});
  CHECK(autumn["minutes"] == 25 * 60);
  REQUIRE(autumn["items"].size() == 3);
  CHECK(autumn["items"][0]["start"] == "2026-10-25T02:30:00+02:00");
  CHECK(autumn["items"][1]["start"] == "2026-10-25T02:30:00+01:00");
  // Both 02:30s sit in the repeated hour's slot, side by side, first one first; 23:59 is the last minute.
  CHECK(autumn["items"][0]["minute"] == 150);
  CHECK(autumn["items"][1]["minute"] == 150);
  CHECK(autumn["items"][0]["column"] == 0);
  CHECK(autumn["items"][1]["column"] == 1);
  CHECK(autumn["items"][1]["columns"] == 2);
  CHECK(autumn["items"][2]["minute"] == 24 * 60 - 1);
  CHECK(autumn["clock_changes"] == json::array({json{{"from_minute", 180}, {"to_minute", 120}}}));
  // In UTC the same posts fall elsewhere: the lens never moves stored times.
  const json utc = view(idx, {{"view", "day"}, {"date", "2026-03-28"}});
  REQUIRE(utc["items"].size() == 1);
  CHECK(utc["items"][0]["start"] == "2026-03-28T23:30:00+00:00");
  CHECK(utc["minutes"] == 1440);
  CHECK(utc["clock_changes"].empty());
  // In a repeated hour, a later post earlier on the clock (02:20 CET after 02:40 CEST) gets its
  // overlap column in wall-clock order; the items stay in time order.
  CalendarIndex back = index_of(json::array({post("a", "2026-10-25T00:40:00Z"),    // 02:40 CEST
                                             post("b", "2026-10-25T01:20:00Z")}));  // 02:20 CET
  const json day = view(back, {{"view", "day"}, {"date", "2026-10-25"}, {"zone", zone}});
  REQUIRE(day["items"].size() == 2);
  CHECK(day["items"][0]["post_id"] == "a");
  CHECK(day["items"][0]["minute"] == 160);
  CHECK(day["items"][1]["minute"] == 140);
  CHECK(day["items"][1]["column"] == 0);  // 02:20 comes first on the clock
  CHECK(day["items"][0]["column"] == 1);  // 02:40 is inside 02:20's nominal half hour
}

TEST_CASE("calendar zone lens: Sao Paulo 2018 skipped midnight, Lord Howe half-hour DST, Kathmandu +05:45") {
  // Sao Paulo: on 2018-11-04 clocks went from 00:00 (-03) to 01:00 (-02); midnight never happened.
  const ZoneLens sp("America/Sao_Paulo", {{parse_time("2018-01-01T00:00:00Z").value.value(), -7200},
                                          {parse_time("2018-02-18T02:00:00Z").value.value(), -10800},
                                          {parse_time("2018-11-04T03:00:00Z").value.value(), -7200}});
  const auto nov4 = days_from_civil({2018, 11, 4});
  CHECK(format_iso_time(sp.day_start(nov4)) == "2018-11-04T03:00:00Z");
  CHECK(sp.day_start(nov4 + 1) - sp.day_start(nov4) == 23 * 3600);
  CHECK(sp.local_day(parse_time("2018-11-04T02:59:59Z").value.value()) == nov4 - 1);
  CHECK(sp.local_day(parse_time("2018-11-04T03:00:00Z").value.value()) == nov4);
  // 2018-02-17: 23:00 (-02) back to 23:00 (-03) happens twice on the 17th; the 18th is normal.
  const auto feb17 = days_from_civil({2018, 2, 17});
  CHECK(sp.day_start(feb17 + 1) - sp.day_start(feb17) == 25 * 3600);

  // Lord Howe: +10:30 standard, +11 in summer; the shift is 30 minutes.
  const ZoneLens lh("Australia/Lord_Howe", {{parse_time("2026-01-01T00:00:00Z").value.value(), 39600},
                                            {parse_time("2026-04-04T15:00:00Z").value.value(), 37800},
                                            {parse_time("2026-10-03T15:30:00Z").value.value(), 39600}});
  const auto apr5 = days_from_civil({2026, 4, 5}), oct4 = days_from_civil({2026, 10, 4});
  CHECK((lh.day_start(apr5 + 1) - lh.day_start(apr5)) / 60 == 24 * 60 + 30);
  CHECK((lh.day_start(oct4 + 1) - lh.day_start(oct4)) / 60 == 24 * 60 - 30);
  CHECK(format_local_iso(parse_time("2026-10-03T15:30:00Z").value.value(), 39600) == "2026-10-04T02:30:00+11:00");

  // Kathmandu: 18:14:59Z is still the same day, 18:15Z is the next.
  const ZoneLens ktm("Asia/Kathmandu", {{0, 20700}});
  const auto t = parse_time("2026-05-10T18:15:00Z").value.value();
  CHECK(ktm.local_day(t) == days_from_civil({2026, 5, 11}));
  CHECK(ktm.local_day(t - 1) == days_from_civil({2026, 5, 10}));
  CHECK(format_local_iso(t, 20700) == "2026-05-11T00:00:00+05:45");
  CHECK(format_local_iso(t, -12600) == "2026-05-10T14:45:00-03:30");

  CHECK_FALSE(zone_from_json(json{{"transitions", json::array({json{{"at_utc", 0}, {"offset_seconds", 64801}}})}}).ok());
  CHECK(zone_from_json(json{{"transitions", json::array({json{{"at_utc", 0}, {"offset_seconds", 64800}}})}}).ok());
  CHECK_FALSE(zone_from_json(json{{"transitions", "soon"}}).ok());
  CHECK_FALSE(zone_from_json(json{{"transitions", json::array({json{{"at_utc", INT64_MIN}, {"offset_seconds", 0}}})}}).ok());
  CHECK(zone_from_json(json{{"transitions", json::array({json{{"at_utc", 253402300799}, {"offset_seconds", 0}}})}}).ok());
}

TEST_CASE("calendar layout: row caps with +N more, overlap columns from a nominal duration") {
  CHECK(cut_rows(3, 3).visible == 3);
  CHECK(cut_rows(3, 3).hidden == 0);
  CHECK(cut_rows(4, 3).visible == 2);
  CHECK(cut_rows(4, 3).hidden == 2);
  CHECK(cut_rows(10, 0).visible == 10);
  CHECK(cut_rows(2, 1).visible == 0);
  CHECK(cut_rows(2, 1).hidden == 2);

  // 09:00, 09:10, 09:20 overlap (30 min each); 09:30 reuses column 0; 11:00 stands alone.
  const std::vector<SlotSpan> spans = {{540, 570}, {550, 580}, {560, 590}, {570, 600}, {660, 690}};
  const auto placed = place_in_columns(spans);
  CHECK(placed[0].column == 0);
  CHECK(placed[1].column == 1);
  CHECK(placed[2].column == 2);
  CHECK(placed[3].column == 0);
  for (int i = 0; i < 4; ++i) CHECK(placed[std::size_t(i)].columns == 3);
  CHECK(placed[4].column == 0);
  CHECK(placed[4].columns == 1);
  // Touching is not overlapping.
  const std::vector<SlotSpan> touching = {{0, 30}, {30, 60}};
  CHECK(place_in_columns(touching)[1].columns == 1);

  json posts = json::array();
  for (int i = 0; i < 5; ++i) posts.push_back(post("p" + std::to_string(i), "2026-05-12T09:00:00Z"));
  posts.push_back(post("q", "2026-05-12T09:29:00Z"));
  posts.push_back(post("r", "2026-05-12T09:30:00Z"));
  CalendarIndex idx = index_of(posts);
  const json m = view(idx, {{"view", "month"}, {"date", "2026-05-12"}, {"max_rows", 3}});
  json cell;
  for (const auto& w : m["weeks"])
    for (const auto& d : w["days"])
      if (d["date"] == "2026-05-12") cell = d;
  CHECK(cell["post_ids"] == json::array({"p0", "p1"}));
  CHECK(cell["hidden"] == 5);
  const json d = view(idx, {{"view", "day"}, {"date", "2026-05-12"}, {"max_columns", 4}});
  CHECK(d["hidden"] == 2);  // p4 and q need columns 4 and 5
  REQUIRE(d["items"].size() == 5);
  CHECK(d["items"].back()["post_id"] == "r");
  CHECK(d["items"].back()["column"] == 0);
  const json d30 = view(idx, {{"view", "day"}, {"date", "2026-05-12"}, {"duration_minutes", 31}});
  CHECK(d30["items"].back()["column"] == 6);  // with 31 minutes, r touches every earlier post
  const json w = view(idx, {{"view", "week"}, {"date", "2026-05-12"}, {"max_rows", 2}});
  CHECK(w["weeks"][0]["days"][1]["hidden"] == 6);
  CHECK(w["weeks"][0]["days"][1]["post_ids"].size() == 1);
  CHECK(w["weeks"][0]["days"][1]["items"].size() == 7);
}

TEST_CASE("calendar filters: AND across kinds, any-of within a kind, facet counts") {
  CalendarIndex idx = index_of(json::array({post("1", "2026-05-04T10:00:00Z", "scheduled", "acc1", "x", {"red"}),
                                            post("2", "2026-05-05T10:00:00Z", "draft", "acc2", "linkedin", {"red", "blue"}),
                                            post("3", "2026-05-06T10:00:00Z", "scheduled", "acc2", "x", {"blue"}),
                                            post("4", "2026-05-07T10:00:00Z", "published", "acc1", "x", {}),
                                            post("5", "2026-07-07T10:00:00Z", "scheduled", "acc1", "x", {"red"})}));
  auto ids = [&](json filters) {
    std::vector<std::string> out;
    const json v = view(idx, {{"view", "month"}, {"date", "2026-05-01"}, {"filters", filters}});
    for (const auto& w : v["weeks"])
      for (const auto& d : w["days"])
        for (const auto& id : d["post_ids"]) out.push_back(id);
    return out;
  };
  CHECK(ids(json::object()) == std::vector<std::string>{"1", "2", "3", "4"});
  CHECK(ids({{"labels", {"red"}}}) == std::vector<std::string>{"1", "2"});
  CHECK(ids({{"labels", {"red", "blue"}}}) == std::vector<std::string>{"1", "2", "3"});
  CHECK(ids({{"labels", {"red"}}, {"accounts", {"acc2"}}}) == std::vector<std::string>{"2"});
  CHECK(ids({{"platforms", {"x"}}, {"statuses", {"scheduled"}}}) == std::vector<std::string>{"1", "3"});
  CHECK(ids({{"labels", {"nope"}}}).empty());
  const json v = view(idx, {{"view", "month"}, {"date", "2026-05-01"}, {"filters", {{"labels", {"red"}}}}});
  // Label counts ignore the label filter itself; other kinds count only red posts. July is out of range.
  CHECK(v["counts"]["labels"] == json{{"red", 2}, {"blue", 2}});
  CHECK(v["counts"]["statuses"] == json{{"scheduled", 1}, {"draft", 1}});
  CHECK(v["counts"]["accounts"] == json{{"acc1", 1}, {"acc2", 1}});
  CHECK(v["counts"]["platforms"] == json{{"x", 1}, {"linkedin", 1}});
  CHECK_FALSE(calendar_query_from_json({{"view", "month"}, {"date", "2026-05-01"}, {"filters", {{"platforms", {"myspace"}}}}}).ok());
}

TEST_CASE("calendar list view pages chronologically with a cursor") {
  json posts = json::array();
  for (int i = 0; i < 7; ++i) posts.push_back(post("p" + std::to_string(i), i < 3 ? "2026-05-01T10:00:00Z" : "2026-05-02T08:00:00Z"));
  posts.push_back(post("old", "2026-04-01T10:00:00Z"));
  posts.push_back(post("u", nullptr, "draft"));
  CalendarIndex idx = index_of(posts);
  std::vector<std::string> seen;
  json q{{"view", "list"}, {"date", "2026-05-01"}, {"page_size", 3}};
  int pages = 0;
  for (;;) {
    const json page = view(idx, q);
    ++pages;
    CHECK(page["items"].size() <= 3);
    for (const auto& it : page["items"]) seen.push_back(it["post_id"]);
    if (pages == 1) CHECK(page["unscheduled"] == json::array({"u"}));
    else CHECK_FALSE(page.contains("unscheduled"));
    if (page["next"].is_null()) break;
    q["cursor"] = page["next"];
    REQUIRE(pages < 10);
  }
  CHECK(pages == 3);
  CHECK(seen == std::vector<std::string>{"p0", "p1", "p2", "p3", "p4", "p5", "p6"});
  CHECK(view(idx, {{"view", "list"}, {"page_size", 1}})["items"][0]["post_id"] == "old");
  // The unscheduled list is capped too, with or without filters, and says how many it left out.
  const json capped = view(idx, {{"view", "day"}, {"date", "2026-05-01"}, {"unscheduled_limit", 0}});
  CHECK(capped["unscheduled"].empty());
  CHECK(capped["unscheduled_hidden"] == 1);
  const json capped_f = view(idx, {{"view", "day"}, {"date", "2026-05-01"}, {"unscheduled_limit", 0}, {"filters", {{"platforms", {"x"}}}}});
  CHECK(capped_f["unscheduled_hidden"] == 1);
  CHECK(view(idx, {{"view", "day"}, {"date", "2026-05-01"}, {"unscheduled_limit", 1}})["unscheduled"] == json::array({"u"}));
  CHECK_FALSE(calendar_query_from_json({{"view", "list"}, {"cursor", "garbage"}}).ok());
}

TEST_CASE("calendar index: all-or-nothing loads, details for painting") {
  CalendarIndex idx = index_of(json::array({post("1", "2026-05-04T10:00:00Z", "scheduled", "acc1", "x", {"red"})}));
  json bad = json::array({post("2", "2026-05-04T10:00:00Z"), json{{"id", "3"}, {"status", "queued"}}});
  auto r = idx.load(json{{"posts", bad}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().errors.count("posts.1.status") == 1);
  CHECK(idx.size() == 1);  // the previous contents survive a refused load
  CHECK_FALSE(idx.load(json{{"posts", json::array({post("1", nullptr), post("1", nullptr)})}}).ok());
  CHECK(idx.load(json{{"data", json::array({post("9", nullptr)})}}).ok());
  CHECK(idx.size() == 1);
  CHECK(idx.find("9").has_value());
  CHECK(json::parse(idx.load_text("{\"posts\": [")).contains("error"));
  CHECK(json::parse(idx.view_text("not json")).contains("error"));

  CalendarIndex d = index_of(json::array({post("1", "2026-05-04T10:00:00Z", "scheduled", "acc1", "x", {"red"})}));
  const json v = view(d, {{"view", "week"}, {"date", "2026-05-04"}, {"details", true}});
  CHECK(v["posts"]["1"]["time"] == "10:00");
  CHECK(v["posts"]["1"]["labels"] == json::array({"red"}));
  CHECK(v["labels"]["red"]["color"] == "#4f46e5");
  CHECK(v["posts"]["1"]["excerpt"] == "post 1");

  // Text that needs escaping survives the view's JSON writer; long text is cut on a code point.
  json tricky = post("q\"1", "2026-05-04T11:00:00Z");
  tricky["content"] = "say \"hi\" \\ back\nslash\ttab \x01 caf\u00e9 " + std::string(100, 'x');
  CalendarIndex t = index_of(json::array({tricky}));
  const json tv = view(t, {{"view", "day"}, {"date", "2026-05-04"}, {"details", true}});
  CHECK(tv["items"][0]["post_id"] == "q\"1");
  const std::string ex = tv["posts"]["q\"1"]["excerpt"];
  CHECK(ex.rfind("say \"hi\" \\ back\nslash\ttab \x01 caf\u00e9 xx", 0) == 0);
  // The prefix is 33 code points in 34 bytes (é takes two): 47 x's make 80, then an ellipsis (3 bytes).
  CHECK(ex.size() == 34 + 47 + 3);
  CHECK(ex.substr(ex.size() - 3) == "\xE2\x80\xA6");
}

namespace {
// What an index answers for a spread of queries: months, a long list, filters, and the summary.
// `known` drops the labels and accounts the summary counts: after a remove, the index still knows
// those no post uses any more, which a fresh load never saw.
std::string answers(const CalendarIndex& idx, json summary, bool known = true) {
  // Labels are listed in the order first seen, which a later edit can change: compared as a set.
  auto& labels = summary["label_list"];
  std::sort(labels.begin(), labels.end(), [](const json& a, const json& b) { return a["id"] < b["id"]; });
  if (!known)
    for (const char* k : {"labels", "accounts", "label_list"}) summary.erase(k);
  std::string out = summary.dump();
  for (const char* month : {"2026-04-01", "2026-05-01", "2026-06-01"}) {
    out += view(idx, {{"view", "month"}, {"date", month}, {"details", true}, {"max_rows", 3}}).dump();
    out += view(idx, {{"view", "month"}, {"date", month}, {"filters", {{"accounts", {"acc2"}}, {"labels", {"l1"}}}}}).dump();
    out += view(idx, {{"view", "week"}, {"date", month}}).dump();
  }
  out += view(idx, {{"view", "list"}, {"date", "2026-01-01"}, {"page_size", 500}}).dump();
  return out;
}
}  // namespace

TEST_CASE("calendar upsert and remove: posts added, replaced or taken out answer exactly as a fresh load of the result") {
  std::mt19937 rng(20261204);
  auto pick = [&](int n) { return int(rng() % unsigned(n)); };
  const char* statuses[] = {"draft", "scheduled", "published", "failed"};
  const char* accounts[] = {"acc1", "acc2", "acc3"};
  std::map<std::string, json> current;
  auto random_post = [&](const std::string& id) {
    std::vector<std::string> labels;
    for (const char* l : {"l1", "l2", "l3"})
      if (pick(3) == 0) labels.push_back(l);
    char at[32];
    std::snprintf(at, sizeof at, "2026-%02d-%02dT%02d:%02d:00Z", 4 + pick(3), 1 + pick(28), pick(24), pick(4) * 15);
    json p = post(id, pick(6) == 0 ? nullptr : at, statuses[pick(4)], accounts[pick(3)], pick(2) ? "x" : "linkedin", labels);
    p["content"] = "post " + id + " v" + std::to_string(pick(1000));
    return p;
  };
  for (int i = 0; i < 40; ++i) current[std::to_string(i)] = random_post(std::to_string(i));
  auto list = [&] {
    json a = json::array();
    for (const auto& [id, p] : current) a.push_back(p);
    return a;
  };
  CalendarIndex live;
  REQUIRE(live.load(json{{"posts", list()}}).ok());
  bool removed = false;
  for (int step = 0; step < 250; ++step) {
    json batch = json::array();
    std::set<std::string> seen;
    const bool removing = pick(3) == 0;
    for (int k = 1 + pick(3); k > 0; --k) {
      // An edit of a post held, or a new one (numeric and other ids, to exercise the id order);
      // a remove takes held posts, ids never held (already gone), numbers as well as strings.
      const std::string id = pick(3) ? std::to_string(pick(int(current.size()) + 5)) : "n" + std::to_string(step) + "-" + std::to_string(k);
      if (!seen.insert(id).second) continue;
      if (removing) {
        current.erase(id);
        batch.push_back(pick(2) && id[0] != 'n' ? json(std::stoll(id)) : json(id));
        continue;
      }
      json p = random_post(id);
      current[id] = p;
      batch.push_back(p);
    }
    removed = removed || removing;
    auto summary = removing ? live.remove(batch) : live.upsert(batch);
    REQUIRE(summary.ok());
    CalendarIndex fresh;
    auto expected = fresh.load(json{{"posts", list()}});
    REQUIRE(expected.ok());
    CHECK(live.size() == current.size());
    for (const auto& l : expected.value()["label_list"]) {
      const auto& known = summary.value()["label_list"];
      CHECK(std::find(known.begin(), known.end(), l) != known.end());
    }
    const auto a = answers(live, summary.value(), !removed);
    const auto b = answers(fresh, expected.value(), !removed);
    const bool same = a == b;
    if (!same) {
      std::size_t i = 0;
      while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
      const auto from = i > 300 ? i - 300 : 0;
      MESSAGE("step " << step << " differs at " << i << ":\n" << a.substr(from, 400) << "\n---\n" << b.substr(from, 400));
    }
    REQUIRE(same);
  }
}

TEST_CASE("calendar upsert: a damaged post or a repeated id refuses the whole list, leaving the index as it was") {
  CalendarIndex idx = index_of(json::array({post("1", "2026-05-10T10:00:00Z"), post("2", "2026-05-11T10:00:00Z")}));
  const std::string before = view(idx, {{"view", "month"}, {"date", "2026-05-01"}}).dump();
  json moved = post("1", "2026-05-20T10:00:00Z");
  json damaged = post("3", "2026-05-12T10:00:00Z");
  damaged["status"] = "on_fire";
  auto r = idx.upsert(json::array({moved, damaged}));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().errors.count("1.status") == 1);
  CHECK(view(idx, {{"view", "month"}, {"date", "2026-05-01"}}).dump() == before);
  auto twice = idx.upsert(json::array({moved, post("1", "2026-05-21T10:00:00Z")}));
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().errors.count("1.id") == 1);
  CHECK(view(idx, {{"view", "month"}, {"date", "2026-05-01"}}).dump() == before);
  CHECK_FALSE(idx.upsert(json::object()).ok());
  // Text in: bounded and parsed like a load; out: the summary, or an error answer.
  CHECK(json::parse(idx.upsert_text("[{")).contains("error"));
  const json ok = json::parse(idx.upsert_text(json::array({moved}).dump()));
  CHECK(ok["posts"] == 2);
  CHECK(ok["last"] == "2026-05-20T10:00:00Z");
}

TEST_CASE("calendar remove: every post, then none; bad ids refuse the list and change nothing") {
  CalendarIndex idx = index_of(json::array({post("1", "2026-05-10T10:00:00Z", "scheduled", "acc1", "x", {"l1"}), post("2", nullptr, "draft"),
                                            post("3", "2026-05-10T10:00:00Z")}));
  const std::string before = view(idx, {{"view", "month"}, {"date", "2026-05-01"}}).dump();
  auto bad = idx.remove(json::array({"1", json::object()}));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().errors.count("1") == 1);
  CHECK(idx.size() == 3);
  CHECK(view(idx, {{"view", "month"}, {"date", "2026-05-01"}}).dump() == before);
  CHECK_FALSE(idx.remove(json("1")).ok());
  CHECK(json::parse(idx.remove_text("[1,")).contains("error"));
  auto r = idx.remove(json::array({1, "2", "404"}));
  REQUIRE(r.ok());
  CHECK(r.value()["posts"] == 1);
  CHECK_FALSE(idx.find("1").has_value());
  CHECK(idx.find("3").has_value());
  CHECK(json::parse(idx.remove_text("[\"3\"]"))["posts"] == 0);
  const json empty = view(idx, {{"view", "month"}, {"date", "2026-05-01"}, {"details", true}});
  CHECK(empty["posts"].empty());
  CHECK(empty["unscheduled"].empty());
  // The emptied index takes posts again.
  REQUIRE(idx.upsert(json::array({post("3", "2026-05-11T10:00:00Z")})).ok());
  CHECK(idx.find("3")->time.has_value());
}

TEST_CASE("calendar upsert into an index never loaded") {
  CalendarIndex idx;
  auto r = idx.upsert(json::array({post("7", "2026-05-10T10:00:00Z", "scheduled", "acc1", "x", {"l1"}), post("d", nullptr, "draft")}));
  REQUIRE(r.ok());
  CHECK(r.value()["posts"] == 2);
  const json v = view(idx, {{"view", "month"}, {"date", "2026-05-01"}, {"filters", {{"labels", {"l1"}}}}});
  CHECK(v.dump().find("\"7\"") != std::string::npos);
  CHECK(v["unscheduled"] == json::array());
}

}  // namespace calendar_test
