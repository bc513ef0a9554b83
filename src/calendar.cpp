#include "trypost/calendar.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <unordered_set>
#include <utility>

#include "trypost/core_answer.hpp"
#include "trypost/layout.hpp"
#include "trypost/post_scan.hpp"
#include "trypost/reschedule.hpp"
#include "trypost/response.hpp"
#include "trypost/snapshot.hpp"

namespace trypost {

using nlohmann::json;

namespace {

// A post id as the index keys it: the API's string, or an integer a caller passed for it.
std::optional<std::string> id_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return v.dump();
  return std::nullopt;
}

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

unsigned week_start_index(WeekStart ws) { return ws == WeekStart::monday ? 0u : 6u; }

const char* view_name(CalendarView v) {
  switch (v) {
    case CalendarView::month: return "month";
    case CalendarView::week: return "week";
    case CalendarView::day: return "day";
    case CalendarView::list: return "list";
  }
  return "month";
}

std::optional<std::pair<UtcSeconds, std::string>> parse_cursor(const std::string& c) {
  const auto colon = c.find(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::int64_t t = 0;
  const char* b = c.data();
  auto [p, ec] = std::from_chars(b, b + colon, t);
  if (ec != std::errc() || p != b + colon) return std::nullopt;
  return std::make_pair(t, c.substr(colon + 1));
}

// A snapshot's own face (name, logo, brand colours) for the viewer's title and theme.
void add_workspace(json& summary, const WorkspaceSnapshot& s) {
  summary["workspace"] = {{"name", s.name}, {"logo_url", s.logo_url},
                          {"brand", {{"primary", s.brand.primary}, {"background", s.brand.background}, {"text", s.brand.text}}}};
}

}  // namespace

bool id_less(const std::string& a, const std::string& b) {
  const bool da = all_digits(a), db = all_digits(b);
  if (da && db && a.size() != b.size()) return a.size() < b.size();
  if (da != db) return da;  // numeric ids before the rest
  return a < b;
}

IsoWeek iso_week_of(std::int64_t day) {
  const std::int64_t thursday = day - std::int64_t(weekday_of(day)) + 3;
  const int year = civil_from_days(thursday).year;
  const std::int64_t jan1 = days_from_civil({year, 1, 1});
  return {year, unsigned((thursday - jan1) / 7 + 1)};
}

DayRange view_days(CalendarView view, CivilDate date, WeekStart ws) {
  const std::int64_t d = days_from_civil(date);
  const unsigned s = week_start_index(ws);
  auto week_first = [&](std::int64_t x) { return x - std::int64_t((weekday_of(x) + 7 - s) % 7); };
  switch (view) {
    case CalendarView::month: {
      const std::int64_t first = days_from_civil({date.year, date.month, 1});
      const CivilDate next = date.month == 12 ? CivilDate{date.year + 1, 1, 1} : CivilDate{date.year, date.month + 1, 1};
      const std::int64_t last = days_from_civil(next) - 1;
      return {week_first(first), week_first(last) + 6};
    }
    case CalendarView::week: return {week_first(d), week_first(d) + 6};
    case CalendarView::day:
    case CalendarView::list: return {d, d};
  }
  return {d, d};
}

Expected<CalendarQuery> calendar_query_from_json(const json& j) {
  if (!j.is_object()) return make_error(422, "The calendar query must be a JSON object.");
  ApiError err;
  CalendarQuery q;
  auto str = [&](const char* key) -> std::optional<std::string> {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
      err.add(key, std::string("The ") + key + " field must be a string.");
      return std::nullopt;
    }
    return it->get<std::string>();
  };
  auto integer = [&](const char* key, int lo, int hi, int& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_number_integer() || it->get<std::int64_t>() < lo || it->get<std::int64_t>() > hi) {
      err.add(key, std::string("The ") + key + " field must be a whole number from " + std::to_string(lo) + " to " +
                       std::to_string(hi) + ".");
      return;
    }
    out = int(it->get<std::int64_t>());
  };
  if (auto v = str("view")) {
    if (*v == "month") q.view = CalendarView::month;
    else if (*v == "week") q.view = CalendarView::week;
    else if (*v == "day") q.view = CalendarView::day;
    else if (*v == "list") q.view = CalendarView::list;
    else err.add("view", "The view must be month, week, day or list.");
  }
  if (auto d = str("date")) {
    if (auto cd = parse_date(*d)) q.date = *cd;
    else err.add("date", "The date must be a real date as YYYY-MM-DD.");
  } else if (q.view != CalendarView::list && !err.errors.count("date")) {
    err.add("date", "The date field is required for the " + std::string(view_name(q.view)) + " view.");
  }
  if (auto w = str("week_start")) {
    if (*w == "monday") q.week_start = WeekStart::monday;
    else if (*w == "sunday") q.week_start = WeekStart::sunday;
    else err.add("week_start", "The week start must be monday or sunday.");
  }
  if (auto z = j.find("zone"); z != j.end()) {
    auto lens = zone_from_json(*z, "zone");
    if (lens) q.zone = std::move(lens).value();
    else
      for (const auto& [f, msgs] : lens.error().errors)
        for (const auto& m : msgs) err.add(f, m);
  }
  integer("max_rows", 0, 1000, q.max_rows);
  integer("max_columns", 0, 1000, q.max_columns);
  integer("max_per_hour", 0, 1000, q.max_per_hour);
  integer("duration_minutes", 1, 1440, q.duration_minutes);
  integer("page_size", 1, 1000, q.page_size);
  integer("unscheduled_limit", 0, 100000, q.unscheduled_limit);
  if (auto c = str("cursor")) {
    if (parse_cursor(*c)) q.cursor = *c;
    else err.add("cursor", "The cursor is not one this calendar handed out.");
  }
  if (auto d = j.find("details"); d != j.end() && d->is_boolean()) q.details = d->get<bool>();
  if (auto f = j.find("filters"); f != j.end() && !f->is_null()) {
    if (!f->is_object()) err.add("filters", "The filters field must be an object.");
    else {
      auto list = [&](const char* key, std::vector<std::string>& out) {
        auto it = f->find(key);
        if (it == f->end() || it->is_null()) return;
        const std::string path = std::string("filters.") + key;
        if (!it->is_array()) {
          err.add(path, "The " + path + " field must be a list.");
          return;
        }
        for (const auto& v : *it) {
          if (auto id = id_text(v)) out.push_back(std::move(*id));
          else err.add(path, "The " + path + " values must be strings.");
        }
      };
      list("labels", q.filter.labels);
      list("accounts", q.filter.accounts);
      list("platforms", q.filter.platforms);
      list("statuses", q.filter.statuses);
      for (const auto& p : q.filter.platforms)
        if (!parse_platform(p)) err.add("filters.platforms", "The platform \"" + p + "\" is not one TryPost knows.");
      for (const auto& s : q.filter.statuses)
        if (!parse_post_status(s)) err.add("filters.statuses", "The status \"" + s + "\" is not a post status.");
    }
  }
  if (!err.empty()) {
    err.finalize_message();
    return err;
  }
  return q;
}

