#pragma once
// A calendar snapshot assembled from the API's own answers: the pages of GET /posts, the bare
// lists of GET /social-accounts and GET /labels, and GET /workspace for the name. What
// `trypost snapshot` reads (fetched by it, or piped in), checked here once: every page of the
// posts list present, no post counted twice, each answer recognised by its shape.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"
#include "trypost/snapshot.hpp"

namespace trypost {

struct ApiSnapshotOptions {
  std::optional<std::string> name;         // overrides (or stands in for) GET /workspace's name
  std::optional<std::string> exported_at;  // ISO time, written into the file
};

// Splits text holding one or more JSON documents one after another (whitespace or newlines
// between them, as `curl a; curl b` writes them). Refuses text that is not JSON, naming the
// document and the byte where it breaks.
Expected<std::vector<nlohmann::json>> split_json_documents(std::string_view text);

// The answers, in any order: either several documents (posts pages {"data","links","meta"}, a
// bare array of posts, social accounts or labels, the workspace object), or one object naming
// them: {"workspace"?, "posts": [pages or posts], "social_accounts"|"accounts"?, "labels"?}.
Expected<WorkspaceSnapshot> snapshot_from_api_answers(const std::vector<nlohmann::json>& answers,
                                                      const ApiSnapshotOptions& options);

// Text entry point: {"text": answers, "name"?, "exported_at"?} -> the snapshot file, or the
// core's error answer (core_answer.hpp).
std::string snapshot_from_api_json(const std::string& request_json);

}  // namespace trypost
