#include "trypost/publish_watch.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "trypost/core_answer.hpp"
#include "trypost/error.hpp"

namespace trypost {

const std::vector<std::string>& waiting_statuses() {
  static const std::vector<std::string> kWaiting{"publishing", "scheduled"};
  return kWaiting;
}

bool awaits_outcome(const WatchedPost& p, UtcSeconds now) {
  if (p.status == "publishing") return true;
  return p.status == "scheduled" && p.scheduled_at && *p.scheduled_at <= now;
}

WatchPlan plan_watch(const std::vector<WatchedPost>& posts, const std::map<std::string, WatchState>& state,
                     UtcSeconds now, int recent_reads, int watch_reads, int rate_wait, const WatchPolicy& policy) {
  WatchPlan plan;
  // Reads this round may take: the watch's share, never eating into what is left for the user.
  int allowance = std::min(policy.share_per_minute - watch_reads, policy.limit_per_minute - policy.reserve - recent_reads);
  if (rate_wait > 0) allowance = 0;
  std::vector<std::pair<UtcSeconds, std::string>> due;
  std::optional<UtcSeconds> next;
  const auto wake = [&](UtcSeconds at) { next = next ? std::min(*next, at) : at; };
  for (const auto& p : posts) {
    if (!awaits_outcome(p, now)) continue;  // settled: forgotten
    auto it = state.find(p.id);
    WatchState s = it != state.end() ? it->second : WatchState{0, now + policy.first_delay};
    // A scheduled post is not asked about before its time (plus the first delay).
    if (it == state.end() && p.status == "scheduled" && p.scheduled_at)
      s.next_at = std::max(s.next_at, *p.scheduled_at + policy.first_delay);
    if (s.next_at <= now) due.emplace_back(s.next_at, p.id);
    plan.state[p.id] = s;
  }
  // The longest-waiting first, so a busy round leaves none behind for long.
  std::sort(due.begin(), due.end());
  for (const auto& [at, id] : due) {
    if (allowance <= 0) break;
    --allowance;
    auto& s = plan.state[id];
    ++s.reads;
    // 5, 10, 20, 40 ... seconds, up to the cap.
    const auto delay = std::min<std::int64_t>(policy.max_delay, std::int64_t(policy.first_delay) << std::min(s.reads, 12));
    s.next_at = now + delay;
    plan.read.push_back(id);
  }
  for (const auto& [id, s] : plan.state) wake(s.next_at);
  if (!next) return plan;
  int in = int(std::max<std::int64_t>(*next - now, 0));
  // Posts left due for want of budget: back when the minute has room again.
  if (in == 0) in = rate_wait > 0 ? rate_wait : 60 / std::max(1, policy.share_per_minute);
  if (rate_wait > 0) in = std::max(in, rate_wait);
  plan.next_in_seconds = std::max(in, 1);
  return plan;
}

std::string watch_plan_json(const std::string& input) {
  using nlohmann::json;
  const json in = json::parse(input, nullptr, false);
  const auto fail = [](const std::string& path, const std::string& text) {
    return error_answer(field_error(path, text));
  };
  if (in.is_discarded() || !in.is_object()) return fail("body", "The request must be a JSON object.");
  UtcSeconds now = 0;
  if (auto n = in.find("now"); n != in.end() && n->is_number_integer()) now = n->get<std::int64_t>();
  else if (n != in.end() && n->is_string()) {
    const auto t = parse_time(n->get<std::string>());
    if (!t.value) return fail("now", "The now field must be an ISO 8601 time or Unix seconds.");
    now = *t.value;
  } else return fail("now", "The now field must be an ISO 8601 time or Unix seconds.");
  std::vector<WatchedPost> posts;
  if (auto p = in.find("posts"); p != in.end() && p->is_array()) {
    for (const auto& e : *p) {
      if (!e.is_object()) continue;
      WatchedPost w;
      if (auto id = e.find("id"); id != e.end()) w.id = id->is_string() ? id->get<std::string>() : id->dump();
      if (auto s = e.find("status"); s != e.end() && s->is_string()) w.status = s->get<std::string>();
      if (auto s = e.find("scheduled_at"); s != e.end() && s->is_string()) w.scheduled_at = parse_time(s->get<std::string>()).value;
      if (!w.id.empty()) posts.push_back(std::move(w));
    }
  } else return fail("posts", "The posts field must be a list.");
  std::map<std::string, WatchState> state;
  if (auto s = in.find("state"); s != in.end() && s->is_object()) {
    for (const auto& [id, v] : s->items()) {
      if (!v.is_object()) continue;
      WatchState w;
      if (auto r = v.find("reads"); r != v.end() && r->is_number_integer()) w.reads = int(std::clamp<std::int64_t>(r->get<std::int64_t>(), 0, 1000));
      if (auto a = v.find("next_at"); a != v.end() && a->is_number_integer()) w.next_at = a->get<std::int64_t>();
      state[id] = w;
    }
  }
  const auto count = [&](const char* key) {
    auto it = in.find(key);
    return it != in.end() && it->is_number_integer() ? int(std::clamp<std::int64_t>(it->get<std::int64_t>(), 0, 100000)) : 0;
  };
  const auto plan = plan_watch(posts, state, now, count("recent_reads"), count("watch_reads"), count("rate_wait"));
  json st = json::object();
  for (const auto& [id, s] : plan.state) st[id] = {{"reads", s.reads}, {"next_at", s.next_at}};
  return json{{"read", plan.read}, {"next_in_seconds", plan.next_in_seconds ? json(*plan.next_in_seconds) : json(nullptr)}, {"state", st}, {"waiting", waiting_statuses()}}.dump();
}

}  // namespace trypost
