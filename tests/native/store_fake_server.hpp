#pragma once
// A small in-test TryPost server: the documented workspace-key REST subset the store uses and
// the account endpoints of docs/account-api.md. It resolves the workspace from the key a request
// carries, as the real server does, so a request signed with the wrong key shows up as the
// wrong workspace's data.
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace trypost::testing {

class FakeServer {
 public:
  struct Reply {
    int status = 200;
    std::string body;
  };
  struct Ws {
    std::string id, name;
    int posts = 0, labels = 0, accounts = 0, members = 0;
    std::vector<std::string> keys;
  };

  std::string account_token = "acct-token-SECRET";
  bool account_api = true;
  std::map<std::string, Ws> workspaces;
  std::map<std::string, std::string> key_owner;  // live keys
  std::map<std::string, std::string> issued;     // every key ever issued -> its workspace

  explicit FakeServer(unsigned seed = 1) : rng_(seed) {}

  // A workspace that exists server-side, with a key; what a user would paste into "add by key".
  std::string seed_workspace(const std::string& name, int posts, int labels = 2, int accounts = 2) {
    auto& w = create(name);
    w.posts = posts;
    w.labels = labels;
    w.accounts = accounts;
    return w.keys.front();
  }

  Reply handle(const nlohmann::json& req) {
    using nlohmann::json;
    const std::string method = req["method"], path = req["path"];
    const std::string auth = req["headers"].value("Authorization", "");
    const std::string bearer = auth.rfind("Bearer ", 0) == 0 ? auth.substr(7) : "";
    const json body = req["body"].is_string() ? json::parse(req["body"].get<std::string>()) : json();
    const auto seg = split(path.substr(0, path.find('?')));
    if (path.rfind("/api/account/", 0) == 0) {
      if (!account_api) return {404, R"({"message":"Not Found"})"};
      if (bearer != account_token) return {401, R"({"message":"Unauthenticated."})"};
      if (seg.size() == 3 && method == "GET") {
        json list = json::array();
        for (const auto& [id, w] : workspaces) list.push_back(account_ws(w));
        return {200, list.dump()};
      }
      if (seg.size() == 3 && method == "POST") {
        auto& w = create(body.value("name", ""));
        return {201, json{{"workspace", account_ws(w)},
                          {"api_key", {{"token", {{"id", "k"}, {"name", "dashboard"}}}, {"plain_token", w.keys.front()}}}}
                         .dump()};
      }
      const auto it = seg.size() >= 4 ? workspaces.find(seg[3]) : workspaces.end();
      if (it == workspaces.end()) return {404, R"({"message":"Not Found"})"};
      auto& w = it->second;
      if (seg.size() == 4 && method == "PATCH") {
        if (body.contains("name")) w.name = body["name"];
        return {200, account_ws(w).dump()};
      }
      if (seg.size() == 5 && seg[4] == "brand") return {200, account_ws(w, body).dump()};
      if (seg.size() == 4 && method == "DELETE") {
        if (body.value("confirm_name", "") != w.name)
          return {422, R"({"message":"The confirm name is invalid.","errors":{"confirm_name":["The confirm name is invalid."]}})"};
        for (const auto& k : w.keys) key_owner.erase(k);
        workspaces.erase(it);
        return {204, ""};
      }
      if (seg.size() == 5 && seg[4] == "api-keys" && method == "POST") {
        const auto key = "key-" + w.id + "-" + std::to_string(rng_());
        w.keys.push_back(key);
        key_owner[key] = w.id;
        issued[key] = w.id;
        return {201, json{{"token", {{"id", "k-" + std::to_string(w.keys.size())}, {"name", body.value("name", "")},
                                     {"last_used_at", nullptr}, {"expires_at", nullptr}, {"created_at", "2026-01-01T00:00:00+00:00"}}},
                          {"plain_token", key}}
                         .dump()};
      }
      if (seg.size() == 5 && seg[4] == "members") {
        json members = json::array({{{"user_id", "u-owner"}, {"name", "Owner"}, {"email", "o@x"}, {"role", "owner"}}});
        for (int i = 0; i < w.members; ++i)
          members.push_back({{"user_id", w.id + "-user-" + std::to_string(i)}, {"name", "M"}, {"email", "m@x"}, {"role", "member"}});
        return {200, json{{"members", members}, {"invites", json::array()}}.dump()};
      }
      return {404, R"({"message":"Not Found"})"};
    }
    const auto owner = key_owner.find(bearer);
    if (owner == key_owner.end()) return {401, R"({"message":"Unauthenticated."})"};
    auto& w = workspaces.at(owner->second);
    if (path == "/api/workspace")
      return {200, json{{"id", w.id}, {"name", w.name}, {"created_at", "2026-01-01 00:00:00"}, {"updated_at", "2026-01-01 00:00:00"}}.dump()};
    if (seg.size() == 2 && seg[1] == "posts" && method == "GET") {
      const int page = std::stoi(path.substr(path.find("page=") + 5));
      const int last = w.posts == 0 ? 1 : (w.posts + 14) / 15;
      json data = json::array();
      for (int i = (page - 1) * 15; i < std::min(w.posts, page * 15); ++i) data.push_back(post(w, i));
      return {200, json{{"data", data},
                        {"links", {{"first", "/api/posts?page=1"}, {"last", "/api/posts?page=" + std::to_string(last)}, {"prev", nullptr}, {"next", nullptr}}},
                        {"meta", {{"current_page", page}, {"last_page", last}, {"per_page", 15}, {"total", w.posts}}}}
                       .dump()};
    }
    if (seg.size() == 3 && seg[1] == "posts" && (method == "PUT" || method == "GET")) {
      const std::string prefix = w.id + "-post-";
      if (seg[2].rfind(prefix, 0) != 0) return {404, R"({"message":"Not Found"})"};
      return {200, post(w, std::stoi(seg[2].substr(prefix.size()))).dump()};
    }
    if (path == "/api/labels") {
      json list = json::array();
      for (int i = 0; i < w.labels; ++i) list.push_back({{"id", w.id + "-label-" + std::to_string(i)}, {"name", w.id}, {"color", "#112233"}});
      return {200, list.dump()};
    }
    if (path == "/api/social-accounts") {
      json list = json::array();
      for (int i = 0; i < w.accounts; ++i)
        list.push_back({{"id", w.id + "-acct-" + std::to_string(i)}, {"platform", "x"}, {"display_name", w.id},
                        {"username", "@a"}, {"is_active", true}, {"status", "connected"}});
      return {200, list.dump()};
    }
    return {404, R"({"message":"Not Found"})"};
  }

  Ws& create(const std::string& name) {
    char id[16];
    std::snprintf(id, sizeof id, "ws-%03d", next_ws_++);
    Ws w;
    w.id = id;
    w.name = name;
    const auto key = "key-" + w.id + "-" + std::to_string(rng_());
    w.keys.push_back(key);
    key_owner[key] = w.id;
    issued[key] = w.id;
    return workspaces[w.id] = w;
  }

  static nlohmann::json post(const Ws& w, int i) {
    // The fields the isolation checks read; the full post shape is post_test's business.
    return {{"id", w.id + "-post-" + std::to_string(i)}, {"content", w.id}, {"status", "draft"}};
  }

 private:
  static std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= path.size()) {
      const auto end = path.find('/', start);
      out.push_back(path.substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return out;
  }
  static nlohmann::json account_ws(const Ws& w, const nlohmann::json& brand = nullptr) {
    nlohmann::json b = brand.is_object() ? brand
                                         : nlohmann::json{{"website", nullptr}, {"description", nullptr}, {"tone", nullptr},
                                                          {"voice_notes", nullptr}, {"image_style", "cinematic"},
                                                          {"primary_color", nullptr}, {"background_color", nullptr},
                                                          {"text_color", nullptr}, {"font", "Inter"}, {"content_language", "en"}};
    return {{"id", w.id}, {"name", w.name}, {"logo_url", nullptr}, {"role", "owner"}, {"brand", b},
            {"created_at", "2026-01-01 00:00:00"}, {"updated_at", "2026-01-01 00:00:00"}};
  }

  std::mt19937 rng_;
  int next_ws_ = 0;
};

}  // namespace trypost::testing
