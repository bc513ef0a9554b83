#pragma once
// The prediction of POST /posts and PUT /posts/{id}, shared by its source files: validation.cpp
// (the request's own fields), publish_rules.cpp (what a post must meet to be scheduled or
// published) and validation_json.cpp (the JSON entry points). Not part of the public headers.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/content_type.hpp"
#include "trypost/rule_errors.hpp"
#include "trypost/validation.hpp"

namespace trypost::validation_parts {

using nlohmann::json;

inline const json* member(const json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  const auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}
// Present and not null: Laravel's "filled enough to validate".
inline const json* value_of(const json& obj, const char* key) {
  const json* v = member(obj, key);
  return (v && !v->is_null()) ? v : nullptr;
}
inline bool blank(const json* v) {
  return !v || v->is_null() || (v->is_string() && v->get_ref<const std::string&>().empty()) ||
         ((v->is_array() || v->is_object()) && v->empty());
}
inline std::string idx(const std::string& path, std::size_t i) { return path + "." + std::to_string(i); }

// A media item as the compatibility rules see it.
struct MediaFacts {
  std::optional<MediaKind> kind;
  bool gif = false;
  std::optional<std::int64_t> size;
  std::optional<double> duration;
};

// One platform entry as it would publish: its error path, platform and effective content type.
struct EffectiveRow {
  std::string path;  // platforms.{i}
  Platform platform;
  ContentType type;
};

class PostRules {
 public:
  PostRules(const WorkspaceData& ws, const PostRequest& req) : ws_(ws), req_(req), body_(req.body) {}

  ValidationResult run();

 private:
  static ValidationResult& answer(ValidationResult& r, ApiError err) {
    r.status = err.status;
    r.error = std::move(err);
    return r;
  }

  bool publishing() const {
    return status_ && (*status_ == PostStatus::scheduled || *status_ == PostStatus::publishing);
  }

  // The request's own fields (validation.cpp).
  void check_status();
  void check_content();
  void check_media();
  void check_media_item(const std::string& at, const json& item);
  void string_field(const json& obj, const std::string& at, const char* key, std::size_t max = 0);
  std::optional<ContentType> content_type_field(const json& row, const std::string& at, bool required);
  void content_type_matches(ContentType t, Platform p, const std::string& at);
  void clean_row_meta(ValidationResult& r, std::size_t i, const json& row, Platform p);
  void check_create_platforms(ValidationResult& r);
  void check_update_platforms(ValidationResult& r);
  void check_scheduled_at();
  void check_label_ids();

  // Each entry of a platforms list; an entry that is not an object is an error at its index.
  template <class Fn>
  void for_each_row(const json& rows, Fn&& fn) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::string at = idx("platforms", i);
      if (!rows[i].is_object()) e_.add(at, msg::array(at));
      else fn(i, rows[i], at);
    }
  }

  // The row's required string `key` must be the id of one of `items` that `usable` accepts.
  template <class Items, class Usable>
  const typename Items::value_type* pick_by_id(const json& row, const std::string& at, const char* key, const Items& items,
                                              Usable usable) {
    const std::string path = at + "." + key;
    const json* v = member(row, key);
    if (blank(v)) return e_.add(path, msg::required(path)), nullptr;
    if (!v->is_string()) return e_.add(path, msg::string(path)), nullptr;
    const auto& id = v->get_ref<const std::string&>();
    for (const auto& item : items)
      if (item.id == id && usable(item)) return &item;
    e_.add(path, msg::invalid_choice(path));
    return nullptr;
  }

  // The checks that run only when the update schedules or publishes (publish_rules.cpp).
  void check_publishable(ValidationResult& r);
  std::vector<EffectiveRow> effective_rows();
  std::string effective_content() const;
  json effective_media() const;
  static void note_alt_text(ValidationResult& r, const EffectiveRow& row, const json& media);
  void check_caption(ValidationResult& r, const EffectiveRow& row, const std::string& content, bool has_media,
                     std::set<ContentType>& measured);
  void check_media_fit(const EffectiveRow& row, const std::vector<MediaFacts>& facts);
  void check_media_sizes(const EffectiveRow& row, const std::vector<MediaFacts>& facts);

  struct SentRow {
    std::size_t index;
    const PostPlatform* row;
    std::optional<ContentType> type;
  };

  const WorkspaceData& ws_;
  const PostRequest& req_;
  const json& body_;
  const Post* stored_ = nullptr;
  std::optional<PostStatus> status_;
  RuleErrors e_;
  std::vector<std::string> dropped_;
  bool rows_sent_ = false;
  std::vector<SentRow> sent_rows_;
  std::map<std::size_t, json> incoming_meta_;
};

}  // namespace trypost::validation_parts
