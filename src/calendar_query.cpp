// The calendar's query: what a view asks for, read and checked from JSON, and the days it shows.
#include <algorithm>
#include <charconv>

#include "calendar_parts.hpp"
#include "trypost/calendar.hpp"

namespace trypost {

using nlohmann::json;

std::optional<CalendarView> parse_view(std::string_view name) {
  if (name == "month") return CalendarView::month;
  if (name == "week") return CalendarView::week;
  if (name == "day") return CalendarView::day;
  if (name == "list") return CalendarView::list;
  return std::nullopt;
}

namespace calendar_parts {

const char* view_name(CalendarView v) {
  switch (v) {
    case CalendarView::month: return "month";
    case CalendarView::week: return "week";
    case CalendarView::day: return "day";
    case CalendarView::list: return "list";
  }
  return "month";
}

std::optional<std::pair<UtcSeconds, std::string>> parse_cursor(const std::string& c) {
  const auto colon = c.find(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::int64_t t = 0;
  const char* b = c.data();
  auto [p, ec] = std::from_chars(b, b + colon, t);
  if (ec != std::errc() || p != b + colon) return std::nullopt;
  return std::make_pair(t, c.substr(colon + 1));
}

}  // namespace calendar_parts

namespace {
unsigned week_start_index(WeekStart ws) { return ws == WeekStart::monday ? 0u : 6u; }
}  // namespace

using calendar_parts::id_text;
using calendar_parts::parse_cursor;
using calendar_parts::view_name;

IsoWeek iso_week_of(std::int64_t day) {
  const std::int64_t thursday = day - std::int64_t(weekday_of(day)) + 3;
  const int year = civil_from_days(thursday).year;
  const std::int64_t jan1 = days_from_civil({year, 1, 1});
  return {year, unsigned((thursday - jan1) / 7 + 1)};
}

DayRange view_days(CalendarView view, CivilDate date, WeekStart ws) {
  const std::int64_t d = days_from_civil(date);
  const unsigned s = week_start_index(ws);
  auto week_first = [&](std::int64_t x) { return x - std::int64_t((weekday_of(x) + 7 - s) % 7); };
  switch (view) {
    case CalendarView::month: {
      const std::int64_t first = days_from_civil({date.year, date.month, 1});
      const CivilDate next = date.month == 12 ? CivilDate{date.year + 1, 1, 1} : CivilDate{date.year, date.month + 1, 1};
      const std::int64_t last = days_from_civil(next) - 1;
      return {week_first(first), week_first(last) + 6};
    }
    case CalendarView::week: return {week_first(d), week_first(d) + 6};
    case CalendarView::day:
    case CalendarView::list: return {d, d};
  }
  return {d, d};
}

Expected<CalendarQuery> calendar_query_from_json(const json& j) {
  if (!j.is_object()) return make_error(422, "The calendar query must be a JSON object.");
  ApiError err;
  CalendarQuery q;
  auto str = [&](const char* key) -> std::optional<std::string> {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
      err.add(key, std::string("The ") + key + " field must be a string.");
      return std::nullopt;
    }
    return it->get<std::string>();
  };
  auto integer = [&](const char* key, int lo, int hi, int& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_number_integer() || it->get<std::int64_t>() < lo || it->get<std::int64_t>() > hi) {
      err.add(key, std::string("The ") + key + " field must be a whole number from " + std::to_string(lo) + " to " +
                       std::to_string(hi) + ".");
      return;
    }
    out = int(it->get<std::int64_t>());
  };
  if (auto v = str("view")) {
    if (auto view = parse_view(*v)) q.view = *view;
    else err.add("view", "The view must be month, week, day or list.");
  }
  if (auto d = str("date")) {
    if (auto cd = parse_date(*d)) q.date = *cd;
    else err.add("date", "The date must be a real date as YYYY-MM-DD.");
  } else if (q.view != CalendarView::list && !err.errors.count("date")) {
    err.add("date", "The date field is required for the " + std::string(view_name(q.view)) + " view.");
  }
  if (auto w = str("week_start")) {
    if (*w == "monday") q.week_start = WeekStart::monday;
    else if (*w == "sunday") q.week_start = WeekStart::sunday;
    else err.add("week_start", "The week start must be monday or sunday.");
  }
  if (auto z = j.find("zone"); z != j.end()) {
    auto lens = zone_from_json(*z, "zone");
    if (lens) q.zone = std::move(lens).value();
    else
      for (const auto& [f, msgs] : lens.error().errors)
        for (const auto& m : msgs) err.add(f, m);
  }
  integer("max_rows", 0, 1000, q.max_rows);
  integer("max_columns", 0, 1000, q.max_columns);
  integer("max_per_hour", 0, 1000, q.max_per_hour);
  integer("duration_minutes", 1, 1440, q.duration_minutes);
  integer("page_size", 1, 1000, q.page_size);
  integer("unscheduled_limit", 0, 100000, q.unscheduled_limit);
  if (auto c = str("cursor")) {
    if (parse_cursor(*c)) q.cursor = *c;
    else err.add("cursor", "The cursor is not one this calendar handed out.");
  }
  if (auto d = j.find("details"); d != j.end() && d->is_boolean()) q.details = d->get<bool>();
  if (auto f = j.find("filters"); f != j.end() && !f->is_null()) {
    if (!f->is_object()) err.add("filters", "The filters field must be an object.");
    else {
      auto list = [&](const char* key, std::vector<std::string>& out) {
        auto it = f->find(key);
        if (it == f->end() || it->is_null()) return;
        const std::string path = std::string("filters.") + key;
        if (!it->is_array()) {
          err.add(path, "The " + path + " field must be a list.");
          return;
        }
        for (const auto& v : *it) {
          if (auto id = id_text(v)) out.push_back(std::move(*id));
          else err.add(path, "The " + path + " values must be strings.");
        }
      };
      list("labels", q.filter.labels);
      list("accounts", q.filter.accounts);
      list("platforms", q.filter.platforms);
      list("statuses", q.filter.statuses);
      for (const auto& p : q.filter.platforms)
        if (!parse_platform(p)) err.add("filters.platforms", "The platform \"" + p + "\" is not one TryPost knows.");
      for (const auto& s : q.filter.statuses)
        if (!parse_post_status(s)) err.add("filters.statuses", "The status \"" + s + "\" is not a post status.");
    }
  }
  if (!err.empty()) {
    err.finalize_message();
    return err;
  }
  return q;
}

}  // namespace trypost
