#include "trypost/json_fields.hpp"

namespace trypost {

const nlohmann::json* Fields::get(const char* key) const {
  if (!obj_.is_object()) return nullptr;
  const auto it = obj_.find(key);
  if (it == obj_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> Fields::string(const char* key, bool required) {
  const auto* v = get(key);
  if (!v) {
    if (required) fail(key, "The " + attribute_name(at(key)) + " field is required.");
    return std::nullopt;
  }
  if (!v->is_string()) {
    fail(key, "The " + attribute_name(at(key)) + " field must be a string.");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<std::int64_t> Fields::integer(const char* key, bool required) {
  const auto* v = get(key);
  if (!v) {
    if (required) fail(key, "The " + attribute_name(at(key)) + " field is required.");
    return std::nullopt;
  }
  if (!v->is_number_integer()) {
    fail(key, "The " + attribute_name(at(key)) + " field must be an integer.");
    return std::nullopt;
  }
  return v->get<std::int64_t>();
}

std::optional<bool> Fields::boolean(const char* key, bool required) {
  const auto* v = get(key);
  if (!v) {
    if (required) fail(key, "The " + attribute_name(at(key)) + " field is required.");
    return std::nullopt;
  }
  if (!v->is_boolean()) {
    fail(key, "The " + attribute_name(at(key)) + " field must be true or false.");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<UtcSeconds> Fields::time(const char* key, bool required) {
  const auto s = string(key, required);
  if (!s) return std::nullopt;
  const auto parsed = parse_time(*s);
  if (!parsed.value) {
    fail(key, "The " + attribute_name(at(key)) + " field " + parsed.error + ".");
    return std::nullopt;
  }
  return parsed.value;
}

std::string attribute_name(const std::string& key) {
  // Laravel keeps the whole dotted path and only turns underscores into spaces.
  std::string out = key;
  for (auto& c : out)
    if (c == '_') c = ' ';
  return out;
}

}  // namespace trypost
