// embind bindings: the only file that includes Emscripten headers. No logic lives here; each
// binding forwards JSON text (or plain values) to the core. Every entry point is wrapped so a C++
// exception becomes an {"error": ...} answer instead of tearing down the module.
//
// Compiled twice: as the whole core (trypost-core.mjs) and, with TRYPOST_BINDINGS_CALENDAR_ONLY,
// as the calendar widget's module (trypost-calendar-core.mjs), which keeps only the calendar and
// snapshot section; the linker then leaves the counting tables, validation and signing out (the
// headers stay included: declarations cost nothing, only the bound entry points pull code in).
#include <emscripten/bind.h>

#include <exception>
#include <string>

#include "trypost/brand.hpp"
#include "trypost/counting.hpp"
#include "trypost/counting_lines.hpp"
#include "trypost/store.hpp"
#include "trypost/content_type.hpp"
#include "trypost/label.hpp"
#include "trypost/meta.hpp"
#include "trypost/preview.hpp"
#include "trypost/signature.hpp"
#include "trypost/validation.hpp"
#include "trypost/calendar.hpp"
#include "trypost/calendar_window.hpp"
#include "trypost/reschedule.hpp"
#include "trypost/snapshot.hpp"
#include "trypost/api_snapshot.hpp"
#include "trypost/request.hpp"
#include "trypost/endpoint_call.hpp"
#include "trypost/response.hpp"
#include "trypost/retry.hpp"
#include "trypost/idempotency_key.hpp"
#include "trypost/failure_class.hpp"
#include "trypost/payment_block.hpp"
#include "trypost/signing.hpp"
#include "trypost/version.hpp"
#include "trypost/widget_token.hpp"
#include "trypost/wall_time.hpp"
#include "trypost/wording.hpp"
#include "trypost/publish_watch.hpp"
#include "trypost/role_catalog.hpp"
#include "trypost/post_action.hpp"

