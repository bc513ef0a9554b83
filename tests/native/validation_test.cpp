#include <doctest/doctest.h>

#include "trypost/counting.hpp"
#include "validation_fixtures.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace validation_test {

using namespace trypost;
using namespace trypost::testing;
using nlohmann::json;

namespace {
json x_row(const char* account = "acc-x", const char* type = "x_post") {
  return json{{"social_account_id", account}, {"content_type", type}};
}
json create_body(json extra = json::object()) {
  json b{{"platforms", json::array({x_row()})}};
  b.update(extra);
  return b;
}
std::string first(const ValidationResult& r, const std::string& path) {
  const auto it = r.error.errors.find(path);
  return it == r.error.errors.end() ? std::string() : it->second.front();
}
}  // namespace

TEST_CASE("a minimal create is a 201 and the body goes out unchanged") {
  const auto r = create(create_body({{"content", "Hi"}}));
  CHECK(r.status == 201);
  CHECK(r.valid());
  CHECK(r.body == create_body({{"content", "Hi"}}));
  CHECK(to_json(r)["errors"] == json::object());
}

TEST_CASE("content: at most 10000 characters, counted in code points") {
  CHECK(create(create_body({{"content", std::string(10000, 'a')}})).valid());
  const auto r = create(create_body({{"content", std::string(10001, 'a')}}));
  CHECK(r.status == 422);
  CHECK(r.error.message == "The content field must not be greater than 10000 characters.");
  std::string emoji;
  for (int i = 0; i < 10000; ++i) emoji += "\xF0\x9F\x98\x80";
  CHECK(create(create_body({{"content", emoji}})).valid());
  CHECK(first(create(create_body({{"content", 5}})), "content") == "The content field must be a string.");
  CHECK(create(create_body({{"content", nullptr}})).valid());
  // Drafts are not held to the platform caps.
  CHECK(create(create_body({{"content", std::string(281, 'a')}})).valid());
}

TEST_CASE("platforms: required with at least one entry on create") {
  CHECK(first(create(json::object()), "platforms") == "The platforms field is required.");
  CHECK(first(create({{"platforms", json::array()}}), "platforms") == "The platforms field is required.");
  CHECK(first(create({{"platforms", "x"}}), "platforms") == "The platforms field must be an array.");
  const auto r = create({{"platforms", json::array({json::object()})}});
  CHECK(first(r, "platforms.0.social_account_id") == "The platforms.0.social account id field is required.");
  CHECK(first(r, "platforms.0.content_type") == "The platforms.0.content type field is required.");
  CHECK(r.error.message == "The platforms.0.social account id field is required. (and 1 more error)");
}

TEST_CASE("social accounts: active and of this workspace only") {
  CHECK(first(create({{"platforms", json::array({x_row("acc-off")})}}), "platforms.0.social_account_id") ==
        "The selected platforms.0.social account id is invalid.");
  CHECK(has_error(create({{"platforms", json::array({x_row("acc-elsewhere")})}}), "platforms.0.social_account_id"));
}

TEST_CASE("content_type: one of the 20 and matching the account's platform") {
  CHECK(first(create({{"platforms", json::array({x_row("acc-x", "x_thread")})}}), "platforms.0.content_type") ==
        "The selected platforms.0.content type is invalid.");
  CHECK(first(create({{"platforms", json::array({x_row("acc-x", "linkedin_post")})}}), "platforms.0.content_type") ==
        "The platforms.0.content type linkedin_post is not available for X accounts.");
  // Every content type fits each of its platforms and no other.
  for (const auto t : all_content_types())
    for (const auto p : all_platforms()) {
      CAPTURE(to_string(t));
      CAPTURE(to_string(p));
      const std::string acc = "acc-" + std::string(to_string(p));
      const auto r = create({{"platforms", json::array({x_row(acc.c_str(), std::string(to_string(t)).c_str())})}});
      CHECK(r.valid() == content_type_fits(t, p));
    }
  CHECK(create({{"platforms", json::array({x_row("acc-instagram-facebook", "instagram_story")})}}).valid());
}

TEST_CASE("label_ids: labels of this workspace only") {
  CHECK(create(create_body({{"label_ids", json::array({"lab-1", "lab-2"})}})).valid());
  const auto r = create(create_body({{"label_ids", json::array({"lab-1", "lab-9"})}}));
  CHECK(first(r, "label_ids.1") == "The selected label ids.1 is invalid.");
  CHECK_FALSE(has_error(r, "label_ids.0"));
}