// ---------------------------------------------------------------------------------------------
// The index

namespace detail {
std::string json_quoted(std::string_view s);
}

struct CalendarIndex::Resolved {
  bool on[4] = {false, false, false, false};  // label, account, platform, status
  std::vector<char> labels, accounts;
  std::uint16_t platforms = 0;
  std::uint8_t statuses = 0;
};

namespace {
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
}  // namespace

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

namespace {
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

CalendarIndex::Resolved CalendarIndex::resolve(const CalendarFilter& f) const {
  Resolved r;
  auto set = [](const std::vector<std::string>& wanted, const auto& names, auto name_of, std::vector<char>& on) {
    on.assign(names.size(), 0);
    for (std::size_t i = 0; i < names.size(); ++i)
      if (std::find(wanted.begin(), wanted.end(), name_of(names[i])) != wanted.end()) on[i] = 1;
  };
  if (!f.labels.empty()) {
    r.on[0] = true;
    set(f.labels, labels_, [](const Label& l) -> const std::string& { return l.id; }, r.labels);
  }
  if (!f.accounts.empty()) {
    r.on[1] = true;
    set(f.accounts, account_names_, [](const std::string& s) -> const std::string& { return s; }, r.accounts);
  }
  if (!f.platforms.empty()) {
    r.on[2] = true;
    for (const auto& p : f.platforms)
      if (auto v = parse_platform(p)) r.platforms = std::uint16_t(r.platforms | (1u << unsigned(*v)));
  }
  if (!f.statuses.empty()) {
    r.on[3] = true;
    for (const auto& s : f.statuses)
      if (auto v = parse_post_status(s)) r.statuses = std::uint8_t(r.statuses | (1u << unsigned(*v)));
  }
  return r;
}

bool CalendarIndex::matches_kind(std::uint32_t post, const Resolved& r, int kind) const {
  if (!r.on[kind]) return true;
  switch (kind) {
    case 0:
      for (auto k = label_start_[post]; k < label_start_[post + 1]; ++k)
        if (r.labels[label_ids_[k]]) return true;
      return false;
    case 1:
      for (auto k = account_start_[post]; k < account_start_[post + 1]; ++k)
        if (r.accounts[account_ids_[k]]) return true;
      return false;
    case 2: return (platforms_[post] & r.platforms) != 0;
    default: return ((1u << status_[post]) & r.statuses) != 0;
  }
}

bool CalendarIndex::matches(std::uint32_t post, const Resolved& r) const {
  for (int k = 0; k < 4; ++k)
    if (!matches_kind(post, r, k)) return false;
  return true;
}

// Facet counts: for each kind, how many posts in range carry each value, under the filters of
// the OTHER kinds (so choosing a label does not zero the other labels' counts).
void CalendarIndex::count_facets(std::uint32_t post, const Resolved& r, std::vector<int>& label_n,
                                 std::vector<int>& account_n, std::vector<int>& platform_n,
                                 std::vector<int>& status_n) const {
  int failing = -1, fails = 0;
  for (int k = 0; k < 4; ++k)
    if (!matches_kind(post, r, k)) {
      failing = k;
      ++fails;
    }
  if (fails > 1) return;
  const bool all = fails == 0;
  auto want = [&](int k) { return all || failing == k; };
  if (want(0))
    for (auto k = label_start_[post]; k < label_start_[post + 1]; ++k) ++label_n[label_ids_[k]];
  if (want(1))
    for (auto k = account_start_[post]; k < account_start_[post + 1]; ++k) ++account_n[account_ids_[k]];
  if (want(2))
    for (unsigned b = 0; b < kPlatformCount; ++b)
      if (platforms_[post] & (1u << b)) ++platform_n[b];
  if (want(3)) ++status_n[status_[post]];
}

namespace detail {

// Views are written straight to text: a month of posts through a JSON DOM cost several times
// more than the query itself. Strings from the index are valid UTF-8 (the parser checked them).
// The buffer grows by doubling and is written through a cursor: per-character string appends
// were a third of a month view's cost.
class JsonOut {
 public:
  explicit JsonOut(std::size_t expect = 4096) { buf_.resize(expect); }
  std::string take() {
    buf_.resize(n_);
    return std::move(buf_);
  }
  JsonOut& obj() { return open('{'); }
  JsonOut& end_obj() { return close('}'); }
  JsonOut& arr() { return open('['); }
  JsonOut& end_arr() { return close(']'); }
  JsonOut& key(std::string_view k) {
    comma();
    quoted(k);
    put(':');
    after_key_ = true;
    return *this;
  }
  JsonOut& str(std::string_view v) {
    comma();
    quoted(v);
    return *this;
  }
  // A value already in JSON form (a string escaped and quoted once, when the index was built).
  JsonOut& raw(std::string_view v) {
    comma();
    append(v.data(), v.size());
    return *this;
  }
  JsonOut& num(std::int64_t v) {
    comma();
    char tmp[24];
    const auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    append(tmp, std::size_t(r.ptr - tmp));
    return *this;
  }
  JsonOut& boolean(bool v) {
    comma();
    v ? append("true", 4) : append("false", 5);
    return *this;
  }
  JsonOut& null() {
    comma();
    append("null", 4);
    return *this;
  }

