#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "calendar_fixtures.hpp"
#include "trypost/calendar.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace calendar_index_test {

using namespace trypost;
using namespace calendar_fixtures;
using nlohmann::json;

TEST_CASE("calendar index: all-or-nothing loads, details for painting") {
  CalendarIndex idx = index_of(json::array({post("1", "2026-05-04T10:00:00Z", "scheduled", "acc1", "x", {"red"})}));
  json bad = json::array({post("2", "2026-05-04T10:00:00Z"), json{{"id", "3"}, {"status", "queued"}}});
  auto r = idx.load(json{{"posts", bad}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().errors.count("posts.1.status") == 1);
  CHECK(idx.size() == 1);  // the previous contents survive a refused load
  CHECK_FALSE(idx.load(json{{"posts", json::array({post("1", nullptr), post("1", nullptr)})}}).ok());
  CHECK(idx.load(json{{"data", json::array({post("9", nullptr)})}}).ok());
  CHECK(idx.size() == 1);
  CHECK(idx.find("9").has_value());
  CHECK(json::parse(idx.load_json("{\"posts\": [")).contains("error"));
  CHECK(json::parse(idx.view_json("not json")).contains("error"));

  CalendarIndex d = index_of(json::array({post("1", "2026-05-04T10:00:00Z", "scheduled", "acc1", "x", {"red"})}));
  const json v = view(d, {{"view", "week"}, {"date", "2026-05-04"}, {"details", true}});
  CHECK(v["posts"]["1"]["time"] == "10:00");
  CHECK(v["posts"]["1"]["labels"] == json::array({"red"}));
  CHECK(v["labels"]["red"]["color"] == "#4f46e5");
  CHECK(v["posts"]["1"]["excerpt"] == "post 1");
  // The painter offers moving only what may still change: a scheduled post yes, a published one no.
  CHECK(v["posts"]["1"]["editable"] == true);
  CalendarIndex done = index_of(json::array({post("2", "2026-05-04T10:00:00Z", "published")}));
  CHECK(view(done, {{"view", "week"}, {"date", "2026-05-04"}, {"details", true}})["posts"]["2"]["editable"] == false);

  // Text that needs escaping survives the view's JSON writer; long text is cut on a code point.
  json tricky = post("q\"1", "2026-05-04T11:00:00Z");
  tricky["content"] = "say \"hi\" \\ back\nslash\ttab \x01 caf\u00e9 " + std::string(100, 'x');
  CalendarIndex t = index_of(json::array({tricky}));
  const json tv = view(t, {{"view", "day"}, {"date", "2026-05-04"}, {"details", true}});
  CHECK(tv["items"][0]["post_id"] == "q\"1");
  const std::string ex = tv["posts"]["q\"1"]["excerpt"];
  CHECK(ex.rfind("say \"hi\" \\ back\nslash\ttab \x01 caf\u00e9 xx", 0) == 0);
  // The prefix is 33 code points in 34 bytes (é takes two): 47 x's make 80, then an ellipsis (3 bytes).
  CHECK(ex.size() == 34 + 47 + 3);
  CHECK(ex.substr(ex.size() - 3) == "\xE2\x80\xA6");
}

namespace {
// What an index answers for a spread of queries: months, a long list, filters, and the summary.
// `known` drops the labels and accounts the summary counts: after a remove, the index still knows
// those no post uses any more, which a fresh load never saw.
std::string answers(const CalendarIndex& idx, json summary, bool known = true) {
  // Labels are listed in the order first seen, which a later edit can change: compared as a set.
  auto& labels = summary["label_list"];
  std::sort(labels.begin(), labels.end(), [](const json& a, const json& b) { return a["id"] < b["id"]; });
  if (!known)
    for (const char* k : {"labels", "accounts", "label_list"}) summary.erase(k);
  std::string out = summary.dump();
  for (const char* month : {"2026-04-01", "2026-05-01", "2026-06-01"}) {
    out += view(idx, {{"view", "month"}, {"date", month}, {"details", true}, {"max_rows", 3}}).dump();
    out += view(idx, {{"view", "month"}, {"date", month}, {"filters", {{"accounts", {"acc2"}}, {"labels", {"l1"}}}}}).dump();
    out += view(idx, {{"view", "week"}, {"date", month}}).dump();
  }
  out += view(idx, {{"view", "list"}, {"date", "2026-01-01"}, {"page_size", 500}}).dump();
  return out;
}
}  // namespace

TEST_CASE("calendar upsert and remove: posts added, replaced or taken out answer exactly as a fresh load of the result") {
  std::mt19937 rng(20261204);
  auto pick = [&](int n) { return int(rng() % unsigned(n)); };
  const char* statuses[] = {"draft", "scheduled", "published", "failed"};
  const char* accounts[] = {"acc1", "acc2", "acc3"};
  std::map<std::string, json> current;
  auto random_post = [&](const std::string& id) {
    std::vector<std::string> labels;
    for (const char* l : {"l1", "l2", "l3"})
      if (pick(3) == 0) labels.push_back(l);
    char at[32];
    std::snprintf(at, sizeof at, "2026-%02d-%02dT%02d:%02d:00Z", 4 + pick(3), 1 + pick(28), pick(24), pick(4) * 15);
    json p = post(id, pick(6) == 0 ? nullptr : at, statuses[pick(4)], accounts[pick(3)], pick(2) ? "x" : "linkedin", labels);
    p["content"] = "post " + id + " v" + std::to_string(pick(1000));
    return p;
  };
  for (int i = 0; i < 40; ++i) current[std::to_string(i)] = random_post(std::to_string(i));
  auto list = [&] {
    json a = json::array();
    for (const auto& [id, p] : current) a.push_back(p);
    return a;
  };
  CalendarIndex live;
  REQUIRE(live.load(json{{"posts", list()}}).ok());
  bool removed = false;
  for (int step = 0; step < 250; ++step) {
    json batch = json::array();
    std::set<std::string> seen;
    const bool removing = pick(3) == 0;
    for (int k = 1 + pick(3); k > 0; --k) {
      // An edit of a post held, or a new one (numeric and other ids, to exercise the id order);
      // a remove takes held posts, ids never held (already gone), numbers as well as strings.
      const std::string id = pick(3) ? std::to_string(pick(int(current.size()) + 5)) : "n" + std::to_string(step) + "-" + std::to_string(k);
      if (!seen.insert(id).second) continue;
      if (removing) {
        current.erase(id);
        batch.push_back(pick(2) && id[0] != 'n' ? json(std::stoll(id)) : json(id));
        continue;
      }
      json p = random_post(id);
      current[id] = p;
      batch.push_back(p);
    }
    removed = removed || removing;
    auto summary = removing ? live.remove(batch) : live.upsert(batch);
    REQUIRE(summary.ok());
    CalendarIndex fresh;
    auto expected = fresh.load(json{{"posts", list()}});
    REQUIRE(expected.ok());
    CHECK(live.size() == current.size());
    for (const auto& l : expected.value()["label_list"]) {
      const auto& known = summary.value()["label_list"];
      CHECK(std::find(known.begin(), known.end(), l) != known.end());
    }
    const auto a = answers(live, summary.value(), !removed);
    const auto b = answers(fresh, expected.value(), !removed);
    const bool same = a == b;
    if (!same) {
      std::size_t i = 0;
      while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
      const auto from = i > 300 ? i - 300 : 0;
      MESSAGE("step " << step << " differs at " << i << ":\n" << a.substr(from, 400) << "\n---\n" << b.substr(from, 400));
    }
    REQUIRE(same);
  }
}

TEST_CASE("calendar upsert: a damaged post or a repeated id refuses the whole list, leaving the index as it was") {
  CalendarIndex idx = index_of(json::array({post("1", "2026-05-10T10:00:00Z"), post("2", "2026-05-11T10:00:00Z")}));
  const std::string before = view(idx, {{"view", "month"}, {"date", "2026-05-01"}}).dump();
  json moved = post("1", "2026-05-20T10:00:00Z");
  json damaged = post("3", "2026-05-12T10:00:00Z");
  damaged["status"] = "on_fire";
  auto r = idx.upsert(json::array({moved, damaged}));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().errors.count("1.status") == 1);
  CHECK(view(idx, {{"view", "month"}, {"date", "2026-05-01"}}).dump() == before);
  auto twice = idx.upsert(json::array({moved, post("1", "2026-05-21T10:00:00Z")}));
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().errors.count("1.id") == 1);
  CHECK(view(idx, {{"view", "month"}, {"date", "2026-05-01"}}).dump() == before);
  CHECK_FALSE(idx.upsert(json::object()).ok());
  // Text in: bounded and parsed like a load; out: the summary, or an error answer.
  CHECK(json::parse(idx.upsert_json("[{")).contains("error"));
  const json ok = json::parse(idx.upsert_json(json::array({moved}).dump()));
  CHECK(ok["posts"] == 2);
  CHECK(ok["last"] == "2026-05-20T10:00:00Z");
}

