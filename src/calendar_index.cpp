// The calendar index: posts parsed once into compact, time-sorted columns, and kept current by
// loads, upserts and removals without a rebuild.
#include <algorithm>
#include <unordered_set>
#include <utility>

#include "calendar_parts.hpp"
#include "calendar_writer.hpp"
#include "trypost/calendar.hpp"
#include "trypost/snapshot.hpp"

namespace trypost {

using nlohmann::json;

namespace calendar_parts {

std::optional<std::string> id_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return v.dump();
  return std::nullopt;
}

void add_workspace(json& summary, const WorkspaceSnapshot& s) {
  summary["workspace"] = {{"name", s.name}, {"logo_url", s.logo_url},
                          {"brand", {{"primary", s.brand.primary}, {"background", s.brand.background}, {"text", s.brand.text}}}};
}

}  // namespace calendar_parts

using calendar_parts::add_workspace;
using calendar_parts::id_text;

namespace {

// The timeline's order: by time, then by id (a post's place for a given time is its id's).
bool timeline_less(const std::vector<std::string>& ids, UtcSeconds at, std::uint32_t a, UtcSeconds bt, std::uint32_t b) {
  if (at != bt) return at < bt;
  return id_less(ids[a], ids[b]);
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The first `max` code points of a UTF-8 text, never cutting a sequence.
std::string excerpt_of(const std::optional<std::string>& text, std::size_t max) {
  if (!text) return {};
  std::size_t i = 0, n = 0;
  const std::string& s = *text;
  while (i < s.size() && n < max) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > s.size()) break;
    i += len;
    ++n;
  }
  std::string out = s.substr(0, i);
  if (i < s.size()) out += "\xE2\x80\xA6";  // an ellipsis says "there is more"
  return out;
}

// The posts of a list, each checked; what is wrong goes into `err` under its index (at most 50).
std::vector<Post> parse_posts(const json& list, const std::string& path, ApiError& err) {
  std::vector<Post> parsed;
  parsed.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto p = post_from_json(list[i], path.empty() ? std::to_string(i) : path + "." + std::to_string(i));
    if (p) parsed.push_back(std::move(p).value());
    else
      for (const auto& [f, msgs] : p.error().errors)
        for (const auto& m : msgs)
          if (err.errors.size() < 50) err.add(f, m);
  }
  return parsed;
}

// Replaces list[start[p]..start[p+1]) with `items` and shifts the starts after p (CSR).
void replace_run(std::vector<std::uint32_t>& start, std::vector<std::uint32_t>& list, std::uint32_t p,
                 const std::vector<std::uint32_t>& items) {
  const auto from = start[p];
  const auto to = start[p + 1];
  list.erase(list.begin() + from, list.begin() + to);
  list.insert(list.begin() + from, items.begin(), items.end());
  const auto delta = std::int64_t(items.size()) - std::int64_t(to - from);
  if (delta != 0)
    for (auto k = std::size_t(p) + 1; k < start.size(); ++k) start[k] = std::uint32_t(std::int64_t(start[k]) + delta);
}

}  // namespace

bool id_less(const std::string& a, const std::string& b) {
  const bool da = all_digits(a), db = all_digits(b);
  if (da && db && a.size() != b.size()) return a.size() < b.size();
  if (da != db) return da;  // numeric ids before the rest
  return a < b;
}

Expected<json> CalendarIndex::load(const json& doc) {
  const json* posts = nullptr;
  const json* extra_labels = nullptr;
  std::string path = "posts";
  std::optional<WorkspaceSnapshot> snap;
  if (looks_like_snapshot(doc)) {
    auto s = import_snapshot(doc);
    if (!s) return s.error();
    snap = std::move(s).value();
  } else if (doc.is_array()) {
    posts = &doc;
    path = "";
  } else if (doc.is_object() && doc.contains("posts")) {
    posts = &doc["posts"];
    if (doc.contains("labels")) extra_labels = &doc["labels"];
  } else if (doc.is_object() && doc.contains("data")) {
    posts = &doc["data"];
    path = "data";
  } else {
    return make_error(422, "Expected a snapshot, {\"posts\": [...]}, an API page {\"data\": [...]} or a list of posts.");
  }
  std::vector<Post> parsed;
  std::vector<Label> labels;
  if (snap) {
    parsed = std::move(snap->posts);
    labels = std::move(snap->labels);
  } else {
    if (!posts->is_array()) return field_error(path.empty() ? "posts" : path, "The posts must be a list.");
    ApiError err;
    parsed = parse_posts(*posts, path, err);
    if (extra_labels && extra_labels->is_array())
      for (std::size_t i = 0; i < extra_labels->size(); ++i) {
        auto l = label_from_json((*extra_labels)[i], "labels." + std::to_string(i));
        if (l) labels.push_back(std::move(l).value());
        else
          for (const auto& [f, msgs] : l.error().errors)
            for (const auto& m : msgs) err.add(f, m);
      }
    if (!err.empty()) {
      err.finalize_message();
      err.message = "The posts were not loaded: " + err.message;
      return err;
    }
  }

  auto summary = build(std::move(parsed), std::move(labels), path);
  if (summary && snap) add_workspace(summary.value(), *snap);
  return summary;
}

