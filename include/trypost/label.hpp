#pragma once
// The rules of POST /labels and PUT /labels/{id}: both fields required on either method (an update
// replaces the label), name up to 255 characters, color as #RRGGBB.
#include <string>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"

namespace trypost {

inline constexpr std::size_t kMaxLabelNameLength = 255;

// Empty when the body would pass.
ApiError validate_label(const nlohmann::json& body);

// Input: {"method": "POST"|"PUT" (default POST), "body": {name, color}} or the bare body.
// Output: {"valid", "status" (201|200|422), "message", "errors"}.
std::string validate_label_json(const std::string& input);

}  // namespace trypost
