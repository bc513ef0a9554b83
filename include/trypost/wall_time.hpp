#pragma once
// Wall-clock times a person types, in their display zone, turned into the UTC instants the API
// stores (and back). Around a daylight-saving change a wall time may not exist (the clocks jump
// over it) or may happen twice (the clocks go back over it): the first is refused with a
// sentence saying why, the second takes the earlier instant and says so.
#include <cstdint>
#include <string>

#include "trypost/time.hpp"
#include "trypost/zone.hpp"

namespace trypost {

struct WallTimeResolution {
  enum class Kind { ordinary, overlap, gap };
  Kind kind = Kind::ordinary;
  UtcSeconds utc = 0;        // ordinary and overlap: the instant used (the earlier of two)
  UtcSeconds later_utc = 0;  // overlap: the other instant with the same wall time
  std::int32_t offset_seconds = 0;
  // gap and overlap: the wall clock at the change, before and after it (seconds, local "epoch").
  UtcSeconds change_from_local = 0, change_to_local = 0;
};

// `wall`: the local wall time as seconds since 1970-01-01T00:00 on the local clock.
WallTimeResolution resolve_wall_time(const ZoneLens& zone, UtcSeconds wall);

// The sentence a person reads: "02:30 on 28 March 2027 does not exist in Europe/Paris: ..."
std::string wall_time_message(const ZoneLens& zone, UtcSeconds wall, const WallTimeResolution& r);

// JSON entry point. {"zone": {name, transitions} | null, "local": "2027-03-28T02:30"} ->
//   {"ok": true, "kind": "ordinary"|"overlap", "utc", "offset_seconds", "local", "message"?, "later_utc"?}
//   {"ok": false, "kind": "gap", "message"}
// {"zone", "utc": ISO} -> {"ok": true, "local": "2026-12-23T09:00", "date", "time", "offset_seconds", "zone", "words"}
// A malformed request answers the core's one error shape (core_answer.hpp) with field paths.
std::string wall_time_json(const std::string& input);

}  // namespace trypost
