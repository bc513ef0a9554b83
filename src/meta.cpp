#include "trypost/meta.hpp"

#include <algorithm>
#include <array>

#include "trypost/content_type.hpp"

namespace trypost {
namespace {

using nlohmann::json;

const std::vector<MetaKeySpec> kAspect{
    {"aspect_ratio", MetaKind::choice, std::nullopt, {"1:1", "4:5", "16:9", "original"}, false}};
const std::vector<MetaKeySpec> kLinkedIn{{"document_title", MetaKind::string, 300, {}, false}};
const std::vector<MetaKeySpec> kTikTok{
    {"privacy_level", MetaKind::choice, std::nullopt,
     {"PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY"}, true},
    {"allow_comments", MetaKind::boolean, std::nullopt, {}, false},
    {"allow_duet", MetaKind::boolean, std::nullopt, {}, false},
    {"allow_stitch", MetaKind::boolean, std::nullopt, {}, false},
    {"auto_add_music", MetaKind::boolean, std::nullopt, {}, false},
    {"is_aigc", MetaKind::boolean, std::nullopt, {}, false},
    {"disclose", MetaKind::boolean, std::nullopt, {}, false},
    {"brand_content_toggle", MetaKind::boolean, std::nullopt, {}, false},
    {"brand_organic_toggle", MetaKind::boolean, std::nullopt, {}, false}};
const std::vector<MetaKeySpec> kPinterest{{"board_id", MetaKind::string, std::nullopt, {}, true},
                                          {"title", MetaKind::string, 100, {}, false},
                                          {"link", MetaKind::http_url, 2048, {}, false}};
const std::vector<MetaKeySpec> kDiscord{{"channel_id", MetaKind::string, std::nullopt, {}, true},
                                        {"channel_name", MetaKind::string, std::nullopt, {}, false},
                                        {"mentions", MetaKind::discord_mentions, std::nullopt, {}, false},
                                        {"embeds", MetaKind::discord_embeds, kMaxDiscordEmbeds, {}, false}};
const std::vector<MetaKeySpec> kNone{};

void check_string(const json& v, const std::string& path, std::optional<int> max, RuleErrors& e) {
  if (!v.is_string()) return e.add(path, msg::string(path));
  if (max && rule_length(v.get_ref<const std::string&>()) > std::size_t(*max)) e.add(path, msg::max_chars(path, *max));
}

void check_url(const json& v, const std::string& path, std::optional<int> max, RuleErrors& e) {
  if (!v.is_string()) return e.add(path, msg::string(path));
  const auto& s = v.get_ref<const std::string&>();
  if (max && rule_length(s) > std::size_t(*max)) e.add(path, msg::max_chars(path, *max));
  if (!is_http_url(s)) e.add(path, msg::url(path));
}

bool is_embed_color(const std::string& s) {
  const std::string_view hex = (!s.empty() && s[0] == '#') ? std::string_view(s).substr(1) : std::string_view(s);
  if (hex.size() != 6) return false;
  for (const char c : hex)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

// Items of an array of small objects: each must be an object; fields outside `known` are dropped.
template <class CheckItem>
json clean_items(const json& v, const std::string& path, std::initializer_list<std::string_view> known, RuleErrors& e,
                 std::vector<std::string>& dropped, CheckItem check_item) {
  json out = json::array();
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string at = path + "." + std::to_string(i);
    const json& item = v[i];
    if (!item.is_object()) {
      e.add(at, msg::array(at));
      out.push_back(item);
      continue;
    }
    json kept = json::object();
    for (const auto& [k, val] : item.items()) {
      bool ok = false;
      for (const auto name : known) ok = ok || name == k;
      if (ok) kept[k] = val;
      else dropped.push_back(at + "." + k);
    }
    check_item(kept, at);
    out.push_back(std::move(kept));
  }
  return out;
}

// The forms Discord pings for, said once: the catalog's hint for the token field and the notice
// for a token that is none of them.
constexpr std::string_view kDiscordMentionForms = "@everyone, @here, <@USERID> for a member or <@&ROLEID> for a role";

json check_value(const MetaKeySpec& spec, const json& v, const std::string& path, RuleErrors& e,
                 std::vector<std::string>& dropped, std::vector<Notice>& notices) {
  switch (spec.kind) {
    case MetaKind::string: check_string(v, path, spec.max_length, e); return v;
    case MetaKind::boolean:
      if (!v.is_boolean()) e.add(path, msg::boolean(path));
      return v;
    case MetaKind::choice: {
      bool ok = false;
      if (v.is_string())
        for (const auto c : spec.choices) ok = ok || c == v.get_ref<const std::string&>();
      if (!ok) e.add(path, msg::invalid_choice(path));
      return v;
    }
    case MetaKind::http_url: check_url(v, path, spec.max_length, e); return v;
    case MetaKind::discord_mentions:
      if (!v.is_array()) {
        e.add(path, msg::array(path));
        return v;
      }
      return clean_items(v, path, {"token", "label"}, e, dropped, [&](const json& m, const std::string& at) {
        const auto token = m.find("token");
        if (token == m.end() || token->is_null() || (token->is_string() && token->get_ref<const std::string&>().empty()))
          e.add(at + ".token", msg::required(at + ".token"));
        else if (!token->is_string()) e.add(at + ".token", msg::string(at + ".token"));
        else if (!discord_mention_pings(token->get_ref<const std::string&>()))
          notices.push_back({at + ".token", "This mention will not ping anyone: Discord pings only " +
                                                std::string(kDiscordMentionForms) + "."});
        if (const auto label = m.find("label"); label != m.end() && !label->is_null() && !label->is_string())
          e.add(at + ".label", msg::string(at + ".label"));
      });
    case MetaKind::discord_embeds:
      if (!v.is_array()) {
        e.add(path, msg::array(path));
        return v;
      }
      if (v.size() > std::size_t(kMaxDiscordEmbeds)) e.add(path, msg::max_items(path, kMaxDiscordEmbeds));
      return clean_items(v, path, {"title", "description", "url", "image", "color"}, e, dropped,
                         [&](const json& m, const std::string& at) {
                           auto field = [&](const char* k) -> const json* {
                             const auto it = m.find(k);
                             return (it == m.end() || it->is_null()) ? nullptr : &*it;
                           };
                           if (const auto* t = field("title")) check_string(*t, at + ".title", 256, e);
                           if (const auto* d = field("description")) check_string(*d, at + ".description", 4096, e);
                           if (const auto* u = field("url")) check_url(*u, at + ".url", std::nullopt, e);
                           if (const auto* i = field("image")) check_url(*i, at + ".image", std::nullopt, e);
                           if (const auto* c = field("color")) {
                             if (!c->is_string()) e.add(at + ".color", msg::string(at + ".color"));
                             else if (!is_embed_color(c->get_ref<const std::string&>()))
                               e.add(at + ".color", msg::format(at + ".color"));
                           }
                         });
  }
  return v;
}

}  // namespace

std::string_view to_string(MetaKind k) {
  switch (k) {
    case MetaKind::string: return "string";
    case MetaKind::boolean: return "boolean";
    case MetaKind::choice: return "enum";
    case MetaKind::http_url: return "url";
    case MetaKind::discord_mentions: return "mentions";
    case MetaKind::discord_embeds: return "embeds";
  }
  return "";
}

std::span<const MetaKeySpec> meta_keys(Platform p) {
  switch (p) {
    case Platform::facebook:
    case Platform::instagram:
    case Platform::instagram_facebook: return kAspect;
    case Platform::linkedin:
    case Platform::linkedin_page: return kLinkedIn;
    case Platform::tiktok: return kTikTok;
    case Platform::pinterest: return kPinterest;
    case Platform::discord: return kDiscord;
    default: return kNone;
  }
}

const MetaKeySpec* find_meta_key(Platform p, std::string_view key) {
  for (const auto& spec : meta_keys(p))
    if (spec.key == key) return &spec;
  return nullptr;
}

bool discord_mention_pings(std::string_view token) {
  if (token == "@everyone" || token == "@here") return true;
  std::string_view id;
  if (token.starts_with("<@&") && token.ends_with('>')) id = token.substr(3, token.size() - 4);
  else if (token.starts_with("<@") && token.ends_with('>')) id = token.substr(2, token.size() - 3);
  else return false;
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

json clean_meta(Platform p, const json& meta, const std::string& path, RuleErrors& errors,
                std::vector<std::string>& dropped, std::vector<Notice>& notices) {
  if (meta.is_null()) return meta;
  // PHP hands an empty JSON object over as [], so an empty array is an empty meta.
  if (meta.is_array() && meta.empty()) return json::object();
  if (!meta.is_object()) {
    errors.add(path, msg::array(path));
    return meta;
  }
  json out = json::object();
  for (const auto& [key, value] : meta.items()) {
    const auto* spec = find_meta_key(p, key);
    const std::string at = path + "." + key;
    if (!spec) {
      dropped.push_back(at);
      continue;
    }
    out[key] = value.is_null() ? value : check_value(*spec, value, at, errors, dropped, notices);
  }
  return out;
}

json merge_meta(const json& stored, const json& incoming) {
  json out = stored.is_object() ? stored : json::object();
  if (!incoming.is_object()) return out;
  for (const auto& [key, value] : incoming.items()) {
    if (value.is_null()) out.erase(key);
    else out[key] = value;
  }
  return out;
}

void check_required_meta(Platform p, const json& meta, const std::string& path, RuleErrors& errors) {
  for (const auto& spec : meta_keys(p)) {
    if (!spec.required_to_publish) continue;
    const std::string at = path + "." + std::string(spec.key);
    if (errors.has(at)) continue;  // already wrong in type; one message is enough
    const json* v = nullptr;
    if (meta.is_object())
      if (const auto it = meta.find(spec.key); it != meta.end()) v = &*it;
    const bool missing = !v || v->is_null() || (v->is_string() && v->get_ref<const std::string&>().empty());
    if (missing) errors.add(at, msg::required(at));
  }
}

json meta_catalog() {
  json rows = json::array();
  for (const auto p : all_platforms()) {
    json keys = json::array();
    for (const auto& spec : meta_keys(p)) {
      json k{{"key", spec.key}, {"type", to_string(spec.kind)}, {"required_to_publish", spec.required_to_publish}};
      if (spec.max_length) k[spec.kind == MetaKind::discord_embeds ? "max_items" : "max_length"] = *spec.max_length;
      if (!spec.choices.empty()) k["values"] = spec.choices;
      if (spec.kind == MetaKind::discord_embeds)
        k["fields"] = json{{"title", {{"type", "string"}, {"max_length", 256}}},
                           {"description", {{"type", "string"}, {"max_length", 4096}}},
                           {"url", {{"type", "url"}}},
                           {"image", {{"type", "url"}}},
                           {"color", {{"type", "string"}, {"format", "#RRGGBB or RRGGBB"}}}};
      if (spec.kind == MetaKind::discord_mentions)
        k["fields"] = json{{"token", {{"type", "string"}, {"required", true}, {"format", kDiscordMentionForms}}},
                           {"label", {{"type", "string"}}}};
      keys.push_back(std::move(k));
    }
    const auto& info = platform_info(p);
    rows.push_back(json{{"platform", to_string(p)},
                        {"alt_text_max_length", info.alt_text_max_length ? json(*info.alt_text_max_length) : json(nullptr)},
                        {"meta", std::move(keys)}});
  }
  return json{{"platforms", std::move(rows)}};
}

std::string meta_catalog_json(const std::string&) {
  static const std::string text = meta_catalog().dump(-1, ' ', false, kReplaceBadUtf8);
  return text;
}

}  // namespace trypost
