#pragma once
// What each composer action does to a post: which actions a post in a given status offers, and
// the request bodies an action sends (the status it asks for, whether the time goes with it, and
// for a new post the create and the update that follows it). The composer and the dashboard ask
// here instead of deciding statuses themselves.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"
#include "trypost/platform.hpp"

namespace trypost {

// save: keep the post's status (an existing post only); draft: keep it as a draft; schedule:
// publish at its time; publish: publish now.
enum class PostAction { save, draft, schedule, publish };

std::string_view wire_name(PostAction a);
std::optional<PostAction> parse_post_action(std::string_view s);
// The status an action leaves the post in; `current` is the post's status (for save).
PostStatus status_after(PostAction a, PostStatus current);

// {"editable": bool, "deletable": bool, "actions": [...], "sends": {action: status},
// "why_frozen"?: text}: a new post (no status) offers draft, schedule and publish; a draft save,
// schedule and publish; a scheduled post save, draft and publish; any other status nothing, and
// `why_frozen` says why in words a person reads. `sends` names the status each offered action asks
// for (status_after): the shell's schedule and publish-now calls read it. A new post is not
// deletable (it does not exist yet).
nlohmann::json post_actions(std::optional<PostStatus> status);
// Input {"status"?: "draft"}.
std::string post_actions_json(const std::string& input);

// Input {"action", "body", "status"?, "platforms"?: [id, ...]}. `status` is the post's when it
// exists (the body is then a PUT); without it the post is new and the answer holds the POST body
// ("create") and, for schedule and publish, the PUT that follows it ("then", with the created
// post's platform ids from `platforms` and each one's options from the body) and "unfinished",
// what the post is if that PUT fails. An existing post's answer is {"update": body}.
Expected<nlohmann::json> plan_post_action(const nlohmann::json& in);
std::string post_action_plan_json(const std::string& input);

}  // namespace trypost
