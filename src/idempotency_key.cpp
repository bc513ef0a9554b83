#include "trypost/idempotency_key.hpp"

#include "trypost/core_answer.hpp"

namespace trypost {

std::optional<std::string> idempotency_key_problem(std::string_view key) {
  if (key.empty() || key.size() > kMaxIdempotencyKey) return std::string("The idempotency key must be 1 to 255 characters.");
  for (char c : key) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x21 || u > 0x7e || c == '"' || c == '\\')
      return std::string("The idempotency key must be visible ASCII without quotes or backslashes.");
  }
  return std::nullopt;
}

std::string idempotency_key_header(std::string_view key) {
  std::string out;
  out.reserve(key.size() + 2);
  out += '"';
  out += key;
  out += '"';
  return out;
}

std::string idempotency_header_json(const std::string& text) {
  nlohmann::json j;
  ApiError err;
  if (!parse_argument(text, j, err)) return error_answer(err);
  const auto k = j.find("key");
  if (k == j.end() || !k->is_string()) return error_answer(field_error("idempotency_key", "The idempotency key must be a string."));
  const auto key = k->get<std::string>();
  if (const auto problem = idempotency_key_problem(key)) return error_answer(field_error("idempotency_key", *problem));
  return dump_answer(nlohmann::json{{"name", "Idempotency-Key"}, {"value", idempotency_key_header(key)}});
}

}  // namespace trypost