TEST_CASE("scheduled_at on create: any ISO 8601 offset, strictly in the future") {
  CHECK(create(create_body({{"scheduled_at", "2026-05-10T12:00:01Z"}})).valid());
  CHECK(first(create(create_body({{"scheduled_at", "2026-05-10T12:00:00Z"}})), "scheduled_at") ==
        "The scheduled at field must be a date after now.");
  // 13:30+02:00 is 11:30Z, in the past; 17:45+05:45 is 12:00:00Z, not after now; +05:44 is after.
  CHECK(has_error(create(create_body({{"scheduled_at", "2026-05-10T13:30:00+02:00"}})), "scheduled_at"));
  CHECK(has_error(create(create_body({{"scheduled_at", "2026-05-10T17:45:00+05:45"}})), "scheduled_at"));
  CHECK(create(create_body({{"scheduled_at", "2026-05-10T17:45:00+05:44"}})).valid());
  CHECK(first(create(create_body({{"scheduled_at", "tomorrow"}})), "scheduled_at") ==
        "The scheduled at field must be a valid date.");
}

TEST_CASE("media items: url required, http(s), at most 2048; alt text at most 2000") {
  const std::string base = "https://cdn.example.com/";
  auto with_media = [&](json m) { return create(create_body({{"media", json::array({m})}})); };
  CHECK(with_media({{"url", base + std::string(2048 - base.size(), 'a')}}).valid());
  CHECK(first(with_media({{"url", base + std::string(2049 - base.size(), 'a')}}), "media.0.url") ==
        "The media.0.url field must not be greater than 2048 characters.");
  CHECK(first(with_media(json::object()), "media.0.url") == "The media.0.url field is required.");
  CHECK(has_error(with_media({{"url", "file:///etc/passwd"}}), "media.0.url"));
  CHECK(with_media({{"url", base}, {"meta", {{"alt_text", std::string(2000, 'a')}}}}).valid());
  CHECK(first(with_media({{"url", base}, {"meta", {{"alt_text", std::string(2001, 'a')}}}}), "media.0.meta.alt_text") ==
        "The media.0.meta.alt text field must not be greater than 2000 characters.");
  CHECK(with_media({{"url", base}, {"original_filename", std::string(500, 'a')}}).valid());
  CHECK(has_error(with_media({{"url", base}, {"original_filename", std::string(501, 'a')}}), "media.0.original_filename"));
  CHECK(has_error(with_media({{"url", base}, {"type", "audio"}}), "media.0.type"));
  CHECK(has_error(with_media({{"url", base}, {"source", "flickr"}}), "media.0.source"));
  CHECK(has_error(with_media({{"url", base}, {"size", "big"}}), "media.0.size"));
  // On create, media never meets the content type rules (that happens at schedule/publish).
  CHECK(create({{"platforms", json::array({x_row("acc-x", "x_post")})}, {"media", items("document", 1)}}).valid());
}

TEST_CASE("the summary message names the first rule that failed and counts the rest") {
  const auto r = create({{"content", std::string(10001, 'a')},
                         {"platforms", json::array({x_row("acc-off")})},
                         {"label_ids", json::array({"nope"})}});
  CHECK(r.error.message == "The content field must not be greater than 10000 characters. (and 2 more errors)");
  CHECK(r.error.errors.size() == 3);
}

TEST_CASE("PUT: status is required and one of draft, scheduled, publishing") {
  const auto post = stored_post(ContentType::x_post);
  CHECK(first(update(post, json::object()), "status") == "The status field is required.");
  CHECK(first(update(post, {{"status", "published"}}), "status") == "The selected status is invalid.");
  const auto ok = update(post, {{"status", "draft"}});
  CHECK(ok.status == 200);
  CHECK(ok.valid());
}

TEST_CASE("PUT: a processed post is frozen with the exact message") {
  for (const char* s : {"publishing", "published", "partially_published", "failed"}) {
    CAPTURE(s);
    const auto r = update(stored_post(ContentType::x_post, json::object(), json::array(), s), {{"status", "draft"}});
    CHECK(r.status == 422);
    CHECK(r.error.message == "This post has already been processed and cannot be re-published. Duplicate it to try again.");
  }
  CHECK(update(stored_post(ContentType::x_post, json::object(), json::array(), "scheduled", "2026-06-01 10:00:00"),
               {{"status", "draft"}})
            .valid());
  PostRequest missing{PostMethod::update, "post-404", {{"status", "draft"}}, *parse_time(kNow).value};
  CHECK(validate_post_request(workspace_with(), missing).status == 404);
}

