#include <doctest/doctest.h>

#include "trypost/preview.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace preview_test {

using namespace trypost;
using nlohmann::json;

namespace {
json post_with(const std::string& content) {
  auto row = [](const char* id, const char* platform, const char* type, bool enabled) {
    return json{{"id", id}, {"platform", platform}, {"content_type", type}, {"enabled", enabled}};
  };
  return json{{"id", "post-1"},
              {"content", content},
              {"status", "draft"},
              {"platforms", json::array({row("pp-x", "x", "x_post", true), row("pp-li", "linkedin", "linkedin_post", true),
                                         row("pp-tg", "telegram", "telegram_post", true),
                                         row("pp-ms", "mastodon", "mastodon_post", true),
                                         row("pp-ig", "instagram", "instagram_story", true),
                                         row("pp-off", "threads", "threads_post", false)})}};
}
const json& entry(const json& preview, const char* id) {
  for (const auto& p : preview["platforms"])
    if (p["post_platform_id"] == id) return p;
  FAIL("missing " << id);
  return preview;
}
}  // namespace

TEST_CASE("preview: one entry per enabled platform with its cap, in the API's field names") {
  const json p = json::parse(post_preview_json(post_with("Hello").dump()));
  CHECK(p["post_id"] == "post-1");
  CHECK(p["original_content"] == "Hello");
  CHECK(p["original_length"] == 5);
  CHECK(p["platforms"].size() == 5);
  const auto& x = entry(p, "pp-x");
  CHECK(x == json{{"post_platform_id", "pp-x"}, {"platform", "x"}, {"content_type", "x_post"}, {"sanitized_content", "Hello"},
                  {"sanitized_length", 5}, {"max_content_length", 280}, {"truncated", false}, {"over_limit", false}});
  CHECK(entry(p, "pp-li")["max_content_length"] == 3000);
  CHECK(json::parse(post_preview_json("nope")).contains("error"));
}

TEST_CASE("preview: over_limit at limit+1, never for a captionless story") {
  const json at = json::parse(post_preview_json(post_with(std::string(280, 'a')).dump()));
  CHECK(entry(at, "pp-x")["over_limit"] == false);
  const json over = json::parse(post_preview_json(post_with(std::string(2201, 'a')).dump()));
  CHECK(entry(over, "pp-x")["over_limit"] == true);
  CHECK(entry(over, "pp-x")["truncated"] == false);
  CHECK(entry(over, "pp-ig")["over_limit"] == false);
  CHECK(entry(over, "pp-li")["over_limit"] == false);
}

TEST_CASE("sanitizing: LinkedIn bold and underline, Mastodon and Telegram allow-lists") {
  // U+1D5D5 U+1D5F6 U+1D7ED: bold sans-serif B, i, 1.
  CHECK(sanitize_for(Platform::linkedin, "<b>Bi1</b>!") == "\xF0\x9D\x97\x95\xF0\x9D\x97\xB6\xF0\x9D\x9F\xAD!");
  CHECK(sanitize_for(Platform::linkedin_page, "<u>ab</u>") == "a\xCC\xB2" "b\xCC\xB2");
  CHECK(sanitize_for(Platform::mastodon, "<p>Hi <b>you</b> <a href=\"https://a.example\">x</a></p>") ==
        "<p>Hi you <a href=\"https://a.example\">x</a></p>");
  CHECK(sanitize_for(Platform::telegram, "<p>One</p><p><b>Two</b> @ana</p><div>x</div>") == "One\n<b>Two</b> @ana\nx\n");
  CHECK(sanitize_for(Platform::x, "<b>kept</b> a < b") == "<b>kept</b> a < b");
  CHECK(sanitize_for(Platform::mastodon, "a < b and c > d") == "a < b and c > d");
  // Dropping tags shrinks the bytes, which is what the server calls truncated.
  json post = post_with("<div>Hi</div>");
  const json p = post_preview(*post_from_json(post));
  CHECK(entry(p, "pp-tg")["truncated"] == true);
  CHECK(entry(p, "pp-x")["truncated"] == false);
}

}  // namespace preview_test
