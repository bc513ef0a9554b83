#include <doctest/doctest.h>

#include "trypost/calendar.hpp"
#include "trypost/reschedule.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace calendar_move_test {

using namespace trypost;
using nlohmann::json;

namespace {
UtcSeconds at(const char* iso) { return parse_time(iso).value.value(); }
json post(const std::string& id, const char* when, const char* status, const char* account) {
  return json{{"id", id},
              {"status", status},
              {"scheduled_at", when ? json(when) : json(nullptr)},
              {"platforms", json::array({json{{"id", "pp" + id}, {"platform", "x"}, {"content_type", "x_post"},
                                              {"social_account", {{"id", account}}}}})}};
}
}  // namespace

TEST_CASE("calendar plan_move: the PUT body, or every reason it would be refused") {
  const UtcSeconds now = at("2026-05-10T12:00:00Z");
  const MoveSubject draft{"7", PostStatus::draft, {"acc1"}};
  auto ok = plan_move(draft, now + 1, true, now, {});
  CHECK(ok.ok);
  CHECK(ok.path == "/posts/7");
  CHECK(ok.body == json{{"status", "scheduled"}, {"scheduled_at", "2026-05-10T12:00:01Z"}});
  auto same = plan_move(draft, now, true, now, {});
  CHECK_FALSE(same.ok);
  REQUIRE(same.reasons.size() == 1);
  CHECK(same.reasons[0].code == "past_time");
  CHECK(same.body.is_null());

  for (auto s : {PostStatus::publishing, PostStatus::published, PostStatus::partially_published, PostStatus::failed}) {
    auto p = plan_move({"7", s, {}}, now + 3600, true, now, {});
    CHECK_FALSE(p.ok);
    CHECK(p.reasons.at(0).code == "not_editable");
  }
  CHECK(plan_move({"7", PostStatus::scheduled, {}}, now + 3600, true, now, {}).ok);
  auto viewer = plan_move(draft, now - 60, false, now, {});
  REQUIRE(viewer.reasons.size() == 2);
  CHECK(viewer.reasons[0].code == "forbidden");
  CHECK(viewer.reasons[1].code == "past_time");
  CHECK(role_can_edit_posts("member") == true);
  CHECK(role_can_edit_posts("viewer") == false);
  CHECK_FALSE(role_can_edit_posts("guest").has_value());
}