TEST_CASE("PUT: platforms[].id must belong to the post; content_type overrides are checked") {
  const auto post = stored_post(ContentType::x_post);
  CHECK(first(update(post, {{"status", "draft"}, {"platforms", json::array({{{"id", "pp-other"}}})}}), "platforms.0.id") ==
        "The selected platforms.0.id is invalid.");
  CHECK(update(post, {{"status", "draft"}, {"platforms", json::array()}}).valid());
  CHECK(has_error(update(post, {{"status", "draft"}, {"platforms", json::array({{{"id", "pp-0"}, {"content_type", "threads_post"}}})}}),
                  "platforms.0.content_type"));
}

TEST_CASE("PUT: scheduled_at required to schedule unless the stored one is still ahead") {
  const auto draft = stored_post(ContentType::x_post);
  CHECK(first(update(draft, {{"status", "scheduled"}}), "scheduled_at") ==
        "The scheduled at field is required when status is scheduled.");
  CHECK(update(draft, {{"status", "scheduled"}, {"scheduled_at", "2026-05-10T12:00:01Z"}}).valid());
  CHECK(has_error(update(draft, {{"status", "scheduled"}, {"scheduled_at", "2026-05-10T12:00:00Z"}}), "scheduled_at"));
  const auto ahead = stored_post(ContentType::x_post, json::object(), json::array(), "draft", "2026-05-10 12:00:01");
  CHECK(update(ahead, {{"status", "scheduled"}}).valid());
  const auto passed = stored_post(ContentType::x_post, json::object(), json::array(), "draft", "2026-05-10 12:00:00");
  CHECK(has_error(update(passed, {{"status", "scheduled"}}), "scheduled_at"));
  // The future rule applies only when scheduling.
  CHECK(update(draft, {{"status", "draft"}, {"scheduled_at", "2020-01-01T00:00:00Z"}}).valid());
  CHECK(update(draft, {{"status", "publishing"}, {"scheduled_at", "2020-01-01T00:00:00Z"}}).valid());
}

TEST_CASE("caption caps per content type on schedule/publish: limit passes, limit+1 fails on content") {
  for (const auto t : all_content_types()) {
    const auto& info = content_type_info(t);
    CAPTURE(to_string(t));
    const auto max = max_content_length(t);
    const json media = info.requires_media || info.min_media_count > 0
                           ? items(info.accept_images ? "image" : "video", std::max(info.min_media_count, 1))
                           : json::array();
    CHECK(publish_with_media(t, media, json::object(), std::string(max, 'a')).valid());
    const auto over = publish_with_media(t, media, json::object(), std::string(max + 1, 'a'));
    // Stories show no caption, so nothing is measured.
    CHECK(over.valid() == info.captionless);
    if (!info.captionless) CHECK(has_error(over, "content"));
  }
  const auto x = publish_with_media(ContentType::x_post, json::array(), json::object(), std::string(281, 'a'));
  CHECK(x.error.errors.at("content").front() == "The content is 1 character over the 280-character limit of X (x_post).");
  // A draft save does not measure.
  CHECK(update(stored_post(ContentType::x_post), {{"status", "draft"}, {"content", std::string(281, 'a')}}).valid());
}

TEST_CASE("Telegram: with media, text past 1024 is a notice, not an error") {
  const auto with_media = publish_with_media(ContentType::telegram_post, items("image", 1), json::object(), std::string(1025, 'a'));
  CHECK(with_media.valid());
  REQUIRE(with_media.notices.size() == 1);
  CHECK(with_media.notices[0].path == "content");
  CHECK(publish_with_media(ContentType::telegram_post, items("image", 1), json::object(), std::string(1024, 'a')).notices.empty());
  CHECK(publish_with_media(ContentType::telegram_post, json::array(), json::object(), std::string(1025, 'a')).notices.empty());
}

TEST_CASE("publish without platforms[] checks the stored enabled entries and stored media") {
  const auto post = stored_post(ContentType::instagram_reel);  // no media stored
  const auto r = update(post, {{"status", "publishing"}});
  CHECK(first(r, "platforms.0.content_type") == "The instagram_reel content type requires media.");
  const auto with_stored = stored_post(ContentType::instagram_reel, json::object(), json::array({item("video")}));
  CHECK(update(with_stored, {{"status", "publishing"}}).valid());
  // media [] in the body replaces the stored set.
  CHECK(has_error(update(with_stored, {{"status", "publishing"}, {"media", json::array()}}), "platforms.0.content_type"));
}

