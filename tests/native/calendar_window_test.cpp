// The dates around a calendar view: the days a month or week shows for either week start, the
// instants to fetch in a display zone (across daylight-saving changes) or for any zone, where the
// previous/next buttons and the keys go (month ends, leap years), a preview file's periods, and
// API times read as instants.
#include <cmath>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "trypost/calendar_window.hpp"

namespace calendar_window_test {

using namespace trypost;
using nlohmann::json;

namespace {
CivilDate day(const char* text) { return parse_date(text).value(); }
std::string date_of(CivilDate d) { return format_date(d); }

// Europe/Paris in 2026: +01:00 in winter, +02:00 from 29 March to 25 October.
const json kParis{{"name", "Europe/Paris"},
                  {"transitions", json::array({json{{"at_utc", "2026-01-01T00:00:00Z"}, {"offset_seconds", 3600}},
                                               json{{"at_utc", "2026-03-29T01:00:00Z"}, {"offset_seconds", 7200}},
                                               json{{"at_utc", "2026-10-25T01:00:00Z"}, {"offset_seconds", 3600}}})}};
// America/New_York in 2026: -05:00, -04:00 from 8 March to 1 November.
const json kNewYork{{"name", "America/New_York"},
                    {"transitions", json::array({json{{"at_utc", "2026-01-01T00:00:00Z"}, {"offset_seconds", -18000}},
                                                 json{{"at_utc", "2026-03-08T07:00:00Z"}, {"offset_seconds", -14400}},
                                                 json{{"at_utc", "2026-11-01T06:00:00Z"}, {"offset_seconds", -18000}}})}};

json window(json query) { return json::parse(calendar_window_json(query.dump())); }
std::string shift(json request) { return json::parse(shift_calendar_date_json(request.dump())).value("date", std::string("?")); }
}  // namespace

TEST_CASE("calendar window: a month grid shows whole weeks from the one holding the 1st to the one holding the last day") {
  const json may = window({{"view", "month"}, {"date", "2026-05-15"}});
  CHECK(may["first"] == "2026-04-27");  // 1 May 2026 is a Friday
  CHECK(may["last"] == "2026-05-31");   // 31 May is a Sunday: no week after it
  CHECK(may["days"] == 35);
  CHECK(may["from"] == "2026-04-27T00:00:00Z");
  CHECK(may["to"] == "2026-06-01T00:00:00Z");

  const json sunday = window({{"view", "month"}, {"date", "2026-05-15"}, {"week_start", "sunday"}});
  CHECK(sunday["first"] == "2026-04-26");
  CHECK(sunday["last"] == "2026-06-06");
  CHECK(sunday["days"] == 42);

  // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
  const json feb = window({{"view", "month"}, {"date", "2027-02-10"}});
  CHECK(feb["first"] == "2027-02-01");
  CHECK(feb["last"] == "2027-02-28");
  // A leap February reaches its 29th.
  const json leap = window({{"view", "month"}, {"date", "2028-02-29"}});
  CHECK(leap["first"] == "2028-01-31");
  CHECK(leap["last"] == "2028-03-05");
}

TEST_CASE("calendar window: for any display zone the UTC days are widened by a day on each side") {
  // The dashboard's first-visit read of a month, before the posts are in.
  struct Case { const char* date; const char* from; const char* to; };
  for (const Case& c : {Case{"2026-05-15", "2026-04-26T00:00:00Z", "2026-06-02T00:00:00Z"},
                        Case{"2027-02-10", "2027-01-31T00:00:00Z", "2027-03-02T00:00:00Z"},
                        Case{"2028-02-29", "2028-01-30T00:00:00Z", "2028-03-07T00:00:00Z"},
                        Case{"2026-03-01", "2026-02-22T00:00:00Z", "2026-04-07T00:00:00Z"},
                        Case{"2026-12-31", "2026-11-29T00:00:00Z", "2027-01-05T00:00:00Z"}}) {
    CAPTURE(c.date);
    const json w = window({{"view", "month"}, {"date", c.date}, {"any_zone", true}, {"zone", kParis}});
    CHECK(w["from"] == c.from);
    CHECK(w["to"] == c.to);
    CHECK(w["to_ms"].get<double>() - w["from_ms"].get<double>() == (w["days"].get<double>() + 2) * 86400000.0);
  }
}

TEST_CASE("calendar window: in a zone the window runs from local midnight to local midnight, across clock changes") {
  // March 2026 in Paris: from Monday 23 February (+01:00) to Sunday 5 April (+02:00).
  const json march = window({{"view", "month"}, {"date", "2026-03-10"}, {"zone", kParis}});
  CHECK(march["first"] == "2026-02-23");
  CHECK(march["last"] == "2026-04-05");
  CHECK(march["from"] == "2026-02-22T23:00:00Z");
  CHECK(march["to"] == "2026-04-05T22:00:00Z");

  // The week holding the spring change is an hour short, the autumn one an hour long.
  const json spring = window({{"view", "week"}, {"date", "2026-03-29"}, {"zone", kParis}});
  CHECK(spring["first"] == "2026-03-23");
  CHECK(spring["last"] == "2026-03-29");
  CHECK(spring["to_ms"].get<double>() - spring["from_ms"].get<double>() == (7 * 24 - 1) * 3600000.0);
  const json autumn = window({{"view", "day"}, {"date", "2026-10-25"}, {"zone", kParis}});
  CHECK(autumn["from"] == "2026-10-24T22:00:00Z");
  CHECK(autumn["to"] == "2026-10-25T23:00:00Z");

  // West of UTC the local day starts later in UTC; a Sunday-first week in New York.
  const json ny = window({{"view", "week"}, {"date", "2026-03-10"}, {"week_start", "sunday"}, {"zone", kNewYork}});
  CHECK(ny["first"] == "2026-03-08");
  CHECK(ny["last"] == "2026-03-14");
  CHECK(ny["from"] == "2026-03-08T05:00:00Z");  // midnight before the 02:00 jump is still -05:00
  CHECK(ny["to"] == "2026-03-15T04:00:00Z");
}

TEST_CASE("calendar window: previous and next go a month to its 1st, a week by 7 days, a day by one") {
  const json jan = window({{"view", "month"}, {"date", "2026-01-31"}});
  CHECK(jan["previous"] == "2025-12-01");
  CHECK(jan["next"] == "2026-02-01");
  const json week = window({{"view", "week"}, {"date", "2026-12-30"}});
  CHECK(week["previous"] == "2026-12-23");
  CHECK(week["next"] == "2027-01-06");
  CHECK(week["first"] == "2026-12-28");
  const json d = window({{"view", "day"}, {"date", "2028-03-01"}});
  CHECK(d["previous"] == "2028-02-29");
  CHECK(d["next"] == "2028-03-02");
  const json list = window({{"view", "list"}, {"date", "2026-05-05"}});
  CHECK(list["previous"] == "2026-05-05");
  CHECK(list["next"] == "2026-05-05");
  CHECK(date_of(step_anchor(CalendarView::month, day("2026-12-15"), 1)) == "2027-01-01");
  CHECK(date_of(step_anchor(CalendarView::month, day("2026-01-15"), -13)) == "2024-12-01");
}

TEST_CASE("calendar dates: a month on keeps the day of the month, or the month's last day") {
  CHECK(date_of(add_months(day("2026-01-31"), 1)) == "2026-02-28");
  CHECK(date_of(add_months(day("2028-01-31"), 1)) == "2028-02-29");
  CHECK(date_of(add_months(day("2026-03-31"), -1)) == "2026-02-28");
  CHECK(date_of(add_months(day("2026-05-31"), 1)) == "2026-06-30");
  CHECK(date_of(add_months(day("2026-12-15"), 1)) == "2027-01-15");
  CHECK(date_of(add_months(day("2026-01-15"), -1)) == "2025-12-15");
  CHECK(date_of(add_months(day("2028-02-29"), 12)) == "2029-02-28");
  CHECK(date_of(add_months(day("2028-02-29"), -48)) == "2024-02-29");
  CHECK(date_of(add_days(day("2026-12-31"), 1)) == "2027-01-01");
  CHECK(date_of(add_days(day("2028-03-01"), -1)) == "2028-02-29");

  CHECK(shift({{"date", "2026-01-31"}, {"months", 1}}) == "2026-02-28");
  CHECK(shift({{"date", "2026-01-31"}, {"days", -7}}) == "2026-01-24");
  CHECK(shift({{"date", "2026-05-20"}, {"view", "month"}, {"step", -1}}) == "2026-04-01");
  CHECK(shift({{"date", "2026-05-20"}, {"view", "week"}, {"step", 2}}) == "2026-06-03");

  auto days_until = [](const char* from, const char* to) {
    return json::parse(shift_calendar_date_json(json{{"date", from}, {"until", to}}.dump()))["days_until"].get<int>();
  };
  CHECK(days_until("2026-02-27", "2026-03-02") == 3);
  CHECK(days_until("2028-02-27", "2028-03-02") == 4);
  CHECK(days_until("2027-01-02", "2026-12-30") == -3);
  CHECK(days_until("2026-03-28", "2026-03-30") == 2);  // whole days, whatever the clocks do
}

TEST_CASE("calendar dates: bad input is refused naming the field") {
  const json bad_date = json::parse(shift_calendar_date_json(R"({"date":"2026-02-30","days":1})"));
  CHECK(bad_date["status"] == 422);
  CHECK(bad_date["errors"].contains("date"));
  const json bad_days = json::parse(shift_calendar_date_json(R"({"date":"2026-02-03","days":"one"})"));
  CHECK(bad_days["errors"].contains("days"));
  const json off_range = json::parse(shift_calendar_date_json(R"({"date":"9999-12-31","days":1})"));
  CHECK(off_range["errors"].contains("date"));
  const json bad_until = json::parse(shift_calendar_date_json(R"({"date":"2026-02-03","until":"03/02/2026"})"));
  CHECK(bad_until["errors"].contains("until"));
  const json bad_view = window({{"view", "year"}, {"date", "2026-05-05"}});
  CHECK(bad_view["errors"].contains("view"));
  const json no_date = window({{"view", "month"}});
  CHECK(no_date["errors"].contains("date"));
  const json bad_flag = window({{"view", "month"}, {"date", "2026-05-05"}, {"any_zone", "yes"}});
  CHECK(bad_flag["errors"].contains("any_zone"));
  CHECK(json::parse(calendar_window_json("[1]"))["status"] == 400);
}

TEST_CASE("preview periods: months or weeks from the first post to the last, around the date, at most five years") {
  const json months = json::parse(preview_periods_json(
      json{{"view", "month"}, {"date", "2026-05-10"}, {"first", "2026-01-15 10:00:00"}, {"last", "2026-07-01T00:00:00Z"}}.dump()));
  CHECK(months["dates"] == json::array({"2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01"}));
  CHECK(months["start"] == 4);

  // A post at 05:00 UTC on the 1st may be on the previous day somewhere: with a zone, that month too.
  const PeriodList zoned = preview_periods(CalendarView::month, day("2026-05-10"), parse_time("2026-01-01T05:00:00Z").value,
                                           std::nullopt, true);
  CHECK(date_of(zoned.anchors.front()) == "2025-12-01");
  CHECK(date_of(zoned.anchors.back()) == "2026-05-01");

  const PeriodList capped = preview_periods(CalendarView::month, day("2026-05-10"), parse_time("2001-01-01").value,
                                            parse_time("2040-01-01").value, false);
  CHECK(capped.anchors.size() == 60);
  CHECK(capped.start == 30);
  CHECK(date_of(capped.anchors.front()) == "2023-11-01");

  const PeriodList none = preview_periods(CalendarView::month, day("2026-05-10"), std::nullopt, std::nullopt, false);
  REQUIRE(none.anchors.size() == 1);
  CHECK(date_of(none.anchors[0]) == "2026-05-01");

  // Weeks step from the date itself; 19.6 days back is three weeks.
  const json weeks = json::parse(preview_periods_json(
      json{{"view", "week"}, {"date", "2026-05-10"}, {"first", "2026-04-20T10:00:00Z"}, {"last", "2026-05-18T00:00:00Z"}}.dump()));
  CHECK(weeks["dates"] == json::array({"2026-04-19", "2026-04-26", "2026-05-03", "2026-05-10", "2026-05-17", "2026-05-24"}));
  CHECK(weeks["start"] == 3);

  const json bad = json::parse(preview_periods_json(R"({"view":"month","date":"2026-05-10","first":"soon"})"));
  CHECK(bad["errors"].contains("first"));
  // A preview is a month or weeks: another view, or a zoned flag that is not true or false, is
  // named, not read as weeks.
  const json day = json::parse(preview_periods_json(R"({"view":"day","date":"2026-05-10","zoned":"yes"})"));
  CHECK(day["errors"].contains("view"));
  CHECK(day["errors"].contains("zoned"));
}

TEST_CASE("API times: the API's UTC form and ISO with an offset are instants in milliseconds") {
  CHECK(api_time_ms("2026-05-10 15:30:00") == 1778427000000.0);
  CHECK(api_time_ms("2026-05-10T15:30:00Z") == 1778427000000.0);
  CHECK(api_time_ms("2026-05-10T15:30:00") == 1778427000000.0);
  CHECK(api_time_ms("2026-05-10T15:30:00+05:45") == 1778406300000.0);
  CHECK(std::isnan(api_time_ms("")));
  CHECK(std::isnan(api_time_ms("2026-02-30 10:00:00")));
  CHECK(std::isnan(api_time_ms("tomorrow")));
}

TEST_CASE("zone span: the days a view shows and two more on each side, for the shell's zone offsets") {
  auto span = [](json query) {
    const json s = json::parse(zone_span_json(query.dump()));
    return std::make_pair(format_iso_time(UtcSeconds(s["from_ms"].get<double>() / 1000)),
                          format_iso_time(UtcSeconds(s["to_ms"].get<double>() / 1000)));
  };
  // May 2026 shows 27 April to 31 May (Monday first), 26 April to 6 June (Sunday first).
  CHECK(span({{"view", "month"}, {"date", "2026-05-15"}}) == std::make_pair(std::string("2026-04-25T00:00:00Z"), std::string("2026-06-03T00:00:00Z")));
  CHECK(span({{"view", "month"}, {"date", "2026-05-15"}, {"week_start", "sunday"}}) ==
        std::make_pair(std::string("2026-04-24T00:00:00Z"), std::string("2026-06-09T00:00:00Z")));
  CHECK(span({{"view", "week"}, {"date", "2026-03-29"}}) == std::make_pair(std::string("2026-03-21T00:00:00Z"), std::string("2026-04-01T00:00:00Z")));
  CHECK(span({{"view", "day"}, {"date", "2026-10-25"}}) == std::make_pair(std::string("2026-10-23T00:00:00Z"), std::string("2026-10-28T00:00:00Z")));
  // Every instant of the view's days in any zone (none is 14 hours or more from UTC) is inside.
  for (const char* date : {"2026-01-01", "2026-02-28", "2028-02-29", "2026-12-31"}) {
    for (const char* view : {"month", "week", "day"}) {
      CAPTURE(date);
      CAPTURE(view);
      const json w = window({{"view", view}, {"date", date}, {"any_zone", true}});
      const json s = json::parse(zone_span_json(json{{"view", view}, {"date", date}}.dump()));
      CHECK(s["from_ms"].get<double>() < w["from_ms"].get<double>());
      CHECK(s["to_ms"].get<double>() > w["to_ms"].get<double>());
    }
  }
}

TEST_CASE("zone span: a list spans its posts and its date, the clock standing in for missing posts") {
  const ZoneSpan posts = zone_span(CalendarView::list, std::nullopt, WeekStart::monday, parse_time("2026-01-10 08:00:00").value,
                                   parse_time("2026-06-01T12:00:00Z").value, std::nullopt)
                             .value();
  CHECK(format_iso_time(posts.from) == "2026-01-08T08:00:00Z");
  CHECK(format_iso_time(posts.to) == "2026-06-03T12:00:00Z");
  // A date before the first post widens the span to it; the posts still reach their last one.
  const ZoneSpan dated = zone_span(CalendarView::list, day("2025-12-25"), WeekStart::monday, parse_time("2026-01-10").value,
                                   parse_time("2026-02-01").value, std::nullopt)
                             .value();
  CHECK(format_iso_time(dated.from) == "2025-12-23T00:00:00Z");
  CHECK(format_iso_time(dated.to) == "2026-02-03T00:00:00Z");
  // No posts: from the clock.
  const json empty = json::parse(zone_span_json(R"({"view":"list","now_ms":1778427000000})"));
  CHECK(empty["from_ms"] == 1778427000000.0 - 2 * 86400000.0);
  CHECK(empty["to_ms"] == 1778427000000.0 + 2 * 86400000.0);
  // Nothing to bound it: the field that would is named.
  CHECK(json::parse(zone_span_json(R"({"view":"list"})"))["errors"].contains("now_ms"));
  CHECK(json::parse(zone_span_json(R"({"view":"month"})"))["errors"].contains("date"));
  CHECK(json::parse(zone_span_json(R"({"view":"list","first":"soon","now_ms":0})"))["errors"].contains("first"));
  CHECK(json::parse(zone_span_json(R"({"view":"list","now_ms":"now"})"))["errors"].contains("now_ms"));
  CHECK(json::parse(zone_span_json("[1]"))["status"] == 400);
}

}  // namespace calendar_window_test