TEST_CASE("calendar plan_move warns, without refusing, about the same account in the same minute") {
  const UtcSeconds now = at("2026-05-10T12:00:00Z");
  const UtcSeconds target = at("2026-05-11T09:30:00Z");
  const std::vector<OtherPost> others = {{"a", at("2026-05-11T09:30:59Z"), {"acc1"}},
                                         {"b", at("2026-05-11T09:31:00Z"), {"acc1"}},
                                         {"c", at("2026-05-11T09:30:00Z"), {"acc2"}},
                                         {"7", at("2026-05-11T09:30:00Z"), {"acc1"}},
                                         {"d", std::nullopt, {"acc1"}}};
  auto p = plan_move({"7", PostStatus::scheduled, {"acc1"}}, target, true, now, others);
  CHECK(p.ok);
  CHECK(p.same_minute == std::vector<std::string>{"a"});
  const json j = to_json(p);
  CHECK(j["warnings"][0]["code"] == "same_minute");
  CHECK(j["request"]["method"] == "PUT");

  // Through the index: neighbours come from the index itself.
  CalendarIndex idx;
  REQUIRE(idx.load(json{{"posts", json::array({post("7", "2026-05-12T10:00:00Z", "scheduled", "acc1"),
                                                post("8", "2026-05-11T09:30:10Z", "scheduled", "acc1"),
                                                post("9", "2026-05-11T09:30:20Z", "published", "acc2"),
                                                post("10", nullptr, "published", "acc1")})}})
              .ok());
  const json w = json::parse(idx.plan_move_json(
      R"({"post_id":"7","new_time":"2026-05-11T09:30:45Z","now":"2026-05-10T12:00:00Z","role":"admin"})"));
  CHECK(w["ok"] == true);
  CHECK(w["warnings"][0]["post_ids"] == json::array({"8"}));
  const json frozen = json::parse(idx.plan_move_json(
      R"({"post_id":"10","new_time":"2026-05-11T09:30:45Z","now":"2026-05-10T12:00:00Z","role":"owner"})"));
  CHECK(frozen["ok"] == false);
  CHECK(frozen["reasons"][0]["code"] == "not_editable");
  CHECK(json::parse(idx.plan_move_json(R"({"post_id":"nope","new_time":"2026-05-11T09:30:45Z","now":"2026-05-10T12:00:00Z","role":"owner"})"))
            .contains("error"));
  CHECK(json::parse(idx.plan_move_json(R"({"post_id":"7","new_time":"soon","now":"2026-05-10T12:00:00Z","role":"owner"})"))
            .contains("error"));
  CHECK(json::parse(idx.plan_move_json(R"({"post_id":"7","new_time":"2026-05-11T09:30:45Z","now":"2026-05-10T12:00:00Z","role":"king"})"))
            .contains("error"));

  // The free-standing text entry: the post and its neighbours come with the request.
  const json free = json::parse(plan_move_json(json{{"post", post("1", nullptr, "draft", "acc9")},
                                                    {"new_time", "2026-05-11T09:30:00+02:00"},
                                                    {"now", "2026-05-10T12:00:00Z"},
                                                    {"can_edit", true},
                                                    {"others", json::array({post("2", "2026-05-11 07:30:30", "scheduled", "acc9")})}}
                                                   .dump()));
  CHECK(free["request"]["body"]["scheduled_at"] == "2026-05-11T07:30:00Z");
  CHECK(free["warnings"][0]["post_ids"] == json::array({"2"}));
}

TEST_CASE("calendar plan_move: a refusal quotes times in the display zone, with UTC beside them") {
  const UtcSeconds now = at("2026-12-23T01:00:00Z");
  const MoveSubject draft{"7", PostStatus::draft, {"acc1"}};
  const ZoneLens tokyo("Asia/Tokyo", {{0, 32400}});
  auto late = plan_move(draft, at("2026-12-23T00:00:00Z"), true, now, {}, tokyo);
  REQUIRE(late.reasons.size() == 1);
  CHECK(late.reasons[0].message ==
        "The new time, 2026-12-23 09:00 Asia/Tokyo (00:00 UTC), has already passed (it is now 2026-12-23 10:00 "
        "Asia/Tokyo (01:00 UTC)): pick a later time.");
  auto utc = plan_move(draft, at("2026-12-23T00:00:00Z"), true, now, {});
  CHECK(utc.reasons[0].message ==
        "The new time, 2026-12-23 00:00 UTC, has already passed (it is now 2026-12-23 01:00 UTC): pick a later time.");
  // Through the index's JSON entry point, with the zone as the view takes it.
  CalendarIndex idx;
  REQUIRE(idx.load(json{{"posts", json::array({post("7", "2026-12-24 00:00:00", "scheduled", "acc1")})}}).ok());
  const json plan = json::parse(idx.plan_move_json(json{{"post_id", "7"}, {"new_time", "2026-12-22T23:30:00Z"}, {"now", "2026-12-23T01:00:00Z"},
                                                         {"role", "member"}, {"zone", {{"name", "Asia/Tokyo"}, {"transitions", json::array({json{{"at_utc", 0}, {"offset_seconds", 32400}}})}}}}.dump()));
  CHECK(plan["reasons"][0]["message"].get<std::string>().rfind("The new time, 2026-12-23 08:30 Asia/Tokyo (2026-12-22 23:30 UTC)", 0) == 0);
}

}  // namespace calendar_move_test
