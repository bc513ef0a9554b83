#include "trypost/calendar_window.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "calendar_parts.hpp"
#include "trypost/core_answer.hpp"

namespace trypost {
namespace {

using nlohmann::json;

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kWeek = 7 * kDay;
// No display zone is more than 14 hours from UTC.
constexpr std::int64_t kWidestOffset = 14 * 3600;
// A preview file holds at most five years of months, or of weeks.
constexpr std::int64_t kMaxMonths = 60;
constexpr std::int64_t kMaxWeeks = 260;

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }

// Dates far outside 1..9999 cannot be written back as YYYY-MM-DD: a step that leaves the range is
// refused by the caller.
bool writable(CivilDate d) { return d.year >= 1 && d.year <= 9999; }

std::string iso(UtcSeconds t) { return format_iso_time(t); }

// The date fields an entry point reads, each refused with a sentence naming it.
std::optional<std::int64_t> whole(const json& j, const char* key, ApiError& err) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer() || std::llabs(it->get<std::int64_t>()) > 3'000'000) {
    err.add(key, std::string("The ") + key + " field must be a whole number of at most 3000000 either way.");
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

// The `date` every date entry point starts from, or a field error.
std::optional<CivilDate> required_date(const json& j, ApiError& err) {
  std::optional<CivilDate> date;
  if (auto it = j.find("date"); it != j.end() && it->is_string()) date = parse_date(it->get<std::string>());
  if (!date) err.add("date", "The date must be a real date as YYYY-MM-DD.");
  return date;
}

// An optional time field ("first", "last"), or a field error saying what is wrong with it.
std::optional<UtcSeconds> optional_time(const json& j, const char* key, ApiError& err) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  const TimeParse t = it->is_string() ? parse_time(it->get<std::string>()) : TimeParse{std::nullopt, "must be a time"};
  if (!t.value) err.add(key, std::string("The ") + key + " field " + t.error + ".");
  return t.value;
}

std::string refuse(ApiError& err) {
  err.status = 422;
  err.finalize_message();
  return error_answer(err);
}

}  // namespace

CivilDate add_days(CivilDate d, std::int64_t n) { return civil_from_days(days_from_civil(d) + n); }

CivilDate add_months(CivilDate d, std::int64_t n) {
  const std::int64_t index = std::int64_t(d.year) * 12 + (d.month - 1) + n;
  const int year = int(floor_div(index, 12));
  const unsigned month = unsigned(index - std::int64_t(year) * 12) + 1;
  const CivilDate first{year, month, 1};
  const CivilDate next_first = month == 12 ? CivilDate{year + 1, 1, 1} : CivilDate{year, month + 1, 1};
  const auto length = unsigned(days_from_civil(next_first) - days_from_civil(first));
  return {year, month, std::min(d.day, length)};
}

CivilDate step_anchor(CalendarView view, CivilDate d, std::int64_t step) {
  switch (view) {
    case CalendarView::month: return add_months({d.year, d.month, 1}, step);
    case CalendarView::week: return add_days(d, 7 * step);
    case CalendarView::day: return add_days(d, step);
    case CalendarView::list: return d;
  }
  return d;
}

CalendarWindow calendar_window(CalendarView view, CivilDate date, WeekStart ws, const ZoneLens& zone, bool any_zone) {
  CalendarWindow w;
  w.days = view_days(view, date, ws);
  if (any_zone) {
    w.from = (w.days.first - 1) * kDay;
    w.to = (w.days.last + 2) * kDay;
  } else {
    w.from = zone.day_start(w.days.first);
    w.to = zone.day_start(w.days.last + 1);
  }
  w.previous = step_anchor(view, date, -1);
  w.next = step_anchor(view, date, 1);
  return w;
}

