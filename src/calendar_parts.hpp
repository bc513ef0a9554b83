#pragma once
// Small pieces shared by the calendar's sources (calendar_query.cpp, calendar_index.cpp,
// calendar_view.cpp, calendar_text.cpp); not part of the public headers.
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "trypost/calendar.hpp"
#include "trypost/snapshot.hpp"

namespace trypost::calendar_parts {

// A post id as the index keys it: the API's string, or an integer a caller passed for it.
std::optional<std::string> id_text(const nlohmann::json& v);

const char* view_name(CalendarView v);

// A list view's cursor, "<unix seconds>:<post id>", as the time and id the next page starts after.
std::optional<std::pair<UtcSeconds, std::string>> parse_cursor(const std::string& c);

// A snapshot's own face (name, logo, brand colours) for the viewer's title and theme.
void add_workspace(nlohmann::json& summary, const WorkspaceSnapshot& s);

}  // namespace trypost::calendar_parts
