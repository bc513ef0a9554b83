#pragma once
// Predicting the server's answer to POST /posts and PUT /posts/{id} before the request leaves:
// the same rules, the same dotted paths, the same words, given what the client already knows
// (the workspace's social accounts, labels and stored posts) and the time of sending.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"
#include "trypost/post.hpp"
#include "trypost/rule_errors.hpp"
#include "trypost/time.hpp"

namespace trypost {

inline constexpr std::size_t kMaxPostContentLength = 10000;  // code points, every status
inline constexpr std::size_t kMaxMediaUrlLength = 2048;
inline constexpr std::size_t kMaxAltTextLength = 2000;
inline constexpr std::size_t kMaxOriginalFilenameLength = 500;
inline constexpr std::string_view kFrozenPostMessage =
    "This post has already been processed and cannot be re-published. Duplicate it to try again.";

// What the client knows of one workspace, in the API's own shapes.
struct WorkspaceData {
  std::vector<SocialAccount> social_accounts;
  std::vector<Label> labels;
  std::vector<Post> posts;
};
// {"social_accounts": [...], "labels": [...], "posts": [...]}; every list optional.
Expected<WorkspaceData> workspace_data_from_json(const nlohmann::json& j, const std::string& path = "workspace");

enum class PostMethod { create, update };  // POST /posts, PUT /posts/{id}

struct PostRequest {
  PostMethod method = PostMethod::create;
  std::string post_id;  // update only
  nlohmann::json body = nlohmann::json::object();
  UtcSeconds now = 0;
};

struct ValidationResult {
  int status = 201;  // 201 create, 200 update, 422 invalid, 404 unknown post
  ApiError error;    // empty when valid
  std::vector<Notice> notices;
  std::vector<std::string> dropped;  // paths of the meta keys the server would drop
  nlohmann::json body;               // the body that would be sent, dropped keys removed
  bool valid() const { return status == 200 || status == 201; }
};

ValidationResult validate_post_request(const WorkspaceData& workspace, const PostRequest& request);

// {valid, status, message, errors, notices:[{path,message}], dropped:[..], body}
nlohmann::json to_json(const ValidationResult& r);

// JSON entry point. Input: {"workspace":{...}, "method":"POST"|"PUT", "post_id":ID?, "body":{...},
// "now":ISO}; output: to_json(result), or {"error": ...} when the input itself is malformed.
std::string validate_post_request_json(const std::string& input);
// The CLI's batch: one request per input line (same shape), one answer per output line:
// {"valid","status","message","errors"} or {"error": ...}. Blank lines are skipped.
std::string validate_post_requests_jsonl(const std::string& lines, std::size_t first_line = 1);

}  // namespace trypost