std::optional<ZoneSpan> zone_span(CalendarView view, std::optional<CivilDate> date, WeekStart ws,
                                  std::optional<UtcSeconds> first, std::optional<UtcSeconds> last,
                                  std::optional<UtcSeconds> now) {
  constexpr std::int64_t kPad = 2 * kDay;
  if (view != CalendarView::list && date) {
    const DayRange days = view_days(view, *date, ws);
    return ZoneSpan{days.first * kDay - kPad, (days.last + 1) * kDay + kPad};
  }
  std::optional<UtcSeconds> lo = first ? first : now, hi = last ? last : now;
  if (date) {
    const UtcSeconds start = days_from_civil(*date) * kDay;
    lo = lo ? std::min(*lo, start) : start;
    hi = hi ? std::max(*hi, start + kDay) : start + kDay;
  }
  if (!lo || !hi) return std::nullopt;
  return ZoneSpan{std::min(*lo, *hi) - kPad, std::max(*lo, *hi) + kPad};
}

PeriodList preview_periods(CalendarView view, CivilDate date, std::optional<UtcSeconds> first,
                           std::optional<UtcSeconds> last, bool zoned) {
  const UtcSeconds anchor = days_from_civil(date) * kDay;
  const std::int64_t pad = zoned ? kWidestOffset : 0;
  const UtcSeconds lo_t = first ? *first - pad : anchor;
  const UtcSeconds hi_t = last ? *last + pad : anchor;
  PeriodList out;
  if (view == CalendarView::month) {
    auto index = [](UtcSeconds t) {
      const CivilDate c = civil_from_days(floor_div(t, kDay));
      return std::int64_t(c.year) * 12 + (c.month - 1);
    };
    const std::int64_t a = index(anchor);
    const std::int64_t lo = std::max(std::min(index(lo_t), a), a - kMaxMonths / 2);
    const std::int64_t hi = std::min(std::max(index(hi_t), a), lo + kMaxMonths - 1);
    for (std::int64_t i = lo; i <= hi; ++i) out.anchors.push_back({int(floor_div(i, 12)), unsigned(i - floor_div(i, 12) * 12) + 1, 1});
    out.start = std::size_t(a - lo);
    return out;
  }
  const std::int64_t back = std::min(std::max<std::int64_t>(0, ceil_div(anchor - lo_t, kWeek)), kMaxWeeks / 2);
  const std::int64_t ahead = std::min(std::max<std::int64_t>(0, ceil_div(hi_t - anchor, kWeek)), kMaxWeeks - back - 1);
  for (std::int64_t i = -back; i <= ahead; ++i) out.anchors.push_back(add_days(date, 7 * i));
  out.start = std::size_t(back);
  return out;
}

std::string calendar_window_json(const std::string& input) {
  json j;
  ApiError err;
  if (!parse_argument(input, j, err)) return error_answer(err);
  auto q = calendar_query_from_json(j);
  if (!q) return error_answer(q.error());
  if (!q.value().date) return error_answer(field_error("date", "The date field is required."));
  bool any_zone = false;
  if (auto it = j.find("any_zone"); it != j.end() && !it->is_null()) {
    if (!it->is_boolean()) return error_answer(field_error("any_zone", "The any_zone field must be true or false."));
    any_zone = it->get<bool>();
  }
  const CalendarQuery& cq = q.value();
  const CalendarWindow w = calendar_window(cq.view, *cq.date, cq.week_start, cq.zone, any_zone);
  if (!writable(w.previous) || !writable(w.next) || !writable(civil_from_days(w.days.first)) ||
      !writable(civil_from_days(w.days.last)))
    return error_answer(field_error("date", "The date is too close to the year 1 or 9999 for this view."));
  json out{{"view", calendar_parts::view_name(cq.view)},
           {"date", format_date(*cq.date)},
           {"first", format_date(civil_from_days(w.days.first))},
           {"last", format_date(civil_from_days(w.days.last))},
           {"days", w.days.last - w.days.first + 1},
           {"from", iso(w.from)},
           {"to", iso(w.to)},
           {"from_ms", double(w.from) * 1000},
           {"to_ms", double(w.to) * 1000},
           {"previous", format_date(w.previous)},
           {"next", format_date(w.next)}};
  return dump_answer(out);
}