 private:
  JsonOut& open(char c) {
    comma();
    put(c);
    first_[++depth_] = true;  // views nest a handful of levels; kMaxDepth is far above that
    return *this;
  }
  JsonOut& close(char c) {
    put(c);
    --depth_;
    return *this;
  }
  void reserve(std::size_t more) {
    if (n_ + more > buf_.size()) buf_.resize(std::max(buf_.size() * 2, n_ + more));
  }
  void put(char c) {
    reserve(1);
    buf_[n_++] = c;
  }
  void append(const char* p, std::size_t len) {
    reserve(len);
    std::memcpy(buf_.data() + n_, p, len);
    n_ += len;
  }
  void comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ > 0) {
      if (!first_[depth_]) put(',');
      first_[depth_] = false;
    }
  }
  void quoted(std::string_view s) {
    reserve(s.size() + 2);
    put('"');
    // Most ids, dates and names need no escaping: copy runs, escape only where needed.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      append(s.data() + run, i - run);
      run = i + 1;
      if (c == '"' || c == '\\') {
        put('\\');
        put(char(c));
      } else {
        static const char* hex = "0123456789abcdef";
        append("\\u00", 4);
        put(hex[c >> 4]);
        put(hex[c & 15]);
      }
    }
    append(s.data() + run, s.size() - run);
    put('"');
  }
  static constexpr int kMaxDepth = 16;
  std::string buf_;
  std::size_t n_ = 0;
  bool first_[kMaxDepth + 1] = {};
  int depth_ = 0;
  bool after_key_ = false;
};

