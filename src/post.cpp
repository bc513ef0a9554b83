#include "trypost/post.hpp"

#include "trypost/json_fields.hpp"

namespace trypost {
namespace {

using nlohmann::json;


bool require_object(const json& j, const std::string& path, ApiError& err) {
  if (j.is_object()) return true;
  err.add(path.empty() ? "body" : path, "The " + attribute_name(path.empty() ? "body" : path) + " must be an object.");
  return false;
}

template <class E, class Parse>
void enum_field(Fields& f, const char* key, bool required, E& out, Parse parse) {
  if (const auto s = f.string(key, required)) {
    if (const auto v = parse(*s)) out = *v;
    else f.fail(key, "The selected " + attribute_name(f.at(key)) + " is invalid.");
  }
}

void put_time(json& j, const char* key, const std::optional<UtcSeconds>& t) {
  j[key] = t ? json(format_api_time(*t)) : json(nullptr);
}

void put_opt(json& j, const char* key, const std::optional<std::string>& s) {
  j[key] = s ? json(*s) : json(nullptr);
}

}  // namespace

bool is_hex_color(std::string_view s) {
  if (s.size() != 7 || s[0] != '#') return false;
  for (std::size_t i = 1; i < 7; ++i) {
    const char c = s[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  }
  return true;
}

Expected<MediaItem> media_item_from_json(const json& j, const std::string& path) {
  ApiError err;
  MediaItem m;
  if (!require_object(j, path, err)) return value_or_errors(m, err);
  Fields f(j, path, err);
  m.id = f.string("id").value_or("");
  m.path = f.string("path").value_or("");
  m.url = f.string("url").value_or("");
  m.type = f.string("type").value_or("");
  m.mime_type = f.string("mime_type").value_or("");
  m.original_filename = f.string("original_filename").value_or("");
  m.size = f.integer("size");
  if (const auto* meta = f.get("meta")) {
    // PHP serialises an empty map as [], so an empty array means "no meta".
    if (meta->is_object()) m.meta = *meta;
    else if (!(meta->is_array() && meta->empty())) f.fail("meta", "The " + attribute_name(f.at("meta")) + " must be an object.");
  }
  return value_or_errors(std::move(m), err);
}

Expected<Label> label_from_json(const json& j, const std::string& path) {
  ApiError err;
  Label l;
  if (!require_object(j, path, err)) return value_or_errors(l, err);
  Fields f(j, path, err);
  l.id = f.string("id", true).value_or("");
  l.name = f.string("name").value_or("");
  l.color = f.string("color").value_or("");
  l.created_at = f.time("created_at");
  l.updated_at = f.time("updated_at");
  return value_or_errors(std::move(l), err);
}

Expected<Signature> signature_from_json(const json& j, const std::string& path) {
  ApiError err;
  Signature s;
  if (!require_object(j, path, err)) return value_or_errors(s, err);
  Fields f(j, path, err);
  s.id = f.string("id", true).value_or("");
  s.name = f.string("name").value_or("");
  s.content = f.string("content").value_or("");
  s.created_at = f.time("created_at");
  s.updated_at = f.time("updated_at");
  return value_or_errors(std::move(s), err);
}

Expected<SocialAccount> social_account_from_json(const json& j, const std::string& path) {
  ApiError err;
  SocialAccount a;
  if (!require_object(j, path, err)) return value_or_errors(a, err);
  Fields f(j, path, err);
  a.id = f.string("id", true).value_or("");
  enum_field(f, "platform", true, a.platform, parse_platform);
  a.display_name = f.string("display_name").value_or("");
  a.username = f.string("username").value_or("");
  a.avatar = f.string("avatar").value_or("");
  a.is_active = f.boolean("is_active").value_or(true);
  enum_field(f, "status", false, a.status, parse_account_status);
  return value_or_errors(std::move(a), err);
}

Expected<PostPlatform> post_platform_from_json(const json& j, const std::string& path) {
  ApiError err;
  PostPlatform p;
  if (!require_object(j, path, err)) return value_or_errors(p, err);
  Fields f(j, path, err);
  p.id = f.string("id", true).value_or("");
  if (const auto* acc = f.get("social_account"); acc && acc->is_object()) {
    Fields af(*acc, f.at("social_account"), err);
    p.social_account_id = af.string("id").value_or("");
  }
  if (const auto id = f.string("social_account_id")) p.social_account_id = *id;
  enum_field(f, "platform", true, p.platform, parse_platform);
  enum_field(f, "content_type", true, p.content_type, parse_content_type);
  if (const auto* meta = f.get("meta")) {
    if (meta->is_object()) p.meta = *meta;
    else if (!(meta->is_array() && meta->empty())) f.fail("meta", "The " + attribute_name(f.at("meta")) + " must be an object.");
  }
  enum_field(f, "status", false, p.status, parse_platform_status);
  p.enabled = f.boolean("enabled").value_or(true);
  p.platform_url = f.string("platform_url");
  p.error_message = f.string("error_message");
  p.published_at = f.time("published_at");
  p.display_name = f.string("display_name").value_or("");
  p.display_username = f.string("display_username").value_or("");
  p.display_avatar = f.string("display_avatar").value_or("");
  return value_or_errors(std::move(p), err);
}

Expected<Post> post_from_json(const json& j, const std::string& path) {
  ApiError err;
  Post p;
  if (!require_object(j, path, err)) return value_or_errors(p, err);
  Fields f(j, path, err);
  p.id = f.string("id", true).value_or("");
  p.content = f.string("content");
  enum_field(f, "status", true, p.status, parse_post_status);
  p.scheduled_at = f.time("scheduled_at");
  p.published_at = f.time("published_at");
  p.created_at = f.time("created_at");
  p.updated_at = f.time("updated_at");
  auto each = [&](const char* key, auto parse, auto& out) {
    const auto* arr = f.get(key);
    if (!arr) return;
    if (!arr->is_array()) {
      f.fail(key, "The " + attribute_name(f.at(key)) + " must be an array.");
      return;
    }
    for (std::size_t i = 0; i < arr->size(); ++i) {
      auto item = parse((*arr)[i], f.at(key) + "." + std::to_string(i));
      if (item) out.push_back(std::move(item).value());
      else
        for (const auto& [field, msgs] : item.error().errors)
          for (const auto& m : msgs) err.add(field, m);
    }
  };
  each("media", media_item_from_json, p.media);
  each("platforms", post_platform_from_json, p.platforms);
  each("labels", label_from_json, p.labels);
  return value_or_errors(std::move(p), err);
}

json to_json(const MediaItem& m) {
  json j{{"id", m.id}, {"path", m.path}, {"url", m.url}, {"type", m.type}, {"mime_type", m.mime_type},
         {"original_filename", m.original_filename}};
  if (m.size) j["size"] = *m.size;
  if (!m.meta.empty()) j["meta"] = m.meta;
  return j;
}

json to_json(const Label& l) {
  json j{{"id", l.id}, {"name", l.name}, {"color", l.color}};
  put_time(j, "created_at", l.created_at);
  put_time(j, "updated_at", l.updated_at);
  return j;
}

json to_json(const Signature& s) {
  json j{{"id", s.id}, {"name", s.name}, {"content", s.content}};
  put_time(j, "created_at", s.created_at);
  put_time(j, "updated_at", s.updated_at);
  return j;
}

json to_json(const SocialAccount& a) {
  json j{{"id", a.id},
         {"platform", to_string(a.platform)},
         {"display_name", a.display_name},
         {"username", a.username},
         {"is_active", a.is_active},
         {"status", to_string(a.status)}};
  if (!a.avatar.empty()) j["avatar"] = a.avatar;
  return j;
}

json to_json(const PostPlatform& p) {
  json j{{"id", p.id},
         {"platform", to_string(p.platform)},
         {"content_type", to_string(p.content_type)},
         {"meta", p.meta},
         {"status", to_string(p.status)},
         {"enabled", p.enabled},
         {"display_name", p.display_name},
         {"display_username", p.display_username},
         {"display_avatar", p.display_avatar}};
  put_opt(j, "platform_url", p.platform_url);
  put_opt(j, "error_message", p.error_message);
  put_time(j, "published_at", p.published_at);
  if (!p.social_account_id.empty()) j["social_account"] = json{{"id", p.social_account_id}};
  else j["social_account"] = nullptr;
  return j;
}

json to_json(const Post& p) {
  json j{{"id", p.id}, {"status", to_string(p.status)}};
  put_opt(j, "content", p.content);
  j["media"] = json::array();
  for (const auto& m : p.media) j["media"].push_back(to_json(m));
  put_time(j, "scheduled_at", p.scheduled_at);
  put_time(j, "published_at", p.published_at);
  j["platforms"] = json::array();
  for (const auto& x : p.platforms) j["platforms"].push_back(to_json(x));
  j["labels"] = json::array();
  for (const auto& l : p.labels) j["labels"].push_back(to_json(l));
  put_time(j, "created_at", p.created_at);
  put_time(j, "updated_at", p.updated_at);
  return j;
}

}  // namespace trypost
