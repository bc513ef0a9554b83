#pragma once
// Small readers shared by the Store's source files (store.cpp, store_request.cpp,
// store_answer.cpp and its steps in store_answer_workspace.cpp and store_answer_account.cpp); not
// part of the public headers.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"

namespace trypost::store_parts {

inline constexpr const char* kUnsupported =
    "Creating, renaming, branding and deleting workspaces and managing their team is not supported by this server.";

inline std::int64_t int_field(const nlohmann::json& j, const char* key, std::int64_t fallback) {
  if (!j.is_object()) return fallback;
  const auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

inline std::string string_field(const nlohmann::json& j, const char* key, const std::string& fallback = "") {
  if (!j.is_object()) return fallback;
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

inline std::uint64_t uint_field(const nlohmann::json& j, const char* key) {
  if (!j.is_object()) return 0;
  const auto it = j.find(key);
  return it != j.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
}

inline std::optional<std::string> string_param(const nlohmann::json& params, const char* key) {
  if (!params.is_object()) return std::nullopt;
  const auto it = params.find(key);
  if (it == params.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

inline std::string member_id(const nlohmann::json& m) { return m.value("user_id", ""); }

inline ApiError merge_errors(ApiError into, const ApiError& from) {
  for (const auto& [f, list] : from.errors)
    for (const auto& m : list) into.add(f, m);
  return into;
}

// Only the documented metadata of a key: a server that echoed a secret would not get it stored.
inline nlohmann::json api_key_metadata(const nlohmann::json& j) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* k : {"id", "name", "last_used_at", "expires_at", "created_at"})
    if (j.is_object() && j.contains(k)) out[k] = j[k];
  return out;
}

}  // namespace trypost::store_parts
