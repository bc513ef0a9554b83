#pragma once
// Moving a post on the calendar: either the PUT /posts/{id} request that does it, or the reasons
// the server would refuse it, decided before anything leaves the browser.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/zone.hpp"

#include "trypost/error.hpp"
#include "trypost/platform.hpp"
#include "trypost/time.hpp"

namespace trypost {

struct MoveSubject {
  std::string id;
  PostStatus status = PostStatus::draft;
  std::vector<std::string> accounts;  // social account ids of its platform entries
};

struct OtherPost {
  std::string id;
  std::optional<UtcSeconds> time;
  std::vector<std::string> accounts;
};

struct MoveReason {
  std::string code;  // past_time | not_editable | forbidden
  std::string message;
};

struct MovePlan {
  bool ok = false;
  std::string method = "PUT", path;
  nlohmann::json body;              // {"status":"scheduled","scheduled_at":ISO} when ok
  std::vector<MoveReason> reasons;  // why not, when !ok (all that apply)
  std::vector<std::string> same_minute;  // a warning only: same account, same minute
};

// The server accepts a new scheduled_at only in the future, only while the post is a draft or
// scheduled, and only from a role that may edit posts (Owner, Admin, Member; not Viewer).
// `zone`: the display zone the refusal quotes times in (the request itself stays UTC).
MovePlan plan_move(const MoveSubject& post, UtcSeconds new_time, bool can_edit, UtcSeconds now,
                   std::span<const OtherPost> others, const ZoneLens& zone = ZoneLens{});
nlohmann::json to_json(const MovePlan& plan);

// Roles that may create and edit posts.
std::optional<bool> role_can_edit_posts(std::string_view role);

// {"post": {...API post...}, "new_time": ISO, "role": "member" | "can_edit": bool, "now": ISO,
//  "others": [posts]} -> the plan as JSON, or {"error": ...} for a malformed request.
std::string plan_move_json(const std::string& request);

// Shared by the text entry points: new_time, now and the edit right, read from a request.
struct MoveRequest {
  UtcSeconds new_time = 0, now = 0;
  bool can_edit = false;
  ZoneLens zone;  // "zone" ({name, transitions}), UTC when absent
};
Expected<MoveRequest> move_request_from_json(const nlohmann::json& j);

}  // namespace trypost
