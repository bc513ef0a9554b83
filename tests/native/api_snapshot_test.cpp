#include <doctest/doctest.h>

#include "trypost/api_snapshot.hpp"
#include "trypost/snapshot.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace api_snapshot_test {

using namespace trypost;
using nlohmann::json;

namespace {
json post(const std::string& id, const std::string& when) {
  return json{{"id", id}, {"status", "scheduled"}, {"content", "Post " + id}, {"scheduled_at", when},
              {"platforms", json::array({json{{"id", "pp" + id}, {"platform", "x"}, {"content_type", "x_post"},
                                              {"social_account", {{"id", "acc1"}}}}})}};
}

json page(int current, int last, int total, json data) {
  return json{{"data", std::move(data)},
              {"links", {{"next", current < last ? json("http://x/api/posts?page=" + std::to_string(current + 1)) : json(nullptr)}}},
              {"meta", {{"current_page", current}, {"last_page", last}, {"total", total}, {"per_page", 15}, {"path", "http://x/api/posts"}}}};
}

const json kAccounts = json::array({json{{"id", "acc1"}, {"platform", "x"}, {"display_name", "Acme"}, {"username", "@acme"}}});
const json kLabels = json::array({json{{"id", "l1"}, {"name", "Promo"}, {"color", "#22c55e"}}});
const json kWorkspace = json{{"id", "w1"}, {"name", "Acme"}, {"created_at", "2026-01-01 00:00:00"}};

std::string stream(std::initializer_list<json> docs) {
  std::string out;
  for (const auto& d : docs) out += d.dump(2) + "\n";
  return out;
}
}  // namespace

TEST_CASE("a snapshot is assembled from the API's answers piped one after another") {
  const auto text = stream({kWorkspace, page(1, 2, 3, json::array({post("a", "2026-12-03 09:00:00"), post("b", "2026-12-04 09:00:00")})),
                            page(2, 2, 3, json::array({post("c", "2026-12-05 09:00:00")})), kAccounts, kLabels});
  auto docs = split_json_documents(text);
  REQUIRE(docs.ok());
  CHECK(docs.value().size() == 5);
  auto s = snapshot_from_api_answers(docs.value(), {std::nullopt, std::string("2026-12-01T00:00:00Z")});
  REQUIRE(s.ok());
  CHECK(s.value().name == "Acme");
  CHECK(s.value().posts.size() == 3);
  CHECK(s.value().accounts.size() == 1);
  CHECK(s.value().labels.size() == 1);
  // The file it makes is a snapshot the importer takes.
  const json file = to_json(s.value());
  CHECK(file["exported_at"] == "2026-12-01T00:00:00Z");
  CHECK(import_snapshot(file).ok());
}

TEST_CASE("the named form, and a post seen on two pages, is kept once") {
  const json doc{{"workspace", kWorkspace},
                 {"posts", json::array({page(1, 2, 2, json::array({post("a", "2026-12-03 09:00:00")})),
                                        page(2, 2, 2, json::array({post("a", "2026-12-03 09:00:00"), post("b", "2026-12-09 10:00:00")}))})},
                 {"social_accounts", kAccounts},
                 {"labels", kLabels}};
  const auto out = json::parse(snapshot_from_api_json(json{{"text", doc.dump()}}.dump()));
  REQUIRE_FALSE(out.contains("error"));
  CHECK(out["format"] == "trypost-calendar-snapshot");
  CHECK(out["posts"].size() == 2);
  CHECK(out["workspace"]["name"] == "Acme");
}

TEST_CASE("a missing page, a missing name or an error answer is refused with what to do") {
  auto missing = snapshot_from_api_answers(
      {kWorkspace, page(1, 3, 5, json::array({post("a", "2026-12-03 09:00:00")})), page(3, 3, 5, json::array({post("c", "2026-12-05 09:00:00")}))}, {});
  REQUIRE_FALSE(missing.ok());
  REQUIRE(missing.error().errors.count("posts") == 1);
  CHECK(missing.error().errors.at("posts")[0].find("page 2 is missing") != std::string::npos);
  CHECK(missing.error().errors.at("posts")[0].find("?page=3") != std::string::npos);

  auto short_list = snapshot_from_api_answers({kWorkspace, page(1, 1, 4, json::array({post("a", "2026-12-03 09:00:00")}))}, {});
  REQUIRE_FALSE(short_list.ok());
  CHECK(short_list.error().errors.at("posts")[0].find("read every page again") != std::string::npos);

  auto nameless = snapshot_from_api_answers({page(1, 1, 1, json::array({post("a", "2026-12-03 09:00:00")}))}, {});
  REQUIRE_FALSE(nameless.ok());
  CHECK(nameless.error().errors.count("workspace.name") == 1);
  auto named = snapshot_from_api_answers({page(1, 1, 1, json::array({post("a", "2026-12-03 09:00:00")}))}, {std::string("Given"), std::nullopt});
  REQUIRE(named.ok());
  CHECK(named.value().name == "Given");

  auto refused = snapshot_from_api_answers({json{{"message", "Unauthenticated."}}}, {std::string("X"), std::nullopt});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("Unauthenticated.") != std::string::npos);

  json bad = post("a", "2026-02-30 10:00:00");
  auto damaged = snapshot_from_api_answers({kWorkspace, page(1, 1, 1, json::array({bad}))}, {});
  REQUIRE_FALSE(damaged.ok());
  CHECK(damaged.error().errors.count("answers.1.data.0.scheduled_at") == 1);
}

TEST_CASE("answers that are not JSON, or cut short, name the answer") {
  auto cut = split_json_documents("{\"id\":\"w\",\"name\":\"A\"}\n{\"data\": [");
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().message.find("Answer 2 is cut short") != std::string::npos);
  auto text = split_json_documents("<html>Bad gateway</html>");
  REQUIRE_FALSE(text.ok());
  CHECK(text.error().message.find("Answer 1 is not JSON") != std::string::npos);
  // Brackets inside strings do not end an answer.
  auto strings = split_json_documents("[{\"id\":\"l\",\"name\":\"a ] } [\",\"color\":\"#000000\"}] []");
  REQUIRE(strings.ok());
  CHECK(strings.value().size() == 2);
}

TEST_CASE("a snapshot without counts is read; counts present must agree") {
  auto s = snapshot_from_api_answers({kWorkspace, page(1, 1, 1, json::array({post("a", "2026-12-03 09:00:00")}))}, {});
  REQUIRE(s.ok());
  json file = to_json(s.value());
  file.erase("counts");
  CHECK(import_snapshot(file).ok());
  file["counts"] = {{"accounts", 0}, {"labels", 0}, {"posts", 2}};
  auto wrong = import_snapshot(file);
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().errors.count("counts.posts") == 1);
}

}  // namespace api_snapshot_test
