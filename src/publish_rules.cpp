// What an update that schedules or publishes a post must also meet, entry by entry: each
// network's required meta, its caption cap, the media it takes (kinds, count, size, length), and
// the notices worth telling before the server cuts something.
#include <string>

#include "trypost/counting.hpp"
#include "trypost/meta.hpp"
#include "validation_parts.hpp"

namespace trypost::validation_parts {
namespace {

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

// One kind problem per entry, the root cause first, as the server reports them; empty when the
// kinds fit.
std::string media_kind_problem(const EffectiveRow& row, const ContentTypeInfo& info, const std::vector<MediaFacts>& facts,
                               const std::string& name) {
  bool image = false, video = false, document = false, gif = false;
  for (const auto& f : facts) {
    image = image || f.kind == MediaKind::image;
    video = video || f.kind == MediaKind::video;
    document = document || f.kind == MediaKind::document;
    gif = gif || f.gif;
  }
  if (video && !info.accept_videos) return name + " does not accept videos.";
  if (image && !info.accept_images) return name + " does not accept images.";
  if (document && !info.accept_documents) return name + " does not accept documents.";
  if (image && video && info.forbids_mixed_media) return name + " cannot mix images and videos.";
  if (document && facts.size() > 1) return "A document must be the only media item of " + std::string(to_string(row.type)) + ".";
  if (gif && !info.accepts_gif) return name + " does not accept GIFs.";
  return "";
}

}  // namespace

void PostRules::check_publishable(ValidationResult& r) {
  const std::vector<EffectiveRow> rows = effective_rows();
  const std::string content = effective_content();
  const json media = effective_media();
  std::vector<MediaFacts> facts;
  for (const auto& item : media) facts.push_back(media_facts(item));

  std::set<ContentType> measured;
  for (const auto& row : rows) {
    check_caption(r, row, content, !facts.empty(), measured);
    check_media_fit(row, facts);
    note_alt_text(r, row, media);
  }
}

// The entries the update sends (their required meta checked with the stored meta merged in), or
// else the stored post's enabled ones.
std::vector<EffectiveRow> PostRules::effective_rows() {
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
  return rows;
}

// The text the post would publish: the update's content when it sends one, else the stored one.
std::string PostRules::effective_content() const {
  std::string content = stored_->content.value_or("");
  if (const json* c = member(body_, "content")) content = c->is_string() ? c->get<std::string>() : std::string();
  return content;
}

// The media the post would publish: the update's list when it sends one, else the stored one.
json PostRules::effective_media() const {
  json media = json::array();
  if (const json* m = member(body_, "media"); m && !m->is_null()) {
    if (m->is_array()) media = *m;
  } else {
    for (const auto& item : stored_->media) media.push_back(to_json(item));
  }
  return media;
}

// The API keeps alt text up to 2000 characters; each platform takes less and the server cuts
// the rest when publishing. Worth telling, not refusing.
void PostRules::note_alt_text(ValidationResult& r, const EffectiveRow& row, const json& media) {
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

void PostRules::check_caption(ValidationResult& r, const EffectiveRow& row, const std::string& content, bool has_media,
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

void PostRules::check_media_fit(const EffectiveRow& row, const std::vector<MediaFacts>& facts) {
  const auto& info = content_type_info(row.type);
  const std::string at = row.path + ".content_type";
  const std::string name = "The " + std::string(to_string(row.type)) + " content type";
  if (facts.empty()) {
    if (info.requires_media) e_.add(at, name + " requires media.");
    return;
  }
  if (const auto problem = media_kind_problem(row, info, facts, name); !problem.empty()) return e_.add(at, problem);

  if (facts.size() > std::size_t(info.max_media_count))
    e_.add(at, name + " accepts at most " + std::to_string(info.max_media_count) + " media items.");
  else if (facts.size() < std::size_t(info.min_media_count))
    e_.add(at, name + " needs at least " + std::to_string(info.min_media_count) + " media items.");
  check_media_sizes(row, facts);
}

// Each item within the content type's byte cap (or the upload cap) and, for a video, its length.
void PostRules::check_media_sizes(const EffectiveRow& row, const std::vector<MediaFacts>& facts) {
  const auto& info = content_type_info(row.type);
  for (std::size_t j = 0; j < facts.size(); ++j) {
    const auto& f = facts[j];
    if (!f.kind) continue;
    const std::string item_at = idx("media", j);
    const std::string noun(to_string(*f.kind));  // image, video, document
    const std::int64_t cap = info.max_bytes(*f.kind).value_or(upload_cap(*f.kind));
    if (f.size && *f.size > cap) {
      e_.add(item_at, "The " + noun + " is " + format_bytes(*f.size) + "; " + std::string(to_string(row.type)) +
                          " accepts " + noun + "s up to " + format_bytes(cap) + ".");
      continue;
    }
    if (f.kind == MediaKind::video && f.duration && info.max_video_duration_sec &&
        *f.duration > double(*info.max_video_duration_sec))
      e_.add(item_at, "The video lasts " + format_seconds(*f.duration) + "; " + std::string(to_string(row.type)) +
                          " accepts videos up to " + std::to_string(*info.max_video_duration_sec) + " s.");
  }
}

}  // namespace trypost::validation_parts
