#include "trypost/wall_time.hpp"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/core_answer.hpp"
#include "trypost/when_words.hpp"

namespace trypost {
namespace {

using nlohmann::json;

// Every offset the zone uses (UTC alone when it has no transitions).
std::vector<std::int32_t> offsets_of(const ZoneLens& z) {
  std::vector<std::int32_t> out;
  for (const auto& t : z.transitions()) out.push_back(t.offset_seconds);
  if (out.empty()) out.push_back(0);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string two(int v) { return std::string(1, char('0' + v / 10)) + char('0' + v % 10); }

std::string offset_text(std::int32_t off) {
  const int a = off < 0 ? -off : off;
  return std::string("UTC") + (off < 0 ? "-" : "+") + two(a / 3600) + ":" + two(a / 60 % 60);
}

std::string local_minute_iso(UtcSeconds local) {
  const CivilDate d = civil_from_days(floor_div(local, 86400));
  return format_date(d) + "T" + clock_words(local);
}

// "2027-03-28T02:30", "2027-03-28 02:30" or with ":SS": the wall time as local seconds.
std::optional<UtcSeconds> parse_wall(const std::string& s) {
  if (s.size() != 16 && s.size() != 19) return std::nullopt;
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  std::string iso = s;
  iso[10] = 'T';
  if (iso.size() == 16) iso += ":00";
  for (std::size_t i : {11u, 12u, 14u, 15u, 17u, 18u})
    if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
  const auto t = parse_time(iso + "Z");
  return t.value;
}

}  // namespace

WallTimeResolution resolve_wall_time(const ZoneLens& zone, UtcSeconds wall) {
  WallTimeResolution r;
  // Each offset the zone uses gives a candidate instant; it counts when that offset is the one in
  // force there. None: the clocks jumped over this wall time. Two: it happens twice.
  std::vector<UtcSeconds> hits;
  for (const auto off : offsets_of(zone)) {
    const UtcSeconds t = wall - off;
    if (zone.offset_at(t) == off) hits.push_back(t);
  }
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  const auto& tr = zone.transitions();
  // The change around this wall time: the transition whose before/after wall clocks bracket it.
  auto find_change = [&](bool forward) {
    for (std::size_t i = 1; i < tr.size(); ++i) {
      const auto before = tr[i - 1].offset_seconds, after = tr[i].offset_seconds;
      if ((after > before) != forward) continue;
      const UtcSeconds from = tr[i].at_utc + before, to = tr[i].at_utc + after;
      if (wall >= std::min(from, to) && wall < std::max(from, to)) {
        r.change_from_local = from;
        r.change_to_local = to;
        return;
      }
    }
  };
  if (hits.empty()) {
    r.kind = WallTimeResolution::Kind::gap;
    find_change(true);
    return r;
  }
  r.utc = hits.front();
  r.offset_seconds = zone.offset_at(r.utc);
  if (hits.size() > 1) {
    r.kind = WallTimeResolution::Kind::overlap;
    r.later_utc = hits[1];
    find_change(false);
  }
  return r;
}

std::string wall_time_message(const ZoneLens& zone, UtcSeconds wall, const WallTimeResolution& r) {
  const std::string when = clock_words(wall) + " on " + date_words(wall, MonthNames::long_names);
  if (r.kind == WallTimeResolution::Kind::gap) {
    return when + " does not exist in " + zone.name() + ": the clocks go forward from " + clock_words(r.change_from_local) +
           " to " + clock_words(r.change_to_local) + " that night. Pick a time before " + clock_words(r.change_from_local) +
           " or from " + clock_words(r.change_to_local) + ".";
  }
  if (r.kind == WallTimeResolution::Kind::overlap) {
    return when + " happens twice in " + zone.name() + " (the clocks go back from " + clock_words(r.change_from_local) +
           " to " + clock_words(r.change_to_local) + "): the first one is used, " + clock_words(wall) + " " +
           offset_text(r.offset_seconds) + " (" + clock_words(r.utc) + " UTC).";
  }
  return {};
}

std::string wall_time_json(const std::string& input) {
  const json in = json::parse(input, nullptr, false);
  if (in.is_discarded() || !in.is_object()) return error_answer(field_error("body", "The request must be a JSON object."));
  auto z = zone_from_json(in.contains("zone") ? in["zone"] : json(nullptr));
  if (!z.ok()) return error_answer(z.error());
  const ZoneLens& zone = z.value();
  if (auto u = in.find("utc"); u != in.end()) {
    const auto t = u->is_string() ? parse_time(u->get<std::string>()) : TimeParse{};
    if (!t.value) return error_answer(field_error("utc", "The utc field must be an ISO 8601 time."));
    const auto off = zone.offset_at(*t.value);
    const std::string local = local_minute_iso(*t.value + off);
    return json{{"ok", true}, {"zone", zone.name()}, {"local", local}, {"date", local.substr(0, 10)},
                {"time", local.substr(11, 5)}, {"offset_seconds", off}, {"words", when_words(zone, *t.value)}}.dump();
  }
  auto l = in.find("local");
  if (l == in.end() || l->is_null() || (l->is_string() && l->get<std::string>().empty()))
    return error_answer(field_error("local", "Pick a date and time."));
  const auto wall = l->is_string() ? parse_wall(l->get<std::string>()) : std::nullopt;
  if (!wall) return error_answer(field_error("local", "The local time must be a real date and time as YYYY-MM-DDTHH:MM."));
  const auto r = resolve_wall_time(zone, *wall);
  if (r.kind == WallTimeResolution::Kind::gap)
    return json{{"ok", false}, {"kind", "gap"}, {"message", wall_time_message(zone, *wall, r)}}.dump();
  json out{{"ok", true},
           {"kind", r.kind == WallTimeResolution::Kind::overlap ? "overlap" : "ordinary"},
           {"utc", format_iso_time(r.utc)},
           {"offset_seconds", r.offset_seconds},
           {"local", local_minute_iso(*wall)}};
  if (r.kind == WallTimeResolution::Kind::overlap) {
    out["later_utc"] = format_iso_time(r.later_utc);
    out["message"] = wall_time_message(zone, *wall, r);
  }
  return out.dump();
}

}  // namespace trypost
