#pragma once
// The numbers of GET /posts/{id}/preview, computed offline: per enabled platform entry, the text
// that platform would receive, its length in the platform's own unit and its cap.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trypost/platform.hpp"
#include "trypost/post.hpp"

namespace trypost {

// The text a platform receives. LinkedIn turns <strong>/<b> into Unicode bold letters and <u>
// into combining underlines; Mastodon keeps p, strong, em, a, br, span and drops other tags;
// Telegram keeps b, i, u, s, a, code, pre, turns block ends and <br> into line breaks and drops
// other tags; every other platform gets the text unchanged. Entities are left as they are.
std::string sanitize_for(Platform p, std::string_view content);

// {post_id, original_content, original_length, platforms: [{post_platform_id, platform,
// content_type, sanitized_content, sanitized_length, max_content_length, truncated, over_limit}]}
nlohmann::json post_preview(const Post& post);
// Input: a post in the API shape; output: post_preview, or the core's error answer
// (core_answer.hpp) whose message names the first field at fault.
std::string post_preview_json(const std::string& input);

}  // namespace trypost
