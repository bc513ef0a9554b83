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
// The checkout's folder is compiled into one file only (main.cpp), so every other test object is
// the same in any clone and a compiler cache shared between clones serves it.
extern const char* const source_dir;
inline std::string source_path(const std::string& rel) { return std::string(source_dir) + "/" + rel; }
inline std::string fixture_path(const std::string& rel) { return source_path("tests/fixtures/" + rel); }
}  // namespace trypost::testing
