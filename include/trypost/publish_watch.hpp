#pragma once
// Which posts to read again while they are being published, and when: a post in `publishing`,
// or a scheduled post whose time has passed, is read until it settles (published, partially
// published, failed; or back to draft or scheduled). The API allows 60 requests a minute per
// workspace, shared with everything else the user does: the watch takes a small share of it,
// backs off the longer a post takes, and waits out a 429. The shell only runs the timers and
// the reads.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "trypost/time.hpp"

namespace trypost {

struct WatchedPost {
  std::string id;
  std::string status;                      // the API's status
  std::optional<UtcSeconds> scheduled_at;  // when it is due
};

struct WatchState {
  int reads = 0;              // reads so far while it has not settled
  UtcSeconds next_at = 0;     // not read again before this
};

struct WatchPolicy {
  int first_delay = 5;        // seconds after a post is first seen waiting
  int max_delay = 300;        // back-off cap
  int share_per_minute = 12;  // at most this many reads a minute for watching (of the API's 60)
  int limit_per_minute = 60;  // the API's limit per workspace
  int reserve = 20;           // left to the user's own requests, whatever the watch wants
};

struct WatchPlan {
  std::vector<std::string> read;            // read these now
  std::optional<int> next_in_seconds;       // ask again in this many seconds (none: nothing waits)
  std::map<std::string, WatchState> state;  // carried to the next call
};

// `recent_reads`: requests of this workspace in the last minute (all of them, the watch's and the
// user's); `watch_reads`: the watch's own reads in the last minute; `rate_wait`: seconds a 429
// asked to wait (0 when none).
WatchPlan plan_watch(const std::vector<WatchedPost>& posts, const std::map<std::string, WatchState>& state,
                     UtcSeconds now, int recent_reads, int watch_reads, int rate_wait, const WatchPolicy& policy = {});

// The statuses of a post whose outcome may still be to come (publishing, scheduled): a post read
// back in one of them has not settled; in any other, it has and the person hears the outcome.
const std::vector<std::string>& waiting_statuses();

// Whether a post is still on its way: publishing, or scheduled with its time passed.
bool awaits_outcome(const WatchedPost& p, UtcSeconds now);

// JSON entry point: {"now", "posts": [{id, status, scheduled_at}], "state": {id: {reads, next_at}},
// "recent_reads", "watch_reads", "rate_wait"} ->
//   {"read": [ids], "next_in_seconds": n|null, "state": {...}, "waiting": [statuses]}
std::string watch_plan_json(const std::string& input);

}  // namespace trypost
