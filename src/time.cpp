#include "trypost/time.hpp"

#include <charconv>
#include <cstdio>

#include <date/date.h>

namespace trypost {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    const char c = s[i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

}  // namespace

bool valid_civil(CivilDate d) {
  const date::year_month_day ymd{date::year{d.year}, date::month{d.month}, date::day{d.day}};
  return d.year >= 1 && d.year <= 9999 && ymd.ok();
}

std::int64_t days_from_civil(CivilDate d) {
  const date::year_month_day ymd{date::year{d.year}, date::month{d.month}, date::day{d.day}};
  return date::sys_days{ymd}.time_since_epoch().count();
}

CivilDate civil_from_days(std::int64_t days) {
  const date::year_month_day ymd{date::sys_days{date::days{days}}};
  return {int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
}

unsigned weekday_of(std::int64_t days) {
  // 1970-01-01 was a Thursday (index 3 when Monday is 0).
  return unsigned(((days % 7) + 7 + 3) % 7);
}

std::optional<CivilDate> parse_date(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return std::nullopt;
  CivilDate cd{y, unsigned(m), unsigned(d)};
  if (!valid_civil(cd)) return std::nullopt;
  return cd;
}

std::string format_date(CivilDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buf;
}

TimeParse parse_time(std::string_view s) {
  auto fail = [](std::string why) { return TimeParse{std::nullopt, std::move(why)}; };
  if (s.size() < 10) return fail("must be a date in ISO 8601 form, like 2026-05-10T15:30:00Z");
  const auto date_part = parse_date(s.substr(0, 10));
  if (!date_part) {
    int y = 0, m = 0, d = 0;
    if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && digits(s, 0, 4, y) && digits(s, 5, 2, m) &&
        digits(s, 8, 2, d))
      return fail("is not a real calendar date");
    return fail("must be a date in ISO 8601 form, like 2026-05-10T15:30:00Z");
  }
  std::int64_t t = days_from_civil(*date_part) * 86400;
  if (s.size() == 10) return {t, {}};
  const char sep = s[10];
  if (sep != 'T' && sep != 't' && sep != ' ') return fail("must separate date and time with T");
  int hh = 0, mm = 0, ss = 0;
  std::size_t pos = 11;
  if (s.size() < pos + 5 || !digits(s, pos, 2, hh) || s[pos + 2] != ':' ||
      !digits(s, pos + 3, 2, mm))
    return fail("must have a time as HH:MM");
  pos += 5;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2, ss)) return fail("must have seconds as two digits");
    pos += 3;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      const std::size_t start = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      if (pos == start || pos - start > 9) return fail("has a malformed fraction of a second");
    }
  }
  if (hh > 23 || mm > 59 || ss > 59) return fail("has an impossible time of day");
  t += hh * 3600 + mm * 60 + ss;
  if (pos == s.size()) {
    // No zone: the API form is UTC, and the product promises UTC everywhere.
    return {t, {}};
  }
  const char z = s[pos];
  if ((z == 'Z' || z == 'z') && pos + 1 == s.size()) return {t, {}};
  if (z == '+' || z == '-') {
    int oh = 0, om = 0;
    std::string_view off = s.substr(pos + 1);
    bool ok = false;
    if (off.size() == 5 && off[2] == ':') ok = digits(off, 0, 2, oh) && digits(off, 3, 2, om);
    else if (off.size() == 4) ok = digits(off, 0, 2, oh) && digits(off, 2, 2, om);
    else if (off.size() == 2) ok = digits(off, 0, 2, oh);
    if (!ok || oh > 23 || om > 59) return fail("has a malformed UTC offset");
    const int offset = (oh * 3600 + om * 60) * (z == '+' ? 1 : -1);
    return {t - offset, {}};
  }
  return fail("has unexpected text after the time");
}

namespace {
std::string format_with(UtcSeconds t, const char* fmt_date_time) {
  const std::int64_t days = floor_div(t, 86400);
  const std::int64_t secs = t - days * 86400;
  const CivilDate d = civil_from_days(days);
  char buf[48];
  std::snprintf(buf, sizeof buf, fmt_date_time, d.year, d.month, d.day, int(secs / 3600),
                int(secs / 60 % 60), int(secs % 60));
  return buf;
}
}  // namespace

std::string format_api_time(UtcSeconds t) { return format_with(t, "%04d-%02u-%02u %02d:%02d:%02d"); }
std::string format_iso_time(UtcSeconds t) { return format_with(t, "%04d-%02u-%02uT%02d:%02d:%02dZ"); }
std::string format_iso_offset(UtcSeconds t) {
  return format_with(t, "%04d-%02u-%02uT%02d:%02d:%02d+00:00");
}

}  // namespace trypost