std::string zone_span_json(const std::string& input) {
  json j;
  ApiError err;
  if (!parse_argument(input, j, err)) return error_answer(err);
  auto q = calendar_query_from_json(j);
  if (!q) return error_answer(q.error());
  const CalendarQuery& cq = q.value();
  const auto first = optional_time(j, "first", err);
  const auto last = optional_time(j, "last", err);
  std::optional<UtcSeconds> now;
  if (auto it = j.find("now_ms"); it != j.end() && !it->is_null()) {
    if (it->is_number() && std::isfinite(it->get<double>()) && std::fabs(it->get<double>()) < 1e15)
      now = UtcSeconds(std::floor(it->get<double>() / 1000));
    else err.add("now_ms", "The now_ms field must be milliseconds since 1970.");
  }
  if (!err.errors.empty()) return refuse(err);
  const auto span = zone_span(cq.view, cq.date, cq.week_start, first, last, now);
  if (!span) return error_answer(field_error("now_ms", "The now_ms field is required for a list without posts or date."));
  return dump_answer(json{{"from_ms", double(span->from) * 1000}, {"to_ms", double(span->to) * 1000}});
}

std::string shift_calendar_date_json(const std::string& input) {
  json j;
  ApiError err;
  if (!parse_argument(input, j, err)) return error_answer(err);
  const std::optional<CivilDate> date = required_date(j, err);
  const auto days = whole(j, "days", err);
  const auto months = whole(j, "months", err);
  const auto step = whole(j, "step", err);
  std::optional<CivilDate> until;
  if (auto it = j.find("until"); it != j.end() && !it->is_null()) {
    if (it->is_string()) until = parse_date(it->get<std::string>());
    if (!until) err.add("until", "The until date must be a real date as YYYY-MM-DD.");
  }
  std::optional<CalendarView> view;
  if (auto it = j.find("view"); it != j.end() && !it->is_null()) {
    view = parse_view(it->is_string() ? it->get<std::string>() : "");
    if (!view) err.add("view", "The view must be month, week, day or list.");
  }
  if (!err.errors.empty()) return refuse(err);
  CivilDate d = *date;
  if (months) d = add_months(d, *months);
  if (days) d = add_days(d, *days);
  if (view && step) d = step_anchor(*view, d, *step);
  if (!writable(d)) return error_answer(field_error("date", "The date would leave the years 1 to 9999."));
  json out{{"date", format_date(d)}};
  if (until) out["days_until"] = days_from_civil(*until) - days_from_civil(d);
  return dump_answer(out);
}

std::string preview_periods_json(const std::string& input) {
  json j;
  ApiError err;
  if (!parse_argument(input, j, err)) return error_answer(err);
  const std::optional<CivilDate> date = required_date(j, err);
  const auto first = optional_time(j, "first", err);
  const auto last = optional_time(j, "last", err);
  CalendarView view = CalendarView::month;
  if (auto it = j.find("view"); it != j.end() && !it->is_null()) {
    const auto v = parse_view(it->is_string() ? it->get<std::string>() : "");
    if (v == CalendarView::month || v == CalendarView::week) view = *v;
    else err.add("view", "A preview's view must be month or week.");
  }
  bool zoned = false;
  if (auto it = j.find("zoned"); it != j.end() && !it->is_null()) {
    if (it->is_boolean()) zoned = it->get<bool>();
    else err.add("zoned", "The zoned field must be true or false.");
  }
  if (!err.errors.empty()) return refuse(err);
  const PeriodList p = preview_periods(view, *date, first, last, zoned);
  json dates = json::array();
  for (const CivilDate& c : p.anchors) dates.push_back(format_date(c));
  return dump_answer(json{{"dates", std::move(dates)}, {"start", p.start}});
}

double api_time_ms(const std::string& text) {
  const TimeParse t = parse_time(text);
  if (!t.value) return std::numeric_limits<double>::quiet_NaN();
  // Fractions of a second are kept by Date.parse; the API writes whole seconds.
  return double(*t.value) * 1000;
}

}  // namespace trypost
