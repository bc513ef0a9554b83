#pragma once
// An instant as a person reads it in their display zone, with UTC beside it. One writer for every
// sentence the core says a time in (the dashboard's notices, a refused move's reason), linked into
// the calendar-only core as well as the whole one.
#include <string>

#include "trypost/time.hpp"
#include "trypost/zone.hpp"

namespace trypost {

// "23 Dec 2026" (the dashboard's short month names, as en-GB writes them) or "2026-12-23".
enum class DateStyle { words, iso };
enum class MonthNames { short_names, long_names };

// "09:00" for seconds on a local clock (since 1970-01-01T00:00 local).
std::string clock_words(UtcSeconds local);
// "28 March 2027" (long names) or "28 Mar 2027" (short) for seconds on a local clock.
std::string date_words(UtcSeconds local, MonthNames names);

// words: "23 Dec 2026, 09:00 Asia/Tokyo (00:00 UTC)", "23 Dec 2026, 08:00 Asia/Tokyo
// (2026-12-22 23:00 UTC)"; iso: "2026-12-23 09:00 Asia/Tokyo (00:00 UTC)". UTC's date is said only
// when it is another day than the zone's; in UTC (by name, or a zone with no offsets at all) the
// time is said once: "23 Dec 2026, 09:00 UTC".
std::string when_words(const ZoneLens& zone, UtcSeconds t, DateStyle style = DateStyle::words);

}  // namespace trypost
