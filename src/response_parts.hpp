#pragma once
// Reading an answer, shared by its source files: response.cpp (parse_response and the JSON entry
// points), response_shape.cpp (each success shape, checked field by field) and
// response_failure.cpp (what a failure means for the user). Not part of the public headers.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"
#include "trypost/response.hpp"

namespace trypost::response_parts {

inline constexpr std::size_t kMaxServerMessage = 500;

inline std::string header(const HttpResponse& r, const std::string& name) {
  const auto it = r.headers.find(name);
  return it == r.headers.end() ? std::string() : it->second;
}

inline bool looks_like_html(const HttpResponse& r) {
  auto ct = header(r, "content-type");
  for (auto& c : ct)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (ct.find("html") != std::string::npos) return true;
  const auto first = r.body.find_first_not_of(" \t\r\n");
  return first != std::string::npos && r.body[first] == '<';
}

inline bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// The success body of `shape` read into the model; every bad field is added to `err`. `page` is
// set for the paginated shapes.
nlohmann::json parse_success(ResponseShape shape, const nlohmann::json& j, ApiError& err, std::optional<PageInfo>& page);
// Whether the shape is a bare JSON array.
bool shape_is_list(ResponseShape s);
// The key every real answer of this shape has: its absence next to a "message" means the server
// put an error into a 2xx.
const char* marker_key(ResponseShape s);

// A non-2xx answer (or none: status 0) as what it means for the user.
ResponseFailure failure_from(const Endpoint& ep, const HttpResponse& r, UtcSeconds now, const ResponseLimits& limits);
nlohmann::json failure_json(const ResponseFailure& f);

}  // namespace trypost::response_parts
