#pragma once
// A small workspace in the API's shapes for the validation tests: one active account per
// platform ("acc-<platform>"), one inactive X account, two labels, and posts built per test.
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "trypost/content_type.hpp"
#include "trypost/validation.hpp"

namespace trypost::testing {

using nlohmann::json;

inline const char* kNow = "2026-05-10T12:00:00Z";

inline json base_workspace() {
  json accounts = json::array();
  for (const auto p : all_platforms())
    accounts.push_back({{"id", "acc-" + std::string(to_string(p))}, {"platform", to_string(p)}, {"display_name", "A"},
                        {"username", "a"}, {"is_active", true}, {"status", "connected"}});
  accounts.push_back({{"id", "acc-off"}, {"platform", "x"}, {"display_name", "Off"}, {"username", "off"},
                      {"is_active", false}, {"status", "connected"}});
  return json{{"social_accounts", accounts},
              {"labels", json::array({{{"id", "lab-1"}, {"name", "Promo"}, {"color", "#4f46e5"}},
                                      {{"id", "lab-2"}, {"name", "Blog"}, {"color", "#22c55e"}}})},
              {"posts", json::array()}};
}

// A stored post with one enabled platform entry "pp-0" of content type `t`.
inline json stored_post(ContentType t, json meta = json::object(), json media = json::array(), std::string status = "draft",
                        json scheduled_at = nullptr, std::string content = "Hello") {
  const Platform p = platforms_of(t).front();
  return json{{"id", "post-1"},
              {"content", content},
              {"status", status},
              {"scheduled_at", scheduled_at},
              {"media", media},
              {"labels", json::array()},
              {"platforms", json::array({{{"id", "pp-0"}, {"platform", to_string(p)}, {"content_type", to_string(t)},
                                          {"meta", meta}, {"status", "pending"}, {"enabled", true},
                                          {"social_account", {{"id", "acc-" + std::string(to_string(p))}}}}})}};
}

inline WorkspaceData workspace_with(const json& post = nullptr) {
  json ws = base_workspace();
  if (!post.is_null()) ws["posts"].push_back(post);
  auto parsed = workspace_data_from_json(ws);
  REQUIRE(parsed.ok());
  return std::move(parsed).value();
}

inline ValidationResult create(const json& body) {
  PostRequest req{PostMethod::create, "", body, *parse_time(kNow).value};
  return validate_post_request(workspace_with(), req);
}

inline ValidationResult update(const json& post, const json& body) {
  PostRequest req{PostMethod::update, post.value("id", "post-1"), body, *parse_time(kNow).value};
  return validate_post_request(workspace_with(post), req);
}

// PUT {status: publishing, platforms: [{id: pp-0}], media} on a stored post of type t.
inline ValidationResult publish_with_media(ContentType t, const json& media, const json& meta = json::object(),
                                           std::string content = "Hello") {
  json full_meta = meta;
  if (t == ContentType::tiktok_video || t == ContentType::tiktok_photo) full_meta["privacy_level"] = "SELF_ONLY";
  if (platforms_of(t).front() == Platform::pinterest) full_meta["board_id"] = "1";
  if (t == ContentType::discord_message) full_meta["channel_id"] = "2";
  return update(stored_post(t, full_meta, json::array(), "draft", nullptr, content),
                json{{"status", "publishing"}, {"media", media}, {"platforms", json::array({{{"id", "pp-0"}}})}});
}

inline json item(const std::string& type, std::int64_t size = 1000, const std::string& mime = "",
                 json duration = nullptr) {
  json i{{"url", "https://cdn.example.com/f"}, {"type", type}, {"size", size}};
  if (!mime.empty()) i["mime_type"] = mime;
  if (!duration.is_null()) i["meta"] = {{"duration", duration}};
  return i;
}

inline json items(const std::string& type, int n) {
  json a = json::array();
  for (int i = 0; i < n; ++i) a.push_back(item(type));
  return a;
}

inline bool has_error(const ValidationResult& r, const std::string& path) { return r.error.errors.count(path) == 1; }

}  // namespace trypost::testing
