#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

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
#include "trypost/role_catalog.hpp"
#include "trypost/post_action.hpp"
#include "trypost/calendar_window.hpp"
#include "trypost/brand.hpp"
#include "trypost/content_type.hpp"
#include "trypost/idempotency_key.hpp"
#include "trypost/meta.hpp"
#include "trypost/failure_class.hpp"
#include "trypost/payment_block.hpp"
#include "trypost/preview.hpp"
#include "trypost/publish_watch.hpp"
#include "trypost/signing.hpp"
#include "trypost/snapshot.hpp"
#include "trypost/api_snapshot.hpp"
#include "trypost/wall_time.hpp"
#include "trypost/wording.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace error_answer_test {

using namespace trypost;
using nlohmann::json;

// The one flat shape: a message, a status of 400 or more, field paths as an object, no `details`.
void check_flat(const std::string& text) {
  const json j = json::parse(text, nullptr, false);
  REQUIRE(j.is_object());
  CHECK(j["error"].is_string());
  CHECK_FALSE(j["error"].get<std::string>().empty());
  REQUIRE(j["status"].is_number_integer());
  CHECK(j["status"].get<int>() >= 400);
  CHECK_FALSE(j.contains("details"));
  if (j.contains("errors")) CHECK(j["errors"].is_object());
}

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
    INFO(text);
    check_flat(text);
  }
  // The line-by-line validator answers each refused line in the same shape.
  const auto lines = validate_post_requests_jsonl("{\n");
  const json first = json::parse(lines.substr(0, lines.find('\n')));
  CHECK(first["error"] == "line 1: malformed JSON");
  CHECK(first["status"] == 400);
}

using EntryPoint = std::function<std::string(const std::string&)>;

std::vector<std::pair<const char*, EntryPoint>> entry_points() {
  return {
      {"count_text_json", count_text_json},
      {"idempotency_header_json", idempotency_header_json},
      {"validate_label_json", validate_label_json},
      {"failure_class_json", failure_class_json},
      {"payment_block_json", payment_block_json},
      {"payment_block_check_json", payment_block_check_json},
      {"post_preview_json", post_preview_json},
      {"watch_plan_json", watch_plan_json},
      {"build_request_json", build_request_json},
      {"parse_response_json", parse_response_json},
      {"retry_decision_json", retry_decision_json},
      {"apply_signatures_json", apply_signatures_json},
      {"validate_signature_json", validate_signature_json},
      {"signature_base_json", signature_base_json},
      {"parse_signature_input_json", parse_signature_input_json},
      {"validate_post_request_json", validate_post_request_json},
      {"wall_time_json", wall_time_json},
      {"widget_token_check_json", widget_token_check_json},
      {"wording_json", wording_json},
      {"role_catalog_json", role_catalog_json},
      {"post_actions_json", post_actions_json},
      {"post_action_plan_json", post_action_plan_json},
      {"calendar_window_json", calendar_window_json},
      {"shift_calendar_date_json", shift_calendar_date_json},
      {"zone_span_json", zone_span_json},
      {"preview_periods_json", preview_periods_json},
      {"export_snapshot_json", export_snapshot_json},
      {"import_snapshot_json", import_snapshot_json},
      {"snapshot_from_api_json", snapshot_from_api_json},
      {"plan_move_json", [](const std::string& s) { return plan_move_json(s); }},
  };
}

TEST_CASE("error answers: every text entry point refuses an argument that is not a JSON object") {
  for (const auto& entry : entry_points()) {
    const std::string name = entry.first;
    for (const std::string bad : {"not json", "[1,2]", "{\"unterminated\": "}) {
      CAPTURE(name);
      CAPTURE(bad);
      check_flat(entry.second(bad));
    }
  }
}

}  // namespace error_answer_test
