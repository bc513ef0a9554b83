#include <doctest/doctest.h>

#include "trypost/post.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace post_test {

using namespace trypost;
using nlohmann::json;

TEST_CASE("a post from the API parses, both time formats, and writes back in the API shape") {
  const auto j = json::parse(R"({
    "id": "p1", "content": "Hello", "status": "scheduled",
    "scheduled_at": "2026-05-10 15:30:00", "published_at": null,
    "media": [{"id": "m1", "path": "medias/a.jpg", "url": "https://x/a.jpg", "type": "image",
               "mime_type": "image/jpeg", "original_filename": "a.jpg", "meta": []}],
    "platforms": [{"id": "pp1", "platform": "x", "content_type": "x_post", "meta": {},
                   "status": "pending", "enabled": true, "social_account": {"id": "acc1"},
                   "display_name": "A", "display_username": "@a", "display_avatar": ""}],
    "labels": [{"id": "l1", "name": "Promo", "color": "#4f46e5"}],
    "created_at": "2026-05-01T10:00:00Z", "updated_at": "2026-05-01 10:00:00"})");
  const auto p = post_from_json(j);
  REQUIRE(p.ok());
  CHECK(p->status == PostStatus::scheduled);
  CHECK(format_api_time(*p->scheduled_at) == "2026-05-10 15:30:00");
  CHECK(p->platforms.at(0).social_account_id == "acc1");
  CHECK(p->media.at(0).meta.empty());
  CHECK(calendar_time(*p) == p->scheduled_at);
  const auto out = to_json(*p);
  CHECK(out["created_at"] == "2026-05-01 10:00:00");
  CHECK(out["platforms"][0]["content_type"] == "x_post");
  CHECK(post_from_json(out).ok());
}

TEST_CASE("wrong types and unknown enums become field errors with dotted paths") {
  const auto p = post_from_json(json::parse(R"({"id": 5, "status": "queued",
      "platforms": [{"id": "pp", "platform": "myspace", "content_type": "x_post"}],
      "scheduled_at": "2026-02-30 10:00:00"})"), "data.2");
  REQUIRE_FALSE(p.ok());
  const auto& e = p.error().errors;
  CHECK(e.count("data.2.id") == 1);
  CHECK(e.count("data.2.status") == 1);
  CHECK(e.count("data.2.platforms.0.platform") == 1);
  CHECK(e.at("data.2.scheduled_at").at(0) == "The data.2.scheduled at field is not a real calendar date.");
  CHECK(p.error().status == 422);
  CHECK_FALSE(post_from_json(json::array()).ok());
  CHECK_FALSE(post_from_json(json("text")).ok());
}

TEST_CASE("enum spellings round-trip") {
  for (auto p : all_platforms()) CHECK(parse_platform(to_string(p)) == p);
  for (auto t : all_content_types()) CHECK(parse_content_type(to_string(t)) == t);
  CHECK(to_string(Platform::instagram_facebook) == "instagram-facebook");
  CHECK(is_hex_color("#A0b1C2"));
  CHECK_FALSE(is_hex_color("#A0b1C"));
  CHECK_FALSE(is_hex_color("A0b1C2f"));
}

}  // namespace post_test
