#pragma once
// The closed sets of the API: the 14 platform identifiers, the 20 content types and the status
// enums, with their exact wire spellings.
#include <array>
#include <optional>
#include <string_view>

namespace trypost {

enum class Platform {
  linkedin, linkedin_page, x, facebook, instagram, instagram_facebook, tiktok, youtube, threads,
  pinterest, bluesky, mastodon, telegram, discord
};
inline constexpr std::size_t kPlatformCount = 14;

enum class ContentType {
  linkedin_post, linkedin_page_post, x_post, facebook_post, facebook_reel, facebook_story,
  instagram_feed, instagram_reel, instagram_story, tiktok_video, tiktok_photo, youtube_short,
  threads_post, pinterest_pin, pinterest_video_pin, pinterest_carousel, bluesky_post,
  mastodon_post, telegram_post, discord_message
};
inline constexpr std::size_t kContentTypeCount = 20;

enum class PostStatus { draft, scheduled, publishing, published, partially_published, failed };
inline constexpr std::size_t kPostStatusCount = 6;
enum class PlatformStatus { pending, publishing, published, failed };
enum class AccountStatus { connected, disconnected, token_expired };

std::string_view to_string(Platform p);
std::string_view to_string(ContentType t);
std::string_view to_string(PostStatus s);
std::string_view to_string(PlatformStatus s);
std::string_view to_string(AccountStatus s);

std::optional<Platform> parse_platform(std::string_view s);
std::optional<ContentType> parse_content_type(std::string_view s);
std::optional<PostStatus> parse_post_status(std::string_view s);
std::optional<PlatformStatus> parse_platform_status(std::string_view s);
std::optional<AccountStatus> parse_account_status(std::string_view s);

// The names people use, for everything a person reads ("LinkedIn page", "Instagram feed"); the
// wire spellings above stay for the API.
std::string_view display_name(Platform p);
std::string_view display_name(ContentType t);
// The words a person reads for a post status ("partially published"): the one table every
// renderer shows, through display_names() and the calendar view's "statuses".
std::string_view display_name(PostStatus s);

const std::array<Platform, kPlatformCount>& all_platforms();
const std::array<ContentType, kContentTypeCount>& all_content_types();

// Only draft and scheduled posts may be edited; the rest are frozen.
inline bool is_editable(PostStatus s) { return s == PostStatus::draft || s == PostStatus::scheduled; }
// Any post may be deleted except one the API is publishing at this moment.
inline bool is_deletable(PostStatus s) { return s != PostStatus::publishing; }

}  // namespace trypost
