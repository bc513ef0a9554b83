#include "trypost/workspace.hpp"

#include "trypost/counting.hpp"

#include <algorithm>

#include "trypost/json_fields.hpp"
#include "trypost/post.hpp"

namespace trypost {
namespace {

using nlohmann::json;

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& set, std::string_view v) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

std::string attr(const std::string& field) { return attribute_name(field); }

// One string field of user input. `present` = the key exists (null included).
struct Input {
  bool present = false;
  bool is_null = false;
  std::optional<std::string> text;  // trimmed; set when a string
};

Input read_input(const json& obj, const char* key, const std::string& field, ApiError& err) {
  Input in;
  const auto it = obj.find(key);
  if (it == obj.end()) return in;
  in.present = true;
  if (it->is_null()) {
    in.is_null = true;
    return in;
  }
  if (!it->is_string()) {
    err.add(field, "The " + attr(field) + " field must be a string.");
    return in;
  }
  // Laravel's ConvertEmptyStringsToNull runs after trimming: "" means "clear it".
  auto t = trim_input(it->get<std::string>());
  if (t.empty()) in.is_null = true;
  else in.text = std::move(t);
  return in;
}

void check_max(const std::string& v, std::size_t max, const std::string& field, ApiError& err) {
  if (text_length(v) > max)
    err.add(field, "The " + attr(field) + " field must not be greater than " + std::to_string(max) + " characters.");
}


void optional_text(const json& patch, const char* key, std::size_t max, std::optional<std::string>& out, ApiError& err) {
  const auto in = read_input(patch, key, key, err);
  if (!in.present) return;
  if (in.is_null) out.reset();
  else if (in.text) {
    check_max(*in.text, max, key, err);
    out = *in.text;
  }
}

void optional_url(const json& patch, const char* key, std::size_t max, std::optional<std::string>& out, ApiError& err) {
  const auto in = read_input(patch, key, key, err);
  if (!in.present) return;
  if (in.is_null) out.reset();
  else if (in.text) {
    if (!is_http_url(*in.text)) err.add(key, "The " + attr(key) + " field must be a valid URL.");
    check_max(*in.text, max, key, err);
    out = *in.text;
  }
}

template <std::size_t N>
void optional_enum(const json& patch, const char* key, const std::array<std::string_view, N>& set,
                   std::optional<std::string>& out, ApiError& err) {
  const auto in = read_input(patch, key, key, err);
  if (!in.present) return;
  if (in.is_null) out.reset();
  else if (in.text) {
    if (!one_of(set, *in.text)) err.add(key, "The selected " + attr(key) + " is invalid.");
    out = *in.text;
  }
}

template <std::size_t N>
void required_enum(const json& patch, const char* key, const std::array<std::string_view, N>& set, std::string& out,
                   ApiError& err) {
  const auto in = read_input(patch, key, key, err);
  if (!in.present) return;
  if (in.is_null) err.add(key, "The " + attr(key) + " field is required.");
  else if (in.text) {
    if (!one_of(set, *in.text)) err.add(key, "The selected " + attr(key) + " is invalid.");
    out = *in.text;
  }
}

void optional_color(const json& patch, const char* key, std::optional<std::string>& out, ApiError& err) {
  const auto in = read_input(patch, key, key, err);
  if (!in.present) return;
  if (in.is_null) out.reset();
  else if (in.text) {
    if (!is_hex_color(*in.text)) err.add(key, "The " + attr(key) + " field format is invalid.");
    out = *in.text;
  }
}

}  // namespace

