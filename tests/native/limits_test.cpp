#include <doctest/doctest.h>

#include <string>

#include "store_fake_server.hpp"
#include "trypost/calendar.hpp"
#include "trypost/request.hpp"
#include "trypost/response.hpp"
#include "trypost/snapshot.hpp"
#include "trypost/store.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace limits_test {

using namespace trypost;
using nlohmann::json;

// Hostile sizes: each is refused by the limit it breaks, with a message that names that limit,
// and the parser answers the next, ordinary input as before.
namespace {
std::string hundred_megabytes() {
  std::string body;
  body.reserve(std::size_t(100) * 1024 * 1024 + 16);  // one allocation: wasm32 has little room
  body = R"({"data":")";
  body.append(std::size_t(100) * 1024 * 1024, 'x');
  body += R"("})";
  return body;
}
std::string nested(int depth) { return std::string(std::size_t(depth), '[') + std::string(std::size_t(depth), ']'); }

const char* const kWorkspace = R"({"workspace":{"name":"W"},"accounts":[],"labels":[],"posts":[]})";

const Endpoint& posts_list() { return *find_endpoint("posts.list"); }

void still_answers() {
  const auto ok = parse_response(*find_endpoint("labels.list"), {200, {}, R"([{"id":"l1","name":"Promo","color":"#4f46e5"}])"});
  CHECK(ok.ok);
  CHECK(ok.data.size() == 1);
  const auto snap = read_snapshot_file(export_snapshot_json(kWorkspace));
  CHECK(snap.ok());
}
}  // namespace

TEST_CASE("limits: a 100 MB answer is refused as too large, naming the limit") {
  const auto r = parse_response(posts_list(), {200, {}, hundred_megabytes()});
  REQUIRE_FALSE(r.ok);
  CHECK(r.failure->kind == "malformed");
  CHECK(r.failure->reason == "too_large");
  CHECK(r.failure->message.find(std::to_string(ResponseLimits{}.max_body_bytes)) != std::string::npos);
  const auto text = json::parse(parse_response_parts_json(R"({"endpoint":"posts.list","status":200})", hundred_megabytes()));
  CHECK(text["ok"] == false);
  CHECK(text["failure"]["reason"] == "too_large");
  still_answers();
}

TEST_CASE("limits: 10 000-deep nesting in an answer is refused as too deep, naming the limit") {
  const auto r = parse_response(posts_list(), {200, {}, nested(10000)});
  REQUIRE_FALSE(r.ok);
  CHECK(r.failure->reason == "too_deep");
  CHECK(r.failure->message.find(std::to_string(ResponseLimits{}.max_depth) + " levels") != std::string::npos);
  // On an error status the status says what happened; the hostile body is not read into it.
  const auto v = parse_response(posts_list(), {422, {}, nested(10000)});
  REQUIRE_FALSE(v.ok);
  CHECK(v.failure->kind == "validation");
  CHECK(v.failure->errors.empty());
  const auto s = parse_response(posts_list(), {500, {}, nested(10000)});
  REQUIRE_FALSE(s.ok);
  CHECK(s.failure->kind == "server_error");
  const auto text = json::parse(parse_response_parts_json(R"({"endpoint":"posts.list","status":200})", nested(10000)));
  CHECK(text["failure"]["reason"] == "too_deep");
  still_answers();
}

TEST_CASE("limits: snapshot import refuses a 100 MB file and 10 000-deep nesting, naming the limit") {
  const auto big = read_snapshot_file(hundred_megabytes());
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().message.find("limit of " + std::to_string(kMaxSnapshotBytes) + " bytes") != std::string::npos);

  const auto deep = read_snapshot_file(nested(10000));
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.error().message.find("limit of " + std::to_string(kMaxSnapshotDepth) + " levels") != std::string::npos);

  // Deep inside an otherwise valid file (a post's meta) is refused the same way.
  const std::string inner = R"({"deep":)" + nested(10000) + "," + export_snapshot_json(kWorkspace).substr(1);
  const auto answer = json::parse(import_snapshot_json(inner));
  CHECK(answer["error"].get<std::string>().find("levels") != std::string::npos);
  still_answers();
}

TEST_CASE("limits: a snapshot at the depth limit loads, one level more is refused") {
  // {"workspace": {"name": "W"}, "extra": [[...]]}: the file object is level 1.
  const std::string file = export_snapshot_json(kWorkspace);
  REQUIRE(file.front() == '{');
  auto file_with = [&](int levels) { return R"({"x":)" + nested(levels - 1) + "," + file.substr(1); };
  CHECK(read_snapshot_file(file_with(kMaxSnapshotDepth)).ok());
  CHECK_FALSE(read_snapshot_file(file_with(kMaxSnapshotDepth + 1)).ok());
}

