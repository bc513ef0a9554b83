#include <doctest/doctest.h>

#include "trypost/calendar.hpp"
#include "trypost/snapshot.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace calendar_snapshot_test {

using namespace trypost;
using nlohmann::json;

namespace {
json workspace_export() {
  return json{
      {"workspace",
       {{"name", "Acme"}, {"logo_url", "https://cdn.example/logo.png"},
        {"brand", {{"primary", "#4f46e5"}, {"background", "#ffffff"}, {"text", "#111111"}}},
        {"api_key", "tp_secret"}}},
      {"accounts", json::array({json{{"id", "acc1"}, {"platform", "x"}, {"display_name", "Acme"}, {"username", "@acme"},
                                     {"is_active", true}, {"status", "connected"}, {"access_token", "abc"}}})},
      {"labels", json::array({json{{"id", "l1"}, {"name", "Promo"}, {"color", "#22c55e"}}})},
      {"posts", json::array({json{{"id", "p1"}, {"status", "scheduled"}, {"content", "Hi"}, {"scheduled_at", "2026-05-10 15:30:00"},
                                  {"platforms", json::array({json{{"id", "pp1"}, {"platform", "x"}, {"content_type", "x_post"},
                                                                  {"meta", {{"board_id", "b1"}, {"webhookSecret", "s"}, {"keywords", "k"}}},
                                                                  {"social_account", {{"id", "acc1"}}}}})},
                                  {"labels", json::array({json{{"id", "l1"}, {"name", "Promo"}, {"color", "#22c55e"}}})}}})},
  };
}

bool mentions(const json& j, const std::string& needle) { return j.dump().find(needle) != std::string::npos; }
}  // namespace

TEST_CASE("calendar snapshot export keeps what a preview paints and no credential") {
  CHECK(is_secret_field_name("api_key"));
  CHECK(is_secret_field_name("apiKey"));
  CHECK(is_secret_field_name("refresh_token"));
  CHECK(is_secret_field_name("client-secret"));
  CHECK(is_secret_field_name("Authorization"));
  CHECK(is_secret_field_name("password"));
  CHECK_FALSE(is_secret_field_name("keywords"));
  CHECK_FALSE(is_secret_field_name("monkey"));
  CHECK_FALSE(is_secret_field_name("author"));
  CHECK_FALSE(is_secret_field_name("board_id"));

  const json file = json::parse(export_snapshot_json(workspace_export().dump()));
  REQUIRE_FALSE(file.contains("error"));
  CHECK(file["format"] == "trypost-calendar-snapshot");
  CHECK(file["version"] == 1);
  CHECK(file["workspace"]["name"] == "Acme");
  CHECK(file["workspace"]["brand"]["primary"] == "#4f46e5");
  CHECK(file["workspace"]["logo_url"] == "https://cdn.example/logo.png");
  CHECK(file["accounts"][0]["username"] == "@acme");
  CHECK(file["labels"][0]["color"] == "#22c55e");
  CHECK(file["posts"][0]["platforms"][0]["meta"]["board_id"] == "b1");
  CHECK(file["posts"][0]["platforms"][0]["meta"]["keywords"] == "k");
  CHECK_FALSE(mentions(file, "tp_secret"));
  CHECK_FALSE(mentions(file, "access_token"));
  CHECK_FALSE(mentions(file, "webhookSecret"));

  json bad = workspace_export();
  bad["workspace"]["brand"]["primary"] = "blue";
  CHECK(json::parse(export_snapshot_json(bad.dump())).contains("error"));
}

TEST_CASE("calendar snapshot import: round trip, newer versions and damage refused whole") {
  const std::string text = export_snapshot_json(workspace_export().dump());
  auto s = read_snapshot_file(text);
  REQUIRE(s.ok());
  CHECK(s->posts.size() == 1);
  CHECK(s->brand.text == "#111111");
  CHECK(json::parse(import_snapshot_json(text)) == json::parse(text));

  json newer = json::parse(text);
  newer["version"] = 2;
  auto n = import_snapshot(newer);
  REQUIRE_FALSE(n.ok());
  CHECK(n.error().message.find("newer") != std::string::npos);
  json current = json::parse(text);
  current["version"] = 1;
  CHECK(import_snapshot(current).ok());

  auto cut = read_snapshot_file(text.substr(0, text.size() / 2));
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().message.find("damaged") != std::string::npos);

  json fewer = json::parse(text);
  fewer["posts"] = json::array();
  auto f = import_snapshot(fewer);
  REQUIRE_FALSE(f.ok());
  CHECK(f.error().errors.count("counts.posts") == 1);

  json broken = json::parse(text);
  broken["posts"][0]["scheduled_at"] = "2026-02-30 10:00:00";
  auto b = import_snapshot(broken);
  REQUIRE_FALSE(b.ok());
  CHECK(b.error().errors.count("posts.0.scheduled_at") == 1);

  json other = json::parse(text);
  other["format"] = "something-else";
  CHECK(import_snapshot(other).error().message.find("not a TryPost calendar snapshot") != std::string::npos);
  json zero = json::parse(text);
  zero["version"] = 0;
  CHECK_FALSE(import_snapshot(zero).ok());

  // The calendar index loads a snapshot directly, and refuses a damaged one without changing.
  CalendarIndex idx;
  REQUIRE(idx.load(json::parse(text)).ok());
  CHECK(idx.size() == 1);
  CHECK(json::parse(idx.load_json(broken.dump())).contains("error"));
  CHECK(idx.size() == 1);
}

}  // namespace calendar_snapshot_test
