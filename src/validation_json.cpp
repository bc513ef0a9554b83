// The validation's JSON entry points: a request document ({"workspace", "method", "post_id"?,
// "body", "now"}) read with errors that name what is wrong with the input itself, one answer per
// document, or one per line for the CLI's batch.
#include "trypost/core_answer.hpp"
#include "trypost/json_fields.hpp"
#include "trypost/validation.hpp"
#include "validation_parts.hpp"

namespace trypost {
namespace {

using nlohmann::json;
using validation_parts::member;
using validation_parts::value_of;

template <class T, class Parse>
bool read_list(const json& j, const char* key, const std::string& path, Parse parse, std::vector<T>& out,
               ApiError& err) {
  const json* v = value_of(j, key);
  if (!v) return true;
  if (!v->is_array()) {
    err.add(path + "." + key, "must be an array");
    return false;
  }
  for (std::size_t i = 0; i < v->size(); ++i) {
    auto item = parse((*v)[i], path + "." + key + "." + std::to_string(i));
    if (!item) {
      for (const auto& [f, msgs] : item.error().errors)
        for (const auto& m : msgs) err.add(f, m);
      return false;
    }
    out.push_back(std::move(item).value());
  }
  return true;
}

std::string first_problem(const ApiError& e) {
  if (!e.errors.empty()) return e.errors.begin()->first + ": " + e.errors.begin()->second.front();
  return e.message;
}

// Reads one request document; the error text names what is wrong with the input itself.
Expected<std::pair<WorkspaceData, PostRequest>> read_request(const json& in) {
  auto fail = [](std::string text) { return make_error(400, std::move(text)); };
  if (!in.is_object()) return fail("a request must be a JSON object");
  WorkspaceData ws;
  if (const json* w = value_of(in, "workspace")) {
    auto parsed = workspace_data_from_json(*w);
    if (!parsed) return fail(first_problem(parsed.error()));
    ws = std::move(parsed).value();
  }
  PostRequest req;
  const json* method = value_of(in, "method");
  const std::string m = (method && method->is_string()) ? method->get<std::string>() : "";
  if (m == "POST" || m == "post") req.method = PostMethod::create;
  else if (m == "PUT" || m == "put") req.method = PostMethod::update;
  else return fail("method: expected \"POST\" or \"PUT\"");
  if (req.method == PostMethod::update) {
    const json* id = value_of(in, "post_id");
    if (!id || !id->is_string()) return fail("post_id: required (a string) for PUT");
    req.post_id = id->get<std::string>();
  }
  const json* body = member(in, "body");
  if (!body) return fail("body: required");
  req.body = *body;
  const json* now = value_of(in, "now");
  if (!now || !now->is_string()) return fail("now: required (an ISO 8601 time)");
  const auto t = parse_time(now->get_ref<const std::string&>());
  if (!t.value) return fail("now: " + t.error);
  req.now = *t.value;
  return std::make_pair(std::move(ws), std::move(req));
}

}  // namespace

Expected<WorkspaceData> workspace_data_from_json(const json& j, const std::string& path) {
  ApiError err;
  err.status = 400;
  WorkspaceData ws;
  if (!j.is_object()) {
    err.add(path, "must be an object");
    return err;
  }
  const bool ok = read_list(j, "social_accounts", path, social_account_from_json, ws.social_accounts, err) &&
                  read_list(j, "labels", path, label_from_json, ws.labels, err) &&
                  read_list(j, "posts", path, post_from_json, ws.posts, err);
  if (!ok) {
    err.finalize_message();
    return err;
  }
  return ws;
}

json to_json(const ValidationResult& r) {
  json out{{"valid", r.valid()},
           {"status", r.status},
           {"message", r.valid() ? std::string() : r.error.message},
           {"errors", r.error.errors.empty() ? json::object() : json(r.error.errors)}};
  json notices = json::array();
  for (const auto& n : r.notices) notices.push_back(json{{"path", n.path}, {"message", n.message}});
  out["notices"] = std::move(notices);
  out["dropped"] = r.dropped;
  out["body"] = r.body;
  return out;
}

std::string validate_post_request_json(const std::string& input) {
  const json in = json::parse(input, nullptr, false);
  if (in.is_discarded()) return error_answer(make_error(400, "malformed JSON"));
  auto req = read_request(in);
  if (!req) return error_answer(req.error());
  return to_json(validate_post_request(req->first, req->second)).dump(-1, ' ', false, kReplaceBadUtf8);
}

std::string validate_post_requests_jsonl(const std::string& lines, std::size_t first_line) {
  std::string out;
  std::size_t start = 0, number = first_line > 0 ? first_line - 1 : 0;
  while (start < lines.size()) {
    auto end = lines.find('\n', start);
    if (end == std::string::npos) end = lines.size();
    std::string line = lines.substr(start, end - start);
    start = end + 1;
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const json in = json::parse(line, nullptr, false);
    json answer;
    if (in.is_discarded()) answer = error_json(make_error(400, "line " + std::to_string(number) + ": malformed JSON"));
    else if (auto req = read_request(in); !req)
      answer = error_json(make_error(400, "line " + std::to_string(number) + ": " + req.error().message));
    else {
      const auto r = validate_post_request(req->first, req->second);
      const json full = to_json(r);
      answer = json{{"valid", full["valid"]}, {"status", full["status"]}, {"message", full["message"]}, {"errors", full["errors"]}};
    }
    out += answer.dump(-1, ' ', false, kReplaceBadUtf8);
    out += '\n';
  }
  return out;
}

}  // namespace trypost
