// embind bindings: the only file that includes Emscripten headers. No logic lives here; each
// binding forwards JSON text (or plain values) to the core. Every entry point is wrapped so a C++
// exception becomes an {"error": ...} answer instead of tearing down the module.
#include <emscripten/bind.h>

#include <exception>
#include <string>

#include "trypost/request.hpp"
#include "trypost/response.hpp"
#include "trypost/retry.hpp"
#include "trypost/signing.hpp"
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
  function("request_build", +[](std::string s) { return guarded([&] { return trypost::build_request_json(s); }); });
  function("request_endpoints", +[]() { return guarded([&] { return trypost::endpoints_json(); }); });
  function("response_parse", +[](std::string s) { return guarded([&] { return trypost::parse_response_json(s); }); });
  function("response_parse_text", +[](std::string meta, std::string body) { return guarded([&] { return trypost::parse_response_text(meta, body); }); });
  function("retry_decide", +[](std::string s) { return guarded([&] { return trypost::retry_decision_json(s); }); });
  function("signature_base", +[](std::string s) { return guarded([&] { return trypost::signature_base_json(s); }); });
  function("signature_input_parse", +[](std::string s) { return guarded([&] { return trypost::parse_signature_input_json(s); }); });
}
