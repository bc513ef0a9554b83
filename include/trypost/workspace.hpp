#pragma once
// A workspace and its brand profile (docs/api-contract.md#workspace, docs/account-api.md): the values, the rules on
// every field, and the API shapes. Validation answers in the API's error shape so the settings
// form shows the server's words before the request leaves.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"
#include "trypost/url.hpp"
#include "trypost/time.hpp"

namespace trypost {

inline constexpr std::size_t kWorkspaceNameMax = 255;
inline constexpr std::size_t kBrandWebsiteMax = 255;
inline constexpr std::size_t kBrandTextMax = 2000;  // description, voice notes
inline constexpr std::size_t kLogoUrlMax = 2048;    // ours: the docs give no cap for the logo

inline constexpr std::array<std::string_view, 7> kBrandTones{
    "professional", "casual", "friendly", "bold", "inspirational", "humorous", "educational"};
inline constexpr std::array<std::string_view, 8> kBrandImageStyles{
    "cinematic", "illustration", "isometric_3d", "cartoon", "typographic", "infographic", "minimalist", "mockup"};
// The docs leave the font list open; this set is the account API's (docs/account-api.md).
inline constexpr std::array<std::string_view, 8> kBrandFonts{
    "Inter", "Roboto", "Open Sans", "Lato", "Montserrat", "Poppins", "Playfair Display", "Merriweather"};
inline constexpr std::array<std::string_view, 3> kContentLanguages{"en", "pt-BR", "es"};

struct Brand {
  std::optional<std::string> website, description, tone, voice_notes;
  std::string image_style = "cinematic";
  std::optional<std::string> primary_color, background_color, text_color;
  std::string font = "Inter";
  std::string content_language = "en";
  friend bool operator==(const Brand&, const Brand&) = default;
};

struct Workspace {
  std::string id;
  std::string name;
  std::optional<std::string> logo_url;
  Brand brand;
  std::optional<std::string> owner_id;  // the account owner's user id, once known
  std::optional<UtcSeconds> created_at, updated_at;
};

// PHP's trim(): the characters Laravel's TrimStrings middleware strips before validating.
std::string trim_input(std::string_view s);
// Unicode code points, the unit of Laravel's max: on strings.
std::size_t text_length(std::string_view utf8);

// A workspace name from user input: trimmed, required, 1..255 code points. The error names `field`.
Expected<std::string> validate_workspace_name(const nlohmann::json& value, const std::string& field = "name");

// `patch` holds brand fields to change (absent keys keep `base`, null clears an optional field);
// the result is the whole validated profile, as PUT .../brand takes it. Errors are keyed by the
// endpoint's field names ("primary_color").
Expected<Brand> apply_brand_patch(const Brand& base, const nlohmann::json& patch);

// {name?, logo_url?} for PATCH /api/account/workspaces/{id}, validated and trimmed.
Expected<nlohmann::json> workspace_patch_body(const nlohmann::json& patch);

// From the server: an AccountWorkspace (with brand and logo) or the REST Workspace
// ({id, name, created_at, updated_at}; brand defaults then).
Expected<Workspace> workspace_from_json(const nlohmann::json& j, const std::string& path = "");
nlohmann::json to_json(const Brand& b);
nlohmann::json to_json(const Workspace& w);  // AccountWorkspace shape without role

}  // namespace trypost
