// The calendar's views: a filter mapped onto the index, then one pass over the posts in range
// that writes the month, week, day or list view as JSON text, with facet counts and, on request,
// what a painter needs of each post shown.
#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "calendar_parts.hpp"
#include "calendar_writer.hpp"
#include "trypost/calendar.hpp"
#include "trypost/layout.hpp"

namespace trypost {

using nlohmann::json;
using detail::JsonOut;

using calendar_parts::parse_cursor;
using calendar_parts::view_name;

// ---------------------------------------------------------------------------------------------
// Filters and facets

struct CalendarIndex::Resolved {
  bool on[4] = {false, false, false, false};  // label, account, platform, status
  std::vector<char> labels, accounts;
  std::uint16_t platforms = 0;
  std::uint8_t statuses = 0;
};

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

void CalendarIndex::write_details(std::uint32_t post, const ZoneLens& zone, JsonOut& o) const {
  o.key(ids_[post]).obj();
  if (const auto& t = times_[post]) {
    const std::string at = format_local_iso(*t, zone.offset_at(*t));
    o.key("at").str(at).key("time").str(std::string_view(at).substr(11, 5));
  } else {
    o.key("at").null();
  }
  o.key("status").str(to_string(PostStatus(status_[post])));
  // Whether the post may still be edited or moved, so a painter offers dragging without a rule of its own.
  o.key("editable").boolean(is_editable(PostStatus(status_[post])));
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

// ---------------------------------------------------------------------------------------------
// The view, step by step

namespace {

// A minute of a day's wall clock (0-1439 as the clock reads) for an instant at a given offset.
std::int64_t wall_minute(std::int64_t day, UtcSeconds t, std::int32_t offset) { return floor_div(t + offset, 60) - day * 1440; }

// The posts a busy hour keeps, and for each wall-clock hour that had to cut some, how many.
struct HourCut {
  std::vector<bool> kept;
  std::vector<std::pair<std::int64_t, int>> hidden;  // (wall-clock hour, posts cut there)
};

// A busy hour keeps its first posts and a "+N more" for the rest, as a month cell does, so
// 30 posts in a day stay readable; only the kept posts share columns.
HourCut cut_busy_hours(const std::vector<SlotSpan>& spans, int max_per_hour) {
  HourCut cut{std::vector<bool>(spans.size(), true), {}};
  if (max_per_hour <= 0 || spans.empty()) return cut;
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
    if (seen[k]++ >= cut_rows(count[k], max_per_hour).visible) cut.kept[i] = false;
  }
  for (std::size_t k = 0; k < count.size(); ++k)
    if (const RowCut rc = cut_rows(count[k], max_per_hour); rc.hidden > 0) cut.hidden.emplace_back(lo + std::int64_t(k), rc.hidden);
  return cut;
}

// Overlap columns of the kept posts, by position in `spans` (a post not kept gets none).
std::vector<SlotPlacement> place_kept(const std::vector<SlotSpan>& spans, const std::vector<bool>& kept) {
  std::vector<std::size_t> keep_index;  // positions of the kept entries, in time order
  keep_index.reserve(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i)
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
  std::vector<SlotPlacement> placed(spans.size());
  for (std::size_t k = 0; k < keep_index.size(); ++k) placed[keep_index[k]] = kept_placed[k];
  return placed;
}

}  // namespace

// One view being written: the query, its filter mapped onto the index, the writer, the facet
// counts gathered while the range is walked, and the posts whose details a painter needs.
struct CalendarIndex::ViewPass {
  const CalendarIndex& idx;
  const CalendarQuery& q;
  const ZoneLens& zone;
  const Resolved r;
  JsonOut o;
  std::vector<std::uint32_t> shown;
  std::vector<int> label_n, account_n, platform_n, status_n;

  ViewPass(const CalendarIndex& index, const CalendarQuery& query)
      : idx(index),
        q(query),
        zone(query.zone),
        r(index.resolve(query.filter)),
        o(query.details ? 64 * 1024 : 8 * 1024),
        label_n(index.labels_.size()),
        account_n(index.account_names_.size()),
        platform_n(kPlatformCount),
        status_n(6) {}

  std::string write() {
    o.obj().key("view").str(view_name(q.view)).key("zone").str(zone.name());
    if (q.date) o.key("date").str(format_date(*q.date));
    if (q.view == CalendarView::month || q.view == CalendarView::week) weeks();
    else if (q.view == CalendarView::day) day_grid();
    else list_page();
    if (q.view != CalendarView::list) counts();
    if (q.details) details();
    o.end_obj();
    return o.take();
  }

