#include "trypost/validation.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "trypost/content_type.hpp"
#include "trypost/core_answer.hpp"
#include "trypost/counting.hpp"
#include "trypost/json_fields.hpp"
#include "trypost/meta.hpp"
#include "trypost/rule_errors.hpp"

namespace trypost {
namespace {

using nlohmann::json;

const json* member(const json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  const auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}
// Present and not null: Laravel's "filled enough to validate".
const json* value_of(const json& obj, const char* key) {
  const json* v = member(obj, key);
  return (v && !v->is_null()) ? v : nullptr;
}
bool blank(const json* v) {
  return !v || v->is_null() || (v->is_string() && v->get_ref<const std::string&>().empty()) ||
         ((v->is_array() || v->is_object()) && v->empty());
}
std::string idx(const std::string& path, std::size_t i) { return path + "." + std::to_string(i); }

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return s;
}
std::string extension_of(const std::string& name) {
  const auto q = name.find_first_of("?#");
  const std::string base = name.substr(0, q);
  const auto dot = base.rfind('.');
  const auto slash = base.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return lower(base.substr(dot + 1));
}

// A media item as the compatibility rules see it.
struct MediaFacts {
  std::optional<MediaKind> kind;
  bool gif = false;
  std::optional<std::int64_t> size;
  std::optional<double> duration;
};

MediaFacts media_facts(const json& item) {
  MediaFacts f;
  auto str = [&](const char* k) -> std::string {
    const json* v = value_of(item, k);
    return (v && v->is_string()) ? v->get<std::string>() : std::string();
  };
  const std::string mime = lower(str("mime_type"));
  std::string name = str("original_filename");
  if (name.empty()) name = str("path");
  if (name.empty()) name = str("url");
  const std::string ext = extension_of(name);
  // The explicit type wins, then the MIME, then the file name.
  f.kind = parse_media_kind(str("type"));
  if (!f.kind) {
    if (mime.rfind("image/", 0) == 0) f.kind = MediaKind::image;
    else if (mime.rfind("video/", 0) == 0) f.kind = MediaKind::video;
    else if (mime == "application/pdf") f.kind = MediaKind::document;
    else if (mime.empty()) {
      if (ext == "jpg" || ext == "jpeg" || ext == "png" || ext == "gif" || ext == "webp") f.kind = MediaKind::image;
      else if (ext == "mp4" || ext == "mov") f.kind = MediaKind::video;
      else if (ext == "pdf") f.kind = MediaKind::document;
    }
  }
  f.gif = mime.empty() ? ext == "gif" : mime == "image/gif";
  if (const json* s = value_of(item, "size"); s && s->is_number_integer()) f.size = s->get<std::int64_t>();
  if (const json* m = value_of(item, "meta"))
    if (const json* d = value_of(*m, "duration"); d && d->is_number()) f.duration = d->get<double>();
  return f;
}

std::string format_bytes(std::int64_t bytes) {
  constexpr std::int64_t KiB = 1024, MiB = 1024 * 1024, GiB = 1024 * 1024 * 1024;
  auto scaled = [](std::int64_t v, std::int64_t unit, const char* name) {
    // One decimal, rounded up so a value just over a cap never prints as the cap itself.
    const std::int64_t tenths = v / unit * 10 + ((v % unit) * 10 + unit - 1) / unit;
    std::string s = std::to_string(tenths / 10);
    if (tenths % 10) {
      s += '.';
      s += std::to_string(tenths % 10);
    }
    s += ' ';
    s += name;
    return s;
  };
  if (bytes >= GiB) return scaled(bytes, GiB, "GB");
  if (bytes >= MiB) return scaled(bytes, MiB, "MB");
  if (bytes >= KiB) return scaled(bytes, KiB, "KB");
  return std::to_string(bytes) + " B";
}

std::string format_seconds(double s) {
  if (!(s < 1e15)) return "more than 10^15 s";  // no integer conversion of an absurd value
  const auto whole = static_cast<std::int64_t>(s);
  return std::to_string(whole == s ? whole : whole + 1) + " s";
}

std::string kind_plural(MediaKind k) {
  switch (k) {
    case MediaKind::image: return "images";
    case MediaKind::video: return "videos";
    case MediaKind::document: return "documents";
  }
  return "";
}

// One platform entry as it would publish: its error path, platform and effective content type.
struct EffectiveRow {
  std::string path;  // platforms.{i}
  Platform platform;
  ContentType type;
};

class PostRules {
 public:
  PostRules(const WorkspaceData& ws, const PostRequest& req) : ws_(ws), req_(req), body_(req.body) {}

