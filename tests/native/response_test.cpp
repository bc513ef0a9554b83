#include <doctest/doctest.h>

#include "trypost/response.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace response_test {

using namespace trypost;
using nlohmann::json;

namespace {

json post_json(int i, const char* status = "scheduled") {
  return json{{"id", "p" + std::to_string(i)},
              {"content", "Hello"},
              {"status", status},
              {"scheduled_at", "2026-05-10T15:30:00Z"},
              {"published_at", nullptr},
              {"media", json::array()},
              {"platforms", json::array()},
              {"labels", json::array()},
              {"created_at", "2026-05-01 10:00:00"},
              {"updated_at", "2026-05-01 10:00:00"}};
}

json page_json(json data, int current, int last, int per, int total) {
  const auto n = static_cast<int>(data.size());
  const auto from = n ? json((current - 1) * per + 1) : json(nullptr);
  const auto to = n ? json((current - 1) * per + n) : json(nullptr);
  return json{{"data", data},
              {"links", {{"first", "https://app.trypost.it/api/posts?page=1"},
                         {"last", "https://app.trypost.it/api/posts?page=" + std::to_string(last)},
                         {"prev", current > 1 ? json("https://app.trypost.it/api/posts?page=" + std::to_string(current - 1)) : json(nullptr)},
                         {"next", current < last ? json("https://app.trypost.it/api/posts?page=" + std::to_string(current + 1)) : json(nullptr)}}},
              {"meta", {{"current_page", current}, {"from", from}, {"to", to}, {"last_page", last}, {"per_page", per},
                        {"total", total}, {"path", "https://app.trypost.it/api/posts"},
                        {"links", json::array({{{"url", nullptr}, {"label", "&laquo; Previous"}, {"page", nullptr}, {"active", false}}})}}}};
}

ParsedResponse parse(const char* endpoint, int status, const std::string& body, std::map<std::string, std::string> headers = {},
                     UtcSeconds now = 0, ResponseLimits limits = {}) {
  return parse_response(*find_endpoint(endpoint), HttpResponse{status, std::move(headers), body}, now, limits);
}

}  // namespace

TEST_CASE("an unwrapped post parses into the model; both time formats come out in the API form") {
  const auto r = parse("posts.get", 200, post_json(1).dump());
  REQUIRE(r.ok);
  CHECK(r.data["id"] == "p1");
  CHECK(r.data["scheduled_at"] == "2026-05-10 15:30:00");
  CHECK(r.data["created_at"] == "2026-05-01 10:00:00");
  CHECK_FALSE(r.page);
}

TEST_CASE("the posts page envelope: 15 per page, next page number to walk them all") {
  json data = json::array();
  for (int i = 0; i < 15; ++i) data.push_back(post_json(i));
  const auto first = parse("posts.list", 200, page_json(data, 1, 3, 15, 40).dump());
  REQUIRE(first.ok);
  REQUIRE(first.page);
  CHECK(first.data.size() == 15);
  CHECK(first.page->next_page == 2);
  CHECK_FALSE(first.page->prev_page);
  CHECK(first.page->from == 1);
  CHECK(first.page->to == 15);
  json tail = json::array();
  for (int i = 0; i < 10; ++i) tail.push_back(post_json(30 + i));
  const auto last = parse("posts.list", 200, page_json(tail, 3, 3, 15, 40).dump());
  REQUIRE(last.ok);
  CHECK_FALSE(last.page->next_page);
  CHECK(last.page->prev_page == 2);
  CHECK(last.page->to == 40);
}

TEST_CASE("an empty page (from/to null) and a page past the end are fine and end the walk") {
  const auto empty = parse("posts.list", 200, page_json(json::array(), 1, 1, 15, 0).dump());
  REQUIRE(empty.ok);
  CHECK(empty.data.empty());
  CHECK_FALSE(empty.page->from);
  CHECK_FALSE(empty.page->to);
  CHECK_FALSE(empty.page->next_page);
  const auto beyond = parse("assets.list", 200, page_json(json::array(), 9, 2, 25, 30).dump());
  REQUIRE(beyond.ok);
  CHECK_FALSE(beyond.page->next_page);
}

