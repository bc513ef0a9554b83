#include <doctest/doctest.h>

#include <string>

#include "trypost/request.hpp"
#include "trypost/response.hpp"
#include "trypost/snapshot.hpp"

using namespace trypost;
using nlohmann::json;

// Hostile sizes: each is refused by the limit it breaks, with a message that names that limit,
// and the parser answers the next, ordinary input as before.
namespace {
std::string hundred_megabytes() {
  std::string body = R"({"data":")";
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
  const auto snap = import_snapshot_text(snapshot_export_text(kWorkspace));
  CHECK(snap.ok());
}
}  // namespace

TEST_CASE("limits: a 100 MB answer is refused as too large, naming the limit") {
  const auto r = parse_response(posts_list(), {200, {}, hundred_megabytes()});
  REQUIRE_FALSE(r.ok);
  CHECK(r.failure->kind == "malformed");
  CHECK(r.failure->reason == "too_large");
  CHECK(r.failure->message.find(std::to_string(ResponseLimits{}.max_body_bytes)) != std::string::npos);
  const auto text = json::parse(parse_response_text(R"({"endpoint":"posts.list","status":200})", hundred_megabytes()));
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
  const auto text = json::parse(parse_response_text(R"({"endpoint":"posts.list","status":200})", nested(10000)));
  CHECK(text["failure"]["reason"] == "too_deep");
  still_answers();
}

TEST_CASE("limits: snapshot import refuses a 100 MB file and 10 000-deep nesting, naming the limit") {
  const auto big = import_snapshot_text(hundred_megabytes());
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().message.find("limit of " + std::to_string(kMaxSnapshotBytes) + " bytes") != std::string::npos);

  const auto deep = import_snapshot_text(nested(10000));
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.error().message.find("limit of " + std::to_string(kMaxSnapshotDepth) + " levels") != std::string::npos);

  // Deep inside an otherwise valid file (a post's meta) is refused the same way.
  const std::string inner = R"({"deep":)" + nested(10000) + "," + snapshot_export_text(kWorkspace).substr(1);
  const auto answer = json::parse(snapshot_import_text(inner));
  CHECK(answer["error"].get<std::string>().find("levels") != std::string::npos);
  still_answers();
}

TEST_CASE("limits: a snapshot at the depth limit loads, one level more is refused") {
  // {"workspace": {"name": "W"}, "extra": [[...]]}: the file object is level 1.
  const std::string file = snapshot_export_text(kWorkspace);
  REQUIRE(file.front() == '{');
  auto file_with = [&](int levels) { return R"({"x":)" + nested(levels - 1) + "," + file.substr(1); };
  CHECK(import_snapshot_text(file_with(kMaxSnapshotDepth)).ok());
  CHECK_FALSE(import_snapshot_text(file_with(kMaxSnapshotDepth + 1)).ok());
}
