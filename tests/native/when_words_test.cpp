#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "trypost/reschedule.hpp"
#include "trypost/wall_time.hpp"
#include "trypost/when_words.hpp"

namespace when_words_test {

using namespace trypost;
using nlohmann::json;

UtcSeconds at(const char* iso) { return parse_time(iso).value.value(); }

const ZoneLens kTokyo("Asia/Tokyo", {{0, 32400}});
const json kTokyoJson{{"name", "Asia/Tokyo"}, {"transitions", json::array({json{{"at_utc", 0}, {"offset_seconds", 32400}}})}};

TEST_CASE("when words: one writer, the date in words or as ISO, UTC beside the zone's time") {
  CHECK(when_words(kTokyo, at("2026-12-23T00:00:00Z")) == "23 Dec 2026, 09:00 Asia/Tokyo (00:00 UTC)");
  CHECK(when_words(kTokyo, at("2026-12-23T00:00:00Z"), DateStyle::iso) == "2026-12-23 09:00 Asia/Tokyo (00:00 UTC)");
  // UTC's date only when it is another day than the zone's, in both styles.
  CHECK(when_words(kTokyo, at("2026-12-22T23:00:00Z")) == "23 Dec 2026, 08:00 Asia/Tokyo (2026-12-22 23:00 UTC)");
  CHECK(when_words(kTokyo, at("2026-12-22T23:00:00Z"), DateStyle::iso) ==
        "2026-12-23 08:00 Asia/Tokyo (2026-12-22 23:00 UTC)");
  // UTC by name, by a zone with no offsets, or named UTC with offsets handed over: said once.
  CHECK(when_words(ZoneLens(), at("2026-09-05T07:05:59Z")) == "5 Sept 2026, 07:05 UTC");
  CHECK(when_words(ZoneLens(), at("2026-09-05T07:05:59Z"), DateStyle::iso) == "2026-09-05 07:05 UTC");
  CHECK(when_words(ZoneLens("UTC", {{0, 0}}), at("2026-09-05T07:05:00Z")) == "5 Sept 2026, 07:05 UTC");
}

TEST_CASE("when words: the dashboard's words and a refused move's reason are the same writer's") {
  const UtcSeconds now = at("2026-12-23T01:00:00Z");
  const UtcSeconds late = at("2026-12-22T23:30:00Z");
  const json shown = json::parse(wall_time_json(json{{"zone", kTokyoJson}, {"utc", "2026-12-22T23:30:00Z"}}.dump()));
  CHECK(shown["words"] == when_words(kTokyo, late));
  const MoveSubject draft{"7", PostStatus::draft, {"acc1"}};
  const auto plan = plan_move(draft, late, true, now, {}, kTokyo);
  REQUIRE(plan.reasons.size() == 1);
  CHECK(plan.reasons[0].message == "The new time, " + when_words(kTokyo, late, DateStyle::iso) + ", has already passed (it is now " +
                                       when_words(kTokyo, now, DateStyle::iso) + "): pick a later time.");
}

TEST_CASE("when words: clock and date words on a local clock") {
  CHECK(clock_words(at("2027-03-28T02:30:59Z")) == "02:30");
  CHECK(date_words(at("2027-03-28T02:30:00Z"), MonthNames::long_names) == "28 March 2027");
  CHECK(date_words(at("2027-03-28T02:30:00Z"), MonthNames::short_names) == "28 Mar 2027");
  // Before 1970 the day still counts down from midnight.
  CHECK(clock_words(at("1969-12-31T23:59:00Z")) == "23:59");
}

}  // namespace when_words_test
