#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "trypost/layout.hpp"

#include "calendar_fixtures.hpp"
#include "trypost/calendar.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace calendar_view_test {

using namespace trypost;
using namespace calendar_fixtures;
using nlohmann::json;

TEST_CASE("calendar layout: row caps with +N more, overlap columns from a nominal duration") {
  CHECK(cut_rows(3, 3).visible == 3);
  CHECK(cut_rows(3, 3).hidden == 0);
  CHECK(cut_rows(4, 3).visible == 2);
  CHECK(cut_rows(4, 3).hidden == 2);
  CHECK(cut_rows(10, 0).visible == 10);
  CHECK(cut_rows(2, 1).visible == 0);
  CHECK(cut_rows(2, 1).hidden == 2);

  // 09:00, 09:10, 09:20 overlap (30 min each); 09:30 reuses column 0; 11:00 stands alone.
  const std::vector<SlotSpan> spans = {{540, 570}, {550, 580}, {560, 590}, {570, 600}, {660, 690}};
  const auto placed = place_in_columns(spans);
  CHECK(placed[0].column == 0);
  CHECK(placed[1].column == 1);
  CHECK(placed[2].column == 2);
  CHECK(placed[3].column == 0);
  for (int i = 0; i < 4; ++i) CHECK(placed[std::size_t(i)].columns == 3);
  CHECK(placed[4].column == 0);
  CHECK(placed[4].columns == 1);
  // Touching is not overlapping.
  const std::vector<SlotSpan> touching = {{0, 30}, {30, 60}};
  CHECK(place_in_columns(touching)[1].columns == 1);

  json posts = json::array();
  for (int i = 0; i < 5; ++i) posts.push_back(post("p" + std::to_string(i), "2026-05-12T09:00:00Z"));
  posts.push_back(post("q", "2026-05-12T09:29:00Z"));
  posts.push_back(post("r", "2026-05-12T09:30:00Z"));
  CalendarIndex idx = index_of(posts);
  const json m = view(idx, {{"view", "month"}, {"date", "2026-05-12"}, {"max_rows", 3}});
  json cell;
  for (const auto& w : m["weeks"])
    for (const auto& d : w["days"])
      if (d["date"] == "2026-05-12") cell = d;
  CHECK(cell["post_ids"] == json::array({"p0", "p1"}));
  CHECK(cell["hidden"] == 5);
  const json d = view(idx, {{"view", "day"}, {"date", "2026-05-12"}, {"max_columns", 4}});
  CHECK(d["hidden"] == 2);  // p4 and q need columns 4 and 5
  REQUIRE(d["items"].size() == 5);
  CHECK(d["items"].back()["post_id"] == "r");
  CHECK(d["items"].back()["column"] == 0);
  const json d30 = view(idx, {{"view", "day"}, {"date", "2026-05-12"}, {"duration_minutes", 31}});
  CHECK(d30["items"].back()["column"] == 6);  // with 31 minutes, r touches every earlier post
  const json w = view(idx, {{"view", "week"}, {"date", "2026-05-12"}, {"max_rows", 2}});
  CHECK(w["weeks"][0]["days"][1]["hidden"] == 6);
  CHECK(w["weeks"][0]["days"][1]["post_ids"].size() == 1);
  CHECK(w["weeks"][0]["days"][1]["items"].size() == 7);
}

