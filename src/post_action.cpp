#include "trypost/post_action.hpp"

#include <array>
#include <vector>

#include "trypost/core_answer.hpp"

namespace trypost {
namespace {

constexpr std::array<std::string_view, 4> kActionNames{"save", "draft", "schedule", "publish"};

ApiError bad_field(const std::string& field, const std::string& text) { return field_error(field, text, 400); }

std::string_view unfinished(PostAction a) {
  switch (a) {
    case PostAction::schedule: return "Saved as a draft, not scheduled";
    case PostAction::publish: return "Saved as a draft, not published";
    default: return "Saved as a draft";
  }
}

// A post being published is locked entirely; one already sent can still be deleted or duplicated.
std::string why_frozen(PostStatus s) {
  if (s == PostStatus::publishing)
    return "This post is being published right now, so it can no longer be edited, moved or deleted.";
  const char* what = s == PostStatus::failed                ? "This post failed to publish"
                     : s == PostStatus::partially_published ? "This post was published to some of its accounts only"
                                                            : "This post has been published";
  return std::string(what) + ", so it can no longer be changed. To post it again, duplicate it as a new post.";
}

// The status field of an argument: absent or null is a new post.
bool read_status(const nlohmann::json& in, std::optional<PostStatus>& out, ApiError& err) {
  if (!in.contains("status") || in["status"].is_null()) return true;
  const auto& s = in["status"];
  out = s.is_string() ? parse_post_status(s.get<std::string>()) : std::nullopt;
  if (!out) {
    err = bad_field("status", "The status must be a post status such as draft or scheduled.");
    return false;
  }
  return true;
}

}  // namespace

std::string_view wire_name(PostAction a) { return kActionNames[static_cast<std::size_t>(a)]; }

std::optional<PostAction> parse_post_action(std::string_view s) {
  for (std::size_t i = 0; i < kActionNames.size(); ++i)
    if (kActionNames[i] == s) return static_cast<PostAction>(i);
  return std::nullopt;
}

PostStatus status_after(PostAction a, PostStatus current) {
  switch (a) {
    case PostAction::draft: return PostStatus::draft;
    case PostAction::schedule: return PostStatus::scheduled;
    case PostAction::publish: return PostStatus::publishing;
    case PostAction::save: break;
  }
  return current;
}

nlohmann::json post_actions(std::optional<PostStatus> status) {
  using A = PostAction;
  std::vector<A> offered;
  const bool editable = !status || is_editable(*status);
  if (!status) offered = {A::draft, A::schedule, A::publish};
  else if (*status == PostStatus::draft) offered = {A::save, A::schedule, A::publish};
  else if (*status == PostStatus::scheduled) offered = {A::save, A::draft, A::publish};
  // A new post is created as a draft first (plan_post_action), so its actions send what a
  // draft's would.
  nlohmann::json actions = nlohmann::json::array(), sends = nlohmann::json::object();
  for (const A a : offered) {
    actions.push_back(std::string(wire_name(a)));
    sends[std::string(wire_name(a))] = std::string(to_string(status_after(a, status.value_or(PostStatus::draft))));
  }
  nlohmann::json out{{"editable", editable}, {"deletable", status && is_deletable(*status)}, {"actions", actions}, {"sends", sends}};
  if (!editable) out["why_frozen"] = why_frozen(*status);
  return out;
}

std::string post_actions_json(const std::string& input) {
  nlohmann::json in;
  ApiError err;
  if (!parse_argument(input, in, err)) return error_answer(err);
  std::optional<PostStatus> status;
  if (!read_status(in, status, err)) return error_answer(err);
  return post_actions(status).dump();
}

Expected<nlohmann::json> plan_post_action(const nlohmann::json& in) {
  const auto* a = in.contains("action") && in["action"].is_string() ? &in["action"] : nullptr;
  const auto action = a ? parse_post_action(a->get<std::string>()) : std::nullopt;
  if (!action) return bad_field("action", "The action must be save, draft, schedule or publish.");
  if (!in.contains("body") || !in["body"].is_object()) return bad_field("body", "The body must be a JSON object.");
  std::optional<PostStatus> status;
  ApiError err;
  if (!read_status(in, status, err)) return err;
  const nlohmann::json& body = in["body"];

  if (status) {
    if (!is_editable(*status))
      return make_error(422, "This post is " + std::string(display_name(*status)) +
                                 ": a post can only be changed while it is a draft or scheduled.");
    const PostStatus next = status_after(*action, *status);
    nlohmann::json update = body;
    update["status"] = std::string(to_string(next));
    // Leaving the schedule (to drafts, or publishing now) sends no time; saving keeps the one typed.
    if (next != PostStatus::scheduled && *action != PostAction::save) update.erase("scheduled_at");
    return nlohmann::json{{"update", update}};
  }

  if (*action == PostAction::save) return bad_field("action", "A new post is saved with draft, schedule or publish.");
  nlohmann::json create = body;
  // A draft keeps a time typed for later; publishing now has none.
  if (*action == PostAction::publish) create.erase("scheduled_at");
  nlohmann::json out{{"create", create}, {"unfinished", std::string(unfinished(*action))}};
  if (*action == PostAction::draft) return out;

  const nlohmann::json* ids = in.contains("platforms") ? &in["platforms"] : nullptr;
  if (ids && !ids->is_array()) return bad_field("platforms", "The platforms must be a list of the created post's platform ids.");
  nlohmann::json rows = nlohmann::json::array();
  const nlohmann::json* sent = body.contains("platforms") && body["platforms"].is_array() ? &body["platforms"] : nullptr;
  if (ids) {
    for (std::size_t i = 0; i < ids->size(); ++i) {
      nlohmann::json row{{"id", (*ids)[i]}};
      // Each created platform keeps the options it was created with, in the same order.
      if (sent && i < sent->size() && (*sent)[i].is_object() && (*sent)[i].contains("meta")) row["meta"] = (*sent)[i]["meta"];
      rows.push_back(std::move(row));
    }
  }
  nlohmann::json then{{"status", std::string(to_string(status_after(*action, PostStatus::draft)))}, {"platforms", rows}};
  if (*action == PostAction::schedule) then["scheduled_at"] = body.contains("scheduled_at") ? body["scheduled_at"] : nlohmann::json(nullptr);
  out["then"] = then;
  return out;
}

std::string post_action_plan_json(const std::string& input) {
  nlohmann::json in;
  ApiError err;
  if (!parse_argument(input, in, err)) return error_answer(err);
  auto plan = plan_post_action(in);
  if (!plan) return error_answer(plan.error());
  return plan->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace trypost
