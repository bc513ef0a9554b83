// The words a person reads for a post status: one table in the core, carried by the calendar
// view every renderer paints (dashboard, widget, offline preview) and by the display names.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "calendar_fixtures.hpp"
#include "trypost/platform.hpp"
#include "trypost/wording.hpp"

namespace status_words_test {

using namespace trypost;
using namespace calendar_fixtures;

TEST_CASE("status words: every post status has its own plain words, without the API's underscores") {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < kPostStatusCount; ++i) {
    const auto s = PostStatus(i);
    const std::string words(display_name(s));
    CAPTURE(to_string(s));
    CHECK_FALSE(words.empty());
    CHECK(words.find('_') == std::string::npos);
    CHECK(parse_post_status(to_string(s)) == s);
    seen.insert(words);
  }
  CHECK(seen.size() == kPostStatusCount);
  CHECK(display_name(PostStatus::partially_published) == "partially published");
  CHECK(display_name(PostStatus::scheduled) == "scheduled");
}

TEST_CASE("status words: the calendar view's answer carries every status, in the filter's order") {
  const auto idx = index_of(json::array({post("1", "2026-05-11T09:30:00Z", "partially_published"),
                                         post("2", "2026-05-12T09:30:00Z", "draft")}));
  for (const char* v : {"month", "week", "day", "list"}) {
    CAPTURE(v);
    const json answer = view(idx, json{{"view", v}, {"date", "2026-05-11"}, {"details", true}});
    REQUIRE(answer.contains("statuses"));
    const json& words = answer["statuses"];
    REQUIRE(words.size() == kPostStatusCount);
    for (auto it = words.begin(); it != words.end(); ++it) {
      CAPTURE(it.key());
      REQUIRE(parse_post_status(it.key()).has_value());
      CHECK(*it == std::string(display_name(*parse_post_status(it.key()))));
    }
    CHECK(words["partially_published"] == "partially published");
  }
  // The order a person sees the filter's options in, read from the text (a parsed object sorts
  // its keys). The last "statuses" is the words; the counts' comes before it.
  const std::string text = idx.view_string(*calendar_query_from_json(json{{"view", "month"}, {"date", "2026-05-11"}, {"details", true}}));
  std::size_t at = text.rfind("\"statuses\":{");
  REQUIRE(at != std::string::npos);
  const std::string first = R"("statuses":{"draft":"draft")";
  CHECK(text.compare(at, first.size(), first) == 0);
  for (std::size_t i = 1; i < kPostStatusCount; ++i) {
    const std::size_t next = text.find('"' + std::string(to_string(PostStatus(i))) + "\":\"", at);
    CAPTURE(to_string(PostStatus(i)));
    CHECK(next != std::string::npos);
    CHECK(next > at);
    at = next;
  }
  // Without details the answer stays lean: no words at all.
  const json bare = view(idx, json{{"view", "month"}, {"date", "2026-05-11"}});
  CHECK_FALSE(bare.contains("statuses"));
}

TEST_CASE("status words: the display names and the calendar view say the same words") {
  const json names = display_names();
  const auto idx = index_of(json::array({post("1", "2026-05-11T09:30:00Z")}));
  const json answer = view(idx, json{{"view", "month"}, {"date", "2026-05-11"}, {"details", true}});
  CHECK(names["statuses"] == answer["statuses"]);
}

}  // namespace status_words_test
