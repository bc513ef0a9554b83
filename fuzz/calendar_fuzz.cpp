// Calendar layout: an index built from fuzzed posts, viewed for a fuzzed date, zone and caps.
// Bytes 0..7 pick the view, date, zone (a fixed offset and a DST-like transition) and caps; the
// rest is the posts document. Invariants, checked against the list view (which places each post
// on its local date on its own): in every cell visible + hidden == the posts of that day, and the
// ids a cell shows are in time-then-id order; the day view's time grid holds every post of the day.
// And the text entry point (load_json, with its one-pass reader) agrees with the parsed one.
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/calendar.hpp"

using nlohmann::json;

namespace {
bool overflows(const std::string& text) {
  try {
    (void)json::parse(text);
  } catch (const json::out_of_range& e) {
    return e.id == 406;
  } catch (const json::exception&) {
  }
  return false;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 8) return 0;
  const std::string text(reinterpret_cast<const char*>(data + 8), size - 8);
  // The text entry point (one-pass reader first, the full parser for the rest) must agree with
  // loading the parsed document: both refuse, or both load the same index.
  trypost::CalendarIndex fast;
  const json answer = json::parse(fast.load_json(text));
  const std::string reason = answer.value("reason", "");
  if (reason == "too_deep" || reason == "string_too_long" || reason == "array_too_long" || reason == "too_large")
    return 0;  // a limit only the text entry point applies
  const bool fast_ok = !answer.contains("error");
  const auto doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    // The one difference allowed: a number beyond a double's range (1e309) in a field the index
    // does not read. The one-pass reader skips such a value, as a browser's JSON.parse takes it;
    // the full parser refuses the whole text.
    if (fast_ok && !overflows(text)) __builtin_trap();
    return 0;
  }
  trypost::CalendarIndex index;
  const bool full_ok = index.load(doc).ok();
  if (fast_ok != full_ok) __builtin_trap();
  if (!full_ok) return 0;

  static const char* kViews[] = {"month", "week", "day", "month"};
  const int year = 2020 + data[1] % 12, month = 1 + data[2] % 12, day = 1 + data[3] % 28;
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
  const int offset = (int(data[4]) - 128) * 450;  // -16h..+16h in 7.5 min steps
  json zone = {{"name", "Fuzz"}, {"transitions", json::array({{{"at_utc", 0}, {"offset_seconds", offset}}})}};
  if (data[5] & 1)
    zone["transitions"].push_back({{"at_utc", 1577836800 + std::int64_t(data[5]) * 86400 * 17}, {"offset_seconds", offset + 3600}});
  json q = {{"view", kViews[data[0] & 3]}, {"date", date}, {"zone", zone}, {"max_rows", data[6] % 6},
            {"max_columns", data[7] % 5}, {"week_start", data[0] & 4 ? "sunday" : "monday"}};
  const auto query = trypost::calendar_query_from_json(q);
  if (!query.ok()) __builtin_trap();  // the harness only builds valid queries
  const json view = index.view(*query);
  if (fast.view_string(*query) != index.view_string(*query)) __builtin_trap();
  // Upserting the posts an index already holds changes no answer.
  if (doc.is_array()) {
    trypost::CalendarIndex again = index;
    if (!again.upsert(doc).ok() || again.view_string(*query) != index.view_string(*query)) __builtin_trap();
    // Removing the first post answers as a load of the others does (as parsed JSON: the counts
    // list labels and accounts in the order first seen, which the removed post may have set).
    if (!doc.empty() && doc[0].is_object() && doc[0].contains("id")) {
      json rest = doc;
      rest.erase(rest.begin());
      trypost::CalendarIndex without;
      if (!without.load(rest).ok() || !again.remove(json::array({doc[0]["id"]})).ok() ||
          again.view(*query) != without.view(*query))
        __builtin_trap();
    }
  }

  // Every scheduled post, on its local date, in (time, id) order.
  json lq = {{"view", "list"}, {"zone", zone}, {"page_size", 1000}};
  const json list = index.view(*trypost::calendar_query_from_json(lq));
  std::map<std::string, std::vector<std::string>> by_date;
  if (list["items"].size() == 1000) return 0;  // more than one page: not worth the paging here
  for (const auto& it : list["items"]) by_date[it["date"].get<std::string>()].push_back(it["post_id"].get<std::string>());

  auto check_cell = [&](const std::string& d, const json& ids, std::int64_t hidden) {
    const auto& all = by_date[d];
    if (std::int64_t(ids.size()) + hidden != std::int64_t(all.size())) __builtin_trap();
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (ids[i] != all[i]) __builtin_trap();  // the shown ones are the first in order
  };
  // A time grid: every post of the day placed or counted hidden, at a wall-clock minute of the
  // day, in its column; the clock changes account for a day that is not 24 hours long.
  auto check_grid = [&](const std::string& d, const json& cell, const char* hidden_key) {
    for (const auto& it : cell["items"]) {
      const auto m = it["minute"].get<std::int64_t>();
      if (m < 0 || m >= 1440 || it["column"].get<int>() >= it["columns"].get<int>()) __builtin_trap();
    }
    std::int64_t shift = 0;
    for (const auto& c : cell["clock_changes"]) shift += c["to_minute"].get<std::int64_t>() - c["from_minute"].get<std::int64_t>();
    if (cell["minutes"].get<std::int64_t>() + shift != 1440) __builtin_trap();
    if (std::int64_t(cell["items"].size()) + cell[hidden_key].get<std::int64_t>() != std::int64_t(by_date[d].size()))
      __builtin_trap();
  };
  if (view.contains("weeks")) {
    for (const auto& w : view["weeks"])
      for (const auto& c : w["days"]) {
        check_cell(c["date"], c["post_ids"], c["hidden"].get<std::int64_t>());
        if (c.contains("items")) check_grid(c["date"], c, "items_hidden");
      }
  } else {
    check_grid(date, view, "hidden");
  }
  return 0;
}
