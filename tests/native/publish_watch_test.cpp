// Posts on their way to publishing are read again until they settle, within the rate limit.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "trypost/publish_watch.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace publish_watch_test {

using namespace trypost;

namespace {
const UtcSeconds kNow = 1'800'000'000;
}

TEST_CASE("watch: publishing and overdue scheduled posts are read, after a first delay, then with back-off") {
  const std::vector<WatchedPost> posts{{"1", "publishing", std::nullopt},
                                       {"2", "scheduled", kNow - 30},
                                       {"3", "scheduled", kNow + 3600},
                                       {"4", "published", kNow - 60},
                                       {"5", "draft", std::nullopt}};
  auto plan = plan_watch(posts, {}, kNow, 0, 0, 0);
  CHECK(plan.read.empty());  // nothing is read the moment it is first seen
  CHECK(plan.state.size() == 2);
  CHECK(plan.next_in_seconds == 5);
  plan = plan_watch(posts, plan.state, kNow + 5, 1, 0, 0);
  CHECK(plan.read == std::vector<std::string>{"1", "2"});
  CHECK(plan.state["1"].reads == 1);
  CHECK(plan.next_in_seconds == 10);
  plan = plan_watch(posts, plan.state, kNow + 15, 3, 2, 0);
  CHECK(plan.read.size() == 2);
  CHECK(plan.next_in_seconds == 20);  // 5, 10, 20 ...
  // Settled posts are forgotten; with none left nothing is planned.
  const std::vector<WatchedPost> done{{"1", "published", std::nullopt}, {"2", "failed", kNow - 30}};
  plan = plan_watch(done, plan.state, kNow + 40, 0, 0, 0);
  CHECK(plan.read.empty());
  CHECK(plan.state.empty());
  CHECK_FALSE(plan.next_in_seconds.has_value());
}

TEST_CASE("watch: the back-off stops at its cap") {
  std::map<std::string, WatchState> state{{"1", {20, kNow}}};
  const auto plan = plan_watch({{"1", "publishing", std::nullopt}}, state, kNow, 0, 0, 0);
  CHECK(plan.read.size() == 1);
  CHECK(plan.next_in_seconds == 300);
}

TEST_CASE("watch: the rate limit is shared, and a 429 is waited out") {
  std::vector<WatchedPost> many;
  std::map<std::string, WatchState> state;
  for (int i = 0; i < 30; ++i) {
    many.push_back({std::to_string(i), "publishing", std::nullopt});
    state[std::to_string(i)] = {0, kNow - 100 + i};
  }
  auto plan = plan_watch(many, state, kNow, 0, 0, 0);
  CHECK(plan.read.size() == 12);  // the watch's share of a minute
  CHECK(plan.read.front() == "0");  // the longest waiting first
  plan = plan_watch(many, state, kNow, 0, 10, 0);
  CHECK(plan.read.size() == 2);
  // The user's own requests come first: 35 of 60 used leaves 5 before the reserve of 20.
  plan = plan_watch(many, state, kNow, 35, 0, 0);
  CHECK(plan.read.size() == 5);
  plan = plan_watch(many, state, kNow, 45, 0, 0);
  CHECK(plan.read.empty());
  CHECK(plan.next_in_seconds == 5);
  plan = plan_watch(many, state, kNow, 0, 0, 30);
  CHECK(plan.read.empty());
  CHECK(plan.next_in_seconds == 30);
}

TEST_CASE("watch: a scheduled post is not asked about before its time") {
  auto plan = plan_watch({{"9", "scheduled", kNow - 1}}, {}, kNow, 0, 0, 0);
  CHECK(plan.next_in_seconds == 5);
  CHECK(watch_plan_json(R"({"now":"2027-01-15T08:00:00Z","posts":[{"id":7,"status":"publishing"}]})") ==
        R"({"next_in_seconds":5,"read":[],"state":{"7":{"next_at":1800000005,"reads":0}},"waiting":["publishing","scheduled"]})");
  CHECK(watch_plan_json(R"({"posts":[]})").find("\"error\"") != std::string::npos);
}

TEST_CASE("watch: the plan says which statuses still wait for an outcome, and the outcomes are not among them") {
  const auto plan = nlohmann::json::parse(watch_plan_json(R"({"now":1800000000,"posts":[]})"));
  CHECK(plan["waiting"] == nlohmann::json::array({"publishing", "scheduled"}));
  // A post in a waiting status may still be watched; one in any other status never is.
  for (const char* status : {"publishing", "scheduled", "published", "partially_published", "failed", "draft"}) {
    CAPTURE(status);
    const bool waiting = std::find(waiting_statuses().begin(), waiting_statuses().end(), status) != waiting_statuses().end();
    CHECK(awaits_outcome({"1", status, kNow - 60}, kNow) == waiting);
  }
}

}  // namespace publish_watch_test