Expected<json> CalendarIndex::build(std::vector<Post> parsed, std::vector<Label> labels, const std::string& path) {
  // Build into fresh containers and swap at the end, so a refused load leaves the old contents.
  CalendarIndex next;
  for (const auto& l : labels) next.intern_label(l);
  const auto n = std::uint32_t(parsed.size());
  next.ids_.reserve(n);
  next.times_.reserve(n);
  next.account_start_.reserve(n + 1);
  next.label_start_.reserve(n + 1);
  for (std::uint32_t i = 0; i < n; ++i) {
    const Post& p = parsed[i];
    const auto slot = next.add_slot(p.id);
    if (next.by_id_.size() != next.ids_.size())  // add_slot found the id already there
      return field_error(path.empty() ? std::to_string(i) + ".id" : path + "." + std::to_string(i) + ".id",
                         "The post id " + p.id + " appears twice.");
    next.fill(slot, p);
  }

  for (std::uint32_t i = 0; i < n; ++i) {
    if (next.times_[i]) next.timeline_.push_back({*next.times_[i], i});
    else next.unscheduled_.push_back(i);
  }
  const auto& ids = next.ids_;
  std::sort(next.timeline_.begin(), next.timeline_.end(),
            [&](const Entry& a, const Entry& b) { return timeline_less(ids, a.time, a.post, b.time, b.post); });
  std::sort(next.unscheduled_.begin(), next.unscheduled_.end(),
            [&](std::uint32_t a, std::uint32_t b) { return id_less(ids[a], ids[b]); });
  *this = std::move(next);
  return summary();
}

json CalendarIndex::summary() const {
  json out{{"posts", ids_.size()}, {"scheduled", timeline_.size()}, {"unscheduled", unscheduled_.size()},
           {"labels", labels_.size()}, {"accounts", account_names_.size()}};
  out["first"] = timeline_.empty() ? json(nullptr) : json(format_iso_time(timeline_.front().time));
  out["last"] = timeline_.empty() ? json(nullptr) : json(format_iso_time(timeline_.back().time));
  // What a label filter by name and a legend need, so a viewer never parses the document again.
  json list = json::array();
  for (const auto& l : labels_) list.push_back({{"id", l.id}, {"name", l.name}, {"color", l.color}});
  out["label_list"] = std::move(list);
  return out;
}

// Labels and accounts are kept once each, by id, in first-seen order.
std::uint32_t CalendarIndex::intern_label(const Label& l) {
  auto [it, fresh] = label_of_.emplace(l.id, std::uint32_t(labels_.size()));
  if (fresh) labels_.push_back(l);
  else if (labels_[it->second].name.empty()) labels_[it->second] = l;
  return it->second;
}

std::uint32_t CalendarIndex::intern_account(const std::string& id) {
  auto [it, fresh] = account_of_.emplace(id, std::uint32_t(account_names_.size()));
  if (fresh) account_names_.push_back(id);
  return it->second;
}


// Where a post stands (or would stand) in the timeline by (time, id), or in the unscheduled list
// by id: one search for both taking it out and putting it in.
std::vector<CalendarIndex::Entry>::iterator CalendarIndex::timeline_at(std::uint32_t post) {
  const UtcSeconds t = *times_[post];
  return std::lower_bound(timeline_.begin(), timeline_.end(), post,
                          [&](const Entry& e, std::uint32_t p) { return timeline_less(ids_, e.time, e.post, t, p); });
}

std::vector<std::uint32_t>::iterator CalendarIndex::unscheduled_at(std::uint32_t post) {
  return std::lower_bound(unscheduled_.begin(), unscheduled_.end(), post,
                          [&](std::uint32_t a, std::uint32_t b) { return id_less(ids_[a], ids_[b]); });
}

void CalendarIndex::unplace(std::uint32_t post) {
  if (times_[post]) {
    const auto it = timeline_at(post);
    if (it != timeline_.end() && it->post == post) timeline_.erase(it);
  } else {
    const auto it = unscheduled_at(post);
    if (it != unscheduled_.end() && *it == post) unscheduled_.erase(it);
  }
}

void CalendarIndex::place(std::uint32_t post) {
  if (times_[post]) timeline_.insert(timeline_at(post), Entry{*times_[post], post});
  else unscheduled_.insert(unscheduled_at(post), post);
}

// A new post's slot at the end, empty until fill (a never-loaded index has no CSR start yet).
std::uint32_t CalendarIndex::add_slot(const std::string& id) {
  const auto slot = std::uint32_t(ids_.size());
  by_id_.emplace(id, slot);
  ids_.push_back(id);
  times_.emplace_back();
  status_.push_back(0);
  platforms_.push_back(0);
  excerpts_.emplace_back();
  for (auto* start : {&account_start_, &label_start_}) {
    if (start->empty()) start->push_back(0);
    start->push_back(start->back());
  }
  return slot;
}

