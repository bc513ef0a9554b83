#include "trypost/brand.hpp"

#include <string_view>

#include "trypost/workspace.hpp"

namespace trypost {
namespace {

// "isometric_3d" -> "Isometric 3D", "casual" -> "Casual": words split at underscores, first
// letter capitalised, a digit-led word upper-cased (3d -> 3D).
std::string label_of(std::string_view value) {
  std::string out;
  bool word_start = true;
  bool digit_word = false;
  for (char c : value) {
    if (c == '_') {
      out += ' ';
      word_start = true;
      continue;
    }
    if (word_start) digit_word = c >= '0' && c <= '9';
    if ((word_start || digit_word) && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    out += c;
    word_start = false;
  }
  return out;
}

// Names for the content languages: a code the table misses is shown as the code itself.
std::string_view language_name(std::string_view code) {
  if (code == "en") return "English";
  if (code == "pt-BR") return "Portuguese (Brazil)";
  if (code == "es") return "Spanish";
  return code;
}

template <class Table, class Label>
nlohmann::json rows(const Table& table, Label label) {
  auto out = nlohmann::json::array();
  for (std::string_view v : table) out.push_back({{"value", std::string(v)}, {"label", std::string(label(v))}});
  return out;
}

}  // namespace

nlohmann::json brand_catalog() {
  const Brand defaults{};
  return {
      {"tones", rows(kBrandTones, label_of)},
      {"image_styles", rows(kBrandImageStyles, label_of)},
      {"fonts", rows(kBrandFonts, [](std::string_view v) { return v; })},
      {"content_languages", rows(kContentLanguages, language_name)},
      {"defaults", {{"image_style", defaults.image_style}, {"font", defaults.font}, {"content_language", defaults.content_language}}},
  };
}

std::string brand_catalog_json(const std::string&) { return brand_catalog().dump(); }

}  // namespace trypost
