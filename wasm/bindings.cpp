// embind bindings: the only file that includes Emscripten headers. No logic lives here; each
// binding forwards JSON text (or plain values) to the core. Every entry point is wrapped so a C++
// exception becomes an {"error": ...} answer instead of tearing down the module.
#include <emscripten/bind.h>

#include <exception>
#include <string>

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

  // --- requests and signing ---
}
