// The steps that land a success answer of the workspace's own REST API (docs/api-contract.md) in
// the workspace it was asked for: the key probe, the workspace, the pages of a refresh, one post,
// labels, signatures, social accounts and API-key metadata. store_answer.cpp picks the step.
#include <algorithm>
#include <unordered_set>

#include "store_parts.hpp"
#include "trypost/store.hpp"

namespace trypost {
namespace {

using nlohmann::json;
using store_parts::api_key_metadata;
using store_parts::int_field;
using store_parts::merge_errors;
using store_parts::string_field;
using store_parts::uint_field;

// 1.5 million posts at the API's 15 a page.
constexpr std::int64_t kMaxPostPages = 100000;

template <class T, class Parse>
Expected<std::vector<T>> parse_list(const json& body, Parse parse) {
  ApiError err;
  std::vector<T> out;
  if (!body.is_array()) return make_error(502, "The server answered with a malformed list.");
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    auto v = parse(body[i], std::to_string(i));
    if (v) out.push_back(std::move(v).value());
    else err = merge_errors(std::move(err), v.error());
  }
  if (!err.errors.empty()) {
    err.status = 502;
    err.finalize_message();
    return err;
  }
  return out;
}

// A whole list answer replaces the workspace's list, or nothing changes.
template <class T, class Parse>
std::optional<ApiError> replace_list(std::vector<T>& into, const json& body, Parse parse) {
  auto v = parse_list<T>(body, [&](const json& j, const std::string& i) { return parse(j, i); });
  if (!v) return v.error();
  into = std::move(v).value();
  return std::nullopt;
}

void reindex(WorkspaceState& s) {
  s.post_index.clear();
  s.post_index.reserve(s.posts.size());
  for (std::size_t i = 0; i < s.posts.size(); ++i) s.post_index.emplace(s.posts[i].id, i);
}

void upsert_post(WorkspaceState& s, Post p) {
  const auto it = s.post_index.find(p.id);
  if (it != s.post_index.end()) s.posts[it->second] = std::move(p);
  else {
    s.post_index.emplace(p.id, s.posts.size());
    s.posts.push_back(std::move(p));
  }
}

void remove_post(WorkspaceState& s, const std::string& id) {
  const auto it = s.post_index.find(id);
  if (it == s.post_index.end()) return;
  s.posts.erase(s.posts.begin() + static_cast<std::ptrdiff_t>(it->second));
  reindex(s);
}

// The meta of a posts page, checked: current_page and last_page are integers, last_page within
// what a walker may follow.
std::optional<ApiError> check_page_meta(const json& meta) {
  if (!meta.is_object()) return field_error("meta", "The meta field must be an object.");
  for (const char* k : {"current_page", "last_page"})
    if (meta.contains(k) && !meta[k].is_number_integer())
      return field_error(std::string("meta.") + k, std::string("The ") + k + " field must be an integer.");
  // A hostile or broken server must not send the walker after billions of pages.
  if (int_field(meta, "last_page", 1) > kMaxPostPages)
    return field_error("meta.last_page", "The last_page field is above the limit of " + std::to_string(kMaxPostPages) + " pages.");
  return std::nullopt;
}

// Posts can shift between pages while we walk; keep the first sighting of each id, in page order.
std::vector<Post> merge_pages(WorkspaceState& s) {
  std::unordered_set<std::string> seen;
  std::vector<Post> merged;
  for (auto& [page, list] : s.staging) {
    if (page > s.staging_last) break;
    for (auto& p : list)
      if (seen.insert(p.id).second) merged.push_back(std::move(p));
  }
  return merged;
}

}  // namespace

Store::ShapeProblem Store::apply_workspace_probe(const PendingRequest& r, const json& body, json& out) {
  auto w = workspace_from_json(body);
  if (!w) return w.error();
  const bool fresh = find(w->id) == nullptr;
  auto& st = upsert(*w);
  // Only an Owner or an Admin can create a key (docs/api-contract.md#roles), so a key's holder is at least an
  // Admin; the account API, when present, refines this to owner.
  if (fresh) st.role = Role::admin;
  st.key = r.probe_key;  // one key per workspace in this client: a new one replaces the old
  if (active_.empty()) active_ = w->id;
  out["workspace_id"] = w->id;
  out["workspace"] = summary(w->id);
  return std::nullopt;
}

