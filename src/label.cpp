#include "trypost/label.hpp"

#include "trypost/post.hpp"
#include "trypost/rule_errors.hpp"

namespace trypost {

using nlohmann::json;

ApiError validate_label(const json& body) {
  RuleErrors e;
  if (!body.is_object()) {
    e.add("body", "The request body must be a JSON object.");
    return e.finish();
  }
  const auto name = body.find("name");
  if (name == body.end() || name->is_null() || (name->is_string() && name->get_ref<const std::string&>().empty()))
    e.add("name", msg::required("name"));
  else if (!name->is_string()) e.add("name", msg::string("name"));
  else if (rule_length(name->get_ref<const std::string&>()) > kMaxLabelNameLength)
    e.add("name", msg::max_chars("name", kMaxLabelNameLength));
  const auto color = body.find("color");
  if (color == body.end() || color->is_null() || (color->is_string() && color->get_ref<const std::string&>().empty()))
    e.add("color", msg::required("color"));
  else if (!color->is_string()) e.add("color", msg::string("color"));
  else if (!is_hex_color(color->get_ref<const std::string&>())) e.add("color", msg::hex_color("color"));
  return e.empty() ? ApiError{} : e.finish();
}

std::string validate_label_json(const std::string& input) { return simple_rule_json(input, &validate_label); }

}  // namespace trypost
