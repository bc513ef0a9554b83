#pragma once
// A one-pass reader of posts documents for the calendar index. Building a JSON DOM of 10,000
// posts and then reading each into a Post spent most of a calendar load in allocation; the index
// needs only a few fields of each post, so this reads them straight from the text and steps over
// everything else without building it.
//
// It answers only for the plain case: a list of posts, {"posts": [...], "labels"?: [...]} or an
// API page {"data": [...]}, valid JSON within the limits, with every field the index reads valid
// (id, content, status, scheduled_at, published_at; per platform id, platform, content_type,
// status, social_account.id / social_account_id; per label id, name, color). A snapshot file is
// read the same way, its other members (format, version, workspace, accounts, counts) handed back
// as raw text for the snapshot checks. Anything else (a damaged post, odd JSON) answers nullopt,
// and the caller takes the full parser, which says what is wrong. Fields the index never reads (media, meta, timestamps) are checked
// only for being valid JSON.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trypost/post.hpp"

namespace trypost {

struct ScannedPosts {
  std::vector<Post> posts;
  std::vector<Label> labels;
  bool from_data = false;  // read from an API page's "data"
  bool bare = false;       // the document was a bare list
  // Set for a snapshot file (it has a "format" member): every member but posts and labels, as
  // its JSON text (a view into the document), in the file's order, the last of a repeated key.
  std::vector<std::pair<std::string, std::string_view>> snapshot_members;
};

struct ScanLimits {
  int max_depth = 64;
  std::int64_t max_string_bytes = 1024 * 1024;
  std::int64_t max_array_length = 100000;
};

std::optional<ScannedPosts> scan_posts_document(std::string_view text, const ScanLimits& limits = {});

}  // namespace trypost
