// The calendar index's text entry points, the ones the bindings forward to: JSON text in, the
// summary, view or move plan out, or the core's one error answer (core_answer.hpp).
#include <string>
#include <vector>

#include "calendar_parts.hpp"
#include "trypost/calendar.hpp"
#include "trypost/core_answer.hpp"
#include "trypost/post_scan.hpp"
#include "trypost/reschedule.hpp"
#include "trypost/response.hpp"
#include "trypost/snapshot.hpp"

namespace trypost {

using nlohmann::json;
using calendar_parts::add_workspace;
using calendar_parts::id_text;

std::string CalendarIndex::load_json(const std::string& text) {
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
std::string CalendarIndex::upsert_json(const std::string& text) {
  return bounded_change(text, "The posts were not applied: they are", [&](const json& j) { return upsert(j); });
}

// A list of post ids: the posts a delete took out.
std::string CalendarIndex::remove_json(const std::string& text) {
  return bounded_change(text, "No post was removed: the ids are", [&](const json& j) { return remove(j); });
}

std::string CalendarIndex::view_json(const std::string& text) const {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return error_answer(make_error(400, "The calendar query is not valid JSON."));
  auto q = calendar_query_from_json(j);
  if (!q) return error_answer(q.error());
  return view_string(*q);
}

// {"post_id", "new_time", "now", "role" | "can_edit"}: the post and its neighbours come from the index.
std::string CalendarIndex::plan_move_json(const std::string& text) const {
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
