#pragma once
// Time inside the core is UTC seconds since the Unix epoch. Inputs accept ISO 8601 with any
// offset and the API's output form ("2026-05-10 15:30:00", UTC, no zone).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trypost {

using UtcSeconds = std::int64_t;

struct CivilDate {
  int year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

struct TimeParse {
  std::optional<UtcSeconds> value;
  std::string error;  // empty when value is set
};

// "2026-05-10T15:30:00Z", "2026-05-10T15:30:00.123+05:45", "2026-05-10T15:30Z", "2026-05-10 15:30:00"
// (API form, UTC) and a bare date "2026-05-10" (midnight UTC). Impossible dates are refused.
TimeParse parse_time(std::string_view text);

std::string format_api_time(UtcSeconds t);  // 2026-05-10 15:30:00
std::string format_iso_time(UtcSeconds t);  // 2026-05-10T15:30:00Z
std::string format_iso_offset(UtcSeconds t);  // 2026-05-10T15:30:00+00:00 (API key fields)

std::int64_t days_from_civil(CivilDate d);
CivilDate civil_from_days(std::int64_t days);
std::optional<CivilDate> parse_date(std::string_view text);  // YYYY-MM-DD, checked
std::string format_date(CivilDate d);
bool valid_civil(CivilDate d);
unsigned weekday_of(std::int64_t days);  // 0 = Monday .. 6 = Sunday

// Floor division for the negative side of the epoch.
inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

}  // namespace trypost
