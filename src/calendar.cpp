#include "trypost/calendar.hpp"

#include <algorithm>
#include <charconv>

#include "trypost/layout.hpp"
#include "trypost/reschedule.hpp"
#include "trypost/snapshot.hpp"

namespace trypost {

using nlohmann::json;

namespace {

std::string error_answer(const ApiError& e) { return json{{"error", e.message}, {"details", e.to_json()}}.dump(); }

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
          if (v.is_string()) out.push_back(v.get<std::string>());
          else if (v.is_number_integer()) out.push_back(std::to_string(v.get<std::int64_t>()));
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

struct CalendarIndex::Resolved {
  bool on[4] = {false, false, false, false};  // label, account, platform, status
  std::vector<char> labels, accounts;
  std::uint16_t platforms = 0;
  std::uint8_t statuses = 0;
};

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
    parsed.reserve(posts->size());
    for (std::size_t i = 0; i < posts->size(); ++i) {
      auto p = post_from_json((*posts)[i], path.empty() ? std::to_string(i) : path + "." + std::to_string(i));
      if (p) parsed.push_back(std::move(p).value());
      else
        for (const auto& [f, msgs] : p.error().errors)
          for (const auto& m : msgs)
            if (err.errors.size() < 50) err.add(f, m);
    }
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

  // Build into fresh containers and swap at the end, so a refused load leaves the old contents.
  CalendarIndex next;
  std::unordered_map<std::string, std::uint32_t> account_of, label_of;
  auto intern_label = [&](const Label& l) {
    auto [it, fresh] = label_of.emplace(l.id, std::uint32_t(next.labels_.size()));
    if (fresh) next.labels_.push_back(l);
    else if (next.labels_[it->second].name.empty()) next.labels_[it->second] = l;
    return it->second;
  };
  for (const auto& l : labels) intern_label(l);
  const auto n = std::uint32_t(parsed.size());
  next.ids_.reserve(n);
  next.times_.reserve(n);
  next.account_start_.reserve(n + 1);
  next.label_start_.reserve(n + 1);
  for (std::uint32_t i = 0; i < n; ++i) {
    const Post& p = parsed[i];
    if (!next.by_id_.emplace(p.id, i).second)
      return field_error(path.empty() ? std::to_string(i) + ".id" : path + "." + std::to_string(i) + ".id",
                         "The post id " + p.id + " appears twice.");
    next.ids_.push_back(p.id);
    next.times_.push_back(calendar_time(p));
    next.status_.push_back(std::uint8_t(p.status));
    std::uint16_t mask = 0;
    next.account_start_.push_back(std::uint32_t(next.account_ids_.size()));
    for (const auto& pp : p.platforms) {
      mask = std::uint16_t(mask | (1u << unsigned(pp.platform)));
      if (pp.social_account_id.empty()) continue;
      auto [it, fresh] = account_of.emplace(pp.social_account_id, std::uint32_t(next.account_names_.size()));
      if (fresh) next.account_names_.push_back(pp.social_account_id);
      const auto begin = next.account_ids_.begin() + next.account_start_.back();
      if (std::find(begin, next.account_ids_.end(), it->second) == next.account_ids_.end())
        next.account_ids_.push_back(it->second);
    }
    next.platforms_.push_back(mask);
    next.label_start_.push_back(std::uint32_t(next.label_ids_.size()));
    for (const auto& l : p.labels) next.label_ids_.push_back(intern_label(l));
    next.excerpts_.push_back(excerpt_of(p.content, 80));
  }
  next.account_start_.push_back(std::uint32_t(next.account_ids_.size()));
  next.label_start_.push_back(std::uint32_t(next.label_ids_.size()));

  for (std::uint32_t i = 0; i < n; ++i) {
    if (next.times_[i]) next.timeline_.push_back({*next.times_[i], i});
    else next.unscheduled_.push_back(i);
  }
  const auto& ids = next.ids_;
  std::sort(next.timeline_.begin(), next.timeline_.end(), [&](const Entry& a, const Entry& b) {
    if (a.time != b.time) return a.time < b.time;
    return id_less(ids[a.post], ids[b.post]);
  });
  std::sort(next.unscheduled_.begin(), next.unscheduled_.end(),
            [&](std::uint32_t a, std::uint32_t b) { return id_less(ids[a], ids[b]); });
  *this = std::move(next);