// One string as a JSON value, for fields written on every view.
std::string json_quoted(std::string_view s) {
  JsonOut o(s.size() + 8);
  o.str(s);
  return o.take();
}

}  // namespace detail

using detail::JsonOut;

void CalendarIndex::write_details(std::uint32_t post, const ZoneLens& zone, JsonOut& o) const {
  o.key(ids_[post]).obj();
  if (const auto& t = times_[post]) {
    const std::string at = format_local_iso(*t, zone.offset_at(*t));
    o.key("at").str(at).key("time").str(std::string_view(at).substr(11, 5));
  } else {
    o.key("at").null();
  }
  o.key("status").str(to_string(PostStatus(status_[post])));
  o.key("platforms").arr();
  for (unsigned b = 0; b < kPlatformCount; ++b)
    if (platforms_[post] & (1u << b)) o.str(to_string(Platform(b)));
  o.end_arr().key("labels").arr();
  for (auto k = label_start_[post]; k < label_start_[post + 1]; ++k) o.str(labels_[label_ids_[k]].id);
  o.end_arr().key("accounts").arr();
  for (auto k = account_start_[post]; k < account_start_[post + 1]; ++k) o.str(account_names_[account_ids_[k]]);
  o.end_arr().key("excerpt").raw(excerpts_[post]).end_obj();
}

json CalendarIndex::view(const CalendarQuery& q) const { return json::parse(view_string(q)); }

