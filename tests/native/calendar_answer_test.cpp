#include <doctest/doctest.h>

#include <string>

#include "trypost/api_snapshot.hpp"
#include "trypost/calendar.hpp"
#include "trypost/preview.hpp"
#include "trypost/snapshot.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace calendar_answer_test {

using namespace trypost;
using nlohmann::json;

// The one flat error answer (core_answer.hpp): a message, a status, and field paths or a limit.
json refusal(const std::string& text, int status) {
  const json j = json::parse(text);
  INFO(text);
  REQUIRE(j.is_object());
  CHECK(j["error"].is_string());
  CHECK_FALSE(j["error"].get<std::string>().empty());
  CHECK(j["status"] == status);
  CHECK_FALSE(j.contains("details"));
  if (j.contains("errors")) CHECK(j["errors"].is_object());
  return j;
}

TEST_CASE("calendar answers: the index's entry points refuse in the one flat shape, naming fields and limits") {
  CalendarIndex idx;
  const std::string good = R"({"posts":[{"id":"1","status":"draft","content":"Hi","platforms":[]}]})";
  REQUIRE_FALSE(json::parse(idx.load_json(good)).contains("error"));

  const json bad_post = refusal(idx.load_json(R"({"posts":[{"id":"2","status":"queued","platforms":[]}]})"), 422);
  CHECK(bad_post["errors"].contains("posts.0.status"));
  CHECK(bad_post["error"].get<std::string>().rfind("The posts were not loaded: ", 0) == 0);
  const json cut = refusal(idx.load_json(R"({"posts":[)"), 422);
  CHECK(cut["error"] == "The posts document was not loaded: it is not valid JSON (it may have been cut short).");
  CHECK(cut["reason"].is_string());

  const json upsert = refusal(idx.upsert_json(R"([{"id":"3","status":"on_fire","platforms":[]}])"), 422);
  CHECK(upsert["errors"].contains("0.status"));
  CHECK(refusal(idx.upsert_json("[1,"), 422).contains("reason"));
  CHECK(refusal(idx.remove_json(R"([{"id":1}])"), 422)["errors"].contains("0"));
  CHECK(idx.size() == 1);  // nothing refused changed the index

  CHECK(refusal(idx.view_json("not json"), 400)["error"] == "The calendar query is not valid JSON.");
  const json date = refusal(idx.view_json(R"({"view":"month","date":"2027-02-29","max_rows":-1})"), 422);
  CHECK(date["errors"].contains("date"));
  CHECK(date["errors"].contains("max_rows"));

  const std::string move = R"(,"new_time":"2026-05-11T09:30:00Z","now":"2026-05-10T12:00:00Z","role":"owner"})";
  CHECK(refusal(idx.plan_move_json("{"), 400)["error"] == "The move request is not valid JSON.");
  CHECK(refusal(idx.plan_move_json(R"({"post":null)" + move), 422)["errors"].contains("post_id"));
  CHECK(refusal(idx.plan_move_json(R"({"post_id":"9")" + move), 404)["error"] == "No post 9 in this calendar.");
}

TEST_CASE("calendar answers: snapshots and previews refuse in the same shape") {
  CHECK(refusal(export_snapshot_json("{"), 400)["error"] == "The workspace export is not valid JSON.");
  const json workspace = refusal(export_snapshot_json(R"({"posts":[{"id":"1","status":"queued","platforms":[]}]})"), 422);
  CHECK(workspace["errors"].contains("posts.0.status"));
  CHECK(refusal(import_snapshot_json(R"({"format":"something else"})"), 422)["error"].get<std::string>().find("not a TryPost calendar snapshot") !=
        std::string::npos);

  CHECK(refusal(snapshot_from_api_json("[]"), 400)["error"].get<std::string>().rfind("The request must be", 0) == 0);
  refusal(snapshot_from_api_json(R"({"text":""})"), 422);

  CHECK(refusal(post_preview_json("{"), 400)["error"] == "malformed JSON");
  // The message names the first field at fault; every field stays under its path.
  const json preview = refusal(post_preview_json(R"({"id":"p","status":"queued","platforms":[]})"), 422);
  REQUIRE(preview["errors"].contains("status"));
  const auto first = preview["errors"].begin();
  CHECK(preview["error"] == first.key() + ": " + (*first)[0].get<std::string>());
}

}  // namespace calendar_answer_test
