#include <doctest/doctest.h>

#include "trypost/json_fields.hpp"
#include "trypost/meta.hpp"
#include "validation_fixtures.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace meta_test {

using namespace trypost;
using namespace trypost::testing;
using nlohmann::json;

namespace {
// POST /posts with one platform entry for `p` and the given meta.
ValidationResult create_with_meta(Platform p, const json& meta) {
  const auto t = platform_info(p).default_content_type;
  return create(json{{"platforms", json::array({{{"social_account_id", "acc-" + std::string(to_string(p))},
                                                 {"content_type", to_string(t)},
                                                 {"meta", meta}}})}});
}
std::string first(const ValidationResult& r, const std::string& path) {
  const auto it = r.error.errors.find(path);
  return it == r.error.errors.end() ? std::string() : it->second.front();
}
}  // namespace

TEST_CASE("string meta keys: limit passes, limit+1 fails") {
  struct Row {
    Platform platform;
    const char* key;
    int max;
  };
  for (const auto& row : {Row{Platform::linkedin, "document_title", 300}, Row{Platform::linkedin_page, "document_title", 300},
                          Row{Platform::pinterest, "title", 100}}) {
    CAPTURE(row.key);
    CHECK(create_with_meta(row.platform, {{row.key, std::string(row.max, 'a')}}).valid());
    const auto r = create_with_meta(row.platform, {{row.key, std::string(row.max + 1, 'a')}});
    CHECK(first(r, std::string("platforms.0.meta.") + row.key) ==
          "The platforms.0.meta." + attribute_name(row.key) + " field must not be greater than " + std::to_string(row.max) +
              " characters.");
    CHECK(first(create_with_meta(row.platform, {{row.key, 5}}), std::string("platforms.0.meta.") + row.key) ==
          "The platforms.0.meta." + attribute_name(row.key) + " field must be a string.");
  }
  // Characters are code points: 300 two-byte letters still pass.
  std::string accented;
  for (int i = 0; i < 300; ++i) accented += "\xC3\xA9";
  CHECK(create_with_meta(Platform::linkedin, {{"document_title", accented}}).valid());
}

TEST_CASE("Pinterest link: an http(s) URL of at most 2048 characters") {
  const std::string base = "https://example.com/";
  CHECK(create_with_meta(Platform::pinterest, {{"link", base + std::string(2048 - base.size(), 'a')}}).valid());
  const auto long_link = create_with_meta(Platform::pinterest, {{"link", base + std::string(2049 - base.size(), 'a')}});
  CHECK(first(long_link, "platforms.0.meta.link") == "The platforms.0.meta.link field must not be greater than 2048 characters.");
  CHECK(create_with_meta(Platform::pinterest, {{"link", "http://example.com"}}).valid());
  for (const char* bad : {"ftp://example.com", "example.com", "https://", "https://exa mple.com", "javascript:alert(1)"}) {
    CAPTURE(bad);
    CHECK(first(create_with_meta(Platform::pinterest, {{"link", bad}}), "platforms.0.meta.link") ==
          "The platforms.0.meta.link field must be a valid URL.");
  }
}

TEST_CASE("enum meta keys take exactly the documented values") {
  for (const auto p : {Platform::facebook, Platform::instagram, Platform::instagram_facebook})
    for (const char* v : {"1:1", "4:5", "16:9", "original"}) CHECK(create_with_meta(p, {{"aspect_ratio", v}}).valid());
  CHECK(first(create_with_meta(Platform::instagram, {{"aspect_ratio", "9:16"}}), "platforms.0.meta.aspect_ratio") ==
        "The selected platforms.0.meta.aspect ratio is invalid.");
  for (const char* v : {"PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY"})
    CHECK(create_with_meta(Platform::tiktok, {{"privacy_level", v}}).valid());
  CHECK(has_error(create_with_meta(Platform::tiktok, {{"privacy_level", "public_to_everyone"}}), "platforms.0.meta.privacy_level"));
}

