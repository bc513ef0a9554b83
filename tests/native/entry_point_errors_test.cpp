// Every text entry point the bindings call refuses an argument that is not a JSON object with the
// core's one flat error shape, so the SDK reads `errors` the same way whichever call failed.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/brand.hpp"
#include "trypost/counting.hpp"
#include "trypost/content_type.hpp"
#include "trypost/idempotency_key.hpp"
#include "trypost/label.hpp"
#include "trypost/meta.hpp"
#include "trypost/outbox_failure.hpp"
#include "trypost/payment_block.hpp"
#include "trypost/preview.hpp"
#include "trypost/publish_watch.hpp"
#include "trypost/request.hpp"
#include "trypost/response.hpp"
#include "trypost/retry.hpp"
#include "trypost/signature.hpp"
#include "trypost/signing.hpp"
#include "trypost/snapshot.hpp"
#include "trypost/api_snapshot.hpp"
#include "trypost/reschedule.hpp"
#include "trypost/validation.hpp"
#include "trypost/wall_time.hpp"
#include "trypost/widget_token.hpp"
#include "trypost/wording.hpp"

namespace entry_point_errors_test {

using nlohmann::json;
using EntryPoint = std::function<std::string(const std::string&)>;

std::vector<std::pair<const char*, EntryPoint>> entry_points() {
  return {
      {"count_text_json", trypost::count_text_json},
      {"idempotency_header_json", trypost::idempotency_header_json},
      {"validate_label_json", trypost::validate_label_json},
      {"outbox_failure_json", trypost::outbox_failure_json},
      {"payment_block_json", trypost::payment_block_json},
      {"payment_block_check_json", trypost::payment_block_check_json},
      {"payment_reset_json", trypost::payment_reset_json},
      {"post_preview_json", trypost::post_preview_json},
      {"watch_plan_json", trypost::watch_plan_json},
      {"build_request_json", trypost::build_request_json},
      {"parse_response_json", trypost::parse_response_json},
      {"retry_decision_json", trypost::retry_decision_json},
      {"apply_signatures_json", trypost::apply_signatures_json},
      {"validate_signature_json", trypost::validate_signature_json},
      {"signature_base_json", trypost::signature_base_json},
      {"parse_signature_input_json", trypost::parse_signature_input_json},
      {"validate_post_request_json", trypost::validate_post_request_json},
      {"wall_time_json", trypost::wall_time_json},
      {"widget_token_check_json", trypost::widget_token_check_json},
      {"wording_json", trypost::wording_json},
      {"export_snapshot_json", trypost::export_snapshot_json},
      {"import_snapshot_json", trypost::import_snapshot_json},
      {"snapshot_from_api_json", trypost::snapshot_from_api_json},
      {"plan_move_json", [](const std::string& s) { return trypost::plan_move_json(s); }},
  };
}

TEST_CASE("every text entry point refuses a non-object argument with the one flat error shape") {
  for (const auto& entry : entry_points()) {
    const std::string name = entry.first;
    const EntryPoint& call = entry.second;
    for (const std::string bad : {"not json", "[1,2]", "{\"unterminated\": "}) {
      CAPTURE(name);
      CAPTURE(bad);
      const json answer = json::parse(call(bad), nullptr, false);
      REQUIRE(answer.is_object());
      CHECK(answer["error"].is_string());
      CHECK_FALSE(answer["error"].get<std::string>().empty());
      REQUIRE(answer["status"].is_number_integer());
      CHECK(answer["status"].get<int>() >= 400);
      CHECK_FALSE(answer.contains("details"));
      if (answer.contains("errors")) CHECK(answer["errors"].is_object());
    }
  }
}

}  // namespace entry_point_errors_test
