// Wall times typed in a display zone, to UTC: the ordinary case, the spring-forward gap (refused
// with the reason) and the autumn overlap (the first instant, said).
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "trypost/wall_time.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace wall_time_test {

using namespace trypost;
using nlohmann::json;

namespace {
UtcSeconds at(const char* iso) { return parse_time(iso).value.value(); }

// Europe/Paris around 2026-2027: +01:00 in winter, +02:00 in summer.
const json kParis{{"name", "Europe/Paris"},
                  {"transitions", json::array({json{{"at_utc", "2026-03-29T01:00:00Z"}, {"offset_seconds", 7200}},
                                               json{{"at_utc", "2026-01-01T00:00:00Z"}, {"offset_seconds", 3600}},
                                               json{{"at_utc", "2026-10-25T01:00:00Z"}, {"offset_seconds", 3600}},
                                               json{{"at_utc", "2027-03-28T01:00:00Z"}, {"offset_seconds", 7200}}})}};
const json kTokyo{{"name", "Asia/Tokyo"}, {"transitions", json::array({json{{"at_utc", 0}, {"offset_seconds", 32400}}})}};

json ask(const json& zone, const char* local) { return json::parse(wall_time_json(json{{"zone", zone}, {"local", local}}.dump())); }
}  // namespace

TEST_CASE("wall time: an ordinary local time is the instant minus the offset in force") {
  const json tokyo = ask(kTokyo, "2026-12-23T09:00");
  CHECK(tokyo["ok"] == true);
  CHECK(tokyo["kind"] == "ordinary");
  CHECK(tokyo["utc"] == "2026-12-23T00:00:00Z");
  CHECK(tokyo["offset_seconds"] == 32400);
  CHECK(tokyo.contains("message") == false);
  CHECK(ask(kParis, "2026-07-14 12:00")["utc"] == "2026-07-14T10:00:00Z");
  CHECK(ask(kParis, "2026-12-01T12:00:00")["utc"] == "2026-12-01T11:00:00Z");
  // No zone: UTC.
  CHECK(json::parse(wall_time_json(R"({"local":"2026-05-10T15:30"})"))["utc"] == "2026-05-10T15:30:00Z");
}

TEST_CASE("wall time: a time the clocks jump over is refused, saying why and what to pick") {
  const json gap = ask(kParis, "2027-03-28T02:30");
  CHECK(gap["ok"] == false);
  CHECK(gap["kind"] == "gap");
  CHECK(gap["message"] ==
        "02:30 on 28 March 2027 does not exist in Europe/Paris: the clocks go forward from 02:00 to 03:00 that night. "
        "Pick a time before 02:00 or from 03:00.");
  // The minutes either side exist.
  CHECK(ask(kParis, "2027-03-28T01:59")["utc"] == "2027-03-28T00:59:00Z");
  CHECK(ask(kParis, "2027-03-28T03:00")["utc"] == "2027-03-28T01:00:00Z");
  CHECK(ask(kParis, "2027-03-28T02:00")["kind"] == "gap");
}

TEST_CASE("wall time: a time that happens twice takes the first and says so") {
  const json twice = ask(kParis, "2026-10-25T02:30");
  CHECK(twice["ok"] == true);
  CHECK(twice["kind"] == "overlap");
  CHECK(twice["utc"] == "2026-10-25T00:30:00Z");
  CHECK(twice["later_utc"] == "2026-10-25T01:30:00Z");
  CHECK(twice["offset_seconds"] == 7200);
  CHECK(twice["message"] ==
        "02:30 on 25 October 2026 happens twice in Europe/Paris (the clocks go back from 03:00 to 02:00): the first one "
        "is used, 02:30 UTC+02:00 (00:30 UTC).");
  CHECK(ask(kParis, "2026-10-25T03:00")["kind"] == "ordinary");
}

TEST_CASE("wall time: UTC instants are shown on the zone's wall clock") {
  const json shown = json::parse(wall_time_json(json{{"zone", kTokyo}, {"utc", "2026-12-23T00:00:00Z"}}.dump()));
  CHECK(shown["local"] == "2026-12-23T09:00");
  CHECK(shown["date"] == "2026-12-23");
  CHECK(shown["time"] == "09:00");
  CHECK(json::parse(wall_time_json(json{{"zone", kParis}, {"utc", "2026-10-25 01:30:00"}}.dump()))["local"] == "2026-10-25T02:30");
}

TEST_CASE("wall time: an instant in words, in the zone with UTC beside it, UTC's date only when it differs") {
  auto words = [](const json& zone, const char* utc) {
    return json::parse(wall_time_json(json{{"zone", zone}, {"utc", utc}}.dump()))["words"].get<std::string>();
  };
  CHECK(words(kTokyo, "2026-12-23T00:00:00Z") == "23 Dec 2026, 09:00 Asia/Tokyo (00:00 UTC)");
  CHECK(words(kTokyo, "2026-12-22 23:00:00") == "23 Dec 2026, 08:00 Asia/Tokyo (2026-12-22 23:00 UTC)");
  // West of UTC the zone's day may be the day before.
  const json kChicago{{"name", "America/Chicago"}, {"transitions", json::array({json{{"at_utc", 0}, {"offset_seconds", -21600}}})}};
  CHECK(words(kChicago, "2027-01-01T03:15:00Z") == "31 Dec 2026, 21:15 America/Chicago (2027-01-01 03:15 UTC)");
  // Across a clock change the zone's own offset of that instant applies.
  CHECK(words(kParis, "2026-10-25T00:30:00Z") == "25 Oct 2026, 02:30 Europe/Paris (00:30 UTC)");
  CHECK(words(kParis, "2026-10-25T01:30:00Z") == "25 Oct 2026, 02:30 Europe/Paris (01:30 UTC)");
  // No zone: UTC alone, seconds left out; September is "Sept", as en-GB writes it.
  CHECK(words(nullptr, "2026-09-05T07:05:59Z") == "5 Sept 2026, 07:05 UTC");
  CHECK(words(nullptr, "2026-05-10 15:30:00") == "10 May 2026, 15:30 UTC");
}

TEST_CASE("wall time: bad requests name the field") {
  CHECK(json::parse(wall_time_json(R"({"local":"tomorrow"})"))["errors"].contains("local"));
  CHECK(json::parse(wall_time_json(R"({"local":"2027-02-29T10:00"})"))["errors"].contains("local"));
  CHECK(json::parse(wall_time_json(R"({"local":""})"))["error"] == "Pick a date and time.");
  CHECK(json::parse(wall_time_json(R"({"local":"2026-01-01T10:00","zone":{"transitions":"x"}})")).contains("error"));
  CHECK(json::parse(wall_time_json("[]")).contains("error"));
}

}  // namespace wall_time_test
