#pragma once
// Helpers shared by the doctest files: fixtures are read from the source tree (natively and,
// through NODERAWFS, from the WASM build under Node).
#include <fstream>
#include <sstream>
#include <string>

namespace trypost::testing {
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
inline std::string source_path(const std::string& rel) { return std::string(TRYPOST_SOURCE_DIR) + "/" + rel; }
inline std::string shared_path(const std::string& rel) { return std::string(TRYPOST_SHARED_DIR) + "/" + rel; }
}  // namespace trypost::testing