// ---- the same limits where answers enter the store and posts enter the calendar ----
namespace {
const char* const kParts[] = {"posts", "accounts", "labels", "signatures", "members", "api_keys", "outbox", "workspace"};

std::string views(const Store& st, const std::string& ws) {
  std::string all;
  for (const char* part : kParts) all += st.view(ws, part).value().dump() + "\n";
  return all;
}

// `[0,0,...]` with n items; `nested` and this are the two shapes a limit sees.
std::string list_of(std::int64_t n) {
  std::string s;
  s.reserve(std::size_t(n) * 2 + 2);
  s += '[';
  for (std::int64_t i = 0; i < n; ++i) s += i ? ",0" : "0";
  return s + ']';
}

struct OneWorkspace {
  testing::FakeServer srv;
  Store st;
  std::string id;
  json answer(const Expected<json>& req) {
    REQUIRE(req.ok());
    const auto reply = srv.handle(*req);
    return st.apply_response((*req)["request_id"].get<std::uint64_t>(), reply.status, reply.body);
  }
  OneWorkspace() {
    id = answer(st.begin_request("", RequestKind::workspace_probe, {}, srv.seed_workspace("A", 5)))["workspace_id"];
    REQUIRE(answer(st.begin_request(id, RequestKind::posts_page, json::object()))["outcome"] == "applied");
    REQUIRE(answer(st.begin_request(id, RequestKind::labels_list, {}))["outcome"] == "applied");
    REQUIRE(st.find(id)->posts.size() == 5);
  }
  // Answers a fresh request of `kind` with `body`; the views must not move.
  json refuse(RequestKind kind, int status, const std::string& body) {
    const auto req = st.begin_request(id, kind, json::object());
    REQUIRE(req.ok());
    const std::string before = views(st, id);
    json out = st.apply_response((*req)["request_id"].get<std::uint64_t>(), status, body);
    CHECK(out["outcome"] == "error");
    CHECK(views(st, id) == before);
    return out;
  }
};
}  // namespace

