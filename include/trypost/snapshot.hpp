#pragma once
// Offline calendar snapshots: a versioned JSON file with what a preview needs to paint a
// workspace's calendar (name, logo, brand colours, account display snapshots, labels, posts) and
// nothing that could act on the workspace. Import is all or nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"
#include "trypost/post.hpp"

namespace trypost {

inline constexpr std::string_view kSnapshotFormat = "trypost-calendar-snapshot";
inline constexpr int kSnapshotVersion = 1;
// What an import reads before it gives up, checked while parsing (nothing is built past them): a
// workspace of thousands of 10 000-character posts stays far below; a hostile file does not.
inline constexpr std::int64_t kMaxSnapshotBytes = 64 * 1024 * 1024;
inline constexpr int kMaxSnapshotDepth = 64;
inline constexpr std::int64_t kMaxSnapshotStringBytes = 1024 * 1024;
inline constexpr std::int64_t kMaxSnapshotArrayLength = 1000000;  // 100 000 posts is the largest we bench

struct BrandColors {
  std::string primary, background, text;  // #RRGGBB or empty
};

struct WorkspaceSnapshot {
  std::string name, logo_url;
  BrandColors brand;
  std::vector<SocialAccount> accounts;  // display snapshot only: no tokens exist in the model
  std::vector<Label> labels;
  std::vector<Post> posts;
  std::optional<UtcSeconds> exported_at;
};

// A field name that could carry a credential: api_key, apiKey, secret, access_token, password,
// authorization, ... (matched on its words, so "keyword" or "monkey" stay).
bool is_secret_field_name(std::string_view name);
// Removes such fields at any depth.
nlohmann::json strip_secrets(const nlohmann::json& j);

// From {"workspace": {"name", "logo_url", "brand": {"primary","background","text"}},
//       "accounts": [...], "labels": [...], "posts": [...], "exported_at"?: ISO}.
Expected<WorkspaceSnapshot> snapshot_from_workspace_json(const nlohmann::json& j);
nlohmann::json to_json(const WorkspaceSnapshot& s);  // the file
Expected<WorkspaceSnapshot> import_snapshot(const nlohmann::json& file);
// The same checks for a file whose posts and labels were already read (and checked) by the
// calendar's one-pass reader: `head` holds every other member of the file.
Expected<WorkspaceSnapshot> import_snapshot_with(const nlohmann::json& head, std::vector<Post> posts, std::vector<Label> labels);
Expected<WorkspaceSnapshot> read_snapshot_file(std::string_view text);
bool looks_like_snapshot(const nlohmann::json& j);

// Text entry points: the snapshot file, or the core's error answer (core_answer.hpp).
std::string export_snapshot_json(const std::string& workspace_json);
std::string import_snapshot_json(const std::string& file_text);  // the normalized file

}  // namespace trypost
