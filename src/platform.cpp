#include "trypost/platform.hpp"

namespace trypost {
namespace {

template <class E, std::size_t N>
using Names = std::array<std::string_view, N>;

constexpr Names<Platform, kPlatformCount> kPlatformNames{
    "linkedin", "linkedin-page", "x",       "facebook", "instagram", "instagram-facebook", "tiktok",
    "youtube",  "threads",       "pinterest", "bluesky", "mastodon",  "telegram",           "discord"};

constexpr Names<ContentType, kContentTypeCount> kContentTypeNames{
    "linkedin_post",  "linkedin_page_post", "x_post",         "facebook_post",    "facebook_reel",
    "facebook_story", "instagram_feed",     "instagram_reel", "instagram_story",  "tiktok_video",
    "tiktok_photo",   "youtube_short",      "threads_post",   "pinterest_pin",    "pinterest_video_pin",
    "pinterest_carousel", "bluesky_post",   "mastodon_post",  "telegram_post",    "discord_message"};

constexpr std::array<std::string_view, kPostStatusCount> kPostStatusNames{
    "draft", "scheduled", "publishing", "published", "partially_published", "failed"};
constexpr std::array<std::string_view, 4> kPlatformStatusNames{"pending", "publishing", "published", "failed"};
constexpr std::array<std::string_view, 3> kAccountStatusNames{"connected", "disconnected", "token_expired"};

constexpr Names<Platform, kPlatformCount> kPlatformDisplay{
    "LinkedIn", "LinkedIn page", "X",       "Facebook page", "Instagram", "Instagram (Facebook login)", "TikTok",
    "YouTube",  "Threads",       "Pinterest", "Bluesky",     "Mastodon",  "Telegram",                   "Discord"};

constexpr Names<ContentType, kContentTypeCount> kContentTypeDisplay{
    "LinkedIn post",     "LinkedIn page post", "X post",          "Facebook post",   "Facebook reel",
    "Facebook story",    "Instagram feed",     "Instagram reel",  "Instagram story", "TikTok video",
    "TikTok photo",      "YouTube Short",      "Threads post",    "Pinterest pin",   "Pinterest video pin",
    "Pinterest carousel", "Bluesky post",      "Mastodon post",   "Telegram post",   "Discord message"};

constexpr std::array<std::string_view, kPostStatusCount> kPostStatusDisplay{
    "draft", "scheduled", "publishing", "published", "partially published", "failed"};

template <class E, std::size_t N>
std::optional<E> find(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

template <class E, std::size_t N>
constexpr std::array<E, N> enumerate() {
  std::array<E, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = static_cast<E>(i);
  return out;
}

}  // namespace

std::string_view to_string(Platform p) { return kPlatformNames[std::size_t(p)]; }
std::string_view to_string(ContentType t) { return kContentTypeNames[std::size_t(t)]; }
std::string_view to_string(PostStatus s) { return kPostStatusNames[std::size_t(s)]; }
std::string_view to_string(PlatformStatus s) { return kPlatformStatusNames[std::size_t(s)]; }
std::string_view to_string(AccountStatus s) { return kAccountStatusNames[std::size_t(s)]; }

std::string_view display_name(Platform p) { return kPlatformDisplay[std::size_t(p)]; }
std::string_view display_name(ContentType t) { return kContentTypeDisplay[std::size_t(t)]; }
std::string_view display_name(PostStatus s) { return kPostStatusDisplay[std::size_t(s)]; }

std::optional<Platform> parse_platform(std::string_view s) { return find<Platform>(kPlatformNames, s); }
std::optional<ContentType> parse_content_type(std::string_view s) {
  return find<ContentType>(kContentTypeNames, s);
}
std::optional<PostStatus> parse_post_status(std::string_view s) { return find<PostStatus>(kPostStatusNames, s); }
std::optional<PlatformStatus> parse_platform_status(std::string_view s) {
  return find<PlatformStatus>(kPlatformStatusNames, s);
}
std::optional<AccountStatus> parse_account_status(std::string_view s) {
  return find<AccountStatus>(kAccountStatusNames, s);
}

const std::array<Platform, kPlatformCount>& all_platforms() {
  static constexpr auto all = enumerate<Platform, kPlatformCount>();
  return all;
}
const std::array<ContentType, kContentTypeCount>& all_content_types() {
  static constexpr auto all = enumerate<ContentType, kContentTypeCount>();
  return all;
}

}  // namespace trypost
