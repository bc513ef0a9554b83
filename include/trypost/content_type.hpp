#pragma once
// The content-type catalog as data: what each of the 20 content types and 14 platforms accepts
// (media counts and kinds, byte and duration caps, caption lengths), in the shape the server's
// GET /content-types answers. Caption caps come from counting.hpp, so they are written once.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/platform.hpp"

namespace trypost {

enum class MediaKind { image, video, document };
std::string_view to_string(MediaKind k);
std::optional<MediaKind> parse_media_kind(std::string_view s);

// Upload hard limits, the same on every upload path; a null per-type cap falls back to these.
inline constexpr std::int64_t kMaxUploadImageBytes = 10485760;      // 10 MiB
inline constexpr std::int64_t kMaxUploadVideoBytes = 1073741824;    // 1 GiB
inline constexpr std::int64_t kMaxUploadDocumentBytes = 104857600;  // 100 MiB
std::int64_t upload_cap(MediaKind k);

struct ContentTypeInfo {
  ContentType type;
  std::string_view label;
  std::string_view description;
  int min_media_count = 0;
  int max_media_count = 0;
  bool requires_media = false;
  bool accept_images = false, accept_videos = false, accept_documents = false, accepts_gif = false;
  bool forbids_mixed_media = false;
  // Stories show no caption, so the caption cap is not measured for them.
  bool captionless = false;
  std::optional<std::int64_t> max_video_duration_sec;
  std::optional<std::int64_t> max_image_bytes, max_video_bytes, max_document_bytes;

  bool accepts(MediaKind k) const;
  std::optional<std::int64_t> max_bytes(MediaKind k) const;
};

struct PlatformInfo {
  Platform platform;
  std::string_view label;
  int recommended_content_length = 0;
  std::vector<MediaKind> allowed_media_types;
  ContentType default_content_type;
  std::optional<int> alt_text_max_length;  // none: the platform takes no alt text
};

const ContentTypeInfo& content_type_info(ContentType t);
const PlatformInfo& platform_info(Platform p);

// The platforms a content type may be published on (the Instagram types serve both flavours).
std::vector<Platform> platforms_of(ContentType t);
std::vector<ContentType> content_types_of(Platform p);
bool content_type_fits(ContentType t, Platform p);
// max_content_length of the platform row: the cap of its default content type.
std::size_t platform_max_content_length(Platform p);

nlohmann::json to_json(const ContentTypeInfo& c);
nlohmann::json to_json(const PlatformInfo& p);
// {"platforms": [PlatformRow x 14]}, the GET /content-types answer.
nlohmann::json content_types_catalog();
// JSON entry point (input ignored): the catalog as text.
std::string content_types_json(const std::string& input);

}  // namespace trypost
