#pragma once
// The display-zone lens. The core has no time-zone database: the shell asks Intl for the UTC
// offsets in force over the visible range and hands them over as transitions; the core only
// looks offsets up. Stored times never change; only the day a post lands on does.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"
#include "trypost/time.hpp"

namespace trypost {

struct ZoneTransition {
  UtcSeconds at_utc = 0;           // from this instant on ...
  std::int32_t offset_seconds = 0;  // ... local = utc + offset
};

class ZoneLens {
 public:
  ZoneLens() = default;  // UTC
  // Transitions in any order; the earliest one's offset also applies before it.
  ZoneLens(std::string name, std::vector<ZoneTransition> transitions);

  const std::string& name() const { return name_; }
  bool is_utc() const { return transitions_.empty(); }
  std::int32_t offset_at(UtcSeconds t) const;
  UtcSeconds to_local(UtcSeconds t) const { return t + offset_at(t); }
  // The local calendar day (days since 1970-01-01) an instant falls on.
  std::int64_t local_day(UtcSeconds t) const { return floor_div(to_local(t), 86400); }
  // The first instant whose local day is `day` or later. On a day whose midnight is skipped
  // (a DST jump at 00:00) that is the jump itself.
  UtcSeconds day_start(std::int64_t day) const;
  // Widest offsets in play, to widen a UTC query window before filtering by local day.
  std::int32_t min_offset() const { return min_; }
  std::int32_t max_offset() const { return max_; }
  const std::vector<ZoneTransition>& transitions() const { return transitions_; }

 private:
  std::string name_ = "UTC";
  std::vector<ZoneTransition> transitions_;
  std::int32_t min_ = 0, max_ = 0;
};

// {"name": "Europe/Paris", "transitions": [{"at_utc": ISO or seconds, "offset_seconds": 3600}, ...]}
// null or absent means UTC. Offsets beyond +-18 h are refused (no real zone has them).
Expected<ZoneLens> zone_from_json(const nlohmann::json& j, const std::string& path = "zone");

// 2026-10-25T02:30:00+01:00: the local wall time with the offset in force.
std::string format_local_iso(UtcSeconds t, std::int32_t offset_seconds);

}  // namespace trypost