  json summary{{"posts", ids_.size()}, {"scheduled", timeline_.size()}, {"unscheduled", unscheduled_.size()},
               {"labels", labels_.size()}, {"accounts", account_names_.size()}};
  summary["first"] = timeline_.empty() ? json(nullptr) : json(format_iso_time(timeline_.front().time));
  summary["last"] = timeline_.empty() ? json(nullptr) : json(format_iso_time(timeline_.back().time));
  return summary;
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

json CalendarIndex::post_details(std::uint32_t post, const ZoneLens& zone) const {
  json platforms = json::array(), labels = json::array(), accounts = json::array();
  for (unsigned b = 0; b < kPlatformCount; ++b)
    if (platforms_[post] & (1u << b)) platforms.push_back(to_string(Platform(b)));
  for (auto k = label_start_[post]; k < label_start_[post + 1]; ++k) labels.push_back(labels_[label_ids_[k]].id);
  for (auto k = account_start_[post]; k < account_start_[post + 1]; ++k)
    accounts.push_back(account_names_[account_ids_[k]]);
  json d{{"status", to_string(PostStatus(status_[post]))},
         {"platforms", platforms},
         {"labels", labels},
         {"accounts", accounts},
         {"excerpt", excerpts_[post]}};
  if (const auto& t = times_[post]) {
    const auto off = zone.offset_at(*t);
    d["at"] = format_local_iso(*t, off);
    d["time"] = d["at"].get<std::string>().substr(11, 5);
  } else {
    d["at"] = nullptr;
  }
  return d;
}

json CalendarIndex::view(const CalendarQuery& q) const {
  const ZoneLens& zone = q.zone;
  const Resolved r = resolve(q.filter);
  json out{{"view", view_name(q.view)}, {"zone", zone.name()}};
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
    json ids = json::array();
    int hidden = 0;
    for (auto p : unscheduled_) {
      if (!matches(p, r)) continue;
      if (int(ids.size()) < q.unscheduled_limit) {
        ids.push_back(ids_[p]);
        shown.push_back(p);
      } else {
        ++hidden;
      }
    }
    out["unscheduled"] = ids;
    out["unscheduled_hidden"] = hidden;
  };

  // Time-grid placement of one day's posts: minutes since the local day's first instant, so a
  // 25-hour day has 1500 minutes and a 23-hour day 1380.
  auto grid = [&](std::int64_t day, const std::vector<Entry>& entries, json& items) {
    const UtcSeconds start = zone.day_start(day);
    std::vector<SlotSpan> spans;
    spans.reserve(entries.size());
    for (const auto& e : entries) {
      const std::int64_t m = floor_div(e.time - start, 60);
      spans.push_back({m, m + q.duration_minutes});
    }
    const auto placed = place_in_columns(spans);
    int hidden = 0;
    items = json::array();
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (q.max_columns > 0 && placed[i].column >= q.max_columns) {
        ++hidden;
        continue;
      }
      items.push_back(json{{"post_id", ids_[entries[i].post]},
                           {"start", format_local_iso(entries[i].time, zone.offset_at(entries[i].time))},
                           {"minute", spans[i].start},
                           {"end_minute", spans[i].end},
                           {"column", placed[i].column},
                           {"columns", q.max_columns > 0 ? std::min(placed[i].columns, q.max_columns) : placed[i].columns}});
      shown.push_back(entries[i].post);
    }
    return hidden;
  };
  auto day_minutes = [&](std::int64_t day) { return (zone.day_start(day + 1) - zone.day_start(day)) / 60; };

  if (q.view == CalendarView::month || q.view == CalendarView::week) {
    const DayRange range = view_days(q.view, *q.date, q.week_start);
    const auto ndays = std::size_t(range.last - range.first + 1);
    std::vector<std::vector<Entry>> by_day(ndays);
    in_days(range.first, range.last, [&](std::int64_t day, const Entry& e) { by_day[std::size_t(day - range.first)].push_back(e); });
    json weeks = json::array();
    for (std::size_t w = 0; w < ndays / 7; ++w) {
      const std::int64_t row = range.first + std::int64_t(w * 7);
      const IsoWeek iw = iso_week_of(q.week_start == WeekStart::monday ? row : row + 1);
      json days = json::array();
      for (std::size_t k = 0; k < 7; ++k) {
        const std::int64_t day = row + std::int64_t(k);
        const auto& entries = by_day[std::size_t(day - range.first)];
        const CivilDate cd = civil_from_days(day);
        const RowCut cut = cut_rows(int(entries.size()), q.max_rows);
        json ids = json::array();
        for (int i = 0; i < cut.visible; ++i) {
          ids.push_back(ids_[entries[std::size_t(i)].post]);
          shown.push_back(entries[std::size_t(i)].post);
        }
        json cell{{"date", format_date(cd)}, {"post_ids", ids}, {"hidden", cut.hidden}};
        if (q.view == CalendarView::month) cell["in_month"] = cd.month == q.date->month;
        else {
          json items;
          cell["items_hidden"] = grid(day, entries, items);
          cell["items"] = std::move(items);
          cell["minutes"] = day_minutes(day);
        }
        days.push_back(std::move(cell));
      }
      weeks.push_back(json{{"iso_week", iw.week}, {"iso_year", iw.year}, {"days", std::move(days)}});
    }
    out["range"] = json{{"start", format_date(civil_from_days(range.first))},
                        {"end", format_date(civil_from_days(range.last))},
                        {"start_utc", format_iso_time(zone.day_start(range.first))},
                        {"end_utc", format_iso_time(zone.day_start(range.last + 1))}};
    out["date"] = format_date(*q.date);
    out["week_start"] = q.week_start == WeekStart::monday ? "monday" : "sunday";
    out["weeks"] = std::move(weeks);
    unscheduled();
  } else if (q.view == CalendarView::day) {
    const std::int64_t day = days_from_civil(*q.date);
    std::vector<Entry> entries;
    in_days(day, day, [&](std::int64_t, const Entry& e) { entries.push_back(e); });
    json items;
    const int hidden = grid(day, entries, items);
    const IsoWeek iw = iso_week_of(day);
    out["date"] = format_date(*q.date);
    out["iso_week"] = iw.week;
    out["iso_year"] = iw.year;
    out["range"] = json{{"start", format_date(*q.date)},
                        {"end", format_date(*q.date)},
                        {"start_utc", format_iso_time(zone.day_start(day))},
                        {"end_utc", format_iso_time(zone.day_start(day + 1))}};
    out["minutes"] = day_minutes(day);
    out["items"] = std::move(items);
    out["hidden"] = hidden;
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
    json items = json::array();
    const Entry* last = nullptr;
    bool more = false;
    for (; it != timeline_.end(); ++it) {
      if (!matches(it->post, r)) continue;
      if (int(items.size()) == q.page_size) {
        more = true;
        break;
      }
      const auto off = zone.offset_at(it->time);
      const std::string at = format_local_iso(it->time, off);
      items.push_back(json{{"post_id", ids_[it->post]}, {"start", at}, {"date", at.substr(0, 10)}});
      shown.push_back(it->post);
      last = &*it;
    }
    if (q.date) out["date"] = format_date(*q.date);
    out["items"] = std::move(items);
    out["next"] = more && last ? json(std::to_string(last->time) + ":" + ids_[last->post]) : json(nullptr);
    if (!q.cursor) unscheduled();
  }