TEST_CASE("an assets page holds at most per_page (25) items: 25 pass, 26 fail") {
  json asset = {{"id", "a"}, {"original_filename", "a.jpg"}, {"type", "image"}, {"mime_type", "image/jpeg"},
                {"size", 10}, {"url", "https://x/a.jpg"}, {"meta", json::array()}, {"created_at", "2026-05-01 10:00:00"}};
  json data = json::array();
  for (int i = 0; i < 25; ++i) data.push_back(asset);
  CHECK(parse("assets.list", 200, page_json(data, 1, 2, 25, 26).dump()).ok);
  data.push_back(asset);
  const auto r = parse("assets.list", 200, page_json(data, 1, 2, 25, 26).dump());
  REQUIRE_FALSE(r.ok);
  CHECK(r.failure->reason == "shape");
  CHECK(r.failure->errors.count("data") == 1);
}

TEST_CASE("bare arrays: labels, signatures, accounts, keys") {
  const auto labels = parse("labels.list", 200, R"J([{"id":"l1","name":"Promo","color":"#4f46e5","created_at":"2026-05-01 10:00:00"}])J");
  REQUIRE(labels.ok);
  CHECK(labels.data.at(0)["name"] == "Promo");
  const auto keys = parse("api_keys.list", 200,
                          R"J([{"id":"k1","name":"CI","last_used_at":null,"expires_at":"2025-12-31T00:00:00+00:00","created_at":"2025-01-14T12:00:00+00:00"}])J");
  CHECK(keys.ok);
  const auto accounts = parse("social_accounts.list", 200,
                              R"J([{"id":"a1","platform":"x","display_name":"J","username":"@j","is_active":true,"status":"connected"}])J");
  CHECK(accounts.ok);
  const auto bad = parse("labels.list", 200, R"J([{"id":"l1","name":"a"},{"name":"b"}])J");
  REQUIRE_FALSE(bad.ok);
  CHECK(bad.failure->errors.count("1.id") == 1);
}

TEST_CASE("wrong types and missing fields name their path") {
  json data = json::array();
  for (int i = 0; i < 5; ++i) data.push_back(post_json(i));
  data[3]["status"] = 7;
  data[4].erase("id");
  const auto r = parse("posts.list", 200, page_json(data, 1, 1, 15, 5).dump());
  REQUIRE_FALSE(r.ok);
  CHECK(r.failure->kind == "malformed");
  CHECK(r.failure->reason == "shape");
  CHECK(r.failure->errors.count("data.3.status") == 1);
  CHECK(r.failure->errors.count("data.4.id") == 1);
  auto no_meta = page_json(json::array(), 1, 1, 15, 0);
  no_meta["meta"].erase("last_page");
  no_meta["meta"]["current_page"] = "1";
  const auto m = parse("posts.list", 200, no_meta.dump());
  REQUIRE_FALSE(m.ok);
  CHECK(m.failure->errors.count("meta.last_page") == 1);
  CHECK(m.failure->errors.count("meta.current_page") == 1);
  const auto boards = parse("social_accounts.boards", 200, R"J({"boards":[{"id":123,"name":"B"}],"truncated":false})J");
  REQUIRE_FALSE(boards.ok);
  CHECK(boards.failure->errors.count("boards.0.id") == 1);
}

TEST_CASE("HTML pages, truncated JSON, empty bodies and error bodies in a 200 are typed failures") {
  const auto html = parse("posts.get", 200, "<!DOCTYPE html><html><body>Login</body></html>", {{"content-type", "text/html; charset=UTF-8"}});
  CHECK(html.failure->reason == "html");
  const auto cut = parse("posts.get", 200, post_json(1).dump().substr(0, 40));
  REQUIRE_FALSE(cut.ok);
  CHECK(cut.failure->reason == "not_json");
  CHECK(cut.failure->message.find("byte 41") != std::string::npos);
  CHECK(parse("posts.get", 200, "").failure->reason == "not_json");
  CHECK(parse("posts.get", 200, "{\"id\": \"\xff\"}").failure->reason == "not_json");
  const auto err200 = parse("posts.get", 200, R"J({"message":"Server Error"})J");
  REQUIRE_FALSE(err200.ok);
  CHECK(err200.failure->reason == "error_body");
  CHECK(err200.failure->message == "Server Error");
  CHECK(parse("labels.list", 200, R"J({"message":"Unauthenticated."})J").failure->reason == "error_body");
  CHECK(parse("posts.list", 200, R"J({"message":"x"})J").failure->reason == "error_body");
  CHECK(parse("labels.list", 200, R"J({"data":[]})J").failure->reason == "shape");
}

TEST_CASE("size, depth and string limits: the limit passes, one more fails") {
  ResponseLimits l;
  l.max_depth = 64;
  const auto nest = [](int n) { return std::string(n, '[') + std::string(n, ']'); };
  CHECK_FALSE(check_json_limits(nest(64), l));
  const auto deep = check_json_limits(nest(65), l);
  REQUIRE(deep);
  CHECK(deep->reason == "too_deep");
  CHECK(check_json_limits(nest(100000), l)->reason == "too_deep");  // no recursion to blow the stack
  l.max_string_bytes = 10;
  CHECK_FALSE(check_json_limits(R"(["0123456789"])", l));
  CHECK(check_json_limits(R"(["0123456789a"])", l)->reason == "string_too_long");
  CHECK(check_json_limits(R"({"0123456789a":1})", l)->reason == "string_too_long");
  l.max_body_bytes = 14;
  CHECK_FALSE(check_json_limits(R"(["0123456789"])", l));
  CHECK(check_json_limits(R"(["0123456789"] )", l)->reason == "too_large");
  ResponseLimits small;
  small.max_body_bytes = 100;
  CHECK(parse("posts.get", 200, post_json(1).dump(), {}, 0, small).failure->reason == "too_large");
}

TEST_CASE("401 means the workspace key, the account session, or Pinterest, by endpoint") {
  const auto key = parse("posts.list", 401, R"J({"message":"Unauthenticated."})J");
  CHECK(key.failure->kind == "key_invalid");
  CHECK(key.failure->workspace_key_needs_attention);
  CHECK_FALSE(key.failure->reconnect_account);
  const auto pin = parse("social_accounts.boards", 401, R"J({"message":"Token expired"})J");
  CHECK(pin.failure->kind == "pinterest_token_expired");
  CHECK(pin.failure->reconnect_account);
  CHECK_FALSE(pin.failure->workspace_key_needs_attention);
  CHECK(parse("social_accounts.channels", 401, "").failure->kind == "key_invalid");
  CHECK(parse("account.me", 401, "").failure->kind == "session_expired");
}

TEST_CASE("402 stops credit-gated actions and says until when, if the server did") {
  const auto p = parse("posts.create", 402, R"J({"message":"Monthly AI credits exhausted","resets_at":"2026-12-01 00:00:00"})J");
  CHECK(p.failure->kind == "payment_required");
  CHECK(p.failure->stop_credit_actions);
  CHECK(p.failure->message == "Monthly AI credits exhausted");
  CHECK(format_api_time(*p.failure->until) == "2026-12-01 00:00:00");
  const auto ra = parse("posts.create", 402, "{}", {{"retry-after", "3600"}}, 1000);
  CHECK(ra.failure->until == 4600);
  CHECK_FALSE(parse("posts.create", 402, R"J({"message":"Subscription required"})J").failure->until);
}

TEST_CASE("403, 404, 409, 422, 429, 5xx and no answer") {
  CHECK(parse("posts.update", 403, R"J({"message":"This action is unauthorized."})J").failure->kind == "forbidden");
  CHECK(parse("uploads.store", 403, "").failure->kind == "upload_link_invalid");
  const auto nf = parse("social_accounts.toggle", 404, R"J({"message":"Account not found."})J");
  CHECK(nf.failure->kind == "not_found");
  CHECK(nf.failure->message == "Account not found.");
  CHECK(parse("uploads.store", 409, "").failure->kind == "conflict");
  const auto v = parse("posts.update", 422,
                       R"J({"message":"The platforms.0.meta.board id field is required. (and 1 more error)","errors":{"platforms.0.meta.board_id":["The platforms.0.meta.board id field is required."],"content":["Too long.", 5]}})J");
  CHECK(v.failure->kind == "validation");
  CHECK(v.failure->errors.at("platforms.0.meta.board_id").size() == 1);
  CHECK(v.failure->errors.at("content").size() == 1);
  const auto rl = parse("posts.list", 429, R"({"message":"Too Many Attempts."})", {{"retry-after", "30"}});
  CHECK(rl.failure->kind == "rate_limited");
  CHECK(rl.failure->retry_after_seconds == 30);
  CHECK(parse("social_accounts.channels", 502, "").failure->kind == "upstream_unavailable");
  const auto html500 = parse("posts.list", 500, "<html>Whoops</html>", {{"content-type", "text/html"}});
  CHECK(html500.failure->kind == "server_error");
  CHECK(html500.failure->message == "The server failed to answer.");
  CHECK(parse("posts.list", 0, "").failure->kind == "network");
  CHECK(parse("posts.list", 418, "").failure->kind == "client_error");
  CHECK(parse("posts.list", 302, "").failure->kind == "unexpected_status");
  CHECK(parse("posts.list", 500, std::string(200, '[')).failure->kind == "server_error");
}

TEST_CASE("204 deletes, and the other documented shapes") {
  const std::string body1 = R"J({"post_id":"p","platforms":[{"post_platform_id":"pp","platform":"tiktok","status":"published","metrics":{"unsupported":true,"reason":"platform_not_supported"}}]})J";
  const std::string body2 = R"J({"post_id":"p","original_content":"a","original_length":1,"platforms":[{"post_platform_id":"pp","platform":"x","content_type":"x_post","sanitized_content":"a","sanitized_length":1,"max_content_length":280,"truncated":false}]})J";
  const std::string body3 = R"J({"upload_token":"t","media_id":"m","type":"image","mime_type":"image/jpeg","original_filename":"a.png"})J";
  const std::string body4 = R"J({"platforms":[{"platform":"linkedin","label":"LinkedIn","max_content_length":3000,"recommended_content_length":1200,"allowed_media_types":["image"],"default_content_type":"linkedin_post","content_types":[{"value":"linkedin_post","max_media_count":10}]}]})J";
  const std::string body5 = R"J({"id":"w","name":"Acme","created_at":"2026-05-01 10:00:00","updated_at":"2026-05-01 10:00:00"})J";
  const std::string body6 = R"J({"channels":[{"id":"1234567890123456789","name":"general"}]})J";
  const std::string body7 = R"J({"token":{"id":"k","name":"CI","last_used_at":null,"expires_at":null,"created_at":"2025-01-14T12:00:00+00:00"},"plain_token":"opaque"})J";
  const std::string body8 = R"J({"mode":"cloud","credits_used":3,"credits_limit":100,"resets_at":"2026-12-01 00:00:00","plan_status":"active"})J";
  const std::string body9 = R"J({"members":[{"user_id":1,"name":"A","email":"a@x","role":"owner"}],"invites":[]})J";
  const std::string body10 = R"J({"id":"w","name":"Acme","created_at":"yesterday"})J";
  CHECK(parse("posts.delete", 204, "").ok);
  CHECK(parse("labels.delete", 204, "").data.is_null());
  const auto from_url = parse("posts.media.from_url", 200,
                              json{{"post", post_json(1)}, {"attached_count", 1}, {"failed_urls", {"https://x/y.bmp"}}}.dump());
  REQUIRE(from_url.ok);
  CHECK(from_url.data["post"]["scheduled_at"] == "2026-05-10 15:30:00");
  CHECK(parse("posts.metrics", 200,
              body1).ok);
  CHECK(parse("posts.preview", 200,
              body2).ok);
  CHECK(parse("uploads.store", 201, body3).ok);
  CHECK(parse("content_types.list", 200,
              body4).ok);
  CHECK(parse("workspace.get", 200, body5).ok);
  CHECK(parse("social_accounts.channels", 200, body6).ok);
  CHECK(parse("api_keys.create", 201, body7).ok);
  CHECK(parse("account.usage", 200, body8).ok);
  CHECK(parse("account.members.list", 200, body9).ok);
  CHECK_FALSE(parse("workspace.get", 200, body10).ok);
}

TEST_CASE("the JSON entry point") {
  const auto ok = json::parse(parse_response_json(json{{"endpoint", "posts.list"}, {"status", 200},
                                                       {"body", page_json(json::array({post_json(1)}), 1, 2, 15, 16).dump()}}
                                                      .dump()));
  CHECK(ok["ok"] == true);
  CHECK(ok["page"]["next_page"] == 2);
  CHECK(ok["page"]["from"] == 1);
  const auto rl = json::parse(parse_response_json(R"J({"endpoint":"posts.list","status":429,"headers":{"Retry-After":"12"},"body":"{}"})J"));
  CHECK(rl["ok"] == false);
  CHECK(rl["failure"]["retry_after_seconds"] == 12);
  CHECK(json::parse(parse_response_json(R"J({"endpoint":"nope","status":200})J")).contains("error"));
  CHECK(json::parse(parse_response_json(R"J({"endpoint":"posts.list","status":200,"body":{}})J")).contains("error"));
  const auto deep = json::parse(parse_response_json(R"J({"endpoint":"posts.get","status":200,"body":"[[[[[]]]]]","limits":{"max_depth":3}})J"));
  CHECK(deep["failure"]["reason"] == "too_deep");
}

TEST_CASE("every truncation and every single-byte corruption of a page is an answer, never a crash") {
  const auto text = page_json(json::array({post_json(1)}), 1, 2, 15, 16).dump();
  const auto& ep = *find_endpoint("posts.list");
  int failures = 0;
  for (std::size_t n = 0; n < text.size(); ++n) {
    const auto r = parse_response(ep, HttpResponse{200, {}, text.substr(0, n)});
    CHECK_FALSE(r.ok);  // no proper prefix of the page is a whole page
    failures += r.failure.has_value();
  }
  CHECK(failures == static_cast<int>(text.size()));
  for (std::size_t i = 0; i < text.size(); ++i) {
    for (char c : {'\0', '"', '{', ']', '9', '\xff'}) {
      auto bad = text;
      bad[i] = c;
      const auto r = parse_response(ep, HttpResponse{200, {}, bad});
      CHECK(r.ok != r.failure.has_value());
    }
  }
  CHECK(parse_response(ep, HttpResponse{200, {}, text}).ok);
}

TEST_CASE("the body may travel as its own text, with the same answer") {
  const auto body = page_json(json::array({post_json(1)}), 1, 2, 15, 16).dump();
  const auto a = parse_response_json(json{{"endpoint", "posts.list"}, {"status", 200}, {"body", body}}.dump());
  const auto b = parse_response_parts_json(R"({"endpoint":"posts.list","status":200})", body);
  CHECK(a == b);
  CHECK(json::parse(parse_response_parts_json(R"({"endpoint":"posts.list","status":200})", body.substr(0, 9)))["failure"]["reason"] == "not_json");
  CHECK(json::parse(parse_response_parts_json("{", body)).contains("error"));
}

}  // namespace response_test
