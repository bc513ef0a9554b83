#include <doctest/doctest.h>

#include "trypost/retry.hpp"

#include <nlohmann/json.hpp>

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace retry_test {

using namespace trypost;
using nlohmann::json;

namespace {
RetryInput failed(int status, bool idempotent, int attempt = 1) {
  RetryInput in;
  in.status = status;
  in.idempotent = idempotent;
  in.attempt = attempt;
  return in;
}
}  // namespace

TEST_CASE("a POST without an idempotency key is never re-sent after a 5xx or a lost answer") {
  for (int s : {0, 500, 502, 503, 504, 408}) {
    CAPTURE(s);
    const auto d = retry_decision(failed(s, false));
    CHECK_FALSE(d.retry);
    CHECK(d.reason == "not_idempotent");
    CHECK(retry_decision(failed(s, true)).retry);
  }
  CHECK(retry_decision(failed(0, true)).reason == "network_error");
  CHECK(retry_decision(failed(502, true)).reason == "server_error");
}

TEST_CASE("402 is never retried, whatever the request or the header") {
  auto in = failed(402, true);
  in.retry_after = "1";
  const auto d = retry_decision(in);
  CHECK_FALSE(d.retry);
  CHECK(d.reason == "payment_required");
}

TEST_CASE("client errors are final") {
  for (int s : {400, 401, 403, 404, 409, 413, 422, 501, 505}) {
    CAPTURE(s);
    CHECK(retry_decision(failed(s, true)).reason == "not_retryable_status");
  }
  CHECK(retry_decision(failed(200, true)).reason == "success");
  CHECK(retry_decision(failed(204, false)).reason == "success");
}

TEST_CASE("429 waits exactly what Retry-After says, seconds or HTTP-date, even for a create") {
  auto in = failed(429, false);
  in.retry_after = "7";
  auto d = retry_decision(in);
  CHECK(d.retry);
  CHECK(d.reason == "rate_limited");
  CHECK(d.delay_ms == 7000);
  in.now = parse_http_date("Tue, 20 Apr 2021 02:07:55 GMT").value();
  in.retry_after = "Tue, 20 Apr 2021 02:08:25 GMT";
  CHECK(retry_decision(in).delay_ms == 30'000);
  in.retry_after = "Tue, 20 Apr 2021 02:00:00 GMT";  // already past: go now
  CHECK(retry_decision(in).delay_ms == 0);
  in.retry_after = "soon";  // unreadable: fall back to backoff
  in.random = 0;
  CHECK(retry_decision(in).delay_ms == 250);
  in.retry_after = std::nullopt;
  CHECK(retry_decision(in).delay_ms == 250);
}

TEST_CASE("a Retry-After beyond the policy's patience is reported, not waited for") {
  RetryPolicy p;
  p.max_retry_after_ms = 60'000;
  auto in = failed(429, true);
  in.retry_after = "60";
  CHECK(retry_decision(in, p).retry);
  in.retry_after = "61";
  const auto d = retry_decision(in, p);
  CHECK_FALSE(d.retry);
  CHECK(d.reason == "retry_after_too_long");
  CHECK(d.delay_ms == 61'000);
  in.retry_after = "99999999999999999999999";
  CHECK_FALSE(retry_decision(in, p).retry);
}

TEST_CASE("503 with Retry-After waits at least that long") {
  auto in = failed(503, true);
  in.random = 0;
  in.retry_after = "10";
  CHECK(retry_decision(in).delay_ms == 10'000);
  in.retry_after = "0";
  CHECK(retry_decision(in).delay_ms == 250);
}

TEST_CASE("backoff doubles, stays within [half, full] of its step, and is capped") {
  RetryPolicy p;  // 500 ms base, 30 s cap
  CHECK(backoff_ms(1, 0.0, p) == 250);
  CHECK(backoff_ms(1, 0.999, p) == 499);
  CHECK(backoff_ms(2, 0.0, p) == 500);
  CHECK(backoff_ms(3, 0.5, p) == 1500);
  CHECK(backoff_ms(7, 1.0, p) == 30'000);  // 500 * 64 = 32 000, capped
  CHECK(backoff_ms(7, 0.0, p) == 15'000);
  CHECK(backoff_ms(1000, 0.7, p) == backoff_ms(8, 0.7, p));  // no overflow far out
  CHECK(backoff_ms(1, -3, p) == 250);
}

TEST_CASE("attempts are capped by the policy") {
  RetryPolicy p;
  p.max_attempts = 3;
  CHECK(retry_decision(failed(503, true, 2), p).retry);
  const auto d = retry_decision(failed(503, true, 3), p);
  CHECK_FALSE(d.retry);
  CHECK(d.reason == "attempts_exhausted");
}

TEST_CASE("HTTP-date: the three forms RFC 9110 requires, and nonsense refused") {
  const auto t = parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT");
  REQUIRE(t);
  CHECK(*t == 784111777);
  CHECK(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT") == t);
  CHECK(parse_http_date("Sun Nov  6 08:49:37 1994") == t);
  CHECK_FALSE(parse_http_date("Sun, 31 Feb 1994 08:49:37 GMT"));
  CHECK_FALSE(parse_http_date("Sun, 06 Nov 1994 25:49:37 GMT"));
  CHECK_FALSE(parse_http_date("2026-05-10T10:00:00Z"));
  CHECK_FALSE(parse_http_date(""));
  CHECK(parse_retry_after(" 120 ", 0) == 120);
  CHECK_FALSE(parse_retry_after("-5", 0));
  CHECK_FALSE(parse_retry_after("1.5", 0));
}

TEST_CASE("the JSON entry point: idempotent from the request, or from method and key") {
  auto d = json::parse(retry_decision_json(R"({"status":503,"method":"POST","attempt":1,"random":0})"));
  CHECK(d["retry"] == false);
  d = json::parse(retry_decision_json(R"({"status":503,"method":"POST","idempotency_key":"k","attempt":2,"random":0})"));
  CHECK(d["retry"] == true);
  CHECK(d["delay_ms"] == 500);
  CHECK(d["next_attempt"] == 3);
  d = json::parse(retry_decision_json(R"({"status":0,"method":"DELETE","random":0.5,"policy":{"base_delay_ms":100,"max_delay_ms":150}})"));
  CHECK(d["delay_ms"] == 75);
  CHECK(json::parse(retry_decision_json(R"({"status":"503"})")).contains("error"));
  CHECK(json::parse(retry_decision_json(R"({"status":503,"idempotent":true,"random":2})")).contains("error"));
  CHECK(json::parse(retry_decision_json("nope")).contains("error"));
}

}  // namespace retry_test