  if (q.view != CalendarView::list) {
    json counts{{"labels", json::object()}, {"accounts", json::object()}, {"platforms", json::object()},
                {"statuses", json::object()}};
    for (std::size_t i = 0; i < label_n.size(); ++i)
      if (label_n[i]) counts["labels"][labels_[i].id] = label_n[i];
    for (std::size_t i = 0; i < account_n.size(); ++i)
      if (account_n[i]) counts["accounts"][account_names_[i]] = account_n[i];
    for (std::size_t i = 0; i < kPlatformCount; ++i)
      if (platform_n[i]) counts["platforms"][std::string(to_string(Platform(i)))] = platform_n[i];
    for (std::size_t i = 0; i < 6; ++i)
      if (status_n[i]) counts["statuses"][std::string(to_string(PostStatus(i)))] = status_n[i];
    out["counts"] = std::move(counts);
  }
  if (q.details) {
    json posts = json::object(), labels = json::object();
    for (auto p : shown) {
      posts[ids_[p]] = post_details(p, zone);
      for (auto k = label_start_[p]; k < label_start_[p + 1]; ++k) {
        const Label& l = labels_[label_ids_[k]];
        labels[l.id] = json{{"name", l.name}, {"color", l.color}};
      }
    }
    out["posts"] = std::move(posts);
    out["labels"] = std::move(labels);
  }
  return out;
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
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return json{{"error", "The posts document is not valid JSON (it may have been cut short)."}}.dump();
  auto summary = load(j);
  if (!summary) return error_answer(summary.error());
  return summary->dump();
}

std::string CalendarIndex::view_text(const std::string& text) const {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return json{{"error", "The calendar query is not valid JSON."}}.dump();
  auto q = calendar_query_from_json(j);
  if (!q) return error_answer(q.error());
  return view(*q).dump();
}

// {"post_id", "new_time", "now", "role" | "can_edit"}: the post and its neighbours come from the index.
std::string CalendarIndex::plan_move_text(const std::string& text) const {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return json{{"error", "The move request is not valid JSON."}}.dump();
  auto req = move_request_from_json(j);
  if (!req) return error_answer(req.error());
  auto id = j.find("post_id");
  if (id == j.end() || !(id->is_string() || id->is_number_integer()))
    return json{{"error", "The post_id field is required."}}.dump();
  const std::string pid = id->is_string() ? id->get<std::string>() : std::to_string(id->get<std::int64_t>());
  const auto info = find(pid);
  if (!info) return json{{"error", "No post " + pid + " in this calendar."}}.dump();
  const UtcSeconds minute = floor_div(req->new_time, 60) * 60;
  std::vector<OtherPost> others;
  for (auto& o : same_account_between(minute, minute + 60, info->accounts, pid)) {
    auto oi = find(o);
    others.push_back({o, oi->time, oi->accounts});
  }
  return to_json(plan_move({pid, info->status, info->accounts}, req->new_time, req->can_edit, req->now, others)).dump();
}

}  // namespace trypost
