#include <doctest/doctest.h>

#include "trypost/workspace.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace workspace_test {

using namespace trypost;
using nlohmann::json;

namespace {
std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}
bool has_error(const ApiError& e, const std::string& field) { return e.errors.count(field) == 1; }
Brand patched(const json& patch) {
  auto b = apply_brand_patch(Brand{}, patch);
  REQUIRE(b.ok());
  return *b;
}
ApiError refused(const json& patch) {
  auto b = apply_brand_patch(Brand{}, patch);
  REQUIRE_FALSE(b.ok());
  return b.error();
}
}  // namespace

TEST_CASE("workspace name: required, trimmed, 1..255 characters") {
  CHECK(*validate_workspace_name("  Client A \t") == "Client A");
  CHECK(*validate_workspace_name("x") == "x");
  CHECK(validate_workspace_name(repeat("a", 255)).ok());
  const auto long_name = validate_workspace_name(repeat("a", 256));
  REQUIRE_FALSE(long_name.ok());
  CHECK(long_name.error().errors.at("name").at(0) == "The name field must not be greater than 255 characters.");
  // Characters, not bytes: 255 two-byte letters pass, and the trim happens before the count.
  CHECK(validate_workspace_name(repeat("\xC3\xA9", 255)).ok());
  CHECK(validate_workspace_name("  " + repeat("b", 255) + "  ").ok());
  for (const json bad : {json(""), json("   \n"), json(nullptr)}) {
    const auto v = validate_workspace_name(bad);
    REQUIRE_FALSE(v.ok());
    CHECK(v.error().errors.at("name").at(0) == "The name field is required.");
    CHECK(v.error().status == 422);
  }
  CHECK(validate_workspace_name(42).error().errors.at("name").at(0) == "The name field must be a string.");
}

TEST_CASE("workspace errors have the API's shape") {
  const auto e = validate_workspace_name("").error().to_json();
  CHECK(e["message"] == "The name field is required.");
  CHECK(e["errors"]["name"][0] == "The name field is required.");
  const auto two = refused({{"tone", "angry"}, {"font", "Comic Sans"}}).to_json();
  CHECK(two["message"] == "The selected font is invalid. (and 1 more error)");
}

TEST_CASE("brand defaults: cinematic, Inter, en; the optional fields empty") {
  const Brand b;
  CHECK(b.image_style == "cinematic");
  CHECK(b.font == "Inter");
  CHECK(b.content_language == "en");
  CHECK_FALSE(b.website);
  CHECK_FALSE(b.tone);
  const auto j = to_json(b);
  CHECK(j["primary_color"].is_null());
  CHECK(j["image_style"] == "cinematic");
}

TEST_CASE("brand website: a URL of at most 255 characters") {
  const std::string base = "https://example.com/";
  CHECK(patched({{"website", base + repeat("a", 255 - base.size())}}).website->size() == 255);
  const auto e = refused({{"website", base + repeat("a", 256 - base.size())}});
  CHECK(e.errors.at("website").at(0) == "The website field must not be greater than 255 characters.");
  CHECK(has_error(refused({{"website", "example.com"}}), "website"));
  CHECK(has_error(refused({{"website", "https://exa mple.com"}}), "website"));
  CHECK(has_error(refused({{"website", "javascript:alert(1)"}}), "website"));
  CHECK(patched({{"website", "http://shop.example.co.uk:8080/a?b#c"}}).website);
  CHECK_FALSE(patched({{"website", nullptr}}).website);
}

TEST_CASE("brand description and voice notes: at most 2000 characters") {
  for (const char* key : {"description", "voice_notes"}) {
    CAPTURE(key);
    CHECK(apply_brand_patch(Brand{}, {{key, repeat("\xE2\x82\xAC", 2000)}}).ok());  // 2000 euro signs
    const auto e = refused({{key, repeat("x", 2001)}});
    CHECK(e.errors.at(key).size() == 1);
  }
}

TEST_CASE("brand tone: one of the seven, or none") {
  for (const auto t : kBrandTones) CHECK(*patched({{"tone", std::string(t)}}).tone == t);
  CHECK(refused({{"tone", "angry"}}).errors.at("tone").at(0) == "The selected tone is invalid.");
  CHECK(has_error(refused({{"tone", "Casual"}}), "tone"));
  Brand with_tone;
  with_tone.tone = "bold";
  CHECK_FALSE(apply_brand_patch(with_tone, {{"tone", nullptr}})->tone);
}

