#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "trypost/post_action.hpp"

namespace post_action_test {

using namespace trypost;
using nlohmann::json;

json plan(const json& in) { return json::parse(post_action_plan_json(in.dump())); }

TEST_CASE("post actions: only drafts and scheduled posts can be changed") {
  CHECK(json::parse(post_actions_json(R"({"status":"draft"})"))["editable"] == true);
  CHECK(json::parse(post_actions_json(R"({"status":"scheduled"})"))["editable"] == true);
  for (const char* frozen : {"publishing", "published", "partially_published", "failed"}) {
    const json a = json::parse(post_actions_json(json{{"status", frozen}}.dump()));
    INFO(frozen);
    CHECK(a["editable"] == false);
    CHECK(a["actions"].empty());
  }
}

TEST_CASE("post actions: every post but one being published can be deleted, and a frozen post says why") {
  for (const char* s : {"draft", "scheduled", "published", "partially_published", "failed"}) {
    const json a = json::parse(post_actions_json(json{{"status", s}}.dump()));
    INFO(s);
    CHECK(a["deletable"] == true);
  }
  const json sending = json::parse(post_actions_json(R"({"status":"publishing"})"));
  CHECK(sending["deletable"] == false);
  CHECK(sending["why_frozen"].get<std::string>().find("being published right now") != std::string::npos);
  const json partly = post_actions(PostStatus::partially_published);
  CHECK(partly["why_frozen"].get<std::string>().rfind("This post was published to some of its accounts only, so it can no longer be changed.", 0) == 0);
  CHECK(post_actions(std::nullopt)["deletable"] == false);
  CHECK_FALSE(post_actions(PostStatus::draft).contains("why_frozen"));
}

TEST_CASE("post actions: what each post offers") {
  CHECK(post_actions(std::nullopt)["actions"] == json::array({"draft", "schedule", "publish"}));
  CHECK(post_actions(PostStatus::draft)["actions"] == json::array({"save", "schedule", "publish"}));
  CHECK(post_actions(PostStatus::scheduled)["actions"] == json::array({"save", "draft", "publish"}));
}

TEST_CASE("post actions: the status each offered action sends") {
  CHECK(post_actions(std::nullopt)["sends"] == json{{"draft", "draft"}, {"schedule", "scheduled"}, {"publish", "publishing"}});
  CHECK(post_actions(PostStatus::draft)["sends"] == json{{"save", "draft"}, {"schedule", "scheduled"}, {"publish", "publishing"}});
  CHECK(post_actions(PostStatus::scheduled)["sends"] == json{{"save", "scheduled"}, {"draft", "draft"}, {"publish", "publishing"}});
  CHECK(post_actions(PostStatus::published)["sends"] == json::object());
  // The same status the plan of that action writes into its update.
  const json update = json::parse(post_action_plan_json(R"({"action":"schedule","status":"draft","body":{"content":"x"}})"))["update"];
  CHECK(update["status"] == post_actions(PostStatus::draft)["sends"]["schedule"]);
}

TEST_CASE("post actions: an unknown status is refused, naming the field") {
  const json bad = json::parse(post_actions_json(R"({"status":"archived"})"));
  CHECK(bad["status"] == 400);
  CHECK(bad["errors"].contains("status"));
}

const json kBody = {{"content", "Hello"},
                    {"scheduled_at", "2026-12-24T09:00:00Z"},
                    {"platforms", json::array({{{"social_account_id", 7}, {"meta", {{"first_comment", "hi"}}}},
                                               {{"social_account_id", 8}}})}};

TEST_CASE("post action, existing post: each action sends the status it stands for") {
  CHECK(plan({{"action", "save"}, {"status", "draft"}, {"body", kBody}})["update"]["status"] == "draft");
  CHECK(plan({{"action", "save"}, {"status", "scheduled"}, {"body", kBody}})["update"]["status"] == "scheduled");
  CHECK(plan({{"action", "schedule"}, {"status", "draft"}, {"body", kBody}})["update"]["status"] == "scheduled");
  CHECK(plan({{"action", "draft"}, {"status", "scheduled"}, {"body", kBody}})["update"]["status"] == "draft");
  CHECK(plan({{"action", "publish"}, {"status", "draft"}, {"body", kBody}})["update"]["status"] == "publishing");
}

TEST_CASE("post action, existing post: the time goes only with save and schedule") {
  CHECK(plan({{"action", "save"}, {"status", "draft"}, {"body", kBody}})["update"]["scheduled_at"] == kBody["scheduled_at"]);
  CHECK(plan({{"action", "schedule"}, {"status", "draft"}, {"body", kBody}})["update"]["scheduled_at"] == kBody["scheduled_at"]);
  CHECK_FALSE(plan({{"action", "draft"}, {"status", "scheduled"}, {"body", kBody}})["update"].contains("scheduled_at"));
  CHECK_FALSE(plan({{"action", "publish"}, {"status", "scheduled"}, {"body", kBody}})["update"].contains("scheduled_at"));
  // Everything else the person wrote goes unchanged.
  CHECK(plan({{"action", "publish"}, {"status", "draft"}, {"body", kBody}})["update"]["content"] == "Hello");
}

TEST_CASE("post action, existing post: a sent post cannot be changed") {
  const json a = plan({{"action", "save"}, {"status", "published"}, {"body", kBody}});
  CHECK(a["status"] == 422);
  CHECK(a["error"].get<std::string>().find("published") != std::string::npos);
}

TEST_CASE("post action, new post: a draft is one create that keeps a typed time") {
  const json a = plan({{"action", "draft"}, {"body", kBody}});
  CHECK(a["create"] == kBody);
  CHECK_FALSE(a.contains("then"));
  CHECK(a["unfinished"] == "Saved as a draft");
}

TEST_CASE("post action, new post: schedule creates, then asks for scheduled at the typed time") {
  const json a = plan({{"action", "schedule"}, {"body", kBody}, {"platforms", json::array({41, 42})}});
  CHECK(a["create"] == kBody);
  CHECK(a["then"]["status"] == "scheduled");
  CHECK(a["then"]["scheduled_at"] == "2026-12-24T09:00:00Z");
  // The created post's platforms, each with the options it was written with.
  CHECK(a["then"]["platforms"] == json::array({{{"id", 41}, {"meta", {{"first_comment", "hi"}}}}, {{"id", 42}}}));
  CHECK(a["unfinished"] == "Saved as a draft, not scheduled");
  json untimed = kBody;
  untimed.erase("scheduled_at");
  CHECK(plan({{"action", "schedule"}, {"body", untimed}})["then"]["scheduled_at"].is_null());
}

TEST_CASE("post action, new post: publish now creates without a time, then asks for publishing") {
  const json a = plan({{"action", "publish"}, {"body", kBody}, {"platforms", json::array({"pp1", "pp2"})}});
  CHECK_FALSE(a["create"].contains("scheduled_at"));
  CHECK(a["create"]["content"] == "Hello");
  CHECK(a["then"]["status"] == "publishing");
  CHECK_FALSE(a["then"].contains("scheduled_at"));
  CHECK(a["then"]["platforms"][1]["id"] == "pp2");
  CHECK(a["unfinished"] == "Saved as a draft, not published");
}

TEST_CASE("post action: bad input is refused, naming the field") {
  CHECK(plan({{"action", "save"}, {"body", kBody}})["errors"].contains("action"));
  CHECK(plan({{"action", "archive"}, {"status", "draft"}, {"body", kBody}})["errors"].contains("action"));
  CHECK(plan({{"action", "draft"}})["errors"].contains("body"));
  CHECK(plan({{"action", "draft"}, {"status", 5}, {"body", kBody}})["errors"].contains("status"));
  CHECK(plan({{"action", "schedule"}, {"body", kBody}, {"platforms", "x"}})["errors"].contains("platforms"));
  CHECK(json::parse(post_action_plan_json("nope"))["status"] == 400);
}

}  // namespace post_action_test