TEST_CASE("calendar remove: every post, then none; bad ids refuse the list and change nothing") {
  CalendarIndex idx = index_of(json::array({post("1", "2026-05-10T10:00:00Z", "scheduled", "acc1", "x", {"l1"}), post("2", nullptr, "draft"),
                                            post("3", "2026-05-10T10:00:00Z")}));
  const std::string before = view(idx, {{"view", "month"}, {"date", "2026-05-01"}}).dump();
  auto bad = idx.remove(json::array({"1", json::object()}));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().errors.count("1") == 1);
  CHECK(idx.size() == 3);
  CHECK(view(idx, {{"view", "month"}, {"date", "2026-05-01"}}).dump() == before);
  CHECK_FALSE(idx.remove(json("1")).ok());
  CHECK(json::parse(idx.remove_json("[1,")).contains("error"));
  auto r = idx.remove(json::array({1, "2", "404"}));
  REQUIRE(r.ok());
  CHECK(r.value()["posts"] == 1);
  CHECK_FALSE(idx.find("1").has_value());
  CHECK(idx.find("3").has_value());
  CHECK(json::parse(idx.remove_json("[\"3\"]"))["posts"] == 0);
  const json empty = view(idx, {{"view", "month"}, {"date", "2026-05-01"}, {"details", true}});
  CHECK(empty["posts"].empty());
  CHECK(empty["unscheduled"].empty());
  // The emptied index takes posts again.
  REQUIRE(idx.upsert(json::array({post("3", "2026-05-11T10:00:00Z")})).ok());
  CHECK(idx.find("3")->time.has_value());
}

TEST_CASE("calendar upsert into an index never loaded") {
  CalendarIndex idx;
  auto r = idx.upsert(json::array({post("7", "2026-05-10T10:00:00Z", "scheduled", "acc1", "x", {"l1"}), post("d", nullptr, "draft")}));
  REQUIRE(r.ok());
  CHECK(r.value()["posts"] == 2);
  const json v = view(idx, {{"view", "month"}, {"date", "2026-05-01"}, {"filters", {{"labels", {"l1"}}}}});
  CHECK(v.dump().find("\"7\"") != std::string::npos);
  CHECK(v["unscheduled"] == json::array());
}

}  // namespace calendar_index_test
