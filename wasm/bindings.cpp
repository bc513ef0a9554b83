// embind bindings: the only file that includes Emscripten headers. No logic lives here; each
// binding forwards JSON text (or plain values) to the core. Every entry point is wrapped so a C++
// exception becomes an {"error": ...} answer instead of tearing down the module.
#include <emscripten/bind.h>

#include <exception>
#include <string>

#include "trypost/content_type.hpp"
#include "trypost/label.hpp"
#include "trypost/meta.hpp"
#include "trypost/preview.hpp"
#include "trypost/signature.hpp"
#include "trypost/validation.hpp"
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
  function("contentTypes", +[](std::string s) { return guarded([&] { return trypost::content_types_json(s); }); });
  function("metaCatalog", +[](std::string s) { return guarded([&] { return trypost::meta_catalog_json(s); }); });
  function("validatePostRequest",
           +[](std::string s) { return guarded([&] { return trypost::validate_post_request_json(s); }); });
  function("validatePostRequestsJsonl",
           +[](std::string s) { return guarded([&] { return trypost::validate_post_requests_jsonl(s); }); });
  function("validateLabel", +[](std::string s) { return guarded([&] { return trypost::validate_label_json(s); }); });
  function("validateSignature",
           +[](std::string s) { return guarded([&] { return trypost::validate_signature_json(s); }); });
  function("applySignatures", +[](std::string s) { return guarded([&] { return trypost::apply_signatures_json(s); }); });
  function("previewPost", +[](std::string s) { return guarded([&] { return trypost::post_preview_json(s); }); });

  // --- calendar and snapshots ---

  // --- requests and signing ---
}
