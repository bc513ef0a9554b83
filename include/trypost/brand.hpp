#pragma once
// The brand profile's choice lists (tone, image style, font, content language) as the settings
// form shows them: the values come from workspace.hpp's tables, so the form can offer only what
// apply_brand_patch accepts.
#include <string>

#include <nlohmann/json.hpp>

namespace trypost {

// {tones, image_styles, fonts, content_languages: [{value, label}], defaults: {image_style, font,
// content_language}}. tones has no default: the field may be empty (null).
nlohmann::json brand_catalog();

// The binding's form: the input is ignored (JSON text in for the one calling convention).
std::string brand_catalog_json(const std::string& input);

}  // namespace trypost
