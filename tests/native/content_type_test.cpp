#include <doctest/doctest.h>

#include <set>

#include "trypost/content_type.hpp"
#include "trypost/counting.hpp"
#include "validation_fixtures.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace content_type_test {

using namespace trypost;
using namespace trypost::testing;
using nlohmann::json;

namespace {
struct Expect {
  const char* value;
  int min, max;
  bool requires_media, img, vid, doc, gif, no_mix;
  json duration, image_bytes, video_bytes, document_bytes;
};
// The documented catalog (docs/api-contract.md#content-types), typed independently of src/content_type.cpp.
const std::vector<Expect>& expected() {
  static const std::vector<Expect> rows{
      {"linkedin_post", 0, 10, false, true, true, true, false, true, 600, 5242880, 1073741824, 104857600},
      {"linkedin_page_post", 0, 10, false, true, true, true, false, true, 600, 5242880, 1073741824, 104857600},
      {"x_post", 0, 4, false, true, true, false, true, false, 140, 5242880, 536870912, nullptr},
      {"facebook_post", 0, 10, false, true, true, false, false, false, 14400, 4194304, 1073741824, nullptr},
      {"facebook_reel", 0, 1, true, false, true, false, false, false, 90, nullptr, 1073741824, nullptr},
      {"facebook_story", 0, 1, true, false, true, false, false, false, 60, nullptr, 1073741824, nullptr},
      {"instagram_feed", 0, 10, true, true, true, false, false, false, 60, 8388608, 104857600, nullptr},
      {"instagram_reel", 0, 1, true, false, true, false, false, false, 900, nullptr, 1073741824, nullptr},
      {"instagram_story", 0, 1, true, true, true, false, false, false, 60, 8388608, 104857600, nullptr},
      {"tiktok_video", 0, 1, true, false, true, false, false, false, nullptr, nullptr, nullptr, nullptr},
      {"tiktok_photo", 1, 35, true, true, false, false, false, false, nullptr, nullptr, nullptr, nullptr},
      {"youtube_short", 0, 1, true, false, true, false, false, false, 180, nullptr, 1073741824, nullptr},
      {"threads_post", 0, 10, false, true, true, false, false, false, 300, 8388608, 1073741824, nullptr},
      {"pinterest_pin", 0, 1, true, true, false, false, false, false, nullptr, 10485760, nullptr, nullptr},
      {"pinterest_video_pin", 0, 1, true, false, true, false, false, false, 900, nullptr, 1073741824, nullptr},
      {"pinterest_carousel", 2, 5, true, true, false, false, false, false, nullptr, 10485760, nullptr, nullptr},
      {"bluesky_post", 0, 4, false, true, true, false, true, true, 60, nullptr, 104857600, nullptr},
      {"mastodon_post", 0, 4, false, true, true, false, true, false, nullptr, 10485760, 41943040, nullptr},
      {"telegram_post", 0, 10, false, true, true, false, true, false, nullptr, nullptr, nullptr, nullptr},
      {"discord_message", 0, 10, false, true, true, false, true, false, nullptr, nullptr, nullptr, nullptr},
  };
  return rows;
}
const json& row_of(const json& catalog, const std::string& platform) {
  for (const auto& r : catalog["platforms"])
    if (r["platform"] == platform) return r;
  FAIL("no row for " << platform);
  return catalog;
}
}  // namespace

TEST_CASE("the catalog has 14 platform rows, and every content type sits under its platforms") {
  const json c = content_types_catalog();
  REQUIRE(c["platforms"].size() == 14);
  std::set<std::string> values;
  for (const auto& row : c["platforms"]) {
    for (const char* k : {"platform", "label", "max_content_length", "recommended_content_length", "allowed_media_types",
                          "default_content_type", "content_types"})
      CHECK_MESSAGE(row.contains(k), k);
    bool default_listed = false;
    for (const auto& t : row["content_types"]) {
      values.insert(t["value"].get<std::string>());
      default_listed = default_listed || t["value"] == row["default_content_type"];
    }
    CHECK(default_listed);
  }
  CHECK(values.size() == 20);
  // The Instagram types serve both Instagram flavours.
  for (const char* p : {"instagram", "instagram-facebook"}) {
    const auto& r = row_of(c, p);
    REQUIRE(r["content_types"].size() == 3);
    CHECK(r["content_types"][0]["value"] == "instagram_feed");
  }
  CHECK(row_of(c, "instagram-facebook")["label"] == "Instagram (Facebook Business)");
  CHECK(row_of(c, "tiktok")["allowed_media_types"] == json::array({"video"}));
  CHECK(content_type_fits(ContentType::instagram_reel, Platform::instagram_facebook));
  CHECK_FALSE(content_type_fits(ContentType::linkedin_post, Platform::linkedin_page));
}

