#include <doctest/doctest.h>

#include "trypost/core_answer.hpp"
#include "trypost/counting.hpp"
#include "trypost/endpoint_call.hpp"
#include "trypost/label.hpp"
#include "trypost/request.hpp"
#include "trypost/reschedule.hpp"
#include "trypost/retry.hpp"
#include "trypost/response.hpp"
#include "trypost/signature.hpp"
#include "trypost/store.hpp"
#include "trypost/validation.hpp"
#include "trypost/widget_token.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace error_answer_test {

using namespace trypost;
using nlohmann::json;

TEST_CASE("error answers: one flat shape, with the status, the field paths and, for a refused text, the limit") {
  ApiError e = field_error("posts.0.status", "The selected status is invalid.");
  const json flat = json::parse(error_answer(e));
  CHECK(flat["error"] == "The selected status is invalid.");
  CHECK(flat["status"] == 422);
  CHECK(flat["errors"]["posts.0.status"][0] == "The selected status is invalid.");
  CHECK_FALSE(flat.contains("reason"));
  CHECK_FALSE(flat.contains("details"));
  const json refused = json::parse(error_answer(make_error(422, "Too deep."), "too_deep"));
  CHECK(refused["reason"] == "too_deep");
  // A message is never empty and a status never 0: the shell can always say something.
  ApiError blank;
  blank.status = 0;
  const json bare = json::parse(error_answer(blank));
  CHECK(bare["error"] == "invalid input");
  CHECK(bare["status"] == 400);
}

TEST_CASE("error answers: every text entry point refuses bad input in the same shape") {
  Store store;
  StoreApi api;
  const std::string answers[] = {
      count_text_json("["),
      validate_label_json("["),
      validate_signature_json("{}x"),
      apply_signatures_json(R"({"content":"Hi","signatures":[5]})"),
      validate_post_request_json("["),
      validate_post_request_json(R"({"method":"PATCH"})"),
      plan_move_json("["),
      plan_move_json(R"({"new_time":"2026-01-01T00:00:00Z"})"),
      build_request_json("[]"),
      retry_decision_json(R"({"status":"503"})"),
      parse_response_json(R"({"endpoint":"nope","status":200})"),
      widget_token_check_json("{}"),
      begin_endpoint_call_json(store, "ws", "["),
      api.begin_request("", "posts.list", "{not json"),
      api.view("nope", "posts"),
  };
  for (const auto& text : answers) {
    const json j = json::parse(text);
    INFO(text);
    REQUIRE(j.is_object());
    CHECK(j["error"].is_string());
    CHECK_FALSE(j["error"].get<std::string>().empty());
    CHECK(j["status"].is_number_integer());
    CHECK(j["status"].get<int>() >= 400);
    CHECK_FALSE(j.contains("details"));
    if (j.contains("errors")) CHECK(j["errors"].is_object());
  }
  // The line-by-line validator answers each refused line in the same shape.
  const auto lines = validate_post_requests_jsonl("{\n");
  const json first = json::parse(lines.substr(0, lines.find('\n')));
  CHECK(first["error"] == "line 1: malformed JSON");
  CHECK(first["status"] == 400);
}

}  // namespace error_answer_test
