// PLACEHOLDER until the Unicode-table work lands: code points only, for every content type.
#include "trypost/counting.hpp"

namespace trypost {

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}
std::size_t count_graphemes(std::string_view s) { return count_code_points(s); }
std::size_t count_x_weighted(std::string_view s) { return count_code_points(s); }
std::size_t count_for(ContentType, std::string_view s) { return count_code_points(s); }

std::size_t max_content_length(ContentType t) {
  switch (t) {
    case ContentType::linkedin_post:
    case ContentType::linkedin_page_post: return 3000;
    case ContentType::x_post: return 280;
    case ContentType::facebook_post:
    case ContentType::facebook_reel:
    case ContentType::facebook_story: return 10000;
    case ContentType::instagram_feed:
    case ContentType::instagram_reel:
    case ContentType::instagram_story:
    case ContentType::tiktok_video:
    case ContentType::tiktok_photo: return 2200;
    case ContentType::youtube_short: return 100;
    case ContentType::threads_post:
    case ContentType::mastodon_post: return 500;
    case ContentType::pinterest_pin:
    case ContentType::pinterest_video_pin:
    case ContentType::pinterest_carousel: return 800;
    case ContentType::bluesky_post: return 300;
    case ContentType::telegram_post: return 4096;
    case ContentType::discord_message: return 2000;
  }
  return 0;
}

}  // namespace trypost