TEST_CASE("the documented LinkedIn row comes out exactly") {
  const json c = content_types_catalog();
  const auto& r = row_of(c, "linkedin");
  CHECK(r["max_content_length"] == 3000);
  CHECK(r["recommended_content_length"] == 1200);
  CHECK(r["allowed_media_types"] == json::array({"image", "video", "document"}));
  CHECK(r["default_content_type"] == "linkedin_post");
  const auto& t = r["content_types"][0];
  CHECK(t["value"] == "linkedin_post");
  CHECK(t["max_media_count"] == 10);
  CHECK(t["min_media_count"] == 0);
  CHECK(t["requires_media"] == false);
  CHECK(t["accept_documents"] == true);
  CHECK(t["accepts_gif"] == false);
  CHECK(t["forbids_mixed_media"] == true);
  CHECK(t["max_video_duration_sec"] == 600);
  CHECK(t["max_image_bytes"] == 5242880);
  CHECK(t["max_video_bytes"] == 1073741824);
  CHECK(t["max_document_bytes"] == 104857600);
}

TEST_CASE("every content type row matches the reference table") {
  const json c = content_types_catalog();
  for (const auto& e : expected()) {
    CAPTURE(e.value);
    const auto type = parse_content_type(e.value);
    REQUIRE(type);
    const json t = to_json(content_type_info(*type));
    CHECK(t["min_media_count"] == e.min);
    CHECK(t["max_media_count"] == e.max);
    CHECK(t["requires_media"] == e.requires_media);
    CHECK(t["accept_images"] == e.img);
    CHECK(t["accept_videos"] == e.vid);
    CHECK(t["accept_documents"] == e.doc);
    CHECK(t["accepts_gif"] == e.gif);
    CHECK(t["forbids_mixed_media"] == e.no_mix);
    CHECK(t["max_video_duration_sec"] == e.duration);
    CHECK(t["max_image_bytes"] == e.image_bytes);
    CHECK(t["max_video_bytes"] == e.video_bytes);
    CHECK(t["max_document_bytes"] == e.document_bytes);
    // The platform row's cap is the counting module's, not a second copy.
    for (const auto p : platforms_of(*type)) {
      const auto& row = row_of(c, std::string(to_string(p)));
      if (row["default_content_type"] == e.value) CHECK(row["max_content_length"] == max_content_length(*type));
    }
  }
}

TEST_CASE("alt-text maxima per platform") {
  CHECK(platform_info(Platform::bluesky).alt_text_max_length == 2000);
  CHECK(platform_info(Platform::x).alt_text_max_length == 1000);
  CHECK(platform_info(Platform::mastodon).alt_text_max_length == 1500);
  CHECK(platform_info(Platform::linkedin_page).alt_text_max_length == 4086);
  CHECK(platform_info(Platform::pinterest).alt_text_max_length == 500);
  CHECK(platform_info(Platform::discord).alt_text_max_length == 1024);
  CHECK_FALSE(platform_info(Platform::telegram).alt_text_max_length.has_value());
}

// Per content type, on PUT status=publishing: counts, kinds and caps at their boundaries.
TEST_CASE("media counts per content type: max passes, max+1 fails; min-1 fails") {
  for (const auto& e : expected()) {
    CAPTURE(e.value);
    const auto t = *parse_content_type(e.value);
    const std::string kind = e.img ? "image" : "video";
    CHECK(publish_with_media(t, items(kind, e.max)).valid());
    const auto over = publish_with_media(t, items(kind, e.max + 1));
    CHECK(over.status == 422);
    CHECK(has_error(over, "platforms.0.content_type"));
    if (e.min > 1) {
      CHECK(publish_with_media(t, items(kind, e.min)).valid());
      CHECK(has_error(publish_with_media(t, items(kind, e.min - 1)), "platforms.0.content_type"));
    }
    const auto none = publish_with_media(t, json::array());
    CHECK(none.valid() == !e.requires_media);
    if (e.requires_media)
      CHECK(none.error.errors.at("platforms.0.content_type").front() ==
            "The " + std::string(e.value) + " content type requires media.");
  }
}