  ValidationResult run() {
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

 private:
  static ValidationResult& answer(ValidationResult& r, ApiError err) {
    r.status = err.status;
    r.error = std::move(err);
    return r;
  }

  bool publishing() const {
    return status_ && (*status_ == PostStatus::scheduled || *status_ == PostStatus::publishing);
  }

  void check_status() {
    const json* v = member(body_, "status");
    if (blank(v)) return e_.add("status", msg::required("status"));
    const auto s = v->is_string() ? parse_post_status(v->get<std::string>()) : std::nullopt;
    if (!v->is_string()) return e_.add("status", msg::string("status"));
    if (!s || !(*s == PostStatus::draft || *s == PostStatus::scheduled || *s == PostStatus::publishing))
      return e_.add("status", msg::invalid_choice("status"));
    status_ = s;
  }

  void check_content() {
    const json* v = value_of(body_, "content");
    if (!v) return;
    if (!v->is_string()) return e_.add("content", msg::string("content"));
    if (rule_length(v->get_ref<const std::string&>()) > kMaxPostContentLength)
      e_.add("content", msg::max_chars("content", kMaxPostContentLength));
  }

  void check_media() {
    const json* v = value_of(body_, "media");
    if (!v) return;
    if (v->is_object() && v->empty()) return;  // PHP's empty array
    if (!v->is_array()) return e_.add("media", msg::array("media"));
    for (std::size_t i = 0; i < v->size(); ++i) {
      const std::string at = idx("media", i);
      const json& item = (*v)[i];
      if (!item.is_object()) {
        e_.add(at, msg::array(at));
        continue;
      }
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
  }

  void string_field(const json& obj, const std::string& at, const char* key, std::size_t max = 0) {
    const json* v = value_of(obj, key);
    if (!v) return;
    const std::string path = at + "." + key;
    if (!v->is_string()) return e_.add(path, msg::string(path));
    if (max && rule_length(v->get_ref<const std::string&>()) > max) e_.add(path, msg::max_chars(path, std::int64_t(max)));
  }

  std::optional<ContentType> content_type_field(const json& row, const std::string& at, bool required) {
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

  void content_type_matches(ContentType t, Platform p, const std::string& at) {
    if (content_type_fits(t, p)) return;
    const std::string path = at + ".content_type";
    e_.add(path, "The " + attribute_name(path) + " " + std::string(to_string(t)) + " is not available for " +
                     std::string(platform_info(p).label) + " accounts.");
  }

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

  void clean_row_meta(ValidationResult& r, std::size_t i, const json& row, Platform p) {
    const json* meta = member(row, "meta");
    if (!meta || meta->is_null()) return;
    const std::string at = idx("platforms", i) + ".meta";
    json cleaned = clean_meta(p, *meta, at, e_, dropped_, r.notices);
    incoming_meta_[i] = cleaned;
    r.body["platforms"][i]["meta"] = std::move(cleaned);
  }

  // platforms: required on create, at least one; accounts of this workspace and active.
  void check_create_platforms(ValidationResult& r) {
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
  void check_update_platforms(ValidationResult& r) {
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

  void check_scheduled_at() {
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

  void check_label_ids() {
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

  // The checks that run only when the update schedules or publishes.
  void check_publishable(ValidationResult& r) {
    std::vector<EffectiveRow> rows;
    if (rows_sent_) {
      for (const auto& s : sent_rows_) {
        const std::string at = idx("platforms", s.index);
        const json incoming = incoming_meta_.count(s.index) ? incoming_meta_[s.index] : json::object();
        check_required_meta(s.row->platform, merge_meta(s.row->meta, incoming), at + ".meta", e_);
        rows.push_back({at, s.row->platform, s.type.value_or(s.row->content_type)});
      }
    } else {
      std::size_t i = 0;
      for (const auto& pp : stored_->platforms)
        if (pp.enabled) rows.push_back({idx("platforms", i++), pp.platform, pp.content_type});
    }

    std::string content = stored_->content.value_or("");
    if (const json* c = member(body_, "content")) content = c->is_string() ? c->get<std::string>() : std::string();
    json media = json::array();
    if (const json* m = member(body_, "media"); m && !m->is_null()) {
      if (m->is_array()) media = *m;
    } else {
      for (const auto& item : stored_->media) media.push_back(to_json(item));
    }
    std::vector<MediaFacts> facts;
    for (const auto& item : media) facts.push_back(media_facts(item));

    std::set<ContentType> measured;
    for (const auto& row : rows) {
      check_caption(r, row, content, !facts.empty(), measured);
      check_media_fit(row, facts);
      note_alt_text(r, row, media);
    }
  }

  // The API keeps alt text up to 2000 characters; each platform takes less and the server cuts
  // the rest when publishing. Worth telling, not refusing.
  static void note_alt_text(ValidationResult& r, const EffectiveRow& row, const json& media) {
    const auto& info = platform_info(row.platform);
    if (!info.alt_text_max_length) return;
    for (std::size_t j = 0; j < media.size(); ++j) {
      const json* meta = value_of(media[j], "meta");
      const json* alt = meta ? value_of(*meta, "alt_text") : nullptr;
      if (!alt || !alt->is_string()) continue;
      const auto n = rule_length(alt->get_ref<const std::string&>());
      if (n > std::size_t(*info.alt_text_max_length))
        r.notices.push_back({idx("media", j) + ".meta.alt_text",
                             std::string(info.label) + " takes " + std::to_string(*info.alt_text_max_length) +
                                 " characters of alt text; the other " +
                                 std::to_string(n - std::size_t(*info.alt_text_max_length)) + " are cut when publishing."});
    }
  }

  void check_caption(ValidationResult& r, const EffectiveRow& row, const std::string& content, bool has_media,
                     std::set<ContentType>& measured) {
    const auto& info = content_type_info(row.type);
    if (info.captionless || !measured.insert(row.type).second) return;
    const auto n = count_for(row.type, content);
    const auto max = max_content_length(row.type);
    if (n > max) {
      const auto over = n - max;
      e_.add("content", "The content is " + std::to_string(over) + (over == 1 ? " character" : " characters") +
                            " over the " + std::to_string(max) + "-character limit of " +
                            std::string(platform_info(row.platform).label) + " (" + std::string(to_string(row.type)) + ").");
    } else if (row.type == ContentType::telegram_post && has_media && n > kTelegramMediaCaptionLimit) {
      r.notices.push_back({"content", "Telegram captions hold " + std::to_string(kTelegramMediaCaptionLimit) +
                                          " characters: with media, the text (" + std::to_string(n) +
                                          " characters) goes out as a separate message."});
    }
  }

  void check_media_fit(const EffectiveRow& row, const std::vector<MediaFacts>& facts) {
    const auto& info = content_type_info(row.type);
    const std::string at = row.path + ".content_type";
    const std::string name = "The " + std::string(to_string(row.type)) + " content type";
    if (facts.empty()) {
      if (info.requires_media) e_.add(at, name + " requires media.");
      return;
    }
    bool image = false, video = false, document = false, gif = false;
    for (const auto& f : facts) {
      image = image || f.kind == MediaKind::image;
      video = video || f.kind == MediaKind::video;
      document = document || f.kind == MediaKind::document;
      gif = gif || f.gif;
    }
    // One kind problem per entry, the root cause first, as the server reports them.
    std::string kind_problem;
    if (video && !info.accept_videos) kind_problem = name + " does not accept videos.";
    else if (image && !info.accept_images) kind_problem = name + " does not accept images.";
    else if (document && !info.accept_documents) kind_problem = name + " does not accept documents.";
    else if (image && video && info.forbids_mixed_media) kind_problem = name + " cannot mix images and videos.";
    else if (document && facts.size() > 1) kind_problem = "A document must be the only media item of " + std::string(to_string(row.type)) + ".";
    else if (gif && !info.accepts_gif) kind_problem = name + " does not accept GIFs.";
    if (!kind_problem.empty()) return e_.add(at, kind_problem);

    if (facts.size() > std::size_t(info.max_media_count))
      e_.add(at, name + " accepts at most " + std::to_string(info.max_media_count) + " media items.");
    else if (facts.size() < std::size_t(info.min_media_count))
      e_.add(at, name + " needs at least " + std::to_string(info.min_media_count) + " media items.");

    for (std::size_t j = 0; j < facts.size(); ++j) {
      const auto& f = facts[j];
      if (!f.kind) continue;
      const std::string item_at = idx("media", j);
      const std::string noun = f.kind == MediaKind::image ? "image" : f.kind == MediaKind::video ? "video" : "document";
      const std::int64_t cap = info.max_bytes(*f.kind).value_or(upload_cap(*f.kind));
      if (f.size && *f.size > cap) {
        e_.add(item_at, "The " + noun + " is " + format_bytes(*f.size) + "; " + std::string(to_string(row.type)) +
                            " accepts " + kind_plural(*f.kind) + " up to " + format_bytes(cap) + ".");
        continue;
      }
      if (f.kind == MediaKind::video && f.duration && info.max_video_duration_sec &&
          *f.duration > double(*info.max_video_duration_sec))
        e_.add(item_at, "The video lasts " + format_seconds(*f.duration) + "; " + std::string(to_string(row.type)) +
                            " accepts videos up to " + std::to_string(*info.max_video_duration_sec) + " s.");
    }
  }

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

template <class T, class Parse>
bool read_list(const json& j, const char* key, const std::string& path, Parse parse, std::vector<T>& out,
               ApiError& err) {
  const json* v = value_of(j, key);
  if (!v) return true;
  if (!v->is_array()) {
    err.add(path + "." + key, "must be an array");
    return false;
  }
  for (std::size_t i = 0; i < v->size(); ++i) {
    auto item = parse((*v)[i], path + "." + key + "." + std::to_string(i));
    if (!item) {
      for (const auto& [f, msgs] : item.error().errors)
        for (const auto& m : msgs) err.add(f, m);
      return false;
    }
    out.push_back(std::move(item).value());
  }
  return true;
}

std::string first_problem(const ApiError& e) {
  if (!e.errors.empty()) return e.errors.begin()->first + ": " + e.errors.begin()->second.front();
  return e.message;
}

// Reads one request document; the error text names what is wrong with the input itself.
Expected<std::pair<WorkspaceData, PostRequest>> read_request(const json& in) {
  auto fail = [](std::string text) { return make_error(400, std::move(text)); };
  if (!in.is_object()) return fail("a request must be a JSON object");
  WorkspaceData ws;
  if (const json* w = value_of(in, "workspace")) {
    auto parsed = workspace_data_from_json(*w);
    if (!parsed) return fail(first_problem(parsed.error()));
    ws = std::move(parsed).value();
  }
  PostRequest req;
  const json* method = value_of(in, "method");
  const std::string m = (method && method->is_string()) ? method->get<std::string>() : "";
  if (m == "POST" || m == "post") req.method = PostMethod::create;
  else if (m == "PUT" || m == "put") req.method = PostMethod::update;
  else return fail("method: expected \"POST\" or \"PUT\"");
  if (req.method == PostMethod::update) {
    const json* id = value_of(in, "post_id");
    if (!id || !id->is_string()) return fail("post_id: required (a string) for PUT");
    req.post_id = id->get<std::string>();
  }
  const json* body = member(in, "body");
  if (!body) return fail("body: required");
  req.body = *body;
  const json* now = value_of(in, "now");
  if (!now || !now->is_string()) return fail("now: required (an ISO 8601 time)");
  const auto t = parse_time(now->get_ref<const std::string&>());
  if (!t.value) return fail("now: " + t.error);
  req.now = *t.value;
  return std::make_pair(std::move(ws), std::move(req));
}

}  // namespace

Expected<WorkspaceData> workspace_data_from_json(const json& j, const std::string& path) {
  ApiError err;
  err.status = 400;
  WorkspaceData ws;
  if (!j.is_object()) {
    err.add(path, "must be an object");
    return err;
  }
  const bool ok = read_list(j, "social_accounts", path, social_account_from_json, ws.social_accounts, err) &&
                  read_list(j, "labels", path, label_from_json, ws.labels, err) &&
                  read_list(j, "posts", path, post_from_json, ws.posts, err);
  if (!ok) {
    err.finalize_message();
    return err;
  }
  return ws;
}

ValidationResult validate_post_request(const WorkspaceData& workspace, const PostRequest& request) {
  return PostRules(workspace, request).run();
}

json to_json(const ValidationResult& r) {
  json out{{"valid", r.valid()},
           {"status", r.status},
           {"message", r.valid() ? std::string() : r.error.message},
           {"errors", r.error.errors.empty() ? json::object() : json(r.error.errors)}};
  json notices = json::array();
  for (const auto& n : r.notices) notices.push_back(json{{"path", n.path}, {"message", n.message}});
  out["notices"] = std::move(notices);
  out["dropped"] = r.dropped;
  out["body"] = r.body;
  return out;
}

std::string validate_post_request_json(const std::string& input) {
  const json in = json::parse(input, nullptr, false);
  if (in.is_discarded()) return error_answer(make_error(400, "malformed JSON"));
  auto req = read_request(in);
  if (!req) return error_answer(req.error());
  return to_json(validate_post_request(req->first, req->second)).dump(-1, ' ', false, kReplaceBadUtf8);
}

std::string validate_post_requests_jsonl(const std::string& lines, std::size_t first_line) {
  std::string out;
  std::size_t start = 0, number = first_line > 0 ? first_line - 1 : 0;
  while (start < lines.size()) {
    auto end = lines.find('\n', start);
    if (end == std::string::npos) end = lines.size();
    std::string line = lines.substr(start, end - start);
    start = end + 1;
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const json in = json::parse(line, nullptr, false);
    json answer;
    if (in.is_discarded()) answer = error_json(make_error(400, "line " + std::to_string(number) + ": malformed JSON"));
    else if (auto req = read_request(in); !req)
      answer = error_json(make_error(400, "line " + std::to_string(number) + ": " + req.error().message));
    else {
      const auto r = validate_post_request(req->first, req->second);
      const json full = to_json(r);
      answer = json{{"valid", full["valid"]}, {"status", full["status"]}, {"message", full["message"]}, {"errors", full["errors"]}};
    }
    out += answer.dump(-1, ' ', false, kReplaceBadUtf8);
    out += '\n';
  }
  return out;
}

}  // namespace trypost
