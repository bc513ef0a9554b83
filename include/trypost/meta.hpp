#pragma once
// The per-platform settings a post entry carries in platforms[].meta: which keys each platform
// keeps, their types and limits, which are needed to publish, and how an update merges them.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/platform.hpp"
#include "trypost/rule_errors.hpp"

namespace trypost {

enum class MetaKind {
  string,            // optional max_length
  boolean,
  choice,            // one of `choices`, exact casing
  http_url,          // http(s) URL, optional max_length
  discord_mentions,  // [{token (required), label?}]
  discord_embeds,    // up to 10 of {title<=256, description<=4096, url, image, color}
};
std::string_view to_string(MetaKind k);

struct MetaKeySpec {
  std::string_view key;
  MetaKind kind;
  std::optional<int> max_length;  // characters, or items for arrays
  std::vector<std::string_view> choices;
  bool required_to_publish = false;
};

// Every key a platform keeps; empty for platforms without settings (X, YouTube, ...).
std::span<const MetaKeySpec> meta_keys(Platform p);
const MetaKeySpec* find_meta_key(Platform p, std::string_view key);

inline constexpr int kMaxDiscordEmbeds = 10;

// Checks the meta object a request sends for `p` (at `path`, e.g. "platforms.0.meta") and returns
// it without the keys the server would drop (also unknown fields inside mentions and embeds);
// their paths go to `dropped`. A null value stays: on update it deletes the stored key. What the
// server takes but will not do as the user may think (a Discord mention that pings nobody) goes
// to `notices`.
nlohmann::json clean_meta(Platform p, const nlohmann::json& meta, const std::string& path, RuleErrors& errors,
                          std::vector<std::string>& dropped, std::vector<Notice>& notices);

// Whether Discord pings for this mention token: "@everyone", "@here", "<@USERID>" or "<@&ROLEID>"
// (ids are digits). Any other text is kept and sent, and pings nobody.
bool discord_mention_pings(std::string_view token);

// An update's meta merged into the stored one: keys sent replace, a null deletes.
nlohmann::json merge_meta(const nlohmann::json& stored, const nlohmann::json& incoming);

// The keys needed to publish that `meta` lacks (absent, null or ""), reported at path.key.
void check_required_meta(Platform p, const nlohmann::json& meta, const std::string& path, RuleErrors& errors);

// {"platforms": [{platform, alt_text_max_length, meta: [{key, type, max_length?, values?,
// required_to_publish}]}]}: the meta keys of all 14 platforms, for forms and docs.
nlohmann::json meta_catalog();
std::string meta_catalog_json(const std::string& input);

}  // namespace trypost
