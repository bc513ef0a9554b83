#pragma once
// The dates around a calendar view, decided once for every renderer (dashboard, widget, offline
// preview): which days a view shows, which UTC instants hold them (what to fetch), where the
// previous and next buttons go, how a date steps by days or months, which periods a preview file
// holds, and the instant an API time names. The shell only supplies the zone's offsets (Intl) and
// today's date; it formats what these answer.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trypost/calendar.hpp"
#include "trypost/time.hpp"
#include "trypost/zone.hpp"

namespace trypost {

struct CalendarWindow {
  DayRange days;                    // first and last day the view shows
  UtcSeconds from = 0, to = 0;      // [from, to): the instants those days hold
  CivilDate previous, next;         // the anchors the previous / next buttons go to
};

// `any_zone`: the days' window in UTC widened by a day on each side, which covers them in every
// display zone (none is more than 14 hours from UTC); otherwise the days' window in `zone`.
CalendarWindow calendar_window(CalendarView view, CivilDate date, WeekStart ws, const ZoneLens& zone,
                               bool any_zone = false);

// The instants whose UTC offsets a view in a display zone reads, for the shell to look up in its
// zone data: the days the view shows widened by two days on each side (more than any zone's
// offset). A list has no fixed days: it spans its date (when it has one) and the posts from the
// first to the last, `now` standing in for an end the posts do not give. None when nothing
// bounds a list.
struct ZoneSpan {
  UtcSeconds from = 0, to = 0;
};
std::optional<ZoneSpan> zone_span(CalendarView view, std::optional<CivilDate> date, WeekStart ws,
                                  std::optional<UtcSeconds> first, std::optional<UtcSeconds> last,
                                  std::optional<UtcSeconds> now);

// A date `n` days on.
CivilDate add_days(CivilDate d, std::int64_t n);
// The same day of the month `n` months on, or that month's last day when it is shorter.
CivilDate add_months(CivilDate d, std::int64_t n);
// The anchor `step` periods on: a month view goes to the 1st of a month, a week view 7 days per
// step, a day view a day; a list has no periods and stays.
CivilDate step_anchor(CalendarView view, CivilDate d, std::int64_t step);

// The anchors of the periods a preview file holds: from the period of `first` to that of `last`
// (either may be absent), always including the one of `date`, at most `max` of them (half before
// `date` at most). `start` is the index of `date`'s period.
struct PeriodList {
  std::vector<CivilDate> anchors;
  std::size_t start = 0;
};
PeriodList preview_periods(CalendarView view, CivilDate date, std::optional<UtcSeconds> first,
                           std::optional<UtcSeconds> last, bool zoned);

// JSON entry points (errors in the one flat shape of core_answer.hpp):
// {"view", "date", "week_start"?, "zone"?, "any_zone"?} ->
//   {"view", "date", "first", "last", "days", "from", "to", "from_ms", "to_ms", "previous", "next"}
std::string calendar_window_json(const std::string& input);
// {"view", "date"?, "week_start"?, "first"?, "last"? (times), "now_ms"?} -> {"from_ms", "to_ms"}
// (now_ms: the clock, for a list whose posts do not bound it).
std::string zone_span_json(const std::string& input);
// {"date", "days"?, "months"?, "view"? + "step"?, "until"?} -> {"date", "days_until"?}: days and
// months add up (months first); a view with a step moves as its previous/next buttons do;
// days_until counts the days from the date answered to `until` (negative when it is earlier).
std::string shift_calendar_date_json(const std::string& input);
// {"view": "month"|"week", "date", "first"?, "last"? (times), "zoned"?} -> {"dates", "start"}
std::string preview_periods_json(const std::string& input);
// An API time ("2026-05-10 15:30:00" is UTC, or ISO with an offset) -> milliseconds since the
// epoch, NaN when it is not a time.
double api_time_ms(const std::string& text);

}  // namespace trypost