  // Scheduled posts whose local day lies in [first, last], in (time, id) order. The UTC window is
  // widened by the zone's extreme offsets, then each post is bucketed by its own local day.
  // The walk reads through locals, not `this`: the sink allocates, and after a call the compiler
  // cannot keep members in registers.
  template <class Sink>
  void in_days(std::int64_t first, std::int64_t last, Sink&& sink) {
    const CalendarIndex& index = idx;
    const ZoneLens& lens = zone;
    const Resolved& filter = r;
    std::vector<int>& labels = label_n;
    std::vector<int>& accounts = account_n;
    std::vector<int>& platforms = platform_n;
    std::vector<int>& statuses = status_n;
    const UtcSeconds lo = first * 86400 - lens.max_offset();
    const UtcSeconds hi = (last + 1) * 86400 - lens.min_offset();
    const auto end = index.timeline_.end();
    auto it = std::lower_bound(index.timeline_.begin(), end, lo, [](const Entry& e, UtcSeconds v) { return e.time < v; });
    for (; it != end && it->time < hi; ++it) {
      const auto day = lens.local_day(it->time);
      if (day < first || day > last) continue;
      index.count_facets(it->post, filter, labels, accounts, platforms, statuses);
      if (index.matches(it->post, filter)) sink(day, *it);
    }
  }

  void show(std::uint32_t post) {
    o.str(idx.ids_[post]);
    shown.push_back(post);
  }

  void unscheduled() {
    o.key("unscheduled").arr();
    int hidden = 0, listed = 0;
    const bool filtered = r.on[0] || r.on[1] || r.on[2] || r.on[3];
    const auto& unscheduled = idx.unscheduled_;
    if (!filtered) {
      // Nothing to test per post: list the first ones and count the rest without a walk.
      const auto n = std::min<std::size_t>(unscheduled.size(), std::size_t(q.unscheduled_limit));
      for (std::size_t i = 0; i < n; ++i) show(unscheduled[i]);
      o.end_arr().key("unscheduled_hidden").num(std::int64_t(unscheduled.size() - n));
      return;
    }
    for (auto p : unscheduled) {
      if (!idx.matches(p, r)) continue;
      if (listed < q.unscheduled_limit) {
        show(p);
        ++listed;
      } else {
        ++hidden;
      }
    }
    o.end_arr().key("unscheduled_hidden").num(hidden);
  }

  void range(std::int64_t first, std::int64_t last) {
    o.key("range").obj();
    o.key("start").str(format_date(civil_from_days(first))).key("end").str(format_date(civil_from_days(last)));
    o.key("start_utc").str(format_iso_time(zone.day_start(first)));
    o.key("end_utc").str(format_iso_time(zone.day_start(last + 1)));
    o.end_obj();
  }

  // Time-grid placement of one day's posts on its wall clock (minute 0-1439 as the clock reads),
  // as calendars draw a day: 24 equal hours under one hour axis shared by the week. On the day
  // the clocks go forward the skipped hour stays empty; on the day they go back, the repeated
  // hour's posts share their slots side by side. "minutes" is the day's real length and
  // "clock_changes" says where the clock jumped, for the view to mark.
  void grid(std::int64_t day, const std::vector<Entry>& entries, const char* items_key, const char* hidden_key) {
    std::vector<SlotSpan> spans;
    spans.reserve(entries.size());
    for (const auto& e : entries) {
      const std::int64_t m = wall_minute(day, e.time, zone.offset_at(e.time));
      spans.push_back({m, m + q.duration_minutes});
    }
    const HourCut cut = cut_busy_hours(spans, q.max_per_hour);
    const std::vector<SlotPlacement> placed = place_kept(spans, cut.kept);
    int hidden = 0;
    o.key(items_key).arr();
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (!cut.kept[i] || (q.max_columns > 0 && placed[i].column >= q.max_columns)) {
        ++hidden;
        continue;
      }
      const int columns = q.max_columns > 0 ? std::min(placed[i].columns, q.max_columns) : placed[i].columns;
      o.obj()
          .key("post_id").str(idx.ids_[entries[i].post])
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
      for (const auto& [hour, n] : cut.hidden) o.obj().key("hour").num(hour).key("hidden").num(std::int64_t(n)).end_obj();
      o.end_arr();
    }
    clock(day);
  }

  // The day's real length, and where its wall clock jumped.
  void clock(std::int64_t day) {
    const UtcSeconds start = zone.day_start(day);
    const UtcSeconds next = zone.day_start(day + 1);
    o.key("minutes").num((next - start) / 60);
    o.key("clock_changes").arr();
    const auto& tr = zone.transitions();
    for (std::size_t k = 1; k < tr.size(); ++k) {
      if (tr[k].at_utc < start || tr[k].at_utc >= next || tr[k].offset_seconds == tr[k - 1].offset_seconds) continue;
      o.obj()
          .key("from_minute").num(wall_minute(day, tr[k].at_utc, tr[k - 1].offset_seconds))
          .key("to_minute").num(wall_minute(day, tr[k].at_utc, tr[k].offset_seconds))
          .end_obj();
    }
    o.end_arr();
  }

