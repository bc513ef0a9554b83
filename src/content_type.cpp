#include "trypost/content_type.hpp"

#include <array>

#include "trypost/counting.hpp"
#include "trypost/rule_errors.hpp"

namespace trypost {
namespace {

using nlohmann::json;
using CT = ContentType;
constexpr std::optional<std::int64_t> none = std::nullopt;
constexpr std::int64_t MiB = 1048576;

// One row per content type, in enum order. Numbers are the server catalog's (docs/api-contract.md#content-types); labels
// and descriptions are ours, for display.
// clang-format off
const std::array<ContentTypeInfo, kContentTypeCount> kTypes{{
  // type, label, description, min, max, requires, img, vid, doc, gif, no-mix, captionless, duration, image, video, document bytes
  {CT::linkedin_post, "Post", "A LinkedIn post: up to 10 images, or one video, or one PDF.",
   0, 10, false, true, true, true, false, true, false, 600, 5 * MiB, 1024 * MiB, 100 * MiB},
  {CT::linkedin_page_post, "Page post", "A post on a LinkedIn company page: up to 10 images, or one video, or one PDF.",
   0, 10, false, true, true, true, false, true, false, 600, 5 * MiB, 1024 * MiB, 100 * MiB},
  {CT::x_post, "Post", "A post on X: up to 4 images or GIFs, or one video.",
   0, 4, false, true, true, false, true, false, false, 140, 5 * MiB, 512 * MiB, none},
  {CT::facebook_post, "Post", "A Facebook page post: up to 10 images or one video.",
   0, 10, false, true, true, false, false, false, false, 14400, 4 * MiB, 1024 * MiB, none},
  {CT::facebook_reel, "Reel", "A vertical Facebook video (9:16).",
   0, 1, true, false, true, false, false, false, false, 90, none, 1024 * MiB, none},
  {CT::facebook_story, "Story", "A Facebook story video that disappears after 24 hours; no caption is shown.",
   0, 1, true, false, true, false, false, false, true, 60, none, 1024 * MiB, none},
  {CT::instagram_feed, "Feed", "An Instagram feed post: one image, a carousel of up to 10 images, or one video.",
   0, 10, true, true, true, false, false, false, false, 60, 8 * MiB, 100 * MiB, none},
  {CT::instagram_reel, "Reel", "A vertical Instagram video (9:16).",
   0, 1, true, false, true, false, false, false, false, 900, none, 1024 * MiB, none},
  {CT::instagram_story, "Story", "An Instagram story (one image or video) that disappears after 24 hours; no caption is shown.",
   0, 1, true, true, true, false, false, false, true, 60, 8 * MiB, 100 * MiB, none},
  {CT::tiktok_video, "Video", "A TikTok video; TikTok decides the allowed length when publishing.",
   0, 1, true, false, true, false, false, false, false, none, none, none, none},
  {CT::tiktok_photo, "Photo", "A TikTok photo post of 1 to 35 images.",
   1, 35, true, true, false, false, false, false, false, none, none, none, none},
  {CT::youtube_short, "Short", "A YouTube Short: one vertical video of up to 3 minutes; the text becomes its title.",
   0, 1, true, false, true, false, false, false, false, 180, none, 1024 * MiB, none},
  {CT::threads_post, "Post", "A Threads post: up to 10 images or one video.",
   0, 10, false, true, true, false, false, false, false, 300, 8 * MiB, 1024 * MiB, none},
  {CT::pinterest_pin, "Pin", "A Pinterest pin with one image; the text becomes the pin description.",
   0, 1, true, true, false, false, false, false, false, none, 10 * MiB, none, none},
  {CT::pinterest_video_pin, "Video pin", "A Pinterest pin with one video of up to 15 minutes.",
   0, 1, true, false, true, false, false, false, false, 900, none, 1024 * MiB, none},
  {CT::pinterest_carousel, "Carousel", "A Pinterest carousel of 2 to 5 images.",
   2, 5, true, true, false, false, false, false, false, none, 10 * MiB, none, none},
  {CT::bluesky_post, "Post", "A Bluesky post: up to 4 images or GIFs, or one video; images and video do not mix.",
   0, 4, false, true, true, false, true, true, false, 60, none, 100 * MiB, none},
  {CT::mastodon_post, "Post", "A Mastodon status: up to 4 images or GIFs, or one video.",
   0, 4, false, true, true, false, true, false, false, none, 10 * MiB, 40 * MiB, none},
  {CT::telegram_post, "Post", "A Telegram message; media go out as an album of up to 10 items.",
   0, 10, false, true, true, false, true, false, false, none, none, none, none},
  {CT::discord_message, "Message", "A Discord message with up to 10 images or videos, mentions and embeds.",
   0, 10, false, true, true, false, true, false, false, none, none, none, none},
}};
// clang-format on

using MK = MediaKind;
const std::array<PlatformInfo, kPlatformCount> kPlatforms{{
    {Platform::linkedin, "LinkedIn", 1200, {MK::image, MK::video, MK::document}, CT::linkedin_post, 4086},
    {Platform::linkedin_page, "LinkedIn Page", 1200, {MK::image, MK::video, MK::document}, CT::linkedin_page_post, 4086},
    {Platform::x, "X", 220, {MK::image, MK::video}, CT::x_post, 1000},
    {Platform::facebook, "Facebook Page", 280, {MK::image, MK::video}, CT::facebook_post, 1000},
    {Platform::instagram, "Instagram", 600, {MK::image, MK::video}, CT::instagram_feed, 1000},
    {Platform::instagram_facebook, "Instagram (Facebook Business)", 600, {MK::image, MK::video}, CT::instagram_feed, 1000},
    // The server's row says video only although tiktok_photo takes images; the per-type flags win.
    {Platform::tiktok, "TikTok", 150, {MK::video}, CT::tiktok_video, std::nullopt},
    {Platform::youtube, "YouTube Shorts", 80, {MK::video}, CT::youtube_short, std::nullopt},
    {Platform::threads, "Threads", 300, {MK::image, MK::video}, CT::threads_post, 1000},
    {Platform::pinterest, "Pinterest", 200, {MK::image, MK::video}, CT::pinterest_pin, 500},
    {Platform::bluesky, "Bluesky", 220, {MK::image, MK::video}, CT::bluesky_post, 2000},
    {Platform::mastodon, "Mastodon", 300, {MK::image, MK::video}, CT::mastodon_post, 1500},
    {Platform::telegram, "Telegram", 400, {MK::image, MK::video}, CT::telegram_post, std::nullopt},
    {Platform::discord, "Discord", 280, {MK::image, MK::video}, CT::discord_message, 1024},
}};

json opt(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

std::string_view to_string(MediaKind k) {
  switch (k) {
    case MediaKind::image: return "image";
    case MediaKind::video: return "video";
    case MediaKind::document: return "document";
  }
  return "";
}

std::optional<MediaKind> parse_media_kind(std::string_view s) {
  if (s == "image") return MediaKind::image;
  if (s == "video") return MediaKind::video;
  if (s == "document") return MediaKind::document;
  return std::nullopt;
}

std::int64_t upload_cap(MediaKind k) {
  switch (k) {
    case MediaKind::image: return kMaxUploadImageBytes;
    case MediaKind::video: return kMaxUploadVideoBytes;
    case MediaKind::document: return kMaxUploadDocumentBytes;
  }
  return 0;
}

bool ContentTypeInfo::accepts(MediaKind k) const {
  switch (k) {
    case MediaKind::image: return accept_images;
    case MediaKind::video: return accept_videos;
    case MediaKind::document: return accept_documents;
  }
  return false;
}

std::optional<std::int64_t> ContentTypeInfo::max_bytes(MediaKind k) const {
  switch (k) {
    case MediaKind::image: return max_image_bytes;
    case MediaKind::video: return max_video_bytes;
    case MediaKind::document: return max_document_bytes;
  }
  return std::nullopt;
}

const ContentTypeInfo& content_type_info(ContentType t) { return kTypes[std::size_t(t)]; }
const PlatformInfo& platform_info(Platform p) { return kPlatforms[std::size_t(p)]; }

std::vector<Platform> platforms_of(ContentType t) {
  switch (t) {
    case CT::linkedin_post: return {Platform::linkedin};
    case CT::linkedin_page_post: return {Platform::linkedin_page};
    case CT::x_post: return {Platform::x};
    case CT::facebook_post:
    case CT::facebook_reel:
    case CT::facebook_story: return {Platform::facebook};
    case CT::instagram_feed:
    case CT::instagram_reel:
    case CT::instagram_story: return {Platform::instagram, Platform::instagram_facebook};
    case CT::tiktok_video:
    case CT::tiktok_photo: return {Platform::tiktok};
    case CT::youtube_short: return {Platform::youtube};
    case CT::threads_post: return {Platform::threads};
    case CT::pinterest_pin:
    case CT::pinterest_video_pin:
    case CT::pinterest_carousel: return {Platform::pinterest};
    case CT::bluesky_post: return {Platform::bluesky};
    case CT::mastodon_post: return {Platform::mastodon};
    case CT::telegram_post: return {Platform::telegram};
    case CT::discord_message: return {Platform::discord};
  }
  return {};
}

std::vector<ContentType> content_types_of(Platform p) {
  std::vector<ContentType> out;
  for (const auto t : all_content_types())
    if (content_type_fits(t, p)) out.push_back(t);
  return out;
}

bool content_type_fits(ContentType t, Platform p) {
  for (const auto q : platforms_of(t))
    if (q == p) return true;
  return false;
}

std::size_t platform_max_content_length(Platform p) {
  return max_content_length(platform_info(p).default_content_type);
}

json to_json(const ContentTypeInfo& c) {
  return json{{"value", to_string(c.type)},
              {"label", c.label},
              {"description", c.description},
              {"max_media_count", c.max_media_count},
              {"min_media_count", c.min_media_count},
              {"requires_media", c.requires_media},
              {"accept_images", c.accept_images},
              {"accept_videos", c.accept_videos},
              {"accept_documents", c.accept_documents},
              {"accepts_gif", c.accepts_gif},
              {"forbids_mixed_media", c.forbids_mixed_media},
              {"max_video_duration_sec", opt(c.max_video_duration_sec)},
              {"max_image_bytes", opt(c.max_image_bytes)},
              {"max_video_bytes", opt(c.max_video_bytes)},
              {"max_document_bytes", opt(c.max_document_bytes)}};
}

json to_json(const PlatformInfo& p) {
  json kinds = json::array();
  for (const auto k : p.allowed_media_types) kinds.push_back(to_string(k));
  json types = json::array();
  for (const auto t : content_types_of(p.platform)) types.push_back(to_json(content_type_info(t)));
  return json{{"platform", to_string(p.platform)},
              {"label", p.label},
              {"max_content_length", platform_max_content_length(p.platform)},
              {"recommended_content_length", p.recommended_content_length},
              {"allowed_media_types", std::move(kinds)},
              {"default_content_type", to_string(p.default_content_type)},
              {"content_types", std::move(types)}};
}

json content_types_catalog() {
  json rows = json::array();
  for (const auto p : all_platforms()) rows.push_back(to_json(platform_info(p)));
  return json{{"platforms", std::move(rows)}};
}

std::string content_types_json(const std::string&) {
  // Constant data: built once (about a millisecond in WASM), then handed out.
  static const std::string text = content_types_catalog().dump(-1, ' ', false, kReplaceBadUtf8);
  return text;
}

}  // namespace trypost
