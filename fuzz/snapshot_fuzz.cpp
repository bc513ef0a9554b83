// Snapshot import from arbitrary bytes. Invariants: an accepted file exports to a file that
// imports again to the same export (import -> export -> import round-trips equal), and no field
// that could carry a credential survives anywhere in an export.
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trypost/snapshot.hpp"

namespace {
bool has_secret(const nlohmann::json& j) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it)
      if (trypost::is_secret_field_name(it.key()) || has_secret(it.value())) return true;
  } else if (j.is_array()) {
    for (const auto& v : j)
      if (has_secret(v)) return true;
  }
  return false;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto first = trypost::read_snapshot_file(text);
  if (!first.ok()) return 0;
  const auto file = trypost::to_json(*first);
  if (has_secret(file)) __builtin_trap();
  const auto second = trypost::read_snapshot_file(file.dump());
  if (!second.ok() || trypost::to_json(*second) != file) __builtin_trap();
  return 0;
}
