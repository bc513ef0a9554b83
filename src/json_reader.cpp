#include "trypost/json_reader.hpp"

#include <vector>

namespace trypost {
namespace {

using nlohmann::json;

// One pass builds the DOM and enforces the limits: nlohmann's own DOM builder, with every string,
// key and container checked on the way in. Stopping at the first excess means a hostile answer
// costs no more than the limits allow, and nothing ever recurses deeper than max_depth.
class LimitedDom : public nlohmann::detail::json_sax_dom_parser<json> {
  using Base = nlohmann::detail::json_sax_dom_parser<json>;

 public:
  LimitedDom(json& out, const JsonLimits& limits)
      : Base(out, false), max_depth_(limits.max_depth), max_string_(limits.max_string_bytes), max_items_(limits.max_array_length) {}

  bool null() { return item() && Base::null(); }
  bool boolean(bool v) { return item() && Base::boolean(v); }
  bool number_integer(number_integer_t v) { return item() && Base::number_integer(v); }
  bool number_unsigned(number_unsigned_t v) { return item() && Base::number_unsigned(v); }
  bool number_float(number_float_t v, const string_t& s) { return item() && Base::number_float(v, s); }
  bool string(string_t& s) { return fits(s) && item() && Base::string(s); }
  bool key(string_t& s) { return fits(s) && Base::key(s); }
  bool start_object(std::size_t n) { return item() && open(false) && Base::start_object(n); }
  bool start_array(std::size_t n) { return item() && open(true) && Base::start_array(n); }
  bool end_object() {
    close();
    return Base::end_object();
  }
  bool end_array() {
    close();
    return Base::end_array();
  }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception&) {
    problem = "not_json";
    position = pos;
    return false;
  }

  std::string problem;
  std::size_t position = 0;

 private:
  bool fits(const string_t& s) {
    if (static_cast<std::int64_t>(s.size()) <= max_string_) return true;
    problem = "string_too_long";
    return false;
  }
  bool open(bool array) {
    if (++depth_ > max_depth_) {
      problem = "too_deep";
      return false;
    }
    open_.push_back(array ? 0 : -1);  // -1: an object, whose members are not counted
    return true;
  }
  void close() {
    --depth_;
    if (!open_.empty()) open_.pop_back();
  }
  // Counts a value into the array that holds it; the stack is at most max_depth long.
  bool item() {
    if (open_.empty() || open_.back() < 0 || ++open_.back() <= max_items_) return true;
    problem = "array_too_long";
    return false;
  }
  int max_depth_;
  std::int64_t max_string_;
  std::int64_t max_items_;
  int depth_ = 0;
  std::vector<std::int64_t> open_;
};

}  // namespace

std::optional<JsonRefusal> read_json_within(const std::string& text, const JsonLimits& limits, json& out) {
  if (static_cast<std::int64_t>(text.size()) > limits.max_body_bytes) {
    out = nullptr;
    return JsonRefusal{"too_large", "The answer is larger than " + std::to_string(limits.max_body_bytes) + " bytes."};
  }
  LimitedDom dom(out, limits);
  if (json::sax_parse(text, &dom, json::input_format_t::json, true) && dom.problem.empty()) return std::nullopt;
  out = nullptr;
  if (dom.problem == "too_deep")
    return JsonRefusal{"too_deep", "The answer nests deeper than " + std::to_string(limits.max_depth) + " levels."};
  if (dom.problem == "string_too_long")
    return JsonRefusal{"string_too_long",
                       "The answer holds a string longer than " + std::to_string(limits.max_string_bytes) + " bytes."};
  if (dom.problem == "array_too_long")
    return JsonRefusal{"array_too_long",
                       "The answer holds a list longer than " + std::to_string(limits.max_array_length) + " items."};
  return JsonRefusal{"not_json", "The answer is not valid JSON (it breaks at byte " + std::to_string(dom.position) +
                                     "; truncated or corrupt)."};
}

}  // namespace trypost