TEST_CASE("media kinds, GIFs and mixing per content type") {
  for (const auto& e : expected()) {
    CAPTURE(e.value);
    const auto t = *parse_content_type(e.value);
    const int n = std::max(e.min, 1);
    CHECK(publish_with_media(t, items("image", n)).valid() == e.img);
    CHECK(publish_with_media(t, items("video", 1)).valid() == (e.vid && e.min <= 1));
    CHECK(publish_with_media(t, json::array({item("document", 1000, "application/pdf")})).valid() == (e.doc && e.min <= 1));
    json gifs = json::array();
    for (int i = 0; i < n; ++i) gifs.push_back(item("image", 1000, "image/gif"));
    CHECK(publish_with_media(t, gifs).valid() == (e.img && e.gif));
    if (e.img && e.vid && e.max >= 2) {
      const auto mixed = publish_with_media(t, json::array({item("image"), item("video")}));
      CHECK(mixed.valid() == !e.no_mix);
    }
  }
  // A document must travel alone.
  const auto doc_and_image =
      publish_with_media(ContentType::linkedin_post, json::array({item("document"), item("document")}));
  CHECK(has_error(doc_and_image, "platforms.0.content_type"));
}

TEST_CASE("byte caps per content type and media kind: cap passes, cap+1 fails at media.N") {
  for (const auto& e : expected()) {
    CAPTURE(e.value);
    const auto t = *parse_content_type(e.value);
    const auto& info = content_type_info(t);
    for (const auto kind : {MediaKind::image, MediaKind::video, MediaKind::document}) {
      if (!info.accepts(kind)) continue;
      CAPTURE(to_string(kind));
      const std::int64_t cap = info.max_bytes(kind).value_or(upload_cap(kind));
      const int n = kind == MediaKind::image ? std::max(e.min, 1) : 1;
      json at_cap = items(std::string(to_string(kind)), n);
      json over = at_cap;
      at_cap[0]["size"] = cap;
      over[0]["size"] = cap + 1;
      CHECK(publish_with_media(t, at_cap).valid());
      const auto r = publish_with_media(t, over);
      REQUIRE(has_error(r, "media.0"));
      CHECK(r.error.errors.at("media.0").front().find(std::string(e.value)) != std::string::npos);
    }
  }
}

TEST_CASE("video durations per content type: max passes, a fraction over fails") {
  for (const auto& e : expected()) {
    if (!e.vid || e.duration.is_null()) continue;
    CAPTURE(e.value);
    const auto t = *parse_content_type(e.value);
    const auto max = e.duration.get<std::int64_t>();
    CHECK(publish_with_media(t, json::array({item("video", 1000, "video/mp4", max)})).valid());
    CHECK(has_error(publish_with_media(t, json::array({item("video", 1000, "video/mp4", max + 1)})), "media.0"));
    CHECK(has_error(publish_with_media(t, json::array({item("video", 1000, "video/mp4", double(max) + 0.5)})), "media.0"));
  }
  // x_post: 140 s; the message names both numbers.
  const auto r = publish_with_media(ContentType::x_post, json::array({item("video", 1000, "video/mp4", 141)}));
  CHECK(r.error.errors.at("media.0").front() == "The video lasts 141 s; x_post accepts videos up to 140 s.");
}

TEST_CASE("media kind comes from type, else MIME, else the file name") {
  json by_mime{{"url", "https://cdn.example.com/a"}, {"mime_type", "video/mp4"}};
  CHECK(has_error(publish_with_media(ContentType::pinterest_pin, json::array({by_mime})), "platforms.0.content_type"));
  json by_name{{"url", "https://cdn.example.com/a"}, {"original_filename", "clip.MOV"}};
  CHECK(has_error(publish_with_media(ContentType::pinterest_pin, json::array({by_name})), "platforms.0.content_type"));
  json gif_by_name{{"url", "https://cdn.example.com/a.gif"}};
  CHECK(has_error(publish_with_media(ContentType::instagram_feed, json::array({gif_by_name})), "platforms.0.content_type"));
}

}  // namespace content_type_test
