#pragma once
// Words for people. The API reports problems under dotted field paths with Laravel's messages
// ("The media.0.url could not be downloaded."); those stay for the API and its clients. This maps
// them to what a person sees in a form ("Media 1: the file at this address could not be
// downloaded."), and names platforms, content types and statuses as people say them, so the
// dashboard, the CLI and the SDK word things alike.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace trypost {

// What a row of `platforms.N` is, so its problems can name it.
struct WordingContext {
  std::vector<std::string> platforms;      // wire spelling per row ("linkedin-page"), may be empty
  std::vector<std::string> content_types;  // wire spelling per row ("instagram_feed"), may be empty
};

// One API problem in plain words.
std::string plain_error(const std::string& path, const std::string& message, const WordingContext& ctx = {});

// {"platforms": {"x": "X", ...}, "content_types": {...}, "statuses": {...}}
nlohmann::json display_names();

// JSON entry point. {"errors": {path: [messages]}, "message"?, "platforms"?: [..], "content_types"?: [..]}
//   -> {"errors": {path: [plain]}, "message": the first plain sentence (+ how many more)}
// {"names": true} (or {}) -> display_names().
std::string wording_json(const std::string& input);

}  // namespace trypost
