#pragma once
// Whether and when to send a failed request again: a pure function of the answer, the request's
// idempotency, the attempt count, the clock and a random number the caller draws (so tests can
// pin the jitter). The shell only sleeps and re-sends. What the outbox does with a failure that
// stays after these retries is classify_outbox_failure (outbox_failure.hpp); which statuses are
// passing is the one table both read (status_class, failure_class.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "trypost/time.hpp"

namespace trypost {

struct RetryPolicy {
  int max_attempts = 5;                      // including the first
  std::int64_t base_delay_ms = 500;          // first backoff step
  std::int64_t max_delay_ms = 30'000;        // backoff cap
  std::int64_t max_retry_after_ms = 600'000; // a server asking for more than this is not waited for
};

struct RetryInput {
  int status = 0;           // HTTP status; 0 means no answer (network error, timeout, abort)
  bool idempotent = false;  // from the built request: GET/PUT/DELETE, or a create with an idempotency key
  int attempt = 1;          // attempts made so far, the failed one included
  std::optional<std::string> retry_after;  // the Retry-After header as received
  UtcSeconds now = 0;       // for an HTTP-date Retry-After
  double random = 0.5;      // in [0, 1): the jitter
};

struct RetryDecision {
  bool retry = false;
  std::int64_t delay_ms = 0;  // when retry; for retry_after_too_long, how long the server asked for
  std::string reason;         // success | payment_required | not_retryable_status | not_idempotent |
                              // rate_limited | server_error | network_error | attempts_exhausted |
                              // retry_after_too_long
};

RetryDecision retry_decision(const RetryInput& in, const RetryPolicy& policy = {});

// Capped exponential backoff with "equal jitter": attempt n waits between half and all of
// min(cap, base * 2^(n-1)), so there is always some wait and never a synchronized herd.
std::int64_t backoff_ms(int attempt, double random, const RetryPolicy& policy = {});

// Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP-date, as seconds from `now` (never
// negative). nullopt when the value is neither.
std::optional<std::int64_t> parse_retry_after(std::string_view value, UtcSeconds now);
// IMF-fixdate, and the obsolete RFC 850 and asctime forms every recipient must accept.
std::optional<UtcSeconds> parse_http_date(std::string_view value);

// {"status","idempotent"? | ("method","idempotency_key"?), "attempt","retry_after"?,"now"?,
//  "random"?,"policy"?:{max_attempts,base_delay_ms,max_delay_ms,max_retry_after_ms},"timed_out"?}
// -> {"retry","delay_ms","reason","next_attempt","status_class","error_kind"?}: status_class is the
// one table's name for the status (failure_class.hpp); error_kind (absent for a success) is what
// the transport calls the failure if it stops here (transport_error_kind; timed_out: the shell's
// timer ended an attempt that got no answer).
std::string retry_decision_json(const std::string& json_text);

}  // namespace trypost