TEST_CASE("limits: the store refuses a 100 MB answer and 10 000-deep nesting, naming the limit, state unchanged") {
  OneWorkspace w;
  {
    const auto out = w.refuse(RequestKind::posts_page, 200, hundred_megabytes());
    CHECK(out["reason"] == "too_large");
    CHECK(out["status"] == 502);
    CHECK(out["error"]["message"].get<std::string>().find(std::to_string(ResponseLimits{}.max_body_bytes) + " bytes") != std::string::npos);
  }
  {
    const auto out = w.refuse(RequestKind::labels_list, 200, nested(10000));
    CHECK(out["reason"] == "too_deep");
    CHECK(out["error"]["message"].get<std::string>().find(std::to_string(ResponseLimits{}.max_depth) + " levels") != std::string::npos);
  }
  {
    // A hostile error answer: the status speaks, the body is not read.
    const auto out = w.refuse(RequestKind::labels_list, 500, nested(10000));
    CHECK(out["status"] == 500);
    CHECK(out["error"]["message"] == "The server answered 500.");
    const auto big = w.refuse(RequestKind::labels_list, 422, hundred_megabytes());
    CHECK(big["error"]["message"] == "The server answered 422.");
  }
  {
    const std::string long_name(std::size_t(ResponseLimits{}.max_string_bytes) + 1, 'n');
    const auto out = w.refuse(RequestKind::labels_list, 200, R"([{"id":"l","name":")" + long_name + R"(","color":"#112233"}])");
    CHECK(out["reason"] == "string_too_long");
  }
  // Still answering: the next honest answer applies.
  CHECK(w.answer(w.st.begin_request(w.id, RequestKind::labels_list, {}))["outcome"] == "applied");
  CHECK(w.st.in_flight() == 0);
}

TEST_CASE("limits: the store's depth and list-length limits hold at the limit and refuse one past it") {
  OneWorkspace w;
  const ResponseLimits limits;
  // At the limit the parse passes and the shape check speaks; one more and the limit does.
  const auto at_depth = w.refuse(RequestKind::labels_list, 200, nested(limits.max_depth));
  CHECK(at_depth["reason"] == "shape");
  const auto past_depth = w.refuse(RequestKind::labels_list, 200, nested(limits.max_depth + 1));
  CHECK(past_depth["reason"] == "too_deep");

  const auto at_length = w.refuse(RequestKind::labels_list, 200, list_of(limits.max_array_length));
  CHECK(at_length["reason"] == "shape");
  const auto past_length = w.refuse(RequestKind::labels_list, 200, list_of(limits.max_array_length + 1));
  CHECK(past_length["reason"] == "array_too_long");
  CHECK(past_length["error"]["message"].get<std::string>().find(std::to_string(limits.max_array_length) + " items") != std::string::npos);
}

TEST_CASE("limits: the calendar refuses a 100 MB document and 10 000-deep nesting, naming the limit, contents kept") {
  CalendarIndex cal;
  const std::string posts = R"({"posts":[{"id":"1","content":"a","status":"scheduled","scheduled_at":"2026-05-10 15:30:00"},)"
                            R"({"id":"2","content":"b","status":"draft"}]})";
  REQUIRE(json::parse(cal.load_json(posts))["posts"] == 2);
  const std::string before = cal.view_json(R"({"view":"month","date":"2026-05-15"})");

  const auto big = json::parse(cal.load_json(hundred_megabytes()));
  CHECK(big["reason"] == "too_large");
  CHECK(big["error"].get<std::string>().find("limit of " + std::to_string(kMaxSnapshotBytes) + " bytes") != std::string::npos);
  const auto deep = json::parse(cal.load_json(nested(10000)));
  CHECK(deep["reason"] == "too_deep");
  CHECK(deep["error"].get<std::string>().find("limit of " + std::to_string(kMaxSnapshotDepth) + " levels") != std::string::npos);
  const auto cut = json::parse(cal.load_json(posts.substr(0, posts.size() / 2)));
  CHECK(cut["reason"] == "not_json");

  CHECK(cal.size() == 2);
  CHECK(cal.view_json(R"({"view":"month","date":"2026-05-15"})") == before);
}

TEST_CASE("limits: the calendar's depth and list-length limits hold at the limit and refuse one past it") {
  CalendarIndex cal;
  const auto doc = [](const std::string& extra) { return R"({"posts":[],"extra":)" + extra + "}"; };
  // The document object is level 1.
  CHECK_FALSE(json::parse(cal.load_json(doc(nested(kMaxSnapshotDepth - 1)))).contains("error"));
  CHECK(json::parse(cal.load_json(doc(nested(kMaxSnapshotDepth))))["reason"] == "too_deep");
  CHECK_FALSE(json::parse(cal.load_json(doc(list_of(kMaxSnapshotArrayLength)))).contains("error"));
  const auto past = json::parse(cal.load_json(doc(list_of(kMaxSnapshotArrayLength + 1))));
  CHECK(past["reason"] == "array_too_long");
  CHECK(past["error"].get<std::string>().find(std::to_string(kMaxSnapshotArrayLength) + " items") != std::string::npos);
}

TEST_CASE("limits: a snapshot holding a list longer than the limit is refused, naming the limit") {
  const std::string file = export_snapshot_json(kWorkspace);
  const auto at = read_snapshot_file(R"({"x":)" + list_of(kMaxSnapshotArrayLength) + "," + file.substr(1));
  CHECK(at.ok());
  const auto past = read_snapshot_file(R"({"x":)" + list_of(kMaxSnapshotArrayLength + 1) + "," + file.substr(1));
  REQUIRE_FALSE(past.ok());
  CHECK(past.error().message.find("limit of " + std::to_string(kMaxSnapshotArrayLength) + " items") != std::string::npos);
}

TEST_CASE("limits: a posts page claiming more than 100 000 pages is refused; 100 000 is accepted") {
  OneWorkspace w;
  const auto page = [](std::int64_t last) {
    return R"({"data":[],"links":{},"meta":{"current_page":1,"last_page":)" + std::to_string(last) + R"(,"per_page":15,"total":0}})";
  };
  const auto out = w.refuse(RequestKind::posts_page, 200, page(100001));
  CHECK(out["error"]["errors"].contains("meta.last_page"));
  const auto req = w.st.begin_request(w.id, RequestKind::posts_page, json::object());
  REQUIRE(req.ok());
  const auto ok = w.st.apply_response((*req)["request_id"].get<std::uint64_t>(), 200, page(100000));
  CHECK(ok["outcome"] == "applied");
  CHECK(ok["last_page"] == 100000);
}

}  // namespace limits_test
