#include <doctest/doctest.h>

#include "trypost/calendar.hpp"
#include "trypost/post_scan.hpp"
#include "trypost/snapshot.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace post_scan_test {

using namespace trypost;
using nlohmann::json;

namespace {

json full_post() {
  return json::parse(R"({
    "id": "p\"1", "content": "caf\u00e9 \ud83d\ude00 \\ tab\t", "status": "scheduled",
    "scheduled_at": "2026-05-04 10:00:00", "published_at": null, "created_at": "2026-05-01T09:00:00+02:00",
    "updated_at": null, "extra": {"deep": [1, 2.5e3, -0, true, false, null, "x", {"y": []}]},
    "media": [{"id": "m1", "path": "a/b.png", "url": "https://x.test/b.png", "type": "image", "mime_type": "image/png",
               "original_filename": null, "size": 1234, "meta": []}],
    "platforms": [{"id": "pp1", "platform": "x", "content_type": "x_post", "meta": {"a": {"b": 1}}, "status": "pending",
                   "enabled": true, "platform_url": null, "error_message": null, "published_at": null,
                   "display_name": "N", "display_username": "@n", "display_avatar": "",
                   "social_account": {"id": "acc1", "platform": "x"}},
                  {"id": "pp2", "platform": "linkedin", "content_type": "linkedin_post", "social_account": null,
                   "social_account_id": "acc2"}],
    "labels": [{"id": "l1", "name": "Red", "color": "#ff0000", "created_at": "2026-01-01 00:00:00"}]
  })");
}

// What the full parser makes of the same document.
std::vector<Post> reference(const json& doc) {
  std::vector<Post> out;
  for (const auto& p : doc) out.push_back(post_from_json(p).value());
  return out;
}

void same_posts(const std::vector<Post>& a, const std::vector<Post>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].id == b[i].id);
    CHECK(a[i].content == b[i].content);
    CHECK(a[i].status == b[i].status);
    CHECK(a[i].scheduled_at == b[i].scheduled_at);
    CHECK(a[i].published_at == b[i].published_at);
    REQUIRE(a[i].platforms.size() == b[i].platforms.size());
    for (std::size_t k = 0; k < a[i].platforms.size(); ++k) {
      CHECK(a[i].platforms[k].id == b[i].platforms[k].id);
      CHECK(a[i].platforms[k].platform == b[i].platforms[k].platform);
      CHECK(a[i].platforms[k].social_account_id == b[i].platforms[k].social_account_id);
    }
    REQUIRE(a[i].labels.size() == b[i].labels.size());
    for (std::size_t k = 0; k < a[i].labels.size(); ++k) {
      CHECK(a[i].labels[k].id == b[i].labels[k].id);
      CHECK(a[i].labels[k].name == b[i].labels[k].name);
      CHECK(a[i].labels[k].color == b[i].labels[k].color);
    }
  }
}

}  // namespace

TEST_CASE("post scan: reads what the full parser reads, in every document shape it serves") {
  json two = json::array({full_post(), full_post()});
  two[1]["id"] = "2";
  two[1]["content"] = nullptr;
  two[1]["status"] = "draft";
  two[1]["scheduled_at"] = nullptr;
  two[1]["platforms"][0]["social_account"] = "not an object";  // ignored, as Fields does
  const auto ref = reference(two);

  const auto bare = scan_posts_document(two.dump());
  REQUIRE(bare.has_value());
  CHECK(bare->bare);
  same_posts(bare->posts, ref);
  CHECK(bare->posts[0].content == std::string("caf\u00e9 \U0001F600 \\ tab\t"));
  CHECK(bare->posts[1].platforms[0].social_account_id.empty());

  const auto page = scan_posts_document(json{{"data", two}, {"meta", {{"current_page", 1}}}, {"links", nullptr}}.dump(2));
  REQUIRE(page.has_value());
  CHECK(page->from_data);
  same_posts(page->posts, ref);

  const auto doc = scan_posts_document(json{{"labels", json::array({{{"id", "l9"}, {"name", "Nine"}}})}, {"posts", two}}.dump());
  REQUIRE(doc.has_value());
  same_posts(doc->posts, ref);
  REQUIRE(doc->labels.size() == 1);
  CHECK(doc->labels[0].name == "Nine");
  CHECK(scan_posts_document("  []  ").has_value());
}