namespace {

template <class F>
std::string guarded(F&& f) {
  try {
    return f();
  } catch (const std::exception&) {
    // what() is not echoed: parser messages quote input, and input may hold a secret.
    return R"({"error":"internal error: exception in core","status":500})";
  } catch (...) {
    return R"({"error":"internal error: unknown exception in core","status":500})";
  }
}

// A core entry point that takes JSON text and answers JSON text, as a binding behind guarded.
template <std::string (*Entry)(const std::string&)>
std::string text_entry(std::string s) {
  return guarded([&] { return Entry(s); });
}

std::string version() { return trypost::core_version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(trypost_core) {
  using emscripten::function;
  function("version", &version);

#ifndef TRYPOST_BINDINGS_CALENDAR_ONLY
  // --- workspaces (store) ---
  // One long-lived Store per client; JSON text in and out, once per user action.
  using trypost::StoreApi;
  emscripten::class_<StoreApi>("Store")
      .constructor<>()
      .function("setAccountToken", +[](StoreApi& s, std::string t) { return guarded([&] { return s.set_account_token(t); }); })
      .function("beginRequest", +[](StoreApi& s, std::string ws, std::string kind, std::string params) {
        return guarded([&] { return s.begin_request(ws, kind, params); });
      })
      .function("probeKey", +[](StoreApi& s, std::string key) { return guarded([&] { return s.probe_key(key); }); })
      .function("applyResponse", +[](StoreApi& s, double id, int status, std::string body) {
        return guarded([&] { return s.apply_response(id, status, body); });
      })
      .function("switchTo", +[](StoreApi& s, std::string ws) { return guarded([&] { return s.switch_to(ws); }); })
      .function("movePost", +[](StoreApi& s, std::string post, std::string ws) { return guarded([&] { return s.move_post(post, ws); }); })
      .function("snapshot", +[](StoreApi& s) { return guarded([&] { return s.snapshot(); }); })
      .function("view", +[](StoreApi& s, std::string ws, std::string part) { return guarded([&] { return s.view(ws, part); }); })
      .function("permissions", +[](StoreApi& s) { return guarded([&] { return s.permissions(); }); });
  // The brand profile's choice lists, from the same tables the brand rules check against.
  function("brandCatalog", &text_entry<trypost::brand_catalog_json>);
  // The roles in words (name, description, who may take an action) and which ones a person may assign.
  function("describeRoles", &text_entry<trypost::role_catalog_json>);

  // --- posts, counting and validation ---
  function("countText", &text_entry<trypost::count_text_json>);
  // Batch counting: the SDK writes UTF-8 and UTF-16 lengths straight into this buffer (addresses
  // are plain numbers), then one call counts them all.
  function("countBatchBuffer", +[](double bytes, double n) {
    return static_cast<double>(trypost::counting_batch_buffer(static_cast<std::size_t>(bytes), static_cast<std::size_t>(n)));
  });
  function("countBatchRun", +[](std::string type, double bytes, double n) {
    return trypost::counting_batch_run(type, static_cast<std::size_t>(bytes), static_cast<std::size_t>(n));
  });
  // `trypost count --jsonl`: the input bytes are copied into this buffer, one run answers them all.
  function("countLinesBuffer", +[](double bytes) {
    return static_cast<double>(trypost::counting_lines_buffer(static_cast<std::size_t>(bytes)));
  });
  function("countLinesRun", +[](double bytes) {
    return static_cast<double>(trypost::counting_lines_run(static_cast<std::size_t>(bytes)));
  });
  function("countLinesOutput", +[]() { return static_cast<double>(trypost::counting_lines_output()); });
  function("contentTypes", &text_entry<trypost::content_types_json>);
  function("metaCatalog", &text_entry<trypost::meta_catalog_json>);
  function("validatePostRequest",
           &text_entry<trypost::validate_post_request_json>);
  // A batch of lines; first_line numbers them in error answers when the input comes in batches.
  function("validatePostRequestsJsonl", +[](std::string s, double first_line) {
    return guarded([&] { return trypost::validate_post_requests_jsonl(s, static_cast<std::size_t>(first_line)); });
  });
  function("validateLabel", &text_entry<trypost::validate_label_json>);
  function("validateSignature",
           &text_entry<trypost::validate_signature_json>);
  function("applySignatures", &text_entry<trypost::apply_signatures_json>);
  // What the composer's actions offer and send (status, time) for a post in a given status.
  function("describePostActions", &text_entry<trypost::post_actions_json>);
  function("planPostAction", &text_entry<trypost::post_action_plan_json>);
  function("previewPost", &text_entry<trypost::post_preview_json>);
  // Words for people: the API's field problems in plain words, and platform/content type names.
  function("describeProblems", &text_entry<trypost::wording_json>);
  // A wall time in the display zone to UTC (gap refused, overlap takes the first), and back.
  function("resolveWallTime", &text_entry<trypost::wall_time_json>);
  // Which posts on their way to publishing to read again now, and when to ask next.
  function("planStatusWatch", &text_entry<trypost::watch_plan_json>);
#endif

  // --- calendar and snapshots ---
  // One long-lived index per workspace: posts are parsed once, each view is a range query.
  emscripten::class_<trypost::CalendarIndex>("CalendarIndex")
      .constructor<>()
      .function("load", +[](trypost::CalendarIndex& c, std::string s) { return guarded([&] { return c.load_json(s); }); })
      .function("upsert", +[](trypost::CalendarIndex& c, std::string s) { return guarded([&] { return c.upsert_json(s); }); })
      .function("remove", +[](trypost::CalendarIndex& c, std::string s) { return guarded([&] { return c.remove_json(s); }); })
      .function("view", +[](trypost::CalendarIndex& c, std::string s) { return guarded([&] { return c.view_json(s); }); })
      .function("planMove", +[](trypost::CalendarIndex& c, std::string s) { return guarded([&] { return c.plan_move_json(s); }); })
      .function("size", +[](trypost::CalendarIndex& c) { return double(c.size()); });
  function("planCalendarMove", &text_entry<trypost::plan_move_json>);
  function("exportSnapshot", &text_entry<trypost::export_snapshot_json>);
  function("importSnapshot", &text_entry<trypost::import_snapshot_json>);
  // How a date steps (calendar_window.hpp): the widget's buttons and keys, the dashboard's too.
  function("shiftCalendarDate", &text_entry<trypost::shift_calendar_date_json>);
  // Which instants' zone offsets a view reads: the shell looks those up with Intl (calendar.js).
  function("computeZoneSpan", &text_entry<trypost::zone_span_json>);

#ifndef TRYPOST_BINDINGS_CALENDAR_ONLY
  // The dates around a view for the dashboard and preview files (calendar_window.hpp).
  function("computeCalendarWindow", &text_entry<trypost::calendar_window_json>);
  function("listPreviewPeriods", &text_entry<trypost::preview_periods_json>);
  function("parseApiTime", +[](std::string s) { return trypost::api_time_ms(s); });
  // A snapshot from the API's own answers (trypost snapshot); the widget never needs it.
  function("buildApiSnapshot", &text_entry<trypost::snapshot_from_api_json>);

  // --- requests and signing ---
  function("buildRequest", &text_entry<trypost::build_request_json>);
  function("listEndpoints", +[]() { return guarded([&] { return trypost::endpoints_json(); }); });
  function("parseResponse", &text_entry<trypost::parse_response_json>);
  function("parseResponseParts", +[](std::string meta, std::string body) { return guarded([&] { return trypost::parse_response_parts_json(meta, body); }); });
  function("decideRetry", &text_entry<trypost::retry_decision_json>);
  // What a failure means (the outbox's wait/done/problem, the client's consequences), and the 402
  // block the shell holds between calls.
  function("classifyFailure", &text_entry<trypost::failure_class_json>);
  function("decidePaymentBlock", &text_entry<trypost::payment_block_json>);
  function("checkPaymentBlock", &text_entry<trypost::payment_block_check_json>);
  function("buildIdempotencyHeader", &text_entry<trypost::idempotency_header_json>);
  function("buildSignatureBase", &text_entry<trypost::signature_base_json>);
  // One endpoint for one workspace: the Store gives that workspace's key, the builder the rest.
  function("beginEndpointCall", +[](trypost::StoreApi& s, std::string ws, std::string d) {
    return guarded([&] { return trypost::begin_endpoint_call_json(s.store(), ws, d); });
  });
  function("finishEndpointCall", +[](trypost::StoreApi& s, std::string ws, std::string meta, std::string body) {
    return guarded([&] { return trypost::finish_endpoint_call_json(s.store(), ws, meta, body); });
  });
  function("parseSignatureInput", &text_entry<trypost::parse_signature_input_json>);
  function("checkWidgetToken", &text_entry<trypost::widget_token_check_json>);
#endif
}