TEST_CASE("calendar filters: AND across kinds, any-of within a kind, facet counts") {
  CalendarIndex idx = index_of(json::array({post("1", "2026-05-04T10:00:00Z", "scheduled", "acc1", "x", {"red"}),
                                            post("2", "2026-05-05T10:00:00Z", "draft", "acc2", "linkedin", {"red", "blue"}),
                                            post("3", "2026-05-06T10:00:00Z", "scheduled", "acc2", "x", {"blue"}),
                                            post("4", "2026-05-07T10:00:00Z", "published", "acc1", "x", {}),
                                            post("5", "2026-07-07T10:00:00Z", "scheduled", "acc1", "x", {"red"})}));
  auto ids = [&](json filters) {
    std::vector<std::string> out;
    const json v = view(idx, {{"view", "month"}, {"date", "2026-05-01"}, {"filters", filters}});
    for (const auto& w : v["weeks"])
      for (const auto& d : w["days"])
        for (const auto& id : d["post_ids"]) out.push_back(id);
    return out;
  };
  CHECK(ids(json::object()) == std::vector<std::string>{"1", "2", "3", "4"});
  CHECK(ids({{"labels", {"red"}}}) == std::vector<std::string>{"1", "2"});
  CHECK(ids({{"labels", {"red", "blue"}}}) == std::vector<std::string>{"1", "2", "3"});
  CHECK(ids({{"labels", {"red"}}, {"accounts", {"acc2"}}}) == std::vector<std::string>{"2"});
  CHECK(ids({{"platforms", {"x"}}, {"statuses", {"scheduled"}}}) == std::vector<std::string>{"1", "3"});
  CHECK(ids({{"labels", {"nope"}}}).empty());
  const json v = view(idx, {{"view", "month"}, {"date", "2026-05-01"}, {"filters", {{"labels", {"red"}}}}});
  // Label counts ignore the label filter itself; other kinds count only red posts. July is out of range.
  CHECK(v["counts"]["labels"] == json{{"red", 2}, {"blue", 2}});
  CHECK(v["counts"]["statuses"] == json{{"scheduled", 1}, {"draft", 1}});
  CHECK(v["counts"]["accounts"] == json{{"acc1", 1}, {"acc2", 1}});
  CHECK(v["counts"]["platforms"] == json{{"x", 1}, {"linkedin", 1}});
  CHECK_FALSE(calendar_query_from_json({{"view", "month"}, {"date", "2026-05-01"}, {"filters", {{"platforms", {"myspace"}}}}}).ok());
}

TEST_CASE("calendar list view pages chronologically with a cursor") {
  json posts = json::array();
  for (int i = 0; i < 7; ++i) posts.push_back(post("p" + std::to_string(i), i < 3 ? "2026-05-01T10:00:00Z" : "2026-05-02T08:00:00Z"));
  posts.push_back(post("old", "2026-04-01T10:00:00Z"));
  posts.push_back(post("u", nullptr, "draft"));
  CalendarIndex idx = index_of(posts);
  std::vector<std::string> seen;
  json q{{"view", "list"}, {"date", "2026-05-01"}, {"page_size", 3}};
  int pages = 0;
  for (;;) {
    const json page = view(idx, q);
    ++pages;
    CHECK(page["items"].size() <= 3);
    for (const auto& it : page["items"]) seen.push_back(it["post_id"]);
    if (pages == 1) CHECK(page["unscheduled"] == json::array({"u"}));
    else CHECK_FALSE(page.contains("unscheduled"));
    if (page["next"].is_null()) break;
    q["cursor"] = page["next"];
    REQUIRE(pages < 10);
  }
  CHECK(pages == 3);
  CHECK(seen == std::vector<std::string>{"p0", "p1", "p2", "p3", "p4", "p5", "p6"});
  CHECK(view(idx, {{"view", "list"}, {"page_size", 1}})["items"][0]["post_id"] == "old");
  // The unscheduled list is capped too, with or without filters, and says how many it left out.
  const json capped = view(idx, {{"view", "day"}, {"date", "2026-05-01"}, {"unscheduled_limit", 0}});
  CHECK(capped["unscheduled"].empty());
  CHECK(capped["unscheduled_hidden"] == 1);
  const json capped_f = view(idx, {{"view", "day"}, {"date", "2026-05-01"}, {"unscheduled_limit", 0}, {"filters", {{"platforms", {"x"}}}}});
  CHECK(capped_f["unscheduled_hidden"] == 1);
  CHECK(view(idx, {{"view", "day"}, {"date", "2026-05-01"}, {"unscheduled_limit", 1}})["unscheduled"] == json::array({"u"}));
  CHECK_FALSE(calendar_query_from_json({{"view", "list"}, {"cursor", "garbage"}}).ok());
}

}  // namespace calendar_view_test
