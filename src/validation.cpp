// The prediction of POST /posts and PUT /posts/{id}: the request's own fields, checked as the
// server checks them (the dotted paths and words of its 422), and the body that would be sent.
// What scheduling or publishing adds is in publish_rules.cpp; the JSON entry points are in
// validation_json.cpp.
#include "trypost/validation.hpp"

#include <algorithm>

#include "trypost/content_type.hpp"
#include "trypost/json_fields.hpp"
#include "trypost/meta.hpp"
#include "trypost/rule_errors.hpp"
#include "validation_parts.hpp"

namespace trypost {
namespace validation_parts {

ValidationResult PostRules::run() {
  ValidationResult r;
  r.body = body_;
  const bool update = req_.method == PostMethod::update;
  if (update) {
    for (const auto& p : ws_.posts)
      if (p.id == req_.post_id) stored_ = &p;
    if (!stored_) return answer(r, make_error(404, "Post not found."));
    if (!is_editable(stored_->status)) return answer(r, make_error(422, std::string(kFrozenPostMessage)));
  }
  if (!body_.is_object()) {
    e_.add("body", "The request body must be a JSON object.");
    return answer(r, e_.finish());
  }
  if (update) check_status();
  check_content();
  check_media();
  if (update) check_update_platforms(r);
  else check_create_platforms(r);
  check_scheduled_at();
  check_label_ids();
  if (publishing()) check_publishable(r);
  r.dropped = dropped_;
  if (!e_.empty()) return answer(r, e_.finish());
  r.status = update ? 200 : 201;
  return r;
}

void PostRules::check_status() {
  const json* v = member(body_, "status");
  if (blank(v)) return e_.add("status", msg::required("status"));
  const auto s = v->is_string() ? parse_post_status(v->get<std::string>()) : std::nullopt;
  if (!v->is_string()) return e_.add("status", msg::string("status"));
  if (!s || !(*s == PostStatus::draft || *s == PostStatus::scheduled || *s == PostStatus::publishing))
    return e_.add("status", msg::invalid_choice("status"));
  status_ = s;
}

void PostRules::check_content() {
  const json* v = value_of(body_, "content");
  if (!v) return;
  if (!v->is_string()) return e_.add("content", msg::string("content"));
  if (rule_length(v->get_ref<const std::string&>()) > kMaxPostContentLength)
    e_.add("content", msg::max_chars("content", kMaxPostContentLength));
}

void PostRules::check_media() {
  const json* v = value_of(body_, "media");
  if (!v) return;
  if (v->is_object() && v->empty()) return;  // PHP's empty array
  if (!v->is_array()) return e_.add("media", msg::array("media"));
  for (std::size_t i = 0; i < v->size(); ++i) {
    const std::string at = idx("media", i);
    const json& item = (*v)[i];
    if (!item.is_object()) e_.add(at, msg::array(at));
    else check_media_item(at, item);
  }
}

void PostRules::check_media_item(const std::string& at, const json& item) {
  const json* url = member(item, "url");
  const std::string url_at = at + ".url";
  if (blank(url)) e_.add(url_at, msg::required(url_at));
  else if (!url->is_string()) e_.add(url_at, msg::string(url_at));
  else {
    const auto& s = url->get_ref<const std::string&>();
    if (!is_http_url(s)) e_.add(url_at, msg::url(url_at));
    if (rule_length(s) > kMaxMediaUrlLength) e_.add(url_at, msg::max_chars(url_at, kMaxMediaUrlLength));
  }
  string_field(item, at, "id");
  string_field(item, at, "path");
  string_field(item, at, "mime_type");
  string_field(item, at, "original_filename", kMaxOriginalFilenameLength);
  if (const json* t = value_of(item, "type")) {
    if (!t->is_string() || !parse_media_kind(t->get<std::string>())) e_.add(at + ".type", msg::invalid_choice(at + ".type"));
  }
  if (const json* s = value_of(item, "size"); s && !s->is_number_integer()) e_.add(at + ".size", msg::integer(at + ".size"));
  if (const json* s = value_of(item, "source")) {
    const bool ok = s->is_string() && (*s == "ai" || *s == "unsplash" || *s == "giphy");
    if (!ok) e_.add(at + ".source", msg::invalid_choice(at + ".source"));
  }
  if (const json* s = value_of(item, "source_meta"); s && !s->is_object() && !s->is_array())
    e_.add(at + ".source_meta", msg::array(at + ".source_meta"));
  if (const json* m = value_of(item, "meta")) {
    if (!m->is_object() && !(m->is_array() && m->empty())) e_.add(at + ".meta", msg::array(at + ".meta"));
    else string_field(*m, at + ".meta", "alt_text", kMaxAltTextLength);
  }
}

void PostRules::string_field(const json& obj, const std::string& at, const char* key, std::size_t max) {
  const json* v = value_of(obj, key);
  if (!v) return;
  const std::string path = at + "." + key;
  if (!v->is_string()) return e_.add(path, msg::string(path));
  if (max && rule_length(v->get_ref<const std::string&>()) > max) e_.add(path, msg::max_chars(path, std::int64_t(max)));
}

std::optional<ContentType> PostRules::content_type_field(const json& row, const std::string& at, bool required) {
  const std::string path = at + ".content_type";
  const json* v = member(row, "content_type");
  if (blank(v)) {
    if (required) e_.add(path, msg::required(path));
    return std::nullopt;
  }
  if (!v->is_string()) {
    e_.add(path, msg::string(path));
    return std::nullopt;
  }
  const auto t = parse_content_type(v->get<std::string>());
  if (!t) e_.add(path, msg::invalid_choice(path));
  return t;
}

void PostRules::content_type_matches(ContentType t, Platform p, const std::string& at) {
  if (content_type_fits(t, p)) return;
  const std::string path = at + ".content_type";
  e_.add(path, "The " + attribute_name(path) + " " + std::string(to_string(t)) + " is not available for " +
                   std::string(platform_info(p).label) + " accounts.");
}

void PostRules::clean_row_meta(ValidationResult& r, std::size_t i, const json& row, Platform p) {
  const json* meta = member(row, "meta");
  if (!meta || meta->is_null()) return;
  const std::string at = idx("platforms", i) + ".meta";
  json cleaned = clean_meta(p, *meta, at, e_, dropped_, r.notices);
  incoming_meta_[i] = cleaned;
  r.body["platforms"][i]["meta"] = std::move(cleaned);
}


// platforms: required on create, at least one; accounts of this workspace and active.
void PostRules::check_create_platforms(ValidationResult& r) {
  const json* v = member(body_, "platforms");
  if (blank(v)) return e_.add("platforms", msg::required("platforms"));
  if (!v->is_array()) return e_.add("platforms", msg::array("platforms"));
  for_each_row(*v, [&](std::size_t i, const json& row, const std::string& at) {
    const SocialAccount* account = pick_by_id(row, at, "social_account_id", ws_.social_accounts,
                                              [](const SocialAccount& a) { return a.is_active; });
    const auto type = content_type_field(row, at, true);
    if (account && type) content_type_matches(*type, account->platform, at);
    // The account decides whose keys are kept; without one, the content type's platform does.
    std::optional<Platform> platform;
    if (account) platform = account->platform;
    else if (type) platform = platforms_of(*type).front();
    if (platform) clean_row_meta(r, i, row, *platform);
    else if (const json* meta = value_of(row, "meta"); meta && !meta->is_object() && !(meta->is_array() && meta->empty()))
      e_.add(at + ".meta", msg::array(at + ".meta"));
  });
}

// platforms on update: optional; each entry names a post_platform of this post.
void PostRules::check_update_platforms(ValidationResult& r) {
  const json* v = value_of(body_, "platforms");
  if (!v) return;
  if (v->is_object() && v->empty()) {
    rows_sent_ = true;
    return;
  }
  if (!v->is_array()) return e_.add("platforms", msg::array("platforms"));
  rows_sent_ = true;
  for_each_row(*v, [&](std::size_t i, const json& row, const std::string& at) {
    const PostPlatform* stored_row = pick_by_id(row, at, "id", stored_->platforms, [](const PostPlatform&) { return true; });
    const auto type = content_type_field(row, at, false);
    if (!stored_row) return;
    if (type) content_type_matches(*type, stored_row->platform, at);
    clean_row_meta(r, i, row, stored_row->platform);
    sent_rows_.push_back({i, stored_row, type});
  });
}

void PostRules::check_scheduled_at() {
  const json* v = value_of(body_, "scheduled_at");
  const bool update = req_.method == PostMethod::update;
  const bool scheduling = update && status_ == PostStatus::scheduled;
  if (!v) {
    // A stored time still ahead is reused; otherwise scheduling needs one.
    if (scheduling && !(stored_->scheduled_at && *stored_->scheduled_at > req_.now))
      e_.add("scheduled_at", msg::required_when("scheduled_at", "status", "scheduled"));
    return;
  }
  if (!v->is_string()) return e_.add("scheduled_at", msg::string("scheduled_at"));
  const auto t = parse_time(v->get_ref<const std::string&>());
  if (!t.value) return e_.add("scheduled_at", msg::date("scheduled_at"));
  if ((!update || scheduling) && *t.value <= req_.now) e_.add("scheduled_at", msg::after_now("scheduled_at"));
}

void PostRules::check_label_ids() {
  const json* v = value_of(body_, "label_ids");
  if (!v) return;
  if (v->is_object() && v->empty()) return;
  if (!v->is_array()) return e_.add("label_ids", msg::array("label_ids"));
  for (std::size_t i = 0; i < v->size(); ++i) {
    const std::string at = idx("label_ids", i);
    const json& id = (*v)[i];
    if (!id.is_string()) {
      e_.add(at, msg::string(at));
      continue;
    }
    const bool known = std::any_of(ws_.labels.begin(), ws_.labels.end(),
                                   [&](const Label& l) { return l.id == id.get_ref<const std::string&>(); });
    if (!known) e_.add(at, msg::invalid_choice(at));
  }
}

}  // namespace validation_parts

ValidationResult validate_post_request(const WorkspaceData& workspace, const PostRequest& request) {
  return validation_parts::PostRules(workspace, request).run();
}

}  // namespace trypost