std::string CalendarIndex::view_string(const CalendarQuery& q) const {
  const ZoneLens& zone = q.zone;
  const Resolved r = resolve(q.filter);
  JsonOut o(q.details ? 64 * 1024 : 8 * 1024);
  o.obj().key("view").str(view_name(q.view)).key("zone").str(zone.name());
  if (q.date) o.key("date").str(format_date(*q.date));
  std::vector<std::uint32_t> shown;  // posts whose details a painter needs

  std::vector<int> label_n(labels_.size()), account_n(account_names_.size()), platform_n(kPlatformCount),
      status_n(6);

  // Scheduled posts whose local day lies in [first, last], in (time, id) order. The UTC window is
  // widened by the zone's extreme offsets, then each post is bucketed by its own local day.
  auto in_days = [&](std::int64_t first, std::int64_t last, auto&& sink) {
    const UtcSeconds lo = first * 86400 - zone.max_offset();
    const UtcSeconds hi = (last + 1) * 86400 - zone.min_offset();
    auto it = std::lower_bound(timeline_.begin(), timeline_.end(), lo,
                               [](const Entry& e, UtcSeconds v) { return e.time < v; });
    for (; it != timeline_.end() && it->time < hi; ++it) {
      const auto day = zone.local_day(it->time);
      if (day < first || day > last) continue;
      count_facets(it->post, r, label_n, account_n, platform_n, status_n);
      if (matches(it->post, r)) sink(day, *it);
    }
  };

  auto unscheduled = [&] {
    o.key("unscheduled").arr();
    int hidden = 0, listed = 0;
    const bool filtered = r.on[0] || r.on[1] || r.on[2] || r.on[3];
    if (!filtered) {
      // Nothing to test per post: list the first ones and count the rest without a walk.
      const auto n = std::min<std::size_t>(unscheduled_.size(), std::size_t(q.unscheduled_limit));
      for (std::size_t i = 0; i < n; ++i) {
        o.str(ids_[unscheduled_[i]]);
        shown.push_back(unscheduled_[i]);
      }
      o.end_arr().key("unscheduled_hidden").num(std::int64_t(unscheduled_.size() - n));
      return;
    }
    for (auto p : unscheduled_) {
      if (!matches(p, r)) continue;
      if (listed < q.unscheduled_limit) {
        o.str(ids_[p]);
        shown.push_back(p);
        ++listed;
      } else {
        ++hidden;
      }
    }
    o.end_arr().key("unscheduled_hidden").num(hidden);
  };

  auto range = [&](std::int64_t first, std::int64_t last) {
    o.key("range").obj();
    o.key("start").str(format_date(civil_from_days(first))).key("end").str(format_date(civil_from_days(last)));
    o.key("start_utc").str(format_iso_time(zone.day_start(first)));
    o.key("end_utc").str(format_iso_time(zone.day_start(last + 1)));
    o.end_obj();
  };

  // Time-grid placement of one day's posts on its wall clock (minute 0-1439 as the clock reads),
  // as calendars draw a day: 24 equal hours under one hour axis shared by the week. On the day
  // the clocks go forward the skipped hour stays empty; on the day they go back, the repeated
  // hour's posts share their slots side by side. "minutes" is the day's real length and
  // "clock_changes" says where the clock jumped, for the view to mark.
  auto grid = [&](std::int64_t day, const std::vector<Entry>& entries, const char* items_key, const char* hidden_key) {
    const UtcSeconds start = zone.day_start(day);
    const UtcSeconds next = zone.day_start(day + 1);
    const auto wall_minute = [&](UtcSeconds t, std::int32_t offset) { return floor_div(t + offset, 60) - day * 1440; };
    std::vector<SlotSpan> spans;
    spans.reserve(entries.size());
    for (const auto& e : entries) {
      const std::int64_t m = wall_minute(e.time, zone.offset_at(e.time));
      spans.push_back({m, m + q.duration_minutes});
    }
    // A busy hour keeps its first posts and a "+N more" for the rest, as a month cell does, so
    // 30 posts in a day stay readable; only the kept posts share columns.
    std::vector<bool> kept(entries.size(), true);
    std::vector<std::pair<std::int64_t, int>> hour_hidden;  // (wall-clock hour, posts cut there)
    if (q.max_per_hour > 0 && !spans.empty()) {
      // Hours of one day: a flat count per hour (a day's wall clock spans about 25 of them).
      const auto hour_of = [&](std::size_t i) { return floor_div(spans[i].start, 60); };
      std::int64_t lo = hour_of(0), hi = lo;
      for (std::size_t i = 1; i < spans.size(); ++i) {
        lo = std::min(lo, hour_of(i));
        hi = std::max(hi, hour_of(i));
      }
      std::vector<int> count(std::size_t(hi - lo + 1), 0), seen(count.size(), 0);
      for (std::size_t i = 0; i < spans.size(); ++i) ++count[std::size_t(hour_of(i) - lo)];
      for (std::size_t i = 0; i < spans.size(); ++i) {
        const auto k = std::size_t(hour_of(i) - lo);
        if (seen[k]++ >= cut_rows(count[k], q.max_per_hour).visible) kept[i] = false;
      }
      for (std::size_t k = 0; k < count.size(); ++k)
        if (const RowCut cut = cut_rows(count[k], q.max_per_hour); cut.hidden > 0) hour_hidden.emplace_back(lo + std::int64_t(k), cut.hidden);
    }
    std::vector<std::size_t> keep_index;  // positions of the kept entries, in time order
    keep_index.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (kept[i]) keep_index.push_back(i);
    std::vector<SlotSpan> kept_spans;
    kept_spans.reserve(keep_index.size());
    for (const auto i : keep_index) kept_spans.push_back(spans[i]);
    // Overlap columns are found in wall-clock order, which differs from time order only in a
    // repeated hour (the only day that pays for the reordering); the items stay in time order.
    const auto by_start = [](const SlotSpan& a, const SlotSpan& b) { return a.start < b.start; };
    std::vector<SlotPlacement> kept_placed;
    if (std::is_sorted(kept_spans.begin(), kept_spans.end(), by_start)) {
      kept_placed = place_in_columns(kept_spans);
    } else {
      std::vector<std::size_t> order(kept_spans.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return by_start(kept_spans[a], kept_spans[b]); });
      std::vector<SlotSpan> by_wall;
      by_wall.reserve(order.size());
      for (const auto i : order) by_wall.push_back(kept_spans[i]);
      const auto placed_by_wall = place_in_columns(by_wall);
      kept_placed.resize(kept_spans.size());
      for (std::size_t k = 0; k < order.size(); ++k) kept_placed[order[k]] = placed_by_wall[k];
    }
    std::vector<SlotPlacement> placed(entries.size());
    for (std::size_t k = 0; k < keep_index.size(); ++k) placed[keep_index[k]] = kept_placed[k];
    int hidden = 0;
    o.key(items_key).arr();
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (!kept[i] || (q.max_columns > 0 && placed[i].column >= q.max_columns)) {
        ++hidden;
        continue;
      }
      const int columns = q.max_columns > 0 ? std::min(placed[i].columns, q.max_columns) : placed[i].columns;
      o.obj()
          .key("post_id").str(ids_[entries[i].post])
          .key("start").str(format_local_iso(entries[i].time, zone.offset_at(entries[i].time)))
          .key("minute").num(spans[i].start)
          .key("end_minute").num(spans[i].end)
          .key("column").num(placed[i].column)
          .key("columns").num(columns)
          .end_obj();
      shown.push_back(entries[i].post);
    }
    o.end_arr().key(hidden_key).num(hidden);
    if (q.max_per_hour > 0) {
      o.key("hour_more").arr();
      for (const auto& [hour, n] : hour_hidden) o.obj().key("hour").num(hour).key("hidden").num(std::int64_t(n)).end_obj();
      o.end_arr();
    }
    o.key("minutes").num((next - start) / 60);
    o.key("clock_changes").arr();
    const auto& tr = zone.transitions();
    for (std::size_t k = 1; k < tr.size(); ++k) {
      if (tr[k].at_utc < start || tr[k].at_utc >= next || tr[k].offset_seconds == tr[k - 1].offset_seconds) continue;
      o.obj()
          .key("from_minute").num(wall_minute(tr[k].at_utc, tr[k - 1].offset_seconds))
          .key("to_minute").num(wall_minute(tr[k].at_utc, tr[k].offset_seconds))
          .end_obj();
    }
    o.end_arr();
  };

  if (q.view == CalendarView::month || q.view == CalendarView::week) {
    const DayRange days = view_days(q.view, *q.date, q.week_start);
    const auto ndays = std::size_t(days.last - days.first + 1);
    std::vector<std::vector<Entry>> by_day(ndays);
    in_days(days.first, days.last, [&](std::int64_t day, const Entry& e) { by_day[std::size_t(day - days.first)].push_back(e); });
    o.key("week_start").str(q.week_start == WeekStart::monday ? "monday" : "sunday");
    range(days.first, days.last);
    o.key("weeks").arr();
    for (std::size_t w = 0; w < ndays / 7; ++w) {
      const std::int64_t row = days.first + std::int64_t(w * 7);
      const IsoWeek iw = iso_week_of(q.week_start == WeekStart::monday ? row : row + 1);
      o.obj().key("iso_week").num(iw.week).key("iso_year").num(iw.year).key("days").arr();
      for (std::size_t k = 0; k < 7; ++k) {
        const std::int64_t day = row + std::int64_t(k);
        const auto& entries = by_day[std::size_t(day - days.first)];
        const CivilDate cd = civil_from_days(day);
        const RowCut cut = cut_rows(int(entries.size()), q.max_rows);
        o.obj().key("date").str(format_date(cd)).key("post_ids").arr();
        for (int i = 0; i < cut.visible; ++i) {
          o.str(ids_[entries[std::size_t(i)].post]);
          shown.push_back(entries[std::size_t(i)].post);
        }
        o.end_arr().key("hidden").num(cut.hidden);
        if (q.view == CalendarView::month) o.key("in_month").boolean(cd.month == q.date->month);
        else grid(day, entries, "items", "items_hidden");
        o.end_obj();
      }
      o.end_arr().end_obj();
    }
    o.end_arr();
    unscheduled();
  } else if (q.view == CalendarView::day) {
    const std::int64_t day = days_from_civil(*q.date);
    std::vector<Entry> entries;
    in_days(day, day, [&](std::int64_t, const Entry& e) { entries.push_back(e); });
    const IsoWeek iw = iso_week_of(day);
    o.key("iso_week").num(iw.week).key("iso_year").num(iw.year);
    range(day, day);
    grid(day, entries, "items", "hidden");
    unscheduled();
  } else {  // list
    auto it = timeline_.begin();
    if (q.cursor) {
      const auto c = parse_cursor(*q.cursor);
      it = std::upper_bound(timeline_.begin(), timeline_.end(), *c, [&](const auto& key, const Entry& e) {
        if (key.first != e.time) return key.first < e.time;
        return id_less(key.second, ids_[e.post]);
      });
    } else if (q.date) {
      const UtcSeconds from = zone.day_start(days_from_civil(*q.date));
      it = std::lower_bound(timeline_.begin(), timeline_.end(), from,
                            [](const Entry& e, UtcSeconds v) { return e.time < v; });
    }
    o.key("items").arr();
    const Entry* last = nullptr;
    bool more = false;
    int listed = 0;
    for (; it != timeline_.end(); ++it) {
      if (!matches(it->post, r)) continue;
      if (listed == q.page_size) {
        more = true;
        break;
      }
      const std::string at = format_local_iso(it->time, zone.offset_at(it->time));
      o.obj().key("post_id").str(ids_[it->post]).key("start").str(at).key("date").str(std::string_view(at).substr(0, 10)).end_obj();
      shown.push_back(it->post);
      last = &*it;
      ++listed;
    }
    o.end_arr().key("next");
    if (more && last) o.str(std::to_string(last->time) + ":" + ids_[last->post]);
    else o.null();
    if (!q.cursor) unscheduled();
  }

  if (q.view != CalendarView::list) {
    o.key("counts").obj().key("labels").obj();
    for (std::size_t i = 0; i < label_n.size(); ++i)
      if (label_n[i]) o.key(labels_[i].id).num(label_n[i]);
    o.end_obj().key("accounts").obj();
    for (std::size_t i = 0; i < account_n.size(); ++i)
      if (account_n[i]) o.key(account_names_[i]).num(account_n[i]);
    o.end_obj().key("platforms").obj();
    for (std::size_t i = 0; i < kPlatformCount; ++i)
      if (platform_n[i]) o.key(to_string(Platform(i))).num(platform_n[i]);
    o.end_obj().key("statuses").obj();
    for (std::size_t i = 0; i < 6; ++i)
      if (status_n[i]) o.key(to_string(PostStatus(i))).num(status_n[i]);
    o.end_obj().end_obj();
  }
  if (q.details) {
    // A post can be listed twice (a week's cell and its time grid): describe it once.
    std::sort(shown.begin(), shown.end());
    shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
    o.key("posts").obj();
    std::vector<std::uint32_t> used_labels;
    for (auto p : shown) {
      write_details(p, zone, o);
      for (auto k = label_start_[p]; k < label_start_[p + 1]; ++k) used_labels.push_back(label_ids_[k]);
    }
    o.end_obj();
    std::sort(used_labels.begin(), used_labels.end());
    used_labels.erase(std::unique(used_labels.begin(), used_labels.end()), used_labels.end());
    o.key("labels").obj();
    for (auto l : used_labels) o.key(labels_[l].id).obj().key("name").str(labels_[l].name).key("color").str(labels_[l].color).end_obj();
    o.end_obj();
    // The networks of the posts shown, by the names people use: badges and accessible names.
    std::uint16_t used_platforms = 0;
    for (auto p : shown) used_platforms = std::uint16_t(used_platforms | platforms_[p]);
    o.key("networks").obj();
    for (unsigned b = 0; b < kPlatformCount; ++b)
      if (used_platforms & (1u << b)) o.key(to_string(Platform(b))).str(display_name(Platform(b)));
    o.end_obj();
  }
  o.end_obj();
  return o.take();
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

