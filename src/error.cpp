#include "trypost/error.hpp"

namespace trypost {

void ApiError::add(const std::string& field, std::string text) {
  errors[field].push_back(std::move(text));
}

void ApiError::finalize_message() {
  if (errors.empty()) return;
  std::size_t total = 0;
  for (const auto& [field, list] : errors) total += list.size();
  // "first" means the first field in our deterministic order.
  message = errors.begin()->second.front();
  if (total > 1) {
    const auto more = total - 1;
    message += " (and " + std::to_string(more) + (more == 1 ? " more error)" : " more errors)");
  }
}

nlohmann::json ApiError::to_json() const {
  nlohmann::json out{{"message", message}};
  if (!errors.empty()) out["errors"] = errors;
  return out;
}

ApiError make_error(int status, std::string message) {
  ApiError e;
  e.status = status;
  e.message = std::move(message);
  return e;
}

ApiError field_error(const std::string& field, std::string text, int status) {
  ApiError e;
  e.status = status;
  e.add(field, std::move(text));
  e.finalize_message();
  return e;
}

std::string redact(std::string text, const std::string& secret) {
  if (secret.empty()) return text;
  for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos))
    text.replace(pos, secret.size(), "[redacted]");
  return text;
}

}  // namespace trypost