TEST_CASE("JSON entry point and the JSON-lines batch") {
  const json ws = base_workspace();
  const json good{{"workspace", ws}, {"method", "POST"}, {"body", create_body()}, {"now", kNow}};
  const json full = json::parse(validate_post_request_json(good.dump()));
  CHECK(full["valid"] == true);
  CHECK(full["status"] == 201);
  CHECK(full.contains("notices"));
  CHECK(full.contains("body"));
  CHECK(json::parse(validate_post_request_json("{")).contains("error"));

  json bad = good;
  bad["body"]["content"] = std::string(10001, 'a');
  json put{{"workspace", ws}, {"method", "PUT"}, {"post_id", "nope"}, {"body", {{"status", "draft"}}}, {"now", kNow}};
  const std::string lines = good.dump() + "\n{not json\n\n" + bad.dump() + "\n" + put.dump() + "\n" +
                            json{{"method", "POST"}, {"body", json::object()}}.dump() + "\n";
  const std::string out = validate_post_requests_jsonl(lines);
  std::vector<json> answers;
  std::size_t start = 0;
  while (start < out.size()) {
    const auto end = out.find('\n', start);
    answers.push_back(json::parse(out.substr(start, end - start)));
    start = end + 1;
  }
  REQUIRE(answers.size() == 5);
  CHECK(answers[0] == json{{"valid", true}, {"status", 201}, {"message", ""}, {"errors", json::object()}});
  CHECK(answers[1]["error"] == "line 2: malformed JSON");
  CHECK(answers[2]["status"] == 422);
  CHECK(answers[2]["errors"]["content"][0] == "The content field must not be greater than 10000 characters.");
  CHECK(answers[3]["status"] == 404);
  CHECK(answers[4]["error"].get<std::string>().find("now") != std::string::npos);
}

TEST_CASE("hostile input answers instead of throwing") {
  const auto huge = publish_with_media(ContentType::x_post, json::array({item("video", INT64_MAX, "video/mp4", 1e300)}));
  CHECK(has_error(huge, "media.0"));
  for (const char* text : {"", "null", "[]", "5", "\"s\"", "{\"method\":5}", "{\"method\":\"PUT\",\"body\":[],\"now\":\"x\"}",
                           "{\"workspace\":{\"posts\":[{\"id\":1}]},\"method\":\"POST\",\"body\":{},\"now\":\"2026-01-01T00:00:00Z\"}",
                           "{\"workspace\":[],\"method\":\"POST\",\"body\":7,\"now\":\"2026-01-01T00:00:00Z\"}"}) {
    CAPTURE(text);
    const json a = json::parse(validate_post_request_json(text), nullptr, false);
    CHECK_FALSE(a.is_discarded());
  }
  const json body_not_object = json::parse(validate_post_request_json(
      R"({"method":"POST","body":[1],"now":"2026-01-01T00:00:00Z"})"));
  CHECK(body_not_object["status"] == 422);
  // Every field of the wrong type at once.
  const auto r = create({{"content", json::array()}, {"media", json::array({1, {{"url", 5}, {"meta", 3}}})},
                         {"platforms", json::array({5, {{"social_account_id", 1}, {"content_type", 2}, {"meta", "m"}}})},
                         {"scheduled_at", 9}, {"label_ids", json::array({7})}});
  CHECK(r.status == 422);
  CHECK(r.error.errors.size() >= 9);
}

TEST_CASE("alt text past the platform's maximum is a notice when publishing") {
  auto with_alt = [](ContentType t, std::size_t n) {
    json m = item("image");
    m["meta"] = {{"alt_text", std::string(n, 'a')}};
    return publish_with_media(t, json::array({m}));
  };
  CHECK(with_alt(ContentType::pinterest_pin, 500).notices.empty());
  const auto over = with_alt(ContentType::pinterest_pin, 501);
  CHECK(over.valid());
  REQUIRE(over.notices.size() == 1);
  CHECK(over.notices[0].path == "media.0.meta.alt_text");
  CHECK(with_alt(ContentType::x_post, 1000).notices.empty());
  CHECK(with_alt(ContentType::x_post, 1001).notices.size() == 1);
  CHECK(with_alt(ContentType::telegram_post, 2000).notices.empty());  // no alt text there at all
}

}  // namespace validation_test
