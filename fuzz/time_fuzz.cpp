// ISO 8601 / API time parsing on arbitrary bytes: never crashes, and whatever parses formats back
// to a time that parses to the same instant.
#include <cstdint>
#include <string_view>

#include "trypost/time.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = trypost::parse_time(text);
  if (parsed.value) {
    const auto again = trypost::parse_time(trypost::format_iso_time(*parsed.value));
    if (!again.value || *again.value != *parsed.value) __builtin_trap();
    const auto api = trypost::parse_time(trypost::format_api_time(*parsed.value));
    if (!api.value || *api.value != *parsed.value) __builtin_trap();
  }
  (void)trypost::parse_date(text);
  return 0;
}