TEST_CASE("TikTok switches are booleans") {
  for (const char* key : {"allow_comments", "allow_duet", "allow_stitch", "auto_add_music", "is_aigc", "disclose",
                          "brand_content_toggle", "brand_organic_toggle"}) {
    CAPTURE(key);
    CHECK(create_with_meta(Platform::tiktok, {{key, true}}).valid());
    CHECK(first(create_with_meta(Platform::tiktok, {{key, "yes"}}), std::string("platforms.0.meta.") + key) ==
          "The platforms.0.meta." + attribute_name(key) + " field must be true or false.");
  }
}

TEST_CASE("Discord mention tokens that ping nobody are sent, with a notice at the token") {
  json mentions = json::array();
  const char* tokens[] = {"@everyone", "@here", "<@123456789012345678>", "<@&42>",  // ping
                          "everyone", "@Everyone", "<@abc>", "<@&>", "<@>", " @here", "<#123>", "<@12 3>"};
  for (const char* t : tokens) mentions.push_back({{"token", t}});
  const auto r = create_with_meta(Platform::discord, {{"channel_id", "1"}, {"channel_name", "general"}, {"mentions", mentions}});
  CHECK(r.valid());
  CHECK(r.body["platforms"][0]["meta"]["mentions"].size() == mentions.size());  // nothing removed
  std::vector<std::string> paths;
  for (const auto& n : r.notices) paths.push_back(n.path);
  std::vector<std::string> want;
  for (std::size_t i = 4; i < mentions.size(); ++i) want.push_back("platforms.0.meta.mentions." + std::to_string(i) + ".token");
  CHECK(paths == want);
  REQUIRE_FALSE(r.notices.empty());
  CHECK(r.notices.front().message.find("will not ping") != std::string::npos);
  CHECK(discord_mention_pings("<@&987>"));
  CHECK_FALSE(discord_mention_pings(""));
}

TEST_CASE("Discord mentions and embeds") {
  CHECK(create_with_meta(Platform::discord, {{"channel_id", "1"}, {"channel_name", "general"},
                                             {"mentions", json::array({{{"token", "@here"}, {"label", "here"}}})}})
            .valid());
  CHECK(first(create_with_meta(Platform::discord, {{"mentions", json::array({{{"label", "x"}}})}}),
              "platforms.0.meta.mentions.0.token") == "The platforms.0.meta.mentions.0.token field is required.");
  CHECK(has_error(create_with_meta(Platform::discord, {{"mentions", "@here"}}), "platforms.0.meta.mentions"));

  json ten = json::array();
  for (int i = 0; i < 10; ++i) ten.push_back({{"title", "t"}});
  CHECK(create_with_meta(Platform::discord, {{"embeds", ten}}).valid());
  json eleven = ten;
  eleven.push_back({{"title", "t"}});
  CHECK(first(create_with_meta(Platform::discord, {{"embeds", eleven}}), "platforms.0.meta.embeds") ==
        "The platforms.0.meta.embeds field must not have more than 10 items.");

  struct Row {
    const char* field;
    int max;
  };
  for (const auto& row : {Row{"title", 256}, Row{"description", 4096}}) {
    CAPTURE(row.field);
    CHECK(create_with_meta(Platform::discord, {{"embeds", json::array({{{row.field, std::string(row.max, 'a')}}})}}).valid());
    CHECK(has_error(create_with_meta(Platform::discord, {{"embeds", json::array({{{row.field, std::string(row.max + 1, 'a')}}})}}),
                    std::string("platforms.0.meta.embeds.0.") + row.field));
  }
  for (const char* ok : {"#5865F2", "5865f2"})
    CHECK(create_with_meta(Platform::discord, {{"embeds", json::array({{{"color", ok}}})}}).valid());
  for (const char* bad : {"#5865F", "5865F2A", "#GGGGGG", "##5865F2"})
    CHECK(first(create_with_meta(Platform::discord, {{"embeds", json::array({{{"color", bad}}})}}),
                "platforms.0.meta.embeds.0.color") == "The platforms.0.meta.embeds.0.color field format is invalid.");
  CHECK(has_error(create_with_meta(Platform::discord, {{"embeds", json::array({{{"url", "nope"}}})}}), "platforms.0.meta.embeds.0.url"));
  CHECK(has_error(create_with_meta(Platform::discord, {{"embeds", json::array({{{"image", "nope"}}})}}), "platforms.0.meta.embeds.0.image"));
}

