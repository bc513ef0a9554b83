// POST/PUT prediction through its JSON entry point, on arbitrary text.
// Invariants: the answer is always JSON; it is either an input error or a result whose
// validity matches its status, whose 422 names at least one field, and which is deterministic.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "trypost/validation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::string out = trypost::validate_post_request_json(input);
  const auto j = nlohmann::json::parse(out, nullptr, false);
  if (j.is_discarded() || !j.is_object()) __builtin_trap();
  if (!j.contains("error")) {
    const int status = j.at("status").get<int>();
    const bool valid = j.at("valid").get<bool>();
    if (valid != (status == 200 || status == 201)) __builtin_trap();
    if (status == 422 && (!j.at("errors").is_object() || j.at("errors").empty())) __builtin_trap();
  }
  if (trypost::validate_post_request_json(input) != out) __builtin_trap();
  return 0;
}
