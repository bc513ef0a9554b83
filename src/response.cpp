// parse_response: an answer of a documented endpoint read into data, or a failure that says what
// it means. Its success shapes are in response_shape.cpp, its failures in response_failure.cpp.
#include "trypost/response.hpp"

#include <algorithm>

#include "response_parts.hpp"
#include "trypost/core_answer.hpp"
#include "trypost/json_fields.hpp"

namespace trypost {
namespace {

using nlohmann::json;
using R = ResponseShape;
using response_parts::blank;
using response_parts::kMaxServerMessage;
using response_parts::looks_like_html;

ResponseFailure malformed(int status, std::string reason, std::string message) {
  ResponseFailure f;
  f.status = status;
  f.kind = "malformed";
  f.reason = std::move(reason);
  f.message = std::move(message);
  return f;
}

}  // namespace

ParsedResponse parse_response(const Endpoint& ep, const HttpResponse& r, UtcSeconds now, const ResponseLimits& limits) {
  ParsedResponse out;
  out.status = r.status;
  out.shape = ep.response;
  const auto fail = [&](ResponseFailure f) {
    f.status = r.status;
    out.failure = std::move(f);
    return out;
  };
  if (r.status < 200 || r.status > 299) return fail(response_parts::failure_from(ep, r, now, limits));

  if (ep.response == R::empty) {
    out.ok = true;
    out.data = nullptr;
    return out;
  }
  if (blank(r.body)) return fail(malformed(r.status, "not_json", "The answer is empty where JSON was expected."));
  if (looks_like_html(r)) return fail(malformed(r.status, "html", "The server answered with an HTML page instead of JSON."));
  json j;
  if (auto f = parse_json_within(r.body, limits, j)) return fail(std::move(*f));

  // An error wearing a 200: {"message": ...} where the shape's own key should be.
  if (j.is_object() && j.contains("message") && j["message"].is_string() &&
      (response_parts::shape_is_list(ep.response) || !j.contains(response_parts::marker_key(ep.response)))) {
    return fail(malformed(r.status, "error_body", j["message"].get<std::string>().substr(0, kMaxServerMessage)));
  }

  ApiError err;
  std::optional<PageInfo> page;
  auto data = response_parts::parse_success(ep.response, j, err, page);
  if (!err.errors.empty()) {
    err.finalize_message();
    auto f = malformed(r.status, "shape", "The answer does not have the expected shape: " + err.message);
    f.errors = err.errors;
    return fail(std::move(f));
  }
  out.ok = true;
  out.data = std::move(data);
  out.page = page;
  return out;
}

namespace {

// Header names lowercased; string and integer values kept, anything else ignored.
void read_headers(const json& h, HttpResponse& r) {
  if (!h.is_object()) return;
  for (const auto& [k, v] : h.items()) {
    std::string name = k;
    std::transform(name.begin(), name.end(), name.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    if (v.is_string()) r.headers[name] = v.get<std::string>();
    else if (v.is_number_integer()) r.headers[name] = std::to_string(v.get<std::int64_t>());
  }
}

// Each limit the caller sets (a positive integer) replaces the default; the depth stays at most 256.
ResponseLimits read_limits(const json& l) {
  ResponseLimits limits;
  if (!l.is_object()) return limits;
  if (const auto v = l.find("max_body_bytes"); v != l.end() && v->is_number_integer() && v->get<std::int64_t>() > 0)
    limits.max_body_bytes = v->get<std::int64_t>();
  if (const auto v = l.find("max_depth"); v != l.end() && v->is_number_integer() && v->get<std::int64_t>() > 0)
    limits.max_depth = static_cast<int>(std::min<std::int64_t>(v->get<std::int64_t>(), 256));
  if (const auto v = l.find("max_string_bytes"); v != l.end() && v->is_number_integer() && v->get<std::int64_t>() > 0)
    limits.max_string_bytes = v->get<std::int64_t>();
  if (const auto v = l.find("max_array_length"); v != l.end() && v->is_number_integer() && v->get<std::int64_t>() > 0)
    limits.max_array_length = v->get<std::int64_t>();
  return limits;
}

json parsed_json(const ParsedResponse& p) {
  json out{{"ok", p.ok}, {"status", p.status}, {"shape", to_string(p.shape)}};
  if (!p.ok) {
    out["failure"] = response_parts::failure_json(*p.failure);
    return out;
  }
  out["data"] = p.data;
  if (p.page) {
    const auto& pg = *p.page;
    const auto opt = [](const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); };
    out["page"] = {{"current_page", pg.current_page}, {"last_page", pg.last_page}, {"per_page", pg.per_page},
                   {"total", pg.total}, {"from", opt(pg.from)}, {"to", opt(pg.to)},
                   {"next_page", opt(pg.next_page)}, {"prev_page", opt(pg.prev_page)}};
  }
  return out;
}

std::string parse_response_from(const json& j, const std::string* body_text) {
  const auto e = j.find("endpoint");
  if (e == j.end() || !e->is_string()) return error_answer(field_error("endpoint", "The endpoint field is required."));
  const Endpoint* ep = find_endpoint(e->get<std::string>());
  if (!ep) return error_answer(field_error("endpoint", "Unknown endpoint."));
  HttpResponse r;
  const auto s = j.find("status");
  if (s == j.end() || !s->is_number_integer() || s->get<std::int64_t>() < 0 || s->get<std::int64_t>() > 999)
    return error_answer(field_error("status", "The status must be an HTTP status code, or 0 for no answer."));
  r.status = s->get<int>();
  if (const auto h = j.find("headers"); h != j.end()) read_headers(*h, r);
  if (body_text) {
    r.body = *body_text;
  } else if (const auto b = j.find("body"); b != j.end() && !b->is_null()) {
    if (!b->is_string()) return error_answer(field_error("body", "The body is the answer's raw text."));
    r.body = b->get<std::string>();
  }
  UtcSeconds now = 0;
  if (const auto n = j.find("now"); n != j.end() && n->is_number_integer()) now = n->get<std::int64_t>();
  const auto l = j.find("limits");
  const ResponseLimits limits = l != j.end() ? read_limits(*l) : ResponseLimits{};
  return dump_answer(parsed_json(parse_response(*ep, r, now, limits)));
}

}  // namespace

std::string parse_response_json(const std::string& text) {
  json j;
  ApiError err;
  if (!parse_argument(text, j, err)) return error_answer(err);
  return parse_response_from(j, nullptr);
}

std::string parse_response_parts_json(const std::string& meta_json, const std::string& body) {
  json j;
  ApiError err;
  if (!parse_argument(meta_json, j, err)) return error_answer(err);
  return parse_response_from(j, &body);
}

}  // namespace trypost
