// API response ingestion: byte 0 picks the endpoint (so every resource kind and the paginated
// envelope are reached), byte 1 the status and the limits, the rest is the body.
// Invariants: the bounded parser and nlohmann agree on every body within the limits; a success
// always carries data (and page info for a page); a failure always names its kind.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/request.hpp"
#include "trypost/response.hpp"

namespace {
// Depth as the limit counts it: containers open, scalars do not add a level.
int depth_of(const nlohmann::json& j) {
  int best = 0;
  std::vector<std::pair<const nlohmann::json*, int>> stack{{&j, 0}};
  while (!stack.empty()) {
    auto [v, d] = stack.back();
    stack.pop_back();
    if (!v->is_structured()) continue;
    best = std::max(best, d + 1);
    for (const auto& c : *v) stack.push_back({&c, d + 1});
  }
  return best;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  static const int kStatuses[] = {200, 201, 204, 200, 200, 401, 402, 403, 404, 409, 410, 422, 429, 500, 503, 0};
  const auto& eps = trypost::endpoints();
  const auto& ep = eps[data[0] % eps.size()];
  trypost::HttpResponse res;
  res.status = kStatuses[data[1] & 15];
  res.body.assign(reinterpret_cast<const char*>(data + 2), size - 2);
  if (data[1] & 16) res.headers["retry-after"] = "7";
  trypost::ResponseLimits limits;
  if (data[1] & 32) limits = {.max_body_bytes = 4096, .max_depth = 6, .max_string_bytes = 64};

  const auto parsed = trypost::parse_response(ep, res, 1767225600, limits);
  if (parsed.ok) {
    if (parsed.failure || parsed.data.is_discarded()) __builtin_trap();
    const bool paged = parsed.shape == trypost::ResponseShape::post_page || parsed.shape == trypost::ResponseShape::asset_page;
    if (paged && !parsed.page) __builtin_trap();
    if (paged && (parsed.page->current_page < 1 || parsed.page->last_page < 1)) __builtin_trap();
  } else if (!parsed.failure || parsed.failure->kind.empty()) {
    __builtin_trap();
  }

  nlohmann::json bounded;
  const auto refused = trypost::parse_json_within(res.body, limits, bounded);
  const auto plain = nlohmann::json::parse(res.body, nullptr, false);
  if (!refused) {
    if (plain.is_discarded() || bounded != plain) __builtin_trap();
  } else if (!plain.is_discarded() && std::int64_t(res.body.size()) <= limits.max_body_bytes &&
             depth_of(plain) < limits.max_depth && refused->reason != "string_too_long") {
    __builtin_trap();  // valid JSON within every limit was refused
  }
  return 0;
}
