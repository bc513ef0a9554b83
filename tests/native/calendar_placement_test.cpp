#include <doctest/doctest.h>

#include <map>
#include <string>

#include "trypost/zone.hpp"

#include "calendar_fixtures.hpp"
#include "trypost/calendar.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace calendar_placement_test {

using namespace trypost;
using namespace calendar_fixtures;
using nlohmann::json;

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

}  // namespace calendar_placement_test
