#include "trypost/when_words.hpp"

#include <array>

namespace trypost {
namespace {

constexpr std::array<const char*, 12> kLongMonths{"January", "February", "March",     "April",   "May",      "June",
                                                  "July",    "August",   "September", "October", "November", "December"};
// en-GB's short names, "Sept" included, so the core's words match the dashboard's Intl dates.
constexpr std::array<const char*, 12> kShortMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"};

std::string two(int v) { return std::string(1, char('0' + v / 10)) + char('0' + v % 10); }

std::string day_of(UtcSeconds local, DateStyle style) {
  if (style == DateStyle::iso) return format_date(civil_from_days(floor_div(local, 86400)));
  return date_words(local, MonthNames::short_names) + ",";
}

}  // namespace

std::string clock_words(UtcSeconds local) {
  const auto sod = local - floor_div(local, 86400) * 86400;
  return two(int(sod / 3600)) + ":" + two(int(sod / 60 % 60));
}

std::string date_words(UtcSeconds local, MonthNames names) {
  const CivilDate d = civil_from_days(floor_div(local, 86400));
  const auto& months = names == MonthNames::long_names ? kLongMonths : kShortMonths;
  return std::to_string(d.day) + " " + months[d.month - 1] + " " + std::to_string(d.year);
}

std::string when_words(const ZoneLens& zone, UtcSeconds t, DateStyle style) {
  const UtcSeconds local = zone.to_local(t);
  const std::string here = day_of(local, style) + " " + clock_words(local);
  if (zone.is_utc() || zone.name() == "UTC") return here + " UTC";
  const bool same_day = floor_div(local, 86400) == floor_div(t, 86400);
  return here + " " + zone.name() + " (" + (same_day ? "" : format_date(civil_from_days(floor_div(t, 86400))) + " ") +
         clock_words(t) + " UTC)";
}

}  // namespace trypost
