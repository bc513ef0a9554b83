#include "trypost/zone.hpp"

#include <algorithm>
#include <cstdlib>

namespace trypost {

ZoneLens::ZoneLens(std::string name, std::vector<ZoneTransition> transitions)
    : name_(std::move(name)), transitions_(std::move(transitions)) {
  std::stable_sort(transitions_.begin(), transitions_.end(),
                   [](const ZoneTransition& a, const ZoneTransition& b) { return a.at_utc < b.at_utc; });
  // Drop entries that change nothing, so "is there a transition here" stays cheap and exact.
  std::vector<ZoneTransition> kept;
  for (const auto& t : transitions_)
    if (kept.empty() || kept.back().offset_seconds != t.offset_seconds) kept.push_back(t);
  transitions_ = std::move(kept);
  if (!transitions_.empty()) {
    min_ = max_ = transitions_.front().offset_seconds;
    for (const auto& t : transitions_) {
      min_ = std::min(min_, t.offset_seconds);
      max_ = std::max(max_, t.offset_seconds);
    }
  }
}

std::int32_t ZoneLens::offset_at(UtcSeconds t) const {
  if (transitions_.empty()) return 0;
  auto it = std::upper_bound(transitions_.begin(), transitions_.end(), t,
                             [](UtcSeconds v, const ZoneTransition& z) { return v < z.at_utc; });
  if (it == transitions_.begin()) return transitions_.front().offset_seconds;
  return std::prev(it)->offset_seconds;
}

UtcSeconds ZoneLens::day_start(std::int64_t day) const {
  const UtcSeconds midnight = day * 86400;
  if (transitions_.empty()) return midnight;
  // Local time only jumps at transitions, so the answer is either "midnight minus the offset in
  // force then" or a transition instant: try each candidate, keep the earliest that qualifies.
  UtcSeconds best = midnight - min_ + 1;  // an upper bound that always qualifies
  bool found = false;
  auto consider = [&](UtcSeconds t) {
    if (local_day(t) >= day && (!found || t < best)) {
      // Only the first instant of the day counts: the instant just before must be earlier.
      if (local_day(t - 1) < day) {
        best = t;
        found = true;
      }
    }
  };
  for (std::int32_t off : {min_, max_}) consider(midnight - off);
  for (const auto& z : transitions_) {
    consider(midnight - z.offset_seconds);
    if (z.at_utc >= midnight - max_ - 1 && z.at_utc <= midnight - min_ + 1) consider(z.at_utc);
  }
  return found ? best : midnight - offset_at(midnight);
}

Expected<ZoneLens> zone_from_json(const nlohmann::json& j, const std::string& path) {
  if (j.is_null()) return ZoneLens{};
  if (!j.is_object()) return field_error(path, "The " + path + " must be an object.");
  ApiError err;
  std::string name = "UTC";
  if (auto it = j.find("name"); it != j.end() && !it->is_null()) {
    if (it->is_string()) name = it->get<std::string>();
    else err.add(path + ".name", "The " + path + " name must be a string.");
  }
  std::vector<ZoneTransition> out;
  if (auto it = j.find("transitions"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) {
      err.add(path + ".transitions", "The " + path + " transitions must be an array.");
    } else {
      for (std::size_t i = 0; i < it->size(); ++i) {
        const auto& e = (*it)[i];
        const std::string at = path + ".transitions." + std::to_string(i);
        if (!e.is_object()) {
          err.add(at, "Each transition must be an object.");
          continue;
        }
        ZoneTransition z;
        bool ok = true;
        auto a = e.find("at_utc");
        if (a == e.end()) {
          err.add(at + ".at_utc", "The at_utc field is required.");
          ok = false;
        } else if (a->is_number_integer()) {
          // Years 1..9999, like every other time in the core; also keeps the arithmetic far from overflow.
          const auto v = a->get<std::int64_t>();
          if (v < -62135596800 || v > 253402300799) {
            err.add(at + ".at_utc", "The at_utc field must be a time between the years 1 and 9999.");
            ok = false;
          } else {
            z.at_utc = v;
          }
        } else if (a->is_string()) {
          const auto parsed = parse_time(a->get<std::string>());
          if (parsed.value) z.at_utc = *parsed.value;
          else {
            err.add(at + ".at_utc", "The at_utc field " + parsed.error + ".");
            ok = false;
          }
        } else {
          err.add(at + ".at_utc", "The at_utc field must be an ISO 8601 time or Unix seconds.");
          ok = false;
        }
        auto o = e.find("offset_seconds");
        if (o == e.end() || !o->is_number_integer()) {
          err.add(at + ".offset_seconds", "The offset_seconds field must be an integer.");
          ok = false;
        } else {
          const auto v = o->get<std::int64_t>();
          if (v < -18 * 3600 || v > 18 * 3600) {
            err.add(at + ".offset_seconds", "The offset_seconds field must be between -64800 and 64800.");
            ok = false;
          } else {
            z.offset_seconds = std::int32_t(v);
          }
        }
        if (ok) out.push_back(z);
      }
    }
  }
  if (!err.empty()) {
    err.finalize_message();
    return err;
  }
  return ZoneLens(std::move(name), std::move(out));
}

std::string format_local_iso(UtcSeconds t, std::int32_t offset_seconds) {
  // Written by hand: this runs once per post shown, and snprintf dominated the view's cost.
  const UtcSeconds local = t + offset_seconds;
  const auto day = floor_div(local, 86400);
  const auto sod = local - day * 86400;
  const CivilDate d = civil_from_days(day);
  const int off = offset_seconds < 0 ? -offset_seconds : offset_seconds;
  std::string out(25, '0');
  auto put = [&](std::size_t pos, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) out[pos + std::size_t(i)] = char('0' + value % 10);
  };
  put(0, d.year, 4);
  out[4] = '-';
  put(5, int(d.month), 2);
  out[7] = '-';
  put(8, int(d.day), 2);
  out[10] = 'T';
  put(11, int(sod / 3600), 2);
  out[13] = ':';
  put(14, int(sod / 60 % 60), 2);
  out[16] = ':';
  put(17, int(sod % 60), 2);
  out[19] = offset_seconds < 0 ? '-' : '+';
  put(20, off / 3600, 2);
  out[22] = ':';
  put(23, off / 60 % 60, 2);
  return out;
}

}  // namespace trypost