TEST_CASE("post scan: anything the full parser refuses, or that is not a plain posts document, is left to it") {
  const auto refused = [](const json& post) {
    const auto text = json::array({post}).dump();
    CHECK_FALSE(post_from_json(post).ok());  // the reference refuses it too
    return !scan_posts_document(text).has_value();
  };
  auto p = full_post();
  auto with = [&](const char* key, json v) {
    auto q = p;
    q[key] = std::move(v);
    return q;
  };
  CHECK(refused(with("status", "queued")));
  CHECK(refused(with("status", nullptr)));
  CHECK(refused(with("id", 7)));
  CHECK(refused(with("id", nullptr)));
  CHECK(refused(with("content", 5)));
  CHECK(refused(with("scheduled_at", "2026-13-01 00:00:00")));
  CHECK(refused(with("created_at", "yesterday")));
  CHECK(refused(with("platforms", "x")));
  CHECK(refused(with("media", json::array({"not an object"}))));
  CHECK(refused(with("labels", json::array({{{"name", "no id"}}}))));
  auto q = p;
  q["platforms"][0]["platform"] = "myspace";
  CHECK(refused(q));
  q = p;
  q["platforms"][0]["content_type"] = nullptr;
  CHECK(refused(q));
  q = p;
  q["platforms"][0]["meta"] = "text";
  CHECK(refused(q));
  q = p;
  q["platforms"][0]["enabled"] = 1;
  CHECK(refused(q));
  q = p;
  q["media"][0]["size"] = 1.5;
  CHECK(refused(q));
  q = p;
  q["platforms"][0]["social_account"]["id"] = 12;
  CHECK(refused(q));

  // Not JSON, or JSON nlohmann refuses.
  for (const char* text : {"", "[", "[{}", "[] x", "[01]", "[\"\\ud800\"]", "[\"\\ud800\\u0041\"]", "[\"\\udc00x\"]",
                           "[\"a\x01\"]", "[tru]",
                           "{\"posts\": null}", "{\"other\": []}", "\xEF\xBB\xBF[]"})
    CHECK_FALSE(scan_posts_document(text).has_value());
  CHECK_FALSE(scan_posts_document(std::string("[{\"id\":\"1\",\"status\":\"draft\",\"x\":\"\xC0\xAF\"}]")).has_value());
  CHECK_FALSE(scan_posts_document(std::string("[{\"id\":\"1\",\"status\":\"draft\",\"x\":\"\xED\xA0\x80\"}]")).has_value());
  CHECK(scan_posts_document(std::string("[{\"id\":\"1\",\"status\":\"draft\",\"x\":\"\xF0\x9F\x98\x80\"}]")).has_value());
  // A snapshot without its labels list is left to the importer, which names what is missing.
  CHECK_FALSE(scan_posts_document(R"({"format": "trypost-calendar-snapshot", "version": 1, "posts": []})").has_value());

  // Depth: nesting up to the limit is read, one more level is not.
  const auto nested = [](int levels) {
    std::string v(static_cast<std::size_t>(levels), '[');
    v += std::string(static_cast<std::size_t>(levels), ']');
    return "[{\"id\":\"1\",\"status\":\"draft\",\"x\":" + v + "}]";
  };
  CHECK(scan_posts_document(nested(62)).has_value());  // 2 (list, post) + 62 = 64
  CHECK_FALSE(scan_posts_document(nested(63)).has_value());
  // String size: the limit passes, one byte more does not.
  ScanLimits small;
  small.max_string_bytes = 8;
  CHECK(scan_posts_document(R"([{"id":"12345678","status":"draft"}])", small).has_value());
  CHECK_FALSE(scan_posts_document(R"([{"id":"123456789","status":"draft"}])", small).has_value());
}

