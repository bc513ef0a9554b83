// The API's field problems in the words a person reads, and the names of networks.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "trypost/platform.hpp"
#include "trypost/wording.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace wording_test {

using namespace trypost;
using nlohmann::json;

TEST_CASE("wording: the problems people hit most read as what to do") {
  CHECK(plain_error("media.0.url", "The media.0.url could not be downloaded.") ==
        "Media 1: the file at this address could not be downloaded.");
  CHECK(plain_error("platforms.1.content_type", "The instagram_feed content type requires media.") ==
        "Instagram feed posts need at least an image or video.");
  CHECK(plain_error("platforms.0.content_type", "The youtube_short content type requires media.") ==
        "YouTube Short posts need at least a video.");
  CHECK(plain_error("scheduled_at", "The scheduled at field is required when status is scheduled.") ==
        "Pick a date and time to schedule.");
  CHECK(plain_error("scheduled_at", "The scheduled at field must be a date after now.") ==
        "Pick a time in the future: this one has already passed.");
  CHECK(plain_error("content", "The content is 20 characters over the 280-character limit of X (x_post).") ==
        "The text is 20 characters too long for X post (at most 280).");
  CHECK(plain_error("platforms", "The platforms field is required.") == "Pick at least one account to post to.");
}

TEST_CASE("wording: a row of the post is named by its network") {
  WordingContext ctx{{"x", "pinterest"}, {}};
  CHECK(plain_error("platforms.1.meta.board_id", "The platforms.1.meta.board id field is required.", ctx) ==
        "Pinterest: pick a board to publish.");
  CHECK(plain_error("platforms.0.social_account_id", "The selected platforms.0.social account id is invalid.", ctx) ==
        "X: this account cannot be used; pick another.");
  // Without context: the row's number.
  CHECK(plain_error("platforms.4.meta.board_id", "The platforms.4.meta.board id field is required.") ==
        "Account 5: pick a board to publish.");
  CHECK(plain_error("platforms.0.meta.embeds.1.color", "The platforms.0.meta.embeds.1.color field format is invalid.",
                    WordingContext{{"discord"}, {}}) == "Discord, embed 2 color: this is not written the way it should be.");
  CHECK(plain_error("label_ids.0", "The selected label_ids.0 is invalid.") == "Label 1: this label no longer exists; untick it.");
}

TEST_CASE("wording: no wire name survives in a message people read") {
  const json out = json::parse(wording_json(json{
      {"message", "The instagram_feed content type requires media. (and 1 more error)"},
      {"errors", {{"platforms.0.content_type", {"The instagram_feed content type requires media."}},
                  {"media.0.url", {"The media.0.url could not be downloaded."}}}},
      {"platforms", json::array({"instagram"})}}.dump()));
  CHECK(out["message"] == "Instagram feed posts need at least an image or video. (and 1 more problem)");
  CHECK(out["errors"]["media.0.url"][0] == "Media 1: the file at this address could not be downloaded.");
  const std::string all = out.dump();
  CHECK(all.find("instagram_feed") == std::string::npos);
  CHECK(all.find("media.0.url\"") != std::string::npos);  // the path stays, as the key
}

TEST_CASE("wording: display names for every platform, content type and status") {
  const json names = json::parse(wording_json("{}"));
  CHECK(names["platforms"]["x"] == "X");
  CHECK(names["platforms"]["linkedin-page"] == "LinkedIn page");
  CHECK(names["content_types"]["instagram_feed"] == "Instagram feed");
  CHECK(names["statuses"]["partially_published"] == "partially published");
  CHECK(names["platforms"].size() == kPlatformCount);
  CHECK(names["content_types"].size() == kContentTypeCount);
  for (auto p : all_platforms()) CHECK(display_name(p).find('_') == std::string_view::npos);
  for (auto t : all_content_types()) CHECK(display_name(t).find('_') == std::string_view::npos);
}

}  // namespace wording_test