TEST_CASE("brand image style: one of the eight, required") {
  CHECK(kBrandImageStyles.size() == 8);
  for (const auto s : kBrandImageStyles) CHECK(patched({{"image_style", std::string(s)}}).image_style == s);
  CHECK(has_error(refused({{"image_style", "watercolour"}}), "image_style"));
  CHECK(refused({{"image_style", nullptr}}).errors.at("image_style").at(0) == "The image style field is required.");
}

TEST_CASE("brand colours: #RRGGBB or none") {
  for (const char* key : {"primary_color", "background_color", "text_color"}) {
    CAPTURE(key);
    CHECK(to_json(patched({{key, "#A1b2C3"}}))[key] == "#A1b2C3");
    CHECK(apply_brand_patch(Brand{}, {{key, "#000000"}}).ok());
    for (const char* bad : {"#FFF", "red", "#GGGGGG", "000000", "#0000000"})
      CHECK(refused({{key, bad}}).errors.at(key).at(0) == "The " + std::string(key == std::string("primary_color") ? "primary color" : key == std::string("background_color") ? "background color" : "text color") + " field format is invalid.");
  }
}

TEST_CASE("brand font: one of the listed families, required") {
  for (const auto f : kBrandFonts) CHECK(patched({{"font", std::string(f)}}).font == f);
  CHECK(has_error(refused({{"font", "Comic Sans"}}), "font"));
  CHECK(has_error(refused({{"font", "inter"}}), "font"));
  CHECK(has_error(refused({{"font", nullptr}}), "font"));
}

TEST_CASE("brand content language: en, pt-BR or es, required") {
  for (const char* l : {"en", "pt-BR", "es"}) CHECK(patched({{"content_language", l}}).content_language == l);
  for (const char* l : {"pt", "fr", "EN", "pt-br"}) CHECK(has_error(refused({{"content_language", l}}), "content_language"));
  CHECK(has_error(refused({{"content_language", nullptr}}), "content_language"));
}

TEST_CASE("brand patch keeps what it does not name and reports every bad field at once") {
  Brand base;
  base.tone = "casual";
  base.primary_color = "#112233";
  const auto b = apply_brand_patch(base, {{"font", "Lato"}});
  REQUIRE(b.ok());
  CHECK(*b->tone == "casual");
  CHECK(*b->primary_color == "#112233");
  CHECK(b->font == "Lato");
  const auto e = refused({{"tone", 3}, {"text_color", "blue"}, {"website", "nope"}});
  CHECK(e.errors.size() == 3);
  CHECK(e.errors.at("tone").at(0) == "The tone field must be a string.");
}

TEST_CASE("workspace patch body: name trimmed, logo an URL or null") {
  const auto b = workspace_patch_body({{"name", "  Acme  "}, {"logo_url", "https://cdn.example.com/logo.png"}});
  REQUIRE(b.ok());
  CHECK((*b)["name"] == "Acme");
  CHECK((*b)["logo_url"] == "https://cdn.example.com/logo.png");
  CHECK((*workspace_patch_body({{"logo_url", nullptr}}))["logo_url"].is_null());
  CHECK(has_error(workspace_patch_body({{"logo_url", "logo.png"}}).error(), "logo_url"));
  CHECK(has_error(workspace_patch_body({{"name", ""}}).error(), "name"));
  CHECK_FALSE(workspace_patch_body({{"other", 1}})->contains("other"));
}

TEST_CASE("workspace from the server: the account shape and the REST shape") {
  const auto full = workspace_from_json(json::parse(R"({"id":"w1","name":"Acme","logo_url":null,"role":"admin",
      "brand":{"website":null,"description":"We sell","tone":"bold","voice_notes":null,"image_style":"mockup",
      "primary_color":"#FF0000","background_color":null,"text_color":null,"font":"Poppins","content_language":"pt-BR"},
      "created_at":"2026-01-02 03:04:05","updated_at":"2026-01-02 03:04:05"})"));
  REQUIRE(full.ok());
  CHECK(full->brand.font == "Poppins");
  CHECK(*full->brand.tone == "bold");
  CHECK(to_json(*full)["brand"]["content_language"] == "pt-BR");
  const auto rest = workspace_from_json(json::parse(R"({"id":"w2","name":"REST","created_at":"2026-01-02 03:04:05","updated_at":"2026-01-02 03:04:05"})"));
  REQUIRE(rest.ok());
  CHECK(rest->brand == Brand{});
  const auto bad = workspace_from_json(json::parse(R"({"id":"w3","brand":{"tone":"loud"}})"), "workspace");
  REQUIRE_FALSE(bad.ok());
  CHECK(has_error(bad.error(), "workspace.name"));
  CHECK(has_error(bad.error(), "workspace.brand.tone"));
}

}  // namespace workspace_test