TEST_CASE("unknown meta keys are dropped and reported, not refused") {
  const auto r = create_with_meta(Platform::pinterest, {{"board_id", "9"}, {"colour", "red"}, {"aspect_ratio", "1:1"}});
  CHECK(r.valid());
  CHECK(r.dropped == std::vector<std::string>{"platforms.0.meta.aspect_ratio", "platforms.0.meta.colour"});
  CHECK(r.body["platforms"][0]["meta"] == json{{"board_id", "9"}});
  // Platforms without settings keep nothing.
  const auto x = create_with_meta(Platform::x, {{"anything", 1}});
  CHECK(x.valid());
  CHECK(x.body["platforms"][0]["meta"] == json::object());
  // Unknown fields inside embeds go too.
  const auto d = create_with_meta(Platform::discord, {{"embeds", json::array({{{"title", "t"}, {"footer", "f"}}})}});
  CHECK(d.dropped == std::vector<std::string>{"platforms.0.meta.embeds.0.footer"});
}

TEST_CASE("meta merges on update; null deletes a key") {
  const json stored{{"board_id", "1"}, {"title", "Old"}};
  CHECK(merge_meta(stored, {{"title", nullptr}, {"link", "https://a.example"}}) ==
        json{{"board_id", "1"}, {"link", "https://a.example"}});
  CHECK(merge_meta(nullptr, {{"title", "T"}}) == json{{"title", "T"}});
  // Deleting the required key and publishing fails on it.
  const auto post = stored_post(ContentType::pinterest_pin, stored, json::array({item("image")}));
  const auto r = update(post, {{"status", "publishing"}, {"platforms", json::array({{{"id", "pp-0"}, {"meta", {{"board_id", nullptr}}}}})}});
  CHECK(first(r, "platforms.0.meta.board_id") == "The platforms.0.meta.board id field is required.");
}

TEST_CASE("required meta: checked on schedule/publish for the rows sent, never on drafts") {
  struct Row {
    ContentType type;
    const char* key;
    json value;
    json media;
  };
  const std::vector<Row> rows{{ContentType::tiktok_video, "privacy_level", "SELF_ONLY", json::array({item("video")})},
                              {ContentType::tiktok_photo, "privacy_level", "SELF_ONLY", json::array({item("image")})},
                              {ContentType::pinterest_pin, "board_id", "123", json::array({item("image")})},
                              {ContentType::discord_message, "channel_id", "456", json::array()}};
  for (const auto& row : rows) {
    CAPTURE(row.key);
    const auto post = stored_post(row.type, json::object(), row.media);
    const std::string path = std::string("platforms.0.meta.") + row.key;
    const json sent = json::array({{{"id", "pp-0"}}});
    const auto missing = update(post, {{"status", "publishing"}, {"platforms", sent}});
    CHECK(first(missing, path) == "The " + attribute_name(path) + " field is required.");
    CHECK(update(post, {{"status", "publishing"}, {"platforms", json::array({{{"id", "pp-0"}, {"meta", {{row.key, row.value}}}}})}})
              .valid());
    CHECK(update(post, {{"status", "publishing"}, {"platforms", json::array({{{"id", "pp-0"}, {"meta", {{row.key, ""}}}}})}})
              .status == 422);
    // A draft never checks it, and a publish without platforms[] does not re-check stored meta.
    CHECK(update(post, {{"status", "draft"}, {"platforms", sent}}).valid());
    CHECK(update(post, {{"status", "publishing"}}).valid());
    // The stored value counts.
    CHECK(update(stored_post(row.type, {{row.key, row.value}}, row.media), {{"status", "publishing"}, {"platforms", sent}}).valid());
  }
}

TEST_CASE("the meta catalog lists every key with its limits") {
  const json c = meta_catalog();
  REQUIRE(c["platforms"].size() == 14);
  int required = 0;
  for (const auto& row : c["platforms"])
    for (const auto& k : row["meta"]) required += k["required_to_publish"].get<bool>();
  CHECK(required == 3);  // privacy_level, board_id, channel_id
  CHECK(find_meta_key(Platform::pinterest, "link")->max_length == 2048);
  CHECK(meta_keys(Platform::x).empty());
  CHECK(meta_keys(Platform::tiktok).size() == 9);
}

}  // namespace meta_test
