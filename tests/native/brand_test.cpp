#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "trypost/brand.hpp"
#include "trypost/workspace.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace brand_test {

using namespace trypost;
using nlohmann::json;

namespace {
std::vector<std::string> values(const json& list) {
  std::vector<std::string> out;
  for (const auto& row : list) out.push_back(row.at("value").get<std::string>());
  return out;
}
}  // namespace

TEST_CASE("brand catalog: every listed value is one the brand rules accept") {
  const json cat = json::parse(brand_catalog_json("{}"));
  const std::pair<const char*, const char*> lists[] = {
      {"tones", "tone"}, {"image_styles", "image_style"}, {"fonts", "font"}, {"content_languages", "content_language"}};
  for (const auto& entry : lists) {
    const std::string list = entry.first;
    const std::string field = entry.second;
    CAPTURE(list);
    REQUIRE(cat.at(list).is_array());
    CHECK_FALSE(cat.at(list).empty());
    for (const auto& v : values(cat.at(list))) {
      CAPTURE(v);
      CHECK(apply_brand_patch(Brand{}, json{{field, v}}).ok());
    }
  }
  CHECK(values(cat.at("tones")).size() == kBrandTones.size());
  CHECK(values(cat.at("image_styles")).size() == kBrandImageStyles.size());
  CHECK(values(cat.at("fonts")).size() == kBrandFonts.size());
  CHECK(values(cat.at("content_languages")).size() == kContentLanguages.size());
  // A value outside the lists is refused by the same rules the lists come from.
  CHECK_FALSE(apply_brand_patch(Brand{}, json{{"font", "Comic Sans"}}).ok());
}

TEST_CASE("brand catalog: labels a person reads, defaults the form starts from") {
  const json cat = brand_catalog();
  CHECK(cat.at("image_styles").at(2) == json{{"value", "isometric_3d"}, {"label", "Isometric 3D"}});
  CHECK(cat.at("tones").at(0) == json{{"value", "professional"}, {"label", "Professional"}});
  CHECK(cat.at("fonts").at(6) == json{{"value", "Playfair Display"}, {"label", "Playfair Display"}});
  CHECK(cat.at("content_languages").at(1) == json{{"value", "pt-BR"}, {"label", "Portuguese (Brazil)"}});
  CHECK(cat.at("defaults") == json{{"image_style", "cinematic"}, {"font", "Inter"}, {"content_language", "en"}});
}

}  // namespace brand_test