std::string CalendarIndex::load_text(const std::string& text) {
  // Bounded like a snapshot import (this document may be one): refused before any of the
  // current contents is touched.
  const ResponseLimits limits{kMaxSnapshotBytes, kMaxSnapshotDepth, kMaxSnapshotStringBytes, kMaxSnapshotArrayLength};
  const auto refuse = [&](const std::string& reason, const std::string& why) {
    return error_answer(make_error(422, "The posts document was not loaded: " + why), reason);
  };
  if (std::int64_t(text.size()) > std::int64_t(kMaxSnapshotBytes))
    return refuse("too_large", "it is larger than the limit of " + std::to_string(kMaxSnapshotBytes) + " bytes.");
  // The plain case (a list of valid posts) is read in one pass without a DOM; anything else,
  // errors and limits included, goes through the full bounded parser, which names what is wrong.
  if (auto scanned = scan_posts_document(text, ScanLimits{kMaxSnapshotDepth, kMaxSnapshotStringBytes, kMaxSnapshotArrayLength})) {
    if (!scanned->snapshot_members.empty()) {
      // A snapshot: its few small members go through the same checks as a full import. Any
      // refusal is left to the full parser below, so the message is the same either way.
      json head = json::object();
      for (const auto& [key, raw] : scanned->snapshot_members) head[key] = json::parse(std::string(raw), nullptr, false);
      if (auto snap = import_snapshot_with(head, std::move(scanned->posts), std::move(scanned->labels))) {
        auto summary = build(std::move(snap->posts), std::move(snap->labels), "posts");
        if (summary) {
          add_workspace(summary.value(), *snap);
          return summary->dump();
        }
      }
    } else {
      auto summary = build(std::move(scanned->posts), std::move(scanned->labels),
                           scanned->bare ? "" : scanned->from_data ? "data" : "posts");
      if (summary) return summary->dump();
    }
  }
  json j;
  if (const auto f = parse_json_within(text, limits, j)) {
    if (f->reason == "too_large") return refuse(f->reason, "it is larger than the limit of " + std::to_string(kMaxSnapshotBytes) + " bytes.");
    if (f->reason == "too_deep") return refuse(f->reason, "it nests deeper than the limit of " + std::to_string(kMaxSnapshotDepth) + " levels.");
    if (f->reason == "string_too_long")
      return refuse(f->reason, "it holds a string longer than the limit of " + std::to_string(kMaxSnapshotStringBytes) + " bytes.");
    if (f->reason == "array_too_long")
      return refuse(f->reason, "it holds a list longer than the limit of " + std::to_string(kMaxSnapshotArrayLength) + " items.");
    return refuse(f->reason, "it is not valid JSON (it may have been cut short).");
  }
  auto summary = load(j);
  if (!summary) return error_answer(summary.error());
  return summary->dump();
}

