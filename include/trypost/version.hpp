#pragma once
#include <string>

namespace trypost {
// The core's version, compiled in from CMake's project version: the browser test reads it back
// through the SDK to prove the delivery path (C++ -> WASM -> SDK -> page) end to end.
std::string core_version();
}  // namespace trypost
