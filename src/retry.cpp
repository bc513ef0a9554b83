#include "trypost/retry.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "trypost/core_answer.hpp"
#include "trypost/failure_class.hpp"

namespace trypost {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<int> number(std::string_view s) {
  if (!all_digits(s) || s.size() > 9) return std::nullopt;
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::optional<unsigned> month_of(std::string_view m) {
  static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (unsigned i = 0; i < 12; ++i)
    if (kMonths[i] == m) return i + 1;
  return std::nullopt;
}

// "08:49:37" -> seconds of the day
std::optional<std::int64_t> clock_of(std::string_view t) {
  if (t.size() != 8 || t[2] != ':' || t[5] != ':') return std::nullopt;
  const auto h = number(t.substr(0, 2)), m = number(t.substr(3, 2)), s = number(t.substr(6, 2));
  if (!h || !m || !s || *h > 23 || *m > 59 || *s > 60) return std::nullopt;
  return *h * 3600 + *m * 60 + std::min(*s, 59);
}

std::optional<UtcSeconds> assemble(int year, std::optional<unsigned> month, std::optional<int> day, std::string_view clock) {
  if (!month || !day || *day < 1 || *day > 31) return std::nullopt;
  const CivilDate d{year, *month, static_cast<unsigned>(*day)};
  if (!valid_civil(d)) return std::nullopt;
  const auto secs = clock_of(clock);
  if (!secs) return std::nullopt;
  return days_from_civil(d) * 86400 + *secs;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const auto start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

}  // namespace

std::optional<UtcSeconds> parse_http_date(std::string_view v) {
  const auto w = words(v);
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  if (w.size() == 6 && w[0].size() == 4 && w[0][3] == ',' && w[5] == "GMT" && w[1].size() == 2 && w[3].size() == 4) {
    const auto year = number(w[3]);
    if (!year) return std::nullopt;
    return assemble(*year, month_of(w[2]), number(w[1]), w[4]);
  }
  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT (two-digit years: 70-99 -> 19xx, else 20xx)
  if (w.size() == 4 && w[0].back() == ',' && w[3] == "GMT" && w[1].size() == 9 && w[1][2] == '-' && w[1][6] == '-') {
    const auto yy = number(w[1].substr(7, 2));
    if (!yy) return std::nullopt;
    return assemble(*yy >= 70 ? 1900 + *yy : 2000 + *yy, month_of(w[1].substr(3, 3)), number(w[1].substr(0, 2)), w[2]);
  }
  // asctime: Sun Nov  6 08:49:37 1994
  if (w.size() == 5 && w[0].size() == 3 && w[4].size() == 4) {
    const auto year = number(w[4]);
    if (!year || w[2].size() > 2) return std::nullopt;
    return assemble(*year, month_of(w[1]), number(w[2]), w[3]);
  }
  return std::nullopt;
}

std::optional<std::int64_t> parse_retry_after(std::string_view value, UtcSeconds now) {
  std::size_t a = 0, b = value.size();
  while (a < b && (value[a] == ' ' || value[a] == '\t')) ++a;
  while (b > a && (value[b - 1] == ' ' || value[b - 1] == '\t')) --b;
  const auto v = value.substr(a, b - a);
  if (all_digits(v)) {
    // Anything past 12 digits is "longer than anyone will wait"; keep it representable.
    if (v.size() > 12) return std::int64_t{999'999'999'999};
    std::int64_t s = 0;
    std::from_chars(v.data(), v.data() + v.size(), s);
    return s;
  }
  const auto at = parse_http_date(v);
  if (!at) return std::nullopt;
  return std::max<std::int64_t>(0, *at - now);
}

std::int64_t backoff_ms(int attempt, double random, const RetryPolicy& p) {
  const int exponent = std::clamp(attempt - 1, 0, 40);
  std::int64_t step = p.base_delay_ms;
  for (int i = 0; i < exponent && step < p.max_delay_ms; ++i) step *= 2;
  step = std::min(step, p.max_delay_ms);
  const double r = std::clamp(random, 0.0, 1.0);
  const std::int64_t half = step / 2;
  return half + static_cast<std::int64_t>(r * static_cast<double>(step - half));
}

RetryDecision retry_decision(const RetryInput& in, const RetryPolicy& p) {
  const int s = in.status;
  // The one status table (failure_class.hpp) the outbox reads too.
  const StatusClass cls = status_class(s);
  if (cls == StatusClass::success) return {false, 0, "success"};
  // Paying (or a new billing cycle) is the only cure; every retry would answer 402 again.
  if (cls == StatusClass::payment_required) return {false, 0, "payment_required"};
  const bool rate_limited = cls == StatusClass::rate_limited;
  if (!rate_limited && cls != StatusClass::passing) return {false, 0, "not_retryable_status"};
  // A 429 is refused by the throttle before the request does anything, so even a create may go
  // again; a 5xx or a lost answer may have done its work already.
  if (!rate_limited && !in.idempotent) return {false, 0, "not_idempotent"};
  const std::string reason = rate_limited ? "rate_limited" : s == 0 ? "network_error" : "server_error";
  if (in.attempt >= p.max_attempts) return {false, 0, "attempts_exhausted"};
  std::int64_t delay = backoff_ms(in.attempt, in.random, p);
  if (in.retry_after) {
    if (const auto secs = parse_retry_after(*in.retry_after, in.now)) {
      // parse_retry_after caps at 10^12 s, so the product stays far inside int64.
      const std::int64_t asked = std::min<std::int64_t>(*secs, 999'999'999'999) * 1000;
      if (asked > p.max_retry_after_ms) return {false, asked, "retry_after_too_long"};
      // The server's wait is a floor for 429 (exactly what it asked) and for 503.
      delay = rate_limited ? asked : std::max(delay, asked);
    }
  }
  return {true, delay, reason};
}

std::string retry_decision_json(const std::string& text) {
  using nlohmann::json;
  json j;
  ApiError err;
  if (!parse_argument(text, j, err)) return error_answer(err);
  RetryInput in;
  RetryPolicy policy;
  const auto bad = [](const char* field, const char* msg) { return error_answer(field_error(field, msg)); };
  const auto st = j.find("status");
  if (st == j.end() || !st->is_number_integer() || st->get<std::int64_t>() < 0 || st->get<std::int64_t>() > 999)
    return bad("status", "The status must be an HTTP status code, or 0 for no answer.");
  in.status = st->get<int>();
  if (const auto i = j.find("idempotent"); i != j.end() && !i->is_null()) {
    if (!i->is_boolean()) return bad("idempotent", "The idempotent field must be true or false.");
    in.idempotent = i->get<bool>();
  } else {
    const auto m = j.find("method");
    if (m == j.end() || !m->is_string()) return bad("method", "Give idempotent, or the method (and idempotency_key).");
    const auto method = m->get<std::string>();
    const auto k = j.find("idempotency_key");
    const bool keyed = k != j.end() && ((k->is_boolean() && k->get<bool>()) || (k->is_string() && !k->get<std::string>().empty()));
    in.idempotent = method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" || method == "OPTIONS" || keyed;
  }
  if (const auto a = j.find("attempt"); a != j.end()) {
    if (!a->is_number_integer() || a->get<std::int64_t>() < 1 || a->get<std::int64_t>() > 1000)
      return bad("attempt", "The attempt must be an integer from 1.");
    in.attempt = a->get<int>();
  }
  if (const auto r = j.find("retry_after"); r != j.end() && !r->is_null()) {
    if (r->is_string()) in.retry_after = r->get<std::string>();
    else if (r->is_number_integer() && r->get<std::int64_t>() >= 0) in.retry_after = std::to_string(r->get<std::int64_t>());
    else return bad("retry_after", "The retry_after field is the header's text.");
  }
  if (const auto n = j.find("now"); n != j.end() && !n->is_null()) {
    if (!n->is_number_integer()) return bad("now", "The now field is Unix seconds.");
    in.now = n->get<std::int64_t>();
  }
  if (const auto r = j.find("random"); r != j.end() && !r->is_null()) {
    if (!r->is_number() || r->get<double>() < 0 || r->get<double>() > 1) return bad("random", "The random field is a number in [0, 1).");
    in.random = r->get<double>();
  }
  if (const auto p = j.find("policy"); p != j.end() && !p->is_null()) {
    if (!p->is_object()) return bad("policy", "The policy must be an object.");
    const auto read = [&](const char* key, std::int64_t& out) {
      const auto v = p->find(key);
      if (v == p->end()) return true;
      if (!v->is_number_integer() || v->get<std::int64_t>() < 1) return false;
      out = v->get<std::int64_t>();
      return true;
    };
    std::int64_t attempts = policy.max_attempts;
    if (!read("max_attempts", attempts) || attempts > 100) return bad("policy.max_attempts", "From 1 to 100.");
    policy.max_attempts = static_cast<int>(attempts);
    if (!read("base_delay_ms", policy.base_delay_ms)) return bad("policy.base_delay_ms", "A positive integer.");
    if (!read("max_delay_ms", policy.max_delay_ms)) return bad("policy.max_delay_ms", "A positive integer.");
    if (!read("max_retry_after_ms", policy.max_retry_after_ms)) return bad("policy.max_retry_after_ms", "A positive integer.");
  }
  bool timed_out = false;
  if (const auto t = j.find("timed_out"); t != j.end() && !t->is_null()) {
    if (!t->is_boolean()) return bad("timed_out", "The timed_out field must be true or false.");
    timed_out = t->get<bool>();
  }
  const auto d = retry_decision(in, policy);
  json out{{"retry", d.retry},
           {"delay_ms", d.delay_ms},
           {"reason", d.reason},
           {"next_attempt", in.attempt + 1},
           {"status_class", std::string(status_class_name(status_class(in.status)))}};
  // The kind of the TransportError a caller gets when the transport stops here.
  if (const auto kind = transport_error_kind(in.status, timed_out); !kind.empty()) out["error_kind"] = std::string(kind);
  return dump_answer(out);
}

}  // namespace trypost