namespace {
// A text entry point that changes the index: JSON bounded like a load, then `apply`, then the
// summary or an error answer. `refused` opens the message when the text itself is refused.
template <class Apply>
std::string bounded_change(const std::string& text, const std::string& refused, Apply&& apply) {
  const ResponseLimits limits{kMaxSnapshotBytes, kMaxSnapshotDepth, kMaxSnapshotStringBytes, kMaxSnapshotArrayLength};
  json j;
  if (const auto f = parse_json_within(text, limits, j))
    return error_answer(make_error(422, refused + " not valid JSON within the limits (" + f->reason + ")."), f->reason);
  auto summary = apply(j);
  if (!summary) return error_answer(summary.error());
  return summary->dump();
}
}  // namespace

// A list of posts (an API page's `data`, or the posts an edit's answer holds).
std::string CalendarIndex::upsert_text(const std::string& text) {
  return bounded_change(text, "The posts were not applied: they are", [&](const json& j) { return upsert(j); });
}

// A list of post ids: the posts a delete took out.
std::string CalendarIndex::remove_text(const std::string& text) {
  return bounded_change(text, "No post was removed: the ids are", [&](const json& j) { return remove(j); });
}

std::string CalendarIndex::view_text(const std::string& text) const {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return error_answer(make_error(400, "The calendar query is not valid JSON."));
  auto q = calendar_query_from_json(j);
  if (!q) return error_answer(q.error());
  return view_string(*q);
}

// {"post_id", "new_time", "now", "role" | "can_edit"}: the post and its neighbours come from the index.
std::string CalendarIndex::plan_move_text(const std::string& text) const {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return error_answer(make_error(400, "The move request is not valid JSON."));
  auto req = move_request_from_json(j);
  if (!req) return error_answer(req.error());
  auto id = j.find("post_id");
  const auto given = id == j.end() ? std::nullopt : id_text(*id);
  if (!given) return error_answer(field_error("post_id", "The post_id field is required."));
  const std::string& pid = *given;
  const auto info = find(pid);
  if (!info) return error_answer(make_error(404, "No post " + pid + " in this calendar."));
  const UtcSeconds minute = floor_div(req->new_time, 60) * 60;
  std::vector<OtherPost> others;
  for (auto& o : same_account_between(minute, minute + 60, info->accounts, pid)) {
    auto oi = find(o);
    others.push_back({o, oi->time, oi->accounts});
  }
  return to_json(plan_move({pid, info->status, info->accounts}, req->new_time, req->can_edit, req->now, others, req->zone)).dump();
}

}  // namespace trypost
