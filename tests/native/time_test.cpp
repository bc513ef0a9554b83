#include <doctest/doctest.h>

#include "trypost/time.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace time_test {

using namespace trypost;

TEST_CASE("ISO 8601 input with any offset lands on the same UTC instant") {
  const auto z = parse_time("2026-05-10T15:30:00Z");
  REQUIRE(z.value);
  CHECK(format_api_time(*z.value) == "2026-05-10 15:30:00");
  CHECK(parse_time("2026-05-10T17:30:00+02:00").value == z.value);
  CHECK(parse_time("2026-05-10T21:15:00+0545").value == z.value);
  CHECK(parse_time("2026-05-10T12:30:00-03").value == z.value);
  CHECK(parse_time("2026-05-10 15:30:00").value == z.value);  // API output form is UTC
  CHECK(parse_time("2026-05-10T15:30Z").value == z.value);
  CHECK(parse_time("2026-05-10T15:30:00.999Z").value == z.value);
}

TEST_CASE("bare dates are midnight UTC; impossible dates are refused with a reason") {
  CHECK(format_iso_time(*parse_time("2024-02-29").value) == "2024-02-29T00:00:00Z");
  CHECK_FALSE(parse_time("2023-02-29").value);
  CHECK(parse_time("2023-02-29").error == "is not a real calendar date");
  CHECK_FALSE(parse_time("2026-13-01T00:00:00Z").value);
  CHECK_FALSE(parse_time("2026-05-10T24:00:00Z").value);
  CHECK_FALSE(parse_time("2026-05-10T10:00:00+25:00").value);
  CHECK_FALSE(parse_time("tomorrow").value);
  CHECK_FALSE(parse_time("").value);
  CHECK_FALSE(parse_time("2026-05-10T10:00:00Zjunk").value);
}

TEST_CASE("formats: API, ISO with Z, ISO with +00:00; dates before the epoch") {
  CHECK(format_api_time(0) == "1970-01-01 00:00:00");
  CHECK(format_iso_offset(86399) == "1970-01-01T23:59:59+00:00");
  CHECK(format_api_time(-1) == "1969-12-31 23:59:59");
  CHECK(weekday_of(0) == 3);  // Thursday
  CHECK(civil_from_days(days_from_civil({2000, 2, 29})) == CivilDate{2000, 2, 29});
}

}  // namespace time_test
