// embind bindings: the only file that includes Emscripten headers. No logic lives here; each
// binding forwards JSON text (or plain values) to the core. Every entry point is wrapped so a C++
// exception becomes an {"error": ...} answer instead of tearing down the module.
#include <emscripten/bind.h>

#include <exception>
#include <string>

#include "trypost/calendar.hpp"
#include "trypost/reschedule.hpp"
#include "trypost/snapshot.hpp"
#include "trypost/version.hpp"

namespace {

template <class F>
std::string guarded(F&& f) {
  try {
    return f();
  } catch (const std::exception&) {
    // what() is not echoed: parser messages quote input, and input may hold a secret.
    return R"({"error":"internal error: exception in core"})";
  } catch (...) {
    return R"({"error":"internal error: unknown exception in core"})";
  }
}

std::string version() { return trypost::core_version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(trypost_core) {
  using emscripten::function;
  function("version", &version);

  // --- workspaces (store) ---

  // --- posts, counting and validation ---

  // --- calendar and snapshots ---
  // One long-lived index per workspace: posts are parsed once, each view is a range query.
  emscripten::class_<trypost::CalendarIndex>("CalendarIndex")
      .constructor<>()
      .function("load", +[](trypost::CalendarIndex& c, std::string s) { return guarded([&] { return c.load_text(s); }); })
      .function("view", +[](trypost::CalendarIndex& c, std::string s) { return guarded([&] { return c.view_text(s); }); })
      .function("planMove", +[](trypost::CalendarIndex& c, std::string s) { return guarded([&] { return c.plan_move_text(s); }); })
      .function("size", +[](trypost::CalendarIndex& c) { return double(c.size()); });
  function("calendarPlanMove", +[](std::string s) { return guarded([&] { return trypost::plan_move_text(s); }); });
  function("snapshotExport", +[](std::string s) { return guarded([&] { return trypost::snapshot_export_text(s); }); });
  function("snapshotImport", +[](std::string s) { return guarded([&] { return trypost::snapshot_import_text(s); }); });

  // --- requests and signing ---
}
