#include "trypost/reschedule.hpp"

#include <algorithm>

#include "trypost/core_answer.hpp"
#include "trypost/json_fields.hpp"
#include "trypost/post.hpp"
#include "trypost/when_words.hpp"

namespace trypost {

using nlohmann::json;

std::optional<bool> role_can_edit_posts(std::string_view role) {
  if (role == "owner" || role == "admin" || role == "member") return true;
  if (role == "viewer") return false;
  return std::nullopt;
}

MovePlan plan_move(const MoveSubject& post, UtcSeconds new_time, bool can_edit, UtcSeconds now,
                   std::span<const OtherPost> others, const ZoneLens& zone) {
  MovePlan plan;
  plan.path = "/posts/" + post.id;
  if (!can_edit) plan.reasons.push_back({"forbidden", "Your role in this workspace can view posts but not change them."});
  if (!is_editable(post.status))
    plan.reasons.push_back({"not_editable", "Only draft and scheduled posts can be moved; this one is " +
                                                std::string(to_string(post.status)) + "."});
  // The scheduler picks due posts up every minute, so "now" itself is already too late.
  if (new_time <= now)
    plan.reasons.push_back({"past_time", "The new time, " + when_words(zone, new_time, DateStyle::iso) +
                                             ", has already passed (it is now " + when_words(zone, now, DateStyle::iso) +
                                             "): pick a later time."});
  plan.ok = plan.reasons.empty();
  if (plan.ok) plan.body = json{{"status", "scheduled"}, {"scheduled_at", format_iso_time(new_time)}};
  const auto minute = floor_div(new_time, 60);
  for (const auto& o : others) {
    if (o.id == post.id || !o.time || floor_div(*o.time, 60) != minute) continue;
    const bool shared = std::any_of(o.accounts.begin(), o.accounts.end(), [&](const std::string& a) {
      return !a.empty() && std::find(post.accounts.begin(), post.accounts.end(), a) != post.accounts.end();
    });
    if (shared) plan.same_minute.push_back(o.id);
  }
  return plan;
}

json to_json(const MovePlan& plan) {
  json j{{"ok", plan.ok}};
  if (plan.ok) j["request"] = json{{"method", plan.method}, {"path", plan.path}, {"body", plan.body}};
  json reasons = json::array();
  for (const auto& r : plan.reasons) reasons.push_back(json{{"code", r.code}, {"message", r.message}});
  j["reasons"] = reasons;
  json warnings = json::array();
  if (!plan.same_minute.empty())
    warnings.push_back(json{{"code", "same_minute"},
                            {"message", "Another post for the same account is already due in that minute."},
                            {"post_ids", plan.same_minute}});
  j["warnings"] = warnings;
  return j;
}

Expected<MoveRequest> move_request_from_json(const json& j) {
  ApiError err;
  MoveRequest r;
  if (!j.is_object()) return make_error(422, "The move request must be a JSON object.");
  auto time_field = [&](const char* key, UtcSeconds& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) {
      err.add(key, std::string("The ") + key + " field must be an ISO 8601 time.");
      return;
    }
    const auto t = parse_time(it->get<std::string>());
    if (t.value) out = *t.value;
    else err.add(key, std::string("The ") + key + " field " + t.error + ".");
  };
  time_field("new_time", r.new_time);
  time_field("now", r.now);
  if (auto z = j.find("zone"); z != j.end()) {
    auto lens = zone_from_json(*z);
    if (lens) r.zone = std::move(lens.value());
    else for (const auto& [path, msgs] : lens.error().errors) for (const auto& m : msgs) err.add(path, m);
  }
  if (auto it = j.find("can_edit"); it != j.end()) {
    if (it->is_boolean()) r.can_edit = it->get<bool>();
    else err.add("can_edit", "The can_edit field must be true or false.");
  } else if (auto rit = j.find("role"); rit != j.end() && rit->is_string()) {
    if (auto c = role_can_edit_posts(rit->get<std::string>())) r.can_edit = *c;
    else err.add("role", "The selected role is invalid.");
  } else {
    err.add("role", "The role field is required (owner, admin, member or viewer).");
  }
  if (!err.empty()) {
    err.finalize_message();
    return err;
  }
  return r;
}

namespace {
std::vector<std::string> accounts_of(const Post& p) {
  std::vector<std::string> out;
  for (const auto& pp : p.platforms)
    if (!pp.social_account_id.empty()) out.push_back(pp.social_account_id);
  return out;
}
}  // namespace

std::string plan_move_json(const std::string& text) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return error_answer(make_error(400, "The move request is not valid JSON."));
  auto req = move_request_from_json(j);
  if (!req) return error_answer(req.error());
  const auto pj = j.find("post");
  if (pj == j.end()) return error_answer(field_error("post", "The post field is required."));
  auto post = post_from_json(*pj, "post");
  if (!post) return error_answer(post.error());
  std::vector<OtherPost> others;
  if (auto oj = j.find("others"); oj != j.end() && oj->is_array()) {
    for (std::size_t i = 0; i < oj->size(); ++i) {
      auto o = post_from_json((*oj)[i], "others." + std::to_string(i));
      if (!o) return error_answer(o.error());
      others.push_back({o->id, calendar_time(*o), accounts_of(*o)});
    }
  }
  const MoveSubject subject{post->id, post->status, accounts_of(*post)};
  return to_json(plan_move(subject, req->new_time, req->can_edit, req->now, others, req->zone)).dump();
}

}  // namespace trypost
