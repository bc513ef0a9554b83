// The success shapes of the documented answers: model types (posts, labels, signatures, social
// accounts) through post.hpp, Laravel's paginated envelope, and for the rest a small declarative
// check that names every bad field by its dotted path.
#include <algorithm>
#include <vector>

#include "response_parts.hpp"
#include "trypost/json_fields.hpp"
#include "trypost/post.hpp"

namespace trypost::response_parts {
namespace {

using nlohmann::json;
using R = ResponseShape;

// A small declarative check of the shapes without a model type.
enum class T { string, id, integer, boolean, time, object, meta, strings, list, nested, any };
struct Spec {
  const char* key;
  T type;
  bool required = true;
  bool nullable = false;
  const std::vector<Spec>* sub = nullptr;  // for list and nested
};

void check(const json& j, const std::string& path, const std::vector<Spec>& schema, ApiError& err);

void check_value(const json& v, const std::string& at, const Spec& s, ApiError& err) {
  const auto name = attribute_name(at);
  switch (s.type) {
    case T::string:
      if (!v.is_string()) err.add(at, "The " + name + " field must be a string.");
      break;
    case T::id:
      if (!v.is_string() && !v.is_number_integer()) err.add(at, "The " + name + " field must be an id.");
      break;
    case T::integer:
      if (!v.is_number_integer()) err.add(at, "The " + name + " field must be an integer.");
      break;
    case T::boolean:
      if (!v.is_boolean()) err.add(at, "The " + name + " field must be true or false.");
      break;
    case T::time:
      if (!v.is_string()) err.add(at, "The " + name + " field must be a date string.");
      else if (const auto t = parse_time(v.get<std::string>()); !t.value) err.add(at, "The " + name + " field " + t.error + ".");
      break;
    case T::object:
      if (!v.is_object()) err.add(at, "The " + name + " field must be an object.");
      break;
    case T::meta:  // PHP writes an empty map as []
      if (!v.is_object() && !(v.is_array() && v.empty())) err.add(at, "The " + name + " field must be an object.");
      break;
    case T::strings:
      if (!v.is_array()) {
        err.add(at, "The " + name + " field must be a list.");
        break;
      }
      for (std::size_t i = 0; i < v.size(); ++i)
        if (!v[i].is_string()) err.add(at + "." + std::to_string(i), "The " + name + "." + std::to_string(i) + " field must be a string.");
      break;
    case T::list:
      if (!v.is_array()) {
        err.add(at, "The " + name + " field must be a list.");
        break;
      }
      for (std::size_t i = 0; i < v.size(); ++i) check(v[i], at + "." + std::to_string(i), *s.sub, err);
      break;
    case T::nested:
      check(v, at, *s.sub, err);
      break;
    case T::any:
      break;
  }
}

void check(const json& j, const std::string& path, const std::vector<Spec>& schema, ApiError& err) {
  if (!j.is_object()) {
    const auto where = path.empty() ? std::string("body") : path;
    err.add(where, "The " + attribute_name(where) + " must be an object.");
    return;
  }
  for (const auto& s : schema) {
    const auto at = join_path(path, s.key);
    const auto it = j.find(s.key);
    if (it == j.end() || it->is_null()) {
      if (it == j.end() && s.required) err.add(at, "The " + attribute_name(at) + " field is required.");
      else if (it != j.end() && !s.nullable) err.add(at, "The " + attribute_name(at) + " field may not be null.");
      continue;
    }
    check_value(*it, at, s, err);
  }
}

const std::vector<Spec> kWorkspace = {{"id", T::string}, {"name", T::string}, {"created_at", T::time, false, true},
                                      {"updated_at", T::time, false, true}};
const std::vector<Spec> kAsset = {{"id", T::string},        {"original_filename", T::string, false, true},
                                  {"type", T::string},      {"mime_type", T::string, false, true},
                                  {"size", T::integer, false, true}, {"url", T::string},
                                  {"meta", T::meta, false, true},    {"created_at", T::time, false, true}};
const std::vector<Spec> kApiKey = {{"id", T::id}, {"name", T::string}, {"last_used_at", T::time, false, true},
                                   {"expires_at", T::time, false, true}, {"created_at", T::time, false, true}};
const std::vector<Spec> kApiKeyCreated = {{"token", T::nested, true, false, &kApiKey}, {"plain_token", T::string}};
const std::vector<Spec> kNamedId = {{"id", T::string}, {"name", T::string}};
const std::vector<Spec> kBoards = {{"boards", T::list, true, false, &kNamedId}, {"truncated", T::boolean, false}};
const std::vector<Spec> kChannels = {{"channels", T::list, true, false, &kNamedId}};
const std::vector<Spec> kMetricRow = {{"post_platform_id", T::string}, {"platform", T::string}, {"status", T::string, false},
                                      {"platform_post_id", T::string, false, true}, {"platform_url", T::string, false, true},
                                      {"metrics", T::any}};
const std::vector<Spec> kMetrics = {{"post_id", T::string}, {"platforms", T::list, true, false, &kMetricRow}};
const std::vector<Spec> kPreviewRow = {{"post_platform_id", T::string},    {"platform", T::string},
                                       {"content_type", T::string},        {"sanitized_content", T::string, true, true},
                                       {"sanitized_length", T::integer},   {"max_content_length", T::integer},
                                       {"truncated", T::boolean}};
const std::vector<Spec> kPreview = {{"post_id", T::string}, {"original_content", T::string, true, true},
                                    {"original_length", T::integer}, {"platforms", T::list, true, false, &kPreviewRow}};
const std::vector<Spec> kUpload = {{"upload_token", T::string}, {"media_id", T::string}, {"type", T::string},
                                   {"mime_type", T::string}, {"original_filename", T::string, false, true}};
const std::vector<Spec> kContentTypeRow = {{"value", T::string}, {"label", T::string, false},
                                           {"max_media_count", T::integer, false}, {"min_media_count", T::integer, false},
                                           {"requires_media", T::boolean, false}};
const std::vector<Spec> kPlatformRow = {{"platform", T::string},
                                        {"label", T::string, false},
                                        {"max_content_length", T::integer},
                                        {"recommended_content_length", T::integer, false, true},
                                        {"allowed_media_types", T::strings, false},
                                        {"default_content_type", T::string, false, true},
                                        {"content_types", T::list, true, false, &kContentTypeRow}};
const std::vector<Spec> kContentTypes = {{"platforms", T::list, true, false, &kPlatformRow}};
const std::vector<Spec> kAccountMe = {{"id", T::id}, {"name", T::string}, {"email", T::string}, {"account_id", T::id, false},
                                      {"is_owner", T::boolean}};
const std::vector<Spec> kAccountWorkspace = {{"id", T::string},          {"name", T::string},
                                             {"logo_url", T::string, false, true}, {"role", T::string},
                                             {"brand", T::object, false, true},    {"created_at", T::time, false, true},
                                             {"updated_at", T::time, false, true}};
// The creating device's session (when it named itself) or, from a server that makes one, a key.
const std::vector<Spec> kAccountWorkspaceCreated = {{"workspace", T::nested, true, false, &kAccountWorkspace},
                                                    {"api_key", T::nested, false, false, &kApiKeyCreated},
                                                    {"session", T::object, false}};
const std::vector<Spec> kSession = {{"id", T::id},           {"workspace_id", T::id},
                                    {"device_id", T::string}, {"device_name", T::string, false, true},
                                    {"created_at", T::time, false, true}, {"last_used_at", T::time, false, true},
                                    {"expires_at", T::time}};
const std::vector<Spec> kMember = {{"user_id", T::id}, {"name", T::string}, {"email", T::string}, {"role", T::string}};
const std::vector<Spec> kInvite = {{"id", T::id}, {"email", T::string}, {"role", T::string}, {"status", T::string},
                                   {"created_at", T::time, false, true}};
const std::vector<Spec> kMembers = {{"members", T::list, true, false, &kMember}, {"invites", T::list, true, false, &kInvite}};
const std::vector<Spec> kUsage = {{"mode", T::string}, {"credits_used", T::integer, false, true},
                                  {"credits_limit", T::integer, false, true}, {"resets_at", T::time, false, true},
                                  {"plan_status", T::string, false, true}};

// Items of a list, one parser per shape; model types go through post.hpp and come back
// normalized, the rest are checked and passed on as they came.
template <class F>
json map_items(const json& arr, const std::string& prefix, ApiError& err, F&& one) {
  json out = json::array();
  for (std::size_t i = 0; i < arr.size(); ++i) out.push_back(one(arr[i], join_path(prefix, std::to_string(i)), err));
  return out;
}

template <class ParseFn>
json via_model(const json& j, const std::string& path, ApiError& err, ParseFn parse) {
  auto v = parse(j, path);
  if (!v) {
    for (const auto& [k, list] : v.error().errors)
      for (const auto& m : list) err.add(k, m);
    return nullptr;
  }
  return to_json(v.value());
}

json checked(const json& j, const std::string& path, ApiError& err, const std::vector<Spec>& schema) {
  check(j, path, schema, err);
  return j;
}

json one_item(R shape, const json& j, const std::string& path, ApiError& err) {
  switch (shape) {
    case R::post: return via_model(j, path, err, post_from_json);
    case R::signature: return via_model(j, path, err, signature_from_json);
    case R::label: return via_model(j, path, err, label_from_json);
    case R::social_account: return via_model(j, path, err, social_account_from_json);
    case R::asset: return checked(j, path, err, kAsset);
    default: return nullptr;
  }
}

json list_of(R item, const json& j, const std::string& path, ApiError& err) {
  if (!j.is_array()) {
    err.add(path.empty() ? "body" : path, "The " + (path.empty() ? std::string("body") : attribute_name(path)) + " must be a list.");
    return nullptr;
  }
  return map_items(j, path, err, [&](const json& x, const std::string& p, ApiError& e) { return one_item(item, x, p, e); });
}

// Laravel's paginator envelope (docs/api-contract.md#pagination). `from`/`to` are null on an empty page.
json page_of(R item, const json& j, ApiError& err, PageInfo& page) {
  if (!j.is_object()) {
    err.add("body", "The body must be a paginated object with data, links and meta.");
    return nullptr;
  }
  const auto d = j.find("data");
  json data;
  if (d == j.end() || !d->is_array()) err.add("data", "The data field must be a list.");
  else data = list_of(item, *d, "data", err);
  const auto m = j.find("meta");
  if (m == j.end() || !m->is_object()) {
    err.add("meta", "The meta field must be an object.");
    return data;
  }
  Fields f(*m, "meta", err);
  const auto current = f.integer("current_page", true);
  const auto last = f.integer("last_page", true);
  const auto per = f.integer("per_page", true);
  const auto total = f.integer("total", true);
  page.from = f.integer("from");
  page.to = f.integer("to");
  if (const auto l = j.find("links"); l != j.end() && !l->is_null()) {
    Fields lf(*l, "links", err);
    if (!l->is_object()) err.add("links", "The links field must be an object.");
    else for (const char* k : {"first", "last", "prev", "next"}) lf.string(k);
  }
  if (!current || !last || !per || !total) return data;
  if (*current < 1) f.fail("current_page", "The meta.current page field must be at least 1.");
  if (*last < 1) f.fail("last_page", "The meta.last page field must be at least 1.");
  if (*per < 1) f.fail("per_page", "The meta.per page field must be at least 1.");
  if (*total < 0) f.fail("total", "The meta.total field may not be negative.");
  if (data.is_array() && *per >= 1 && static_cast<std::int64_t>(data.size()) > *per)
    err.add("data", "The page holds more items than meta.per_page allows.");
  page.current_page = *current;
  page.last_page = *last;
  page.per_page = *per;
  page.total = *total;
  if (*current < *last) page.next_page = *current + 1;
  if (*current > 1) page.prev_page = std::min(*current - 1, *last);
  return data;
}

// POST /posts/{id}/media/from-url: the counts, and the post as a model.
json media_from_url(const json& j, ApiError& err) {
  check(j, "", {{"attached_count", T::integer}, {"failed_urls", T::strings}}, err);
  if (!j.is_object()) return nullptr;
  json out = j;
  const auto p = j.find("post");
  if (p == j.end()) err.add("post", "The post field is required.");
  else out["post"] = one_item(R::post, *p, "post", err);
  return out;
}

}  // namespace

json parse_success(R shape, const json& j, ApiError& err, std::optional<PageInfo>& page) {
  switch (shape) {
    case R::post:
    case R::signature:
    case R::label:
    case R::social_account:
    case R::asset: return one_item(shape, j, "", err);
    case R::post_page:
    case R::asset_page: {
      PageInfo p;
      auto data = page_of(shape == R::post_page ? R::post : R::asset, j, err, p);
      page = p;
      return data;
    }
    case R::signature_list: return list_of(R::signature, j, "", err);
    case R::label_list: return list_of(R::label, j, "", err);
    case R::social_account_list: return list_of(R::social_account, j, "", err);
    case R::post_media_from_url: return media_from_url(j, err);
    case R::post_metrics: return checked(j, "", err, kMetrics);
    case R::post_preview: return checked(j, "", err, kPreview);
    case R::upload: return checked(j, "", err, kUpload);
    case R::content_types: return checked(j, "", err, kContentTypes);
    case R::workspace: return checked(j, "", err, kWorkspace);
    case R::boards: return checked(j, "", err, kBoards);
    case R::channels: return checked(j, "", err, kChannels);
    case R::api_key_list:
      if (!j.is_array()) break;
      return map_items(j, "", err, [](const json& x, const std::string& p, ApiError& e) { return checked(x, p, e, kApiKey); });
    case R::api_key_created: return checked(j, "", err, kApiKeyCreated);
    case R::account_me: return checked(j, "", err, kAccountMe);
    case R::account_workspace: return checked(j, "", err, kAccountWorkspace);
    case R::account_workspace_list:
      if (!j.is_array()) break;
      return map_items(j, "", err, [](const json& x, const std::string& p, ApiError& e) { return checked(x, p, e, kAccountWorkspace); });
    case R::account_workspace_created: return checked(j, "", err, kAccountWorkspaceCreated);
    case R::account_members: return checked(j, "", err, kMembers);
    case R::account_invite: return checked(j, "", err, kInvite);
    case R::account_member: return checked(j, "", err, kMember);
    case R::account_usage: return checked(j, "", err, kUsage);
    case R::account_session_list:
      if (!j.is_array()) break;
      return map_items(j, "", err, [](const json& x, const std::string& p, ApiError& e) { return checked(x, p, e, kSession); });
    case R::account_sessions_opened:
      if (j.is_object() && j.contains("sessions") && j["sessions"].is_array()) return j;
      err.add("sessions", "The sessions field must be a list.");
      return nullptr;
    case R::empty: return nullptr;
  }
  err.add("body", "The body must be a list.");
  return nullptr;
}

bool shape_is_list(R s) {
  return s == R::signature_list || s == R::label_list || s == R::social_account_list || s == R::api_key_list ||
         s == R::account_workspace_list || s == R::account_session_list;
}

const char* marker_key(R s) {
  switch (s) {
    case R::post_page:
    case R::asset_page: return "data";
    case R::post_media_from_url: return "post";
    case R::post_metrics:
    case R::post_preview: return "post_id";
    case R::upload: return "upload_token";
    case R::content_types: return "platforms";
    case R::boards: return "boards";
    case R::channels: return "channels";
    case R::api_key_created: return "plain_token";
    case R::account_workspace_created: return "workspace";
    case R::account_members: return "members";
    case R::account_member: return "user_id";
    case R::account_usage: return "mode";
    case R::account_sessions_opened: return "sessions";
    default: return "id";
  }
}

}  // namespace trypost::response_parts