Store::ShapeProblem Store::apply_workspace_get(WorkspaceState& s, const json& body) {
  auto w = workspace_from_json(body);
  if (!w) return w.error();
  if (w->id != s.info.id) return make_error(502, "The server answered for another workspace.");
  // REST knows no brand or logo: keep what the account API told us.
  s.info.name = w->name;
  s.info.created_at = w->created_at;
  s.info.updated_at = w->updated_at;
  bump(s, "workspace");
  return std::nullopt;
}

Store::ShapeProblem Store::apply_posts_page(const PendingRequest& r, WorkspaceState& s, const json& body, json& out) {
  if (uint_field(r.params, "refresh") != s.refresh_id) {
    out["outcome"] = "dropped";
    out["reason"] = "a newer refresh replaced this one";
    return std::nullopt;
  }
  if (!body.is_object() || !body.contains("data") || !body["data"].is_array())
    return make_error(502, "The server answered with a malformed page.");
  auto posts = parse_list<Post>(body["data"], [](const json& j, const std::string& i) { return post_from_json(j, "data." + i); });
  if (!posts) {
    s.refresh_id = 0;
    s.staging.clear();
    s.staging_last = 0;
    return posts.error();
  }
  const json meta = body.value("meta", json::object());
  if (auto problem = check_page_meta(meta)) return problem;
  const auto current = int_field(meta, "current_page", 1);
  const auto last = int_field(meta, "last_page", 1);
  // Keyed by the page asked for: that is what the walker tracks, whatever the server echoes.
  const auto asked = int_field(r.params, "page", 1);
  s.staging[asked] = std::move(posts).value();
  s.staging_last = std::max({s.staging_last, last, std::int64_t{1}});
  std::int64_t have = 0;
  for (auto it = s.staging.begin(); it != s.staging.end() && it->first <= s.staging_last; ++it) ++have;
  out["page"] = current;
  out["last_page"] = s.staging_last;
  out["missing"] = s.staging_last - have;
  if (have < s.staging_last) {
    // A sequential walker follows `next`; a parallel one asks for every page up to last_page.
    out["next"] = current < last ? json{{"page", current + 1}, {"refresh", s.refresh_id}} : json(nullptr);
    return std::nullopt;
  }
  s.posts = merge_pages(s);
  s.staging.clear();
  s.staging_last = 0;
  s.refresh_id = 0;
  reindex(s);
  bump(s, "posts");
  out["next"] = nullptr;
  out["count"] = s.posts.size();
  return std::nullopt;
}

Store::ShapeProblem Store::apply_post(WorkspaceState& s, const json& body, json& out) {
  auto p = post_from_json(body);
  if (!p) return p.error();
  out["post_id"] = p->id;
  upsert_post(s, std::move(p).value());
  bump(s, "posts");
  return std::nullopt;
}

Store::ShapeProblem Store::apply_post_delete(const PendingRequest& r, WorkspaceState& s) {
  remove_post(s, string_field(r.params, "post_id"));
  bump(s, "posts");
  return std::nullopt;
}

Store::ShapeProblem Store::apply_list(RequestKind kind, WorkspaceState& s, const json& body) {
  std::optional<ApiError> problem;
  const char* part = "";
  switch (kind) {
    case RequestKind::labels_list:
      problem = replace_list(s.labels, body, label_from_json);
      part = "labels";
      break;
    case RequestKind::signatures_list:
      problem = replace_list(s.signatures, body, signature_from_json);
      part = "signatures";
      break;
    default:
      problem = replace_list(s.accounts, body, social_account_from_json);
      part = "accounts";
      break;
  }
  if (!problem) bump(s, part);
  return problem;
}

Store::ShapeProblem Store::apply_api_keys(WorkspaceState& s, const json& body) {
  if (!body.is_array()) return make_error(502, "The server answered with a malformed list.");
  ApiError err;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const json& k = body[i];
    const auto at = std::to_string(i);
    if (!k.is_object()) err.add(at, "The key must be an object.");
    else if (!k.contains("id") || !(k["id"].is_string() || k["id"].is_number_integer())) err.add(at + ".id", "The id field is required.");
    else if (k.contains("name") && !k["name"].is_string()) err.add(at + ".name", "The name field must be a string.");
  }
  if (!err.errors.empty()) {
    err.finalize_message();
    return err;
  }
  s.api_keys = json::array();
  for (const auto& k : body) s.api_keys.push_back(api_key_metadata(k));
  bump(s, "api_keys");
  return std::nullopt;
}

}  // namespace trypost