  // Month and week views: whole weeks of day cells; a week's cells carry its time grid.
  void weeks() {
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
        day_cell(day, by_day[std::size_t(day - days.first)]);
      }
      o.end_arr().end_obj();
    }
    o.end_arr();
    unscheduled();
  }

  void day_cell(std::int64_t day, const std::vector<Entry>& entries) {
    const CivilDate cd = civil_from_days(day);
    const RowCut cut = cut_rows(int(entries.size()), q.max_rows);
    o.obj().key("date").str(format_date(cd)).key("post_ids").arr();
    for (int i = 0; i < cut.visible; ++i) show(entries[std::size_t(i)].post);
    o.end_arr().key("hidden").num(cut.hidden);
    if (q.view == CalendarView::month) o.key("in_month").boolean(cd.month == q.date->month);
    else grid(day, entries, "items", "items_hidden");
    o.end_obj();
  }

  void day_grid() {
    const std::int64_t day = days_from_civil(*q.date);
    std::vector<Entry> entries;
    in_days(day, day, [&](std::int64_t, const Entry& e) { entries.push_back(e); });
    const IsoWeek iw = iso_week_of(day);
    o.key("iso_week").num(iw.week).key("iso_year").num(iw.year);
    range(day, day);
    grid(day, entries, "items", "hidden");
    unscheduled();
  }

  // A page of the timeline from a cursor or a date, and the cursor of the next page.
  void list_page() {
    const auto& timeline = idx.timeline_;
    const auto& ids = idx.ids_;
    auto it = timeline.begin();
    if (q.cursor) {
      const auto c = parse_cursor(*q.cursor);
      it = std::upper_bound(timeline.begin(), timeline.end(), *c, [&](const auto& key, const Entry& e) {
        if (key.first != e.time) return key.first < e.time;
        return id_less(key.second, ids[e.post]);
      });
    } else if (q.date) {
      const UtcSeconds from = zone.day_start(days_from_civil(*q.date));
      it = std::lower_bound(timeline.begin(), timeline.end(), from,
                            [](const Entry& e, UtcSeconds v) { return e.time < v; });
    }
    o.key("items").arr();
    const Entry* last = nullptr;
    bool more = false;
    int listed = 0;
    for (; it != timeline.end(); ++it) {
      if (!idx.matches(it->post, r)) continue;
      if (listed == q.page_size) {
        more = true;
        break;
      }
      const std::string at = format_local_iso(it->time, zone.offset_at(it->time));
      o.obj().key("post_id").str(ids[it->post]).key("start").str(at).key("date").str(std::string_view(at).substr(0, 10)).end_obj();
      shown.push_back(it->post);
      last = &*it;
      ++listed;
    }
    o.end_arr().key("next");
    if (more && last) o.str(std::to_string(last->time) + ":" + ids[last->post]);
    else o.null();
    if (!q.cursor) unscheduled();
  }

  void counts() {
    o.key("counts").obj().key("labels").obj();
    for (std::size_t i = 0; i < label_n.size(); ++i)
      if (label_n[i]) o.key(idx.labels_[i].id).num(label_n[i]);
    o.end_obj().key("accounts").obj();
    for (std::size_t i = 0; i < account_n.size(); ++i)
      if (account_n[i]) o.key(idx.account_names_[i]).num(account_n[i]);
    o.end_obj().key("platforms").obj();
    for (std::size_t i = 0; i < kPlatformCount; ++i)
      if (platform_n[i]) o.key(to_string(Platform(i))).num(platform_n[i]);
    o.end_obj().key("statuses").obj();
    for (std::size_t i = 0; i < 6; ++i)
      if (status_n[i]) o.key(to_string(PostStatus(i))).num(status_n[i]);
    o.end_obj().end_obj();
  }

  void details() {
    // A post can be listed twice (a week's cell and its time grid): describe it once.
    std::sort(shown.begin(), shown.end());
    shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
    o.key("posts").obj();
    std::vector<std::uint32_t> used_labels;
    for (auto p : shown) {
      idx.write_details(p, zone, o);
      for (auto k = idx.label_start_[p]; k < idx.label_start_[p + 1]; ++k) used_labels.push_back(idx.label_ids_[k]);
    }
    o.end_obj();
    std::sort(used_labels.begin(), used_labels.end());
    used_labels.erase(std::unique(used_labels.begin(), used_labels.end()), used_labels.end());
    o.key("labels").obj();
    for (auto l : used_labels) {
      const Label& label = idx.labels_[l];
      o.key(label.id).obj().key("name").str(label.name).key("color").str(label.color).end_obj();
    }
    o.end_obj();
    // The networks of the posts shown, by the names people use: badges and accessible names.
    std::uint16_t used_platforms = 0;
    for (auto p : shown) used_platforms = std::uint16_t(used_platforms | idx.platforms_[p]);
    o.key("networks").obj();
    for (unsigned b = 0; b < kPlatformCount; ++b)
      if (used_platforms & (1u << b)) o.key(to_string(Platform(b))).str(display_name(Platform(b)));
    o.end_obj();
    // Every status, in the order a status filter offers them, by the words people read: an
    // entry's name and the filter's options both take them from here.
    o.key("statuses").obj();
    for (std::size_t s = 0; s < kPostStatusCount; ++s) o.key(to_string(PostStatus(s))).str(display_name(PostStatus(s)));
    o.end_obj();
  }
};

std::string CalendarIndex::view_string(const CalendarQuery& q) const { return ViewPass(*this, q).write(); }

}  // namespace trypost
