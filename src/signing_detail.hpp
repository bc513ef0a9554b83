#pragma once
// Helpers shared by the two halves of the RFC 9421 code (signing.cpp builds bases, signing_json.cpp
// reads and writes the bindings' JSON); not part of the public headers.
#include <string>
#include <string_view>
#include <vector>

#include "trypost/signing.hpp"

namespace trypost::signing_detail {

ApiError sig_error(const std::string& field, std::string message);
std::string lower(std::string_view s);
std::string trim_ows(std::string_view s);
const std::vector<std::string>* find_field(const FieldLines& fields, std::string_view lname);
// `"name";param=...` as it appears in a base line and in Signature-Input.
std::string component_label(const ComponentId& c);
bool is_param_name(std::string_view k);  // created, expires, nonce, alg, keyid, tag

}  // namespace trypost::signing_detail
