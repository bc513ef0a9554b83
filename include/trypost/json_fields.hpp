#pragma once
// Reading API-shaped JSON defensively: every wrong type or missing field becomes a field error
// with its dotted path (e.g. "posts.3.scheduled_at"), never an exception and never a silent guess.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"
#include "trypost/time.hpp"

namespace trypost {

inline std::string join_path(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

class Fields {
 public:
  Fields(const nlohmann::json& obj, std::string path, ApiError& err)
      : obj_(obj), path_(std::move(path)), err_(err) {}

  bool is_object() const { return obj_.is_object(); }
  const std::string& path() const { return path_; }
  std::string at(const std::string& key) const { return join_path(path_, key); }
  const nlohmann::json* get(const char* key) const;

  // Each returns nullopt when absent or null (an error only if `required`) or of the wrong type.
  std::optional<std::string> string(const char* key, bool required = false);
  std::optional<std::int64_t> integer(const char* key, bool required = false);
  std::optional<bool> boolean(const char* key, bool required = false);
  // Either time form the API uses; an unparsable value is an error naming the field.
  std::optional<UtcSeconds> time(const char* key, bool required = false);

  void fail(const std::string& key, std::string message) { err_.add(at(key), std::move(message)); }
  ApiError& errors() { return err_; }

 private:
  const nlohmann::json& obj_;
  std::string path_;
  ApiError& err_;
};

// The attribute words Laravel puts in messages: "platforms.0.social_account_id" -> "platforms.0.social account id".
std::string attribute_name(const std::string& key);

}  // namespace trypost