std::string trim_input(std::string_view s) {
  constexpr std::string_view ws = " \t\n\r\v";
  const auto is_ws = [&](char c) { return c == '\0' || ws.find(c) != std::string_view::npos; };
  std::size_t b = 0, e = s.size();
  while (b < e && is_ws(s[b])) ++b;
  while (e > b && is_ws(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

std::size_t text_length(std::string_view utf8) { return count_code_points(utf8); }


Expected<std::string> validate_workspace_name(const json& value, const std::string& field) {
  ApiError err;
  if (value.is_null()) {
    err.add(field, "The " + attr(field) + " field is required.");
    return value_or_errors(std::string(), err);
  }
  if (!value.is_string()) {
    err.add(field, "The " + attr(field) + " field must be a string.");
    return value_or_errors(std::string(), err);
  }
  auto name = trim_input(value.get<std::string>());
  if (name.empty()) err.add(field, "The " + attr(field) + " field is required.");
  else check_max(name, kWorkspaceNameMax, field, err);
  return value_or_errors(std::move(name), err);
}

Expected<Brand> apply_brand_patch(const Brand& base, const json& patch) {
  ApiError err;
  Brand b = base;
  if (!patch.is_object()) {
    err.add("brand", "The brand field must be an object.");
    return value_or_errors(b, err);
  }
  optional_url(patch, "website", kBrandWebsiteMax, b.website, err);
  optional_text(patch, "description", kBrandTextMax, b.description, err);
  optional_enum(patch, "tone", kBrandTones, b.tone, err);
  optional_text(patch, "voice_notes", kBrandTextMax, b.voice_notes, err);
  required_enum(patch, "image_style", kBrandImageStyles, b.image_style, err);
  optional_color(patch, "primary_color", b.primary_color, err);
  optional_color(patch, "background_color", b.background_color, err);
  optional_color(patch, "text_color", b.text_color, err);
  required_enum(patch, "font", kBrandFonts, b.font, err);
  required_enum(patch, "content_language", kContentLanguages, b.content_language, err);
  return value_or_errors(std::move(b), err);
}

Expected<json> workspace_patch_body(const json& patch) {
  ApiError err;
  json body = json::object();
  if (!patch.is_object()) {
    err.add("body", "The body field must be an object.");
    return value_or_errors(body, err);
  }
  if (patch.contains("name")) {
    auto name = validate_workspace_name(patch["name"]);
    if (name) body["name"] = *name;
    else
      for (const auto& [f, list] : name.error().errors)
        for (const auto& m : list) err.add(f, m);
  }
  std::optional<std::string> logo;
  if (patch.contains("logo_url")) {
    optional_url(patch, "logo_url", kLogoUrlMax, logo, err);
    body["logo_url"] = logo ? json(*logo) : json(nullptr);
  }
  return value_or_errors(std::move(body), err);
}

Expected<Workspace> workspace_from_json(const json& j, const std::string& path) {
  ApiError err;
  Workspace w;
  if (!j.is_object()) {
    err.add(path.empty() ? "workspace" : path, "The workspace must be an object.");
    return value_or_errors(w, err);
  }
  Fields f(j, path, err);
  w.id = f.string("id", true).value_or("");
  w.name = f.string("name", true).value_or("");
  w.logo_url = f.string("logo_url");
  w.created_at = f.time("created_at");
  w.updated_at = f.time("updated_at");
  if (const auto* brand = f.get("brand")) {
    auto b = apply_brand_patch(Brand{}, *brand);
    if (b) w.brand = *b;
    else
      for (const auto& [field, list] : b.error().errors)
        for (const auto& m : list) err.add(join_path(f.at("brand"), field), m);
  }
  return value_or_errors(std::move(w), err);
}

json to_json(const Brand& b) {
  const auto opt = [](const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); };
  return {{"website", opt(b.website)},
          {"description", opt(b.description)},
          {"tone", opt(b.tone)},
          {"voice_notes", opt(b.voice_notes)},
          {"image_style", b.image_style},
          {"primary_color", opt(b.primary_color)},
          {"background_color", opt(b.background_color)},
          {"text_color", opt(b.text_color)},
          {"font", b.font},
          {"content_language", b.content_language}};
}

json to_json(const Workspace& w) {
  const auto time = [](const std::optional<UtcSeconds>& t) { return t ? json(format_api_time(*t)) : json(nullptr); };
  return {{"id", w.id},
          {"name", w.name},
          {"logo_url", w.logo_url ? json(*w.logo_url) : json(nullptr)},
          {"brand", to_json(w.brand)},
          {"owner_id", w.owner_id ? json(*w.owner_id) : json(nullptr)},
          {"created_at", time(w.created_at)},
          {"updated_at", time(w.updated_at)}};
}

}  // namespace trypost
