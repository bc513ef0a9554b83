#pragma once
// The content calendar: a workspace's posts parsed once into a compact, time-sorted index, and
// views (month, week, day, list) computed from it as JSON the UI only paints. A view costs the
// posts in its range plus a binary search, never a re-parse of the workspace.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"
#include "trypost/platform.hpp"
#include "trypost/post.hpp"
#include "trypost/zone.hpp"

namespace trypost {

namespace detail {
class JsonOut;  // the view writer, private to the calendar's sources (src/calendar_writer.hpp)
}

enum class CalendarView { month, week, day, list };
// "month", "week", "day" or "list"; nothing for any other name.
std::optional<CalendarView> parse_view(std::string_view name);
enum class WeekStart { monday, sunday };

// Values within one kind are alternatives (a post with ANY of the chosen labels); kinds combine
// with AND (label AND account AND platform AND status). An empty kind does not filter.
struct CalendarFilter {
  std::vector<std::string> labels, accounts, platforms, statuses;
};

struct CalendarQuery {
  CalendarView view = CalendarView::month;
  std::optional<CivilDate> date;  // required except for the list view (absent: from the start)
  WeekStart week_start = WeekStart::monday;
  ZoneLens zone;
  int max_rows = 0;           // month/week cells: rows shown, "+N more" included; 0 = no cap
  int max_columns = 0;        // week/day time grid: overlap columns shown; 0 = no cap
  int max_per_hour = 0;       // week/day time grid: posts per wall-clock hour, its "+N more" included; 0 = no cap
  int duration_minutes = 30;  // nominal length of a post in the time grid
  int page_size = 50;         // list view
  std::optional<std::string> cursor;  // list view: the "next" of the previous page
  int unscheduled_limit = 100;
  bool details = false;  // add "posts" and "labels" maps for painting
  CalendarFilter filter;
};

Expected<CalendarQuery> calendar_query_from_json(const nlohmann::json& j);

// ISO 8601 week of a day: week 1 holds the year's first Thursday; years whose Jan 1 is a
// Thursday (or a Wednesday in a leap year) have 53 weeks.
struct IsoWeek {
  int year = 0;
  unsigned week = 0;
};
IsoWeek iso_week_of(std::int64_t day);

// First and last day (inclusive) that a view shows.
struct DayRange {
  std::int64_t first = 0, last = 0;
};
DayRange view_days(CalendarView view, CivilDate date, WeekStart ws);

class CalendarIndex {
 public:
  // Replaces the contents with the posts of a document: a snapshot, {"posts": [...]}, the API's
  // page {"data": [...]}, or a bare array. All or nothing: a damaged post refuses the whole load.
  Expected<nlohmann::json> load(const nlohmann::json& doc);
  // Adds the posts of a list, or replaces those whose id it holds (an edit the server answered),
  // without rebuilding the rest: O(posts) moves of small integers instead of a parse of every
  // post. All or nothing, like load. -> the same summary as load.
  Expected<nlohmann::json> upsert(const nlohmann::json& posts);
  // Takes out the posts with these ids (strings or integers; an id it does not hold is already
  // gone, not an error): a delete the server answered, again without rebuilding the rest. The
  // labels and accounts it has seen stay known, as a workspace's labels outlive their posts.
  // -> the same summary as load.
  Expected<nlohmann::json> remove(const nlohmann::json& ids);
  std::string view_string(const CalendarQuery& q) const;  // the view as JSON text
  nlohmann::json view(const CalendarQuery& q) const;       // the same, parsed (tests, native callers)
  std::size_t size() const { return ids_.size(); }

  // The text entry points the bindings forward to.
  std::string load_json(const std::string& text);
  std::string upsert_json(const std::string& text);
  std::string remove_json(const std::string& text);
  std::string view_json(const std::string& query) const;
  std::string plan_move_json(const std::string& request) const;

  struct PostInfo {
    std::optional<UtcSeconds> time;
    PostStatus status = PostStatus::draft;
    std::vector<std::string> accounts;
  };
  std::optional<PostInfo> find(const std::string& id) const;
  // Posts other than `except` that share an account with `accounts` in [from, to).
  std::vector<std::string> same_account_between(UtcSeconds from, UtcSeconds to, const std::vector<std::string>& accounts,
                                                const std::string& except) const;

 private:
  struct Entry {
    UtcSeconds time;
    std::uint32_t post;
  };
  struct Resolved;  // a filter mapped onto interned ids
  struct ViewPass;  // one view being written, step by step (src/calendar_view.cpp)

  // The index over parsed posts (ids must be unique); `path` names them in errors.
  Expected<nlohmann::json> build(std::vector<Post> posts, std::vector<Label> labels, const std::string& path);
  nlohmann::json summary() const;
  std::uint32_t intern_label(const Label& l);
  std::uint32_t intern_account(const std::string& id);
  std::uint32_t add_slot(const std::string& id);
  void fill(std::uint32_t slot, const Post& p);
  void drop_slot(std::uint32_t slot);
  void unplace(std::uint32_t post);  // out of the timeline or the unscheduled list
  void place(std::uint32_t post);
  std::vector<Entry>::iterator timeline_at(std::uint32_t post);
  std::vector<std::uint32_t>::iterator unscheduled_at(std::uint32_t post);
  Resolved resolve(const CalendarFilter& f) const;
  bool matches_kind(std::uint32_t post, const Resolved& r, int kind) const;
  bool matches(std::uint32_t post, const Resolved& r) const;
  void count_facets(std::uint32_t post, const Resolved& r, std::vector<int>& label_n,
                    std::vector<int>& account_n, std::vector<int>& platform_n, std::vector<int>& status_n) const;
  void write_details(std::uint32_t post, const ZoneLens& zone, detail::JsonOut& out) const;

  std::vector<std::string> ids_;
  std::vector<std::optional<UtcSeconds>> times_;
  std::vector<std::uint8_t> status_;
  std::vector<std::uint16_t> platforms_;  // bit per Platform
  std::vector<std::uint32_t> account_start_, account_ids_;  // CSR: post -> interned accounts
  std::vector<std::uint32_t> label_start_, label_ids_;      // CSR: post -> interned labels
  std::vector<std::string> account_names_;
  std::vector<Label> labels_;
  std::vector<std::string> excerpts_;  // each already a quoted JSON string
  std::unordered_map<std::string, std::uint32_t> by_id_;
  std::unordered_map<std::string, std::uint32_t> label_of_, account_of_;  // id -> index in labels_ / account_names_
  std::vector<Entry> timeline_;              // scheduled posts by (time, id)
  std::vector<std::uint32_t> unscheduled_;  // by id
};

// Display order of post ids: numeric ids by value, the rest by bytes.
bool id_less(const std::string& a, const std::string& b);

}  // namespace trypost
