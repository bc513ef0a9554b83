#pragma once
// Signatures: reusable text appended to a post, and the rules of POST/PUT /signatures.
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"

namespace trypost {

inline constexpr std::size_t kMaxSignatureNameLength = 255;

// Appends signature texts in the order they were clicked. Joining rule: the post's trailing
// whitespace and each signature's surrounding line breaks are trimmed, blank pieces are skipped,
// and the pieces are joined with one blank line ("\n\n"). An empty post becomes the signatures.
std::string apply_signatures(std::string_view content, std::span<const std::string> signatures);

// name required (<= 255), content required; both on create and on update (full replacement).
ApiError validate_signature(const nlohmann::json& body);

// Input: {"content": S|null, "signatures": [S | {"content": S}, ...]}; output: {"content": S}.
std::string apply_signatures_json(const std::string& input);
// Input: {"method": "POST"|"PUT", "body": {name, content}} or the bare body; output like labels.
std::string validate_signature_json(const std::string& input);

}  // namespace trypost