// What the index keeps of a post, in its slot (a new one at the end, or one being replaced).
void CalendarIndex::fill(std::uint32_t slot, const Post& p) {
  times_[slot] = calendar_time(p);
  status_[slot] = std::uint8_t(p.status);
  std::uint16_t mask = 0;
  std::vector<std::uint32_t> accounts, labels;
  for (const auto& pp : p.platforms) {
    mask = std::uint16_t(mask | (1u << unsigned(pp.platform)));
    if (pp.social_account_id.empty()) continue;
    const auto a = intern_account(pp.social_account_id);
    if (std::find(accounts.begin(), accounts.end(), a) == accounts.end()) accounts.push_back(a);
  }
  for (const auto& l : p.labels) labels.push_back(intern_label(l));
  platforms_[slot] = mask;
  replace_run(account_start_, account_ids_, slot, accounts);
  replace_run(label_start_, label_ids_, slot, labels);
  excerpts_[slot] = detail::json_quoted(excerpt_of(p.content, 80));
}

Expected<json> CalendarIndex::upsert(const json& posts) {
  if (!posts.is_array()) return field_error("posts", "The posts must be a list.");
  // Every post is read before any is applied: a damaged one refuses them all.
  ApiError err;
  std::vector<Post> parsed = parse_posts(posts, "", err);
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < parsed.size(); ++i)
    if (!seen.insert(parsed[i].id).second) err.add(std::to_string(i) + ".id", "The post id " + parsed[i].id + " appears twice.");
  if (!err.empty()) {
    err.finalize_message();
    err.message = "The posts were not applied: " + err.message;
    return err;
  }
  for (const Post& p : parsed) {
    const auto it = by_id_.find(p.id);
    const auto slot = it != by_id_.end() ? it->second : add_slot(p.id);
    if (it != by_id_.end()) unplace(slot);
    fill(slot, p);
    place(slot);
  }
  return summary();
}

Expected<json> CalendarIndex::remove(const json& ids) {
  if (!ids.is_array()) return field_error("ids", "The ids must be a list.");
  std::vector<std::string> wanted;
  ApiError err;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (auto id = id_text(ids[i])) wanted.push_back(std::move(*id));
    else err.add(std::to_string(i), "A post id must be a string or an integer.");
  }
  if (!err.empty()) {
    err.finalize_message();
    err.message = "No post was removed: " + err.message;
    return err;
  }
  for (const auto& id : wanted)
    if (const auto it = by_id_.find(id); it != by_id_.end()) drop_slot(it->second);
  return summary();
}

// Slots stay dense: the last post moves into the freed slot, so every scan stays a plain loop.
void CalendarIndex::drop_slot(std::uint32_t slot) {
  const auto last = std::uint32_t(ids_.size() - 1);
  unplace(slot);
  by_id_.erase(ids_[slot]);
  if (slot != last) {
    unplace(last);
    auto run = [&](std::vector<std::uint32_t>& start, std::vector<std::uint32_t>& list) {
      const std::vector<std::uint32_t> items(list.begin() + start[last], list.begin() + start[last + 1]);
      replace_run(start, list, slot, items);
    };
    run(account_start_, account_ids_);
    run(label_start_, label_ids_);
    ids_[slot] = std::move(ids_[last]);
    times_[slot] = times_[last];
    status_[slot] = status_[last];
    platforms_[slot] = platforms_[last];
    excerpts_[slot] = std::move(excerpts_[last]);
    by_id_[ids_[slot]] = slot;
    place(slot);
  }
  for (auto [start, list] : {std::pair{&account_start_, &account_ids_}, std::pair{&label_start_, &label_ids_}}) {
    list->resize((*start)[last]);  // the last slot's run is the list's tail
    start->pop_back();
  }
  ids_.pop_back();
  times_.pop_back();
  status_.pop_back();
  platforms_.pop_back();
  excerpts_.pop_back();
}

std::optional<CalendarIndex::PostInfo> CalendarIndex::find(const std::string& id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  const auto p = it->second;
  PostInfo info{times_[p], PostStatus(status_[p]), {}};
  for (auto k = account_start_[p]; k < account_start_[p + 1]; ++k) info.accounts.push_back(account_names_[account_ids_[k]]);
  return info;
}

std::vector<std::string> CalendarIndex::same_account_between(UtcSeconds from, UtcSeconds to,
                                                             const std::vector<std::string>& accounts,
                                                             const std::string& except) const {
  std::vector<std::string> out;
  auto it = std::lower_bound(timeline_.begin(), timeline_.end(), from,
                             [](const Entry& e, UtcSeconds v) { return e.time < v; });
  for (; it != timeline_.end() && it->time < to; ++it) {
    if (ids_[it->post] == except) continue;
    for (auto k = account_start_[it->post]; k < account_start_[it->post + 1]; ++k)
      if (std::find(accounts.begin(), accounts.end(), account_names_[account_ids_[k]]) != accounts.end()) {
        out.push_back(ids_[it->post]);
        break;
      }
  }
  return out;
}

}  // namespace trypost
