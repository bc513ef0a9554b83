#pragma once
// The post model and its neighbours in the API's own shapes (docs/api-contract.md#objects): parsed
// defensively from server JSON, written back in the same shape.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"
#include "trypost/platform.hpp"
#include "trypost/time.hpp"

namespace trypost {

struct MediaItem {
  std::string id, path, url;
  std::string type;  // image | video | document
  std::string mime_type, original_filename;
  std::optional<std::int64_t> size;  // bytes
  nlohmann::json meta = nlohmann::json::object();  // alt_text, width, height, duration, ...
};

struct Label {
  std::string id, name, color;  // color is #RRGGBB
  std::optional<UtcSeconds> created_at, updated_at;
};

struct Signature {
  std::string id, name, content;
  std::optional<UtcSeconds> created_at, updated_at;
};

struct SocialAccount {
  std::string id;
  Platform platform = Platform::x;
  std::string display_name, username, avatar;
  bool is_active = true;
  AccountStatus status = AccountStatus::connected;
};

struct PostPlatform {
  std::string id;                 // the post_platform row id
  std::string social_account_id;  // from social_account.id; empty when the account is gone
  Platform platform = Platform::x;
  ContentType content_type = ContentType::x_post;
  nlohmann::json meta = nlohmann::json::object();
  PlatformStatus status = PlatformStatus::pending;
  bool enabled = true;
  std::optional<std::string> platform_url, error_message;
  std::optional<UtcSeconds> published_at;
  std::string display_name, display_username, display_avatar;  // snapshot of the account
};

struct Post {
  std::string id;
  std::optional<std::string> content;  // null on some drafts
  std::vector<MediaItem> media;
  PostStatus status = PostStatus::draft;
  std::optional<UtcSeconds> scheduled_at, published_at;
  std::vector<PostPlatform> platforms;
  std::vector<Label> labels;
  std::optional<UtcSeconds> created_at, updated_at;
};

// Parsers: `path` prefixes every field error ("data.3" -> "data.3.status").
Expected<MediaItem> media_item_from_json(const nlohmann::json& j, const std::string& path = "");
Expected<Label> label_from_json(const nlohmann::json& j, const std::string& path = "");
Expected<Signature> signature_from_json(const nlohmann::json& j, const std::string& path = "");
Expected<SocialAccount> social_account_from_json(const nlohmann::json& j, const std::string& path = "");
Expected<PostPlatform> post_platform_from_json(const nlohmann::json& j, const std::string& path = "");
Expected<Post> post_from_json(const nlohmann::json& j, const std::string& path = "");

// Writers: the API's output shapes (times as "Y-m-d H:i:s").
nlohmann::json to_json(const MediaItem& m);
nlohmann::json to_json(const Label& l);
nlohmann::json to_json(const Signature& s);
nlohmann::json to_json(const SocialAccount& a);
nlohmann::json to_json(const PostPlatform& p);
nlohmann::json to_json(const Post& p);

// A post sits on the calendar at scheduled_at, else published_at; neither means unscheduled.
inline std::optional<UtcSeconds> calendar_time(const Post& p) {
  return p.scheduled_at ? p.scheduled_at : p.published_at;
}

bool is_hex_color(std::string_view s);  // #RRGGBB

}  // namespace trypost
