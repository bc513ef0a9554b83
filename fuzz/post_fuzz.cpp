// API response ingestion for a post (and its media, platforms, labels) from arbitrary bytes.
// A parsed post must write back to JSON that parses again to an equal document.
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trypost/post.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return 0;
  const auto post = trypost::post_from_json(j);
  if (post.ok()) {
    const auto out = trypost::to_json(*post);
    const auto again = trypost::post_from_json(out);
    if (!again.ok() || trypost::to_json(*again) != out) __builtin_trap();
  }
  return 0;
}