TEST_CASE("calendar load_json: the fast path gives the same index and the same errors as the full one") {
  json posts = json::array();
  for (int i = 0; i < 40; ++i) {
    auto p = full_post();
    p["id"] = std::to_string(i);
    p["scheduled_at"] = i % 5 == 0 ? json(nullptr) : json("2026-05-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) + " 10:00:00");
    posts.push_back(p);
  }
  CalendarIndex fast, slow;
  const auto summary = json::parse(fast.load_json(json{{"posts", posts}}.dump()));
  REQUIRE(slow.load(json{{"posts", posts}}).ok());
  CHECK(summary["posts"] == 40);
  const auto q = calendar_query_from_json({{"view", "month"}, {"date", "2026-05-10"}, {"details", true}, {"max_rows", 3}}).value();
  CHECK(fast.view_string(q) == slow.view_string(q));

  // A damaged post still refuses the whole load, with the field named; the old contents stay.
  posts[3]["status"] = "queued";
  const auto bad = json::parse(fast.load_json(json{{"posts", posts}}.dump()));
  REQUIRE(bad.contains("error"));
  CHECK(bad["errors"].contains("posts.3.status"));
  CHECK(fast.size() == 40);
  posts[3]["status"] = "draft";
  posts[4]["id"] = "3";
  const auto twice = json::parse(fast.load_json(json{{"data", posts}}.dump()));
  REQUIRE(twice.contains("error"));
  CHECK(twice["errors"].contains("data.4.id"));
}

TEST_CASE("calendar load_json: a snapshot file is read in one pass, with the importer's checks and errors") {
  json posts = json::array();
  for (int i = 0; i < 30; ++i) {
    auto p = full_post();
    p["id"] = std::to_string(i);
    p["scheduled_at"] = "2026-05-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) + " 10:00:00";
    posts.push_back(p);
  }
  const json ws{{"workspace", {{"name", "Acme"}, {"brand", {{"primary", "#112233"}}}}},
                {"accounts", json::array({{{"id", "acc1"}, {"platform", "x"}, {"display_name", "Acme X"}}})},
                {"labels", json::array({{{"id", "l1"}, {"name", "Red"}, {"color", "#ff0000"}}})},
                {"posts", posts}};
  const std::string file = export_snapshot_json(ws.dump());
  REQUIRE_FALSE(json::parse(file).contains("error"));
  const auto scanned = scan_posts_document(file);
  REQUIRE(scanned.has_value());  // the one-pass reader takes it
  CHECK_FALSE(scanned->snapshot_members.empty());
  CHECK(scanned->posts.size() == 30);

  CalendarIndex fast, slow;
  const auto summary = json::parse(fast.load_json(file));
  CHECK(summary["posts"] == 30);
  // The viewer's title, theme and label filter come with the summary: nothing parses the file twice.
  CHECK(summary["workspace"]["name"] == "Acme");
  CHECK(summary["workspace"]["brand"]["primary"] == "#112233");
  REQUIRE(summary["label_list"].size() == 1);
  CHECK(summary["label_list"][0]["name"] == "Red");
  REQUIRE(slow.load(json::parse(file)).ok());
  const auto q = calendar_query_from_json({{"view", "month"}, {"date", "2026-05-10"}, {"details", true}, {"max_rows", 3}}).value();
  CHECK(fast.view_string(q) == slow.view_string(q));

  // Each damage is refused with the importer's own message and field, and the index keeps what it had.
  const auto refused_like_import = [&](json damaged, const char* field) {
    const auto got = json::parse(fast.load_json(damaged.dump()));
    CalendarIndex full;
    const auto want = full.load(damaged);
    REQUIRE_FALSE(want.ok());
    REQUIRE(got.contains("error"));
    CHECK(got["error"] == want.error().message);
    if (*field) CHECK(got["errors"].contains(field));
    CHECK(fast.size() == 30);
  };
  auto f = json::parse(file);
  f["counts"]["posts"] = 31;
  refused_like_import(f, "counts.posts");
  f = json::parse(file);
  f["version"] = 2;
  refused_like_import(f, "");
  f = json::parse(file);
  f.erase("workspace");
  refused_like_import(f, "workspace");
  f = json::parse(file);
  f.erase("labels");
  refused_like_import(f, "labels");
  f = json::parse(file);
  f["posts"][2]["status"] = "queued";
  refused_like_import(f, "posts.2.status");
}

}  // namespace post_scan_test
